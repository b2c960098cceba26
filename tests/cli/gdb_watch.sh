# SPDX-License-Identifier: MIT
# gdbstub watchpoints: a write watchpoint stops at the storing instruction (gdb steps over it
# and shows old and new value), a read watchpoint at the loading one; the guest's result is
# unchanged by the stops (exit 0 after the watchpoints are deleted).
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
need_target
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
watch *(long *)&gdb_result
rwatch *(long *)&gdb_data2
continue
p/x *(long *)&gdb_result
continue
p $x3
x/i $pc
delete
continue
GDB
run_gdb "$TMP/script"
want '^Hardware watchpoint 1: \*\(long \*\)&gdb_result$' "the write watchpoint set"
want '^Hardware read watchpoint 2: \*\(long \*\)&gdb_data2$' "the read watchpoint set"
want '^Old value = 0$' "the value before the store"
want '^New value = 1234605616436508559$' "the value stored (7 + 0x1122334455667788)"
want '^\$1 = 0x112233445566778f$' "memory after the store"
want '^Value = 0$' "the read watchpoint's value"
want '^\$2 = 0$' "the load completed (gdb stepped over it)"
want 'add[[:space:]]+x0, x0, x3' "the instruction after the load"
want 'exited normally' "the guest's own result"
emu_exit 0
dump_on_failure
finish
