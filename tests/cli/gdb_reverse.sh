# SPDX-License-Identifier: MIT
# Reverse execution (bs/bc) with gdb-multiarch: reverse-stepi back over a return and a loop
# branch with the registers of that time, reverse-continue to a write watchpoint's hit in the
# past (gdb shows the value before and after the store, pc at the store), to a breakpoint hit
# of an earlier loop iteration, reverse-finish out of a function, and to the beginning of the
# history (replaylog:begin: "No more reverse-execution history"); then forward again, which
# re-executes the same run to the guest's normal exit. Then a read watchpoint backwards.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/rev_target.elf
need_target
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
break rev_done
continue
p $x0
reverse-stepi
p $pc == (long)&rev_func + 4
p $x0
reverse-stepi
p $pc == (long)&rev_func
p $x0
reverse-stepi
reverse-stepi
p $pc == (long)&rev_mark + 4
p $x2
watch *(long *)&rev_counter
reverse-continue
p $pc == (long)&rev_store
p $x2
reverse-continue
p $x2
delete
break rev_mark
reverse-continue
p $x2
p *(long *)&rev_counter
delete
break rev_func
continue
p $x0
reverse-finish
p $pc == (long)&rev_done - 4
delete
reverse-continue
p $pc == (long)&_start
p *(long *)&rev_counter
stepi
p $pc == (long)&_start + 4
continue
GDB
run_gdb "$TMP/script"
want '^\$1 = 20$' "x0 at rev_done (rev_func returned 2 * 10)"
want '^\$2 = 1$' "one reverse-stepi: at rev_func's ret"
want '^\$3 = 20$' "x0 then (the add had executed)"
want '^\$4 = 1$' "two: at rev_func's add"
want '^\$6 = 1$' "four: at the loop branch"
want '^\$7 = 10$' "x2 of the last iteration"
want '^Old value = 10$' "the watchpoint's value after the store (seen first going back)"
want '^New value = 9$' "... and before it"
want '^\$8 = 1$' "stopped at the storing instruction"
want '^\$9 = 10$' "x2 = the value being stored"
want '^Old value = 9$' "an earlier hit"
want '^\$10 = 9$' "x2 of that iteration"
want '^Breakpoint 3, 0x[0-9a-f]+ in rev_mark' "reverse-continue to a breakpoint"
want '^\$11 = 8$' "x2 at the previous rev_mark"
want '^\$12 = 8$' "memory of that time"
want '^Breakpoint 4, 0x[0-9a-f]+ in rev_func' "forward again to rev_func"
want '^\$14 = 1$' "reverse-finish stops at the bl"
want '^No more reverse-execution history\.$' "the beginning of history"
want '^\$15 = 1$' "at _start"
want '^\$16 = 0$' "rev_counter as it was at the start"
want '^\$17 = 1$' "stepping forward from the beginning"
want 'exited normally' "the re-executed run's own result"
before=$(sed -n 's/^\$5 = //p' "$TMP/gdb.out")
again=$(sed -n 's/^\$13 = //p' "$TMP/gdb.out")
if [ -z "$before" ] || [ "$before" != "$again" ]; then
    echo "x0 on entry to rev_func: '$before' reached backwards, '$again' forwards again"
    failures=$((failures + 1))
fi
emu_exit 0
dump_on_failure

# A read watchpoint going backwards stops at the loading instruction, before it executed.
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/gdb_target.elf
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
rwatch *(long *)&gdb_data2
continue
stepi
stepi
reverse-continue
x/i $pc
p $x3 == (long)&gdb_data2
kill
GDB
run_gdb "$TMP/script"
want '^Value = 0$' "the read watchpoint's hits"
want '=> 0x[0-9a-f]+ <gdb_fault\+[0-9]+>:[[:space:]]+ldr[[:space:]]+x3, \[x3\]' "reverse-continue stops at the load"
want '^\$1 = 1$' "x3 still the address: the load has not executed"
dump_on_failure
finish
