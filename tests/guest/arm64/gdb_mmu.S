// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_mmu.sh: stage 1 on at EL1 with VA 0x80000000 mapped to a data page
// holding 0xfeedface12345678 and VA 0x80001000 unmapped, so gdb's memory accesses must go
// through the guest's translation (and fail cleanly where it faults). Run alone it exits 0;
// after gdb writes 5 to VA 0x80000000 at gdb_mmu_on it exits 5.
#include "macros.inc"
#include "mmu_common.inc"

    .text
    .global test_main
test_main:
    mov     x28, x30
    bl      mmu_pt_init
    ldr     x2, =PT_BASE + PT_DATA
    ldr     x3, =0xfeedface12345678
    str     x3, [x2]
    ldr     x1, =D_NORMAL
    MAP_PAGE 0, 0
    mov     x0, #1
    bl      mmu_enable_el1
    ldr     x20, =0x80000000
    .global gdb_mmu_on
gdb_mmu_on:
    ldr     x3, [x20]
    ldr     x4, =0xfeedface12345678
    mov     x0, #0
    cmp     x3, x4
    b.eq    1f
    and     x0, x3, #0xff
1:  mov     x30, x28
    ret
