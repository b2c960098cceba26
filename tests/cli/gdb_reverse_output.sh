#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 60
# Guest output across reverse execution (core/output_gate.h): the guest prints "line 01".."line
# 12" to the PL011 and to the semihosting console. gdb runs to the 8th line, reverse-continues twice (re-executing lines
# already printed) and continues to the end: the host sees each line exactly once, as in an
# uninterrupted run. Then a loadvm under gdb with reverse history: the history restarts at the
# loaded point (reverse-continue finds no earlier breakpoint hit of the old timeline), and the
# loaded timeline's output is printed again from there.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/rev_print.elf
need_target
args=(-M arm64-virt -semihosting -nographic -kernel "$TARGET_ELF" -snapshot-dir "$TMP")
"$EMU" "${args[@]}" -serial "file:$TMP/ref.out" >"$TMP/sh.out" 2>&1 </dev/null
cmp -s "$TMP/ref.out" "$TMP/sh.out" || {
    echo "the uninterrupted run's semihosting output differs: $(head -c 200 "$TMP/sh.out")"; exit 1; }
[ "$(sed -n '1p;12p' "$TMP/ref.out" | tr '\n' ' ')" = "line 01 line 12 " ] || {
    echo "the uninterrupted run printed: $(head -c 200 "$TMP/ref.out")"; exit 1; }

# check_output WANT-FILE WHAT: the serial output, and the semihosting console's (emu's
# stdout, which has nothing else here), equal WANT-FILE byte for byte.
check_output() {
    local f
    for f in serial.out emu.out; do
        if ! cmp -s "$1" "$TMP/$f"; then
            echo "$2: $f differs:"
            diff "$1" "$TMP/$f" | head -20
            failures=$((failures + 1))
        fi
    done
}

start_emu "${args[@]}" -S -serial "file:$TMP/serial.out" || finish
cat >"$TMP/script" <<'GDB'
break *rev_line_done
continue
continue 7
p $x6
reverse-continue
p $x6
reverse-continue
p $x6
delete
continue
GDB
run_gdb "$TMP/script"
want '^\$1 = 8$' "the 8th line's breakpoint hit"
want '^\$2 = 7$' "reverse-continue to the 7th"
want '^\$3 = 6$' "and the 6th"
want 'exited normally' "the run's end"
emu_exit 0
check_output "$TMP/ref.out" "reverse-continue and forward again"
dump_on_failure

# loadvm while reverse history exists.
start_emu "${args[@]}" -S -serial "file:$TMP/serial.out" || finish
cat >"$TMP/script" <<'GDB'
break *rev_line_done
continue
continue
continue
p $x6
monitor savevm three
continue
continue
continue
p $x6
monitor loadvm three
maintenance flush register-cache
p $x6
reverse-continue
p $x6
delete
continue
GDB
run_gdb "$TMP/script"
want '^\$1 = 3$' "the 3rd line's hit"
want '^\$2 = 6$' "the 6th line's hit"
want '^\$3 = 3$' "loadvm back to the 3rd"
want '^No more reverse-execution history\.$' "the history begins at the loaded point"
want '^\$4 = 3$' "still at the loaded point"
want 'exited normally' "the run's end"
emu_exit 0
{ sed -n 1,6p "$TMP/ref.out"; sed -n '4,$p' "$TMP/ref.out"; } >"$TMP/want.out"
check_output "$TMP/want.out" "lines 1-6, loadvm at 3, lines 4-12"
dump_on_failure
finish
