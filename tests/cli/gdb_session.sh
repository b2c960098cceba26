# SPDX-License-Identifier: MIT
# gdbstub: a scripted gdb-multiarch session against the -S started gdb_target.elf: thread
# list, breakpoint on a symbol, registers (core, fpu, system), memory, single step, register
# and memory writes, monitor commands, continue to the guest's exit (status seen by gdb).
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
need_target
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
info threads
p/x $pc
break gdb_known_func
continue
p/x $pc == (long)&gdb_known_func
p/x $x0
p/x $x1 == (long)&gdb_data
x/gx (char *)&gdb_data
x/2wx (char *)&gdb_data
p $CurrentEL
p/x $SCTLR_EL1 & 1
p/x $cpsr & 0x3cf
p $v0.d.u[0]
stepi
p $pc == (long)&gdb_known_func + 4
p/x $x2
set $x2 = 23
set $x0 = 100
set {long}&gdb_data2 = 4
x/gx (char *)&gdb_data2
set $v1.d.u[1] = 0x55
p/x $v1.d.u[1]
monitor info cpus
monitor xp /2g 0x40080000
continue
GDB
run_gdb "$TMP/script"
want '^\* 1 +Thread 1 \(CPU#0 EL1h\) 0x0*40080000 in _start' "thread 1 at _start"
want '^\$1 = 0x40080000$' "the entry pc"
want '^Breakpoint 1, 0x[0-9a-f]+ in gdb_known_func' "the breakpoint hit"
want '^\$2 = 0x1$' "pc at gdb_known_func"
want '^\$3 = 0x7$' "x0 = 7"
want '^\$4 = 0x1$' "x1 = &gdb_data"
want '^0x[0-9a-f]+:[[:space:]]+0x1122334455667788$' "gdb_data as a giant word"
want '^0x[0-9a-f]+:[[:space:]]+0x55667788[[:space:]]+0x11223344$' "gdb_data as words"
want '^\$5 = 4$' "CurrentEL = EL1"
want '^\$6 = 0x0$' "MMU off"
want '^\$7 = 0x3c5$' "cpsr = EL1h, DAIF masked"
want '^\$8 = 0$' "v0 low lane"
want '^\$9 = 1$' "pc advanced by one instruction"
want '^\$10 = 0x1122334455667788$' "x2 loaded by the stepped ldr"
want '^0x[0-9a-f]+:[[:space:]]+0x0000000000000004$' "gdb_data2 written"
want '^\$11 = 0x55$' "v1 lane written"
want 'CPU #0: arch=aarch64' "monitor output"
want '^0000000040080000: 0x[0-9a-f]{16} 0x[0-9a-f]{16}$' "monitor xp of RAM"
want 'exited with code 0177' "the guest's exit status (100 + 23 + 4)"
emu_exit 127
dump_on_failure
finish
