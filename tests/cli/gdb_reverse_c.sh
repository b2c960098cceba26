# SPDX-License-Identifier: MIT
# timeout: 60
# Source-level reverse execution with gdb-multiarch on a C target with line information
# (tests/guest/arm64/rev_c.c): reverse-next goes back over a call to the calling line with the
# locals of that time, reverse-step goes back into the called function's last line,
# reverse-finish goes back to the call, and forward execution then ends the run normally.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/rev_c.elf
need_target
SRC=$(dirname "$0")/../guest/arm64/rev_c.c
line() { grep -n "$1" "$SRC" | cut -d: -f1; }
CALL=$(line RC-CALL) AFTER=$(line RC-AFTER) END=$(line RC-END)
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<GDB
break rev_c.c:$AFTER
continue
continue
p sum
p i
reverse-next
p sum
p i
frame
next
p sum
reverse-step
frame
p r
reverse-finish
p i
delete
continue
GDB
run_gdb "$TMP/script"
want '^\$1 = 5$' "sum after the second call"
want '^\$2 = 2$' "i of the second iteration"
want '^\$3 = 1$' "reverse-next: sum before the second call"
want '^\$4 = 2$' "... in the same iteration"
want "^#0  test_main \\(\\) at .*rev_c.c:$CALL\$" "reverse-next stops at the calling line"
want '^\$5 = 5$' "next: forward over the call again"
want "^#0  rc_square \\(v=2\\) at .*rev_c.c:$END\$" "reverse-step: into the callee's last line (its epilogue)"
want '^\$6 = 4$' "the callee's local of that time"
want '^\$7 = 2$' "reverse-finish: back in the caller, same iteration"
want 'exited normally' "forward to the run's own end"
emu_exit 0
dump_on_failure
finish
