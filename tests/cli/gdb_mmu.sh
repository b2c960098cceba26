# SPDX-License-Identifier: MIT
# gdbstub memory access by virtual address with the guest's MMU on: reads and writes go through
# the current translation regime; an unmapped address is an error in gdb, not a guest fault.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/gdb_mmu.elf
need_target
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<'GDB'
break gdb_mmu_on
continue
p/x $SCTLR_EL1 & 1
x/gx 0x80000000
x/wx 0x80000004
set {long}0x80000000 = 5
stepi
p/x $x3
p/x $ESR_EL1
x/gx 0x80001000
GDB
run_gdb "$TMP/script"
want '^Breakpoint 1, 0x[0-9a-f]+ in gdb_mmu_on' "the breakpoint hit with the MMU on"
want '^\$1 = 0x1$' "SCTLR_EL1.M set"
want '^0x80000000:[[:space:]]+0xfeedface12345678$' "the mapped page through the translation"
want '^0x80000004:[[:space:]]+0xfeedface$' "an offset inside the page"
want 'Cannot access memory at address 0x80001000' "an error for the unmapped page"
want '^\$2 = 0x5$' "the write reached the mapped page"
want '^\$3 = 0x0$' "no guest exception so far"
# gdb ends the batch at that error and detaches: the guest runs on and sees the write.
emu_exit 5
dump_on_failure
finish
