# SPDX-License-Identifier: MIT
# Reverse execution over outside input: virt_uart_rx receives "Zq" on the serial port (its
# PL011 interrupt handler stores the bytes); gdb goes back to the beginning of history, before
# the bytes arrived, and continues: the re-execution gets the same bytes again at the same
# point from the replay journal (core/replay.h), so the guest prints RX:Zq and exits 0 (without
# the journal it would wait for input forever).
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/virt_uart_rx.elf
need_target
PORT=$(free_port)
( { sleep 1; printf 'Zq'; } | "$EMU" -gdb "tcp::$PORT" -M arm64-virt -semihosting \
      -nographic -S -kernel "$TARGET_ELF" >"$TMP/emu.out" 2>&1; echo $? >"$TMP/emu.status" ) &
EMU_PID=$!
trap 'pkill -P "$EMU_PID" 2>/dev/null; kill "$EMU_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
wait_listen "$PORT" || finish
cat >"$TMP/script" <<'GDB'
break irq_handler
continue
delete
stepi 40
p *(long *)&count
p/c *(char *)&buf
reverse-continue
p *(long *)&count
continue
GDB
run_gdb "$TMP/script"
want '^Breakpoint 1, 0x[0-9a-f]+ in irq_handler' "the receive interrupt"
want '^\$1 = 2$' "two bytes received"
want "^\\\$2 = 90 'Z'$" "the first byte"
want '^No more reverse-execution history\.$' "back at the beginning"
want '^\$3 = 0$' "nothing received then"
want 'exited normally' "the re-executed run's own result"
for _ in $(seq 50); do [ -f "$TMP/emu.status" ] && break; sleep 0.1; done
if [ ! -f "$TMP/emu.status" ]; then
    echo "emu still runs after gdb left (the guest waits for input it did not get again)"
    failures=$((failures + 1))
fi
if ! grep -q '^RX:Zq' "$TMP/emu.out"; then
    echo "the re-execution did not receive the input again: $(head -c 300 "$TMP/emu.out")"
    failures=$((failures + 1))
fi
dump_on_failure
finish
