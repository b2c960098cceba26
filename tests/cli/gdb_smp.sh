# SPDX-License-Identifier: MIT
# A debugger that does not change what two vCPUs compute (tests/guest/arm64/smp_target.S: a
# hash of how their LDADDALs interleave). Against an uninterrupted run: 1200 stepi of thread 1
# with gdb's default scheduler-locking (vCont;s:1;c: the other vCPU runs its turns), stopped
# by thread 2's breakpoint (the stop names thread 2), reverse-stepi on both threads and
# forward again all end with the same hash; `set scheduler-locking step` (vCont;s:1, the
# other vCPU held) does change it, which shows the hash notices a perturbed schedule.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/smp_target.elf
need_target

# run_case NAME: gdb runs $TMP/pre, then to smp_end; the hash is left in $TMP/NAME.hash.
run_case() {
    start_emu -M arm64-virt -smp 2 -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
    { cat "$TMP/pre"; printf 'delete\nbreak smp_end\ncontinue\np/x *(long *)&smp_result\ncontinue\n'; } >"$TMP/script"
    run_gdb "$TMP/script"
    cp "$TMP/gdb.out" "$TMP/$1.out"
    sed -n 's/^\$[0-9]* = \(0x[0-9a-f]*\)$/\1/p' "$TMP/gdb.out" | tail -1 >"$TMP/$1.hash"
    want 'exited normally' "the guest's own result ($1)"
    emu_exit 0
}

: >"$TMP/pre"
run_case plain

cat >"$TMP/pre" <<'GDB'
break *smp_secondary
continue
info threads
stepi 3
p $pc == (long)&smp_work + 4
reverse-stepi
p $pc == (long)&smp_work
delete
break *smp_secondary + 8
thread 1
stepi 3000
p $_thread
thread 1
reverse-stepi
p $_thread
stepi
GDB
run_case debugged
want '^Thread 2 hit Breakpoint 1, 0x[0-9a-f]+ in smp_secondary' "thread 2's breakpoint (the stop names thread 2)"
want '^\* 2 +Thread 2 \(CPU#1 EL1h\) 0x[0-9a-f]+ in smp_secondary' "info threads: thread 2 current, at its breakpoint"
want '^  1 +Thread 1 \(CPU#0 EL1h\) 0x[0-9a-f]+ in ' "info threads: thread 1 and its pc"
want '^\$1 = 1$' "three steps of thread 2 (mov, bl, mov)"
want '^\$2 = 1$' "reverse-stepi of thread 2: back at the first instruction of smp_work"
want '^Thread 2 hit Breakpoint 2, 0x[0-9a-f]+ in smp_secondary' "thread 2's breakpoint ends thread 1's steps"
want '^\$3 = 2$' "gdb switched to thread 2"
want '^\$4 = 1$' "reverse-stepi of thread 1 (gdb first steps thread 2 back over its breakpoint) reports thread 1"

printf 'set scheduler-locking step\nbreak smp_loop\ncontinue\ndelete\nstepi 1200\n' >"$TMP/pre"
run_case locked

plain=$(cat "$TMP/plain.hash") debugged=$(cat "$TMP/debugged.hash") locked=$(cat "$TMP/locked.hash")
if [ -z "$plain" ] || [ "$plain" != "$debugged" ]; then
    echo "hash '$plain' uninterrupted, '$debugged' stepped and reversed: the debugger changed the run"
    failures=$((failures + 1))
fi
if [ -z "$locked" ] || [ "$locked" = "$plain" ]; then
    echo "hash '$locked' with scheduler-locking: the test cannot see a perturbed schedule"
    failures=$((failures + 1))
fi
[ "$failures" = 0 ] || cat "$TMP/debugged.out"
finish
