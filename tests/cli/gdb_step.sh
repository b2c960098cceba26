# SPDX-License-Identifier: MIT
# gdbstub execution control: a step into an exception stops at the vector; hardware
# breakpoints; stops are exact and change nothing (the instruction count at a breakpoint is
# the same whether or not the guest was stepped and stopped before it); detach lets the guest
# run on to its normal exit.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
need_target

# 1. Straight to gdb_known_func: remember the instruction count there.
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
break gdb_known_func
continue
monitor info cpus
detach
GDB
run_gdb "$TMP/script"
want '^Breakpoint 1, 0x[0-9a-f]+ in gdb_known_func' "the breakpoint hit"
direct=$(grep -oE 'icount=[0-9]+' "$TMP/gdb.out" | head -1)
emu_exit 0
dump_on_failure

# 2. Stop at the udf, step into the vector, step through the handler, then hbreak to the
# same place.
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
break gdb_fault
continue
p $pc == (long)&gdb_fault
stepi
p $pc == $VBAR_EL1 + 0x200
p/x $ESR_EL1 >> 26
p $ELR_EL1 == (long)&gdb_fault
stepi
stepi
stepi
p $pc == (long)&sync_handler + 8
delete
hbreak gdb_known_func
continue
monitor info cpus
detach
GDB
run_gdb "$TMP/script"
want '^Breakpoint 1, 0x[0-9a-f]+ in gdb_fault' "the breakpoint hit"
want '^\$1 = 1$' "pc at the udf"
want '^\$2 = 1$' "one step from udf lands on the current-EL SPx synchronous vector"
want '^\$3 = 0x0$' "ESR_EL1.EC = unknown reason"
want '^\$4 = 1$' "ELR_EL1 = the udf"
want '^\$5 = 1$' "three more steps, three more instructions"
want '^(Hardware assisted )?[Bb]reakpoint 2, 0x[0-9a-f]+ in gdb_known_func' "the hw breakpoint hit"
stepped=$(grep -oE 'icount=[0-9]+' "$TMP/gdb.out" | head -1)
if [ -z "$direct" ] || [ "$direct" != "$stepped" ]; then
    echo "instruction count at gdb_known_func: '$direct' without steps, '$stepped' with"
    failures=$((failures + 1))
fi
emu_exit 0
dump_on_failure
finish
