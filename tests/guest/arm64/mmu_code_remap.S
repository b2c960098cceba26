// SPDX-License-Identifier: MIT
// Code pages under translation changes (Arm ARM D8.13, B2.4 self-modifying code): a VA whose
// code page is remapped runs the new page after TLBI; code rewritten through another alias or
// through the executing VA runs rewritten after the cache maintenance; the first page comes
// back after TLBI VMALLE1. Then pair accesses that cross into an unmapped page: the abort
// reports the second page, and an LDP writes neither register (emu writes state only after
// the last access that can fault; memory written by a faulting STP is UNKNOWN, so unchecked).
#include "macros.inc"
#include "mmu_common.inc"

#define MOV_X0(n)  (0xd2800000 | ((n) << 5))
#define RET        0xd65f03c0

// Make the instruction at [\reg] visible to fetches (DC CVAU, IC IVAU). Clobbers nothing.
.macro SYNC_CODE reg
    dc      cvau, \reg
    dsb     ish
    ic      ivau, \reg
    dsb     ish
    isb
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30
    bl      mmu_pt_init
    // Data page 0: mov x0, #1; ret. Data page 1: mov x0, #2; ret.
    ldr     x2, =PT_BASE + PT_DATA
    ldr     w3, =MOV_X0(1)
    str     w3, [x2]
    ldr     w3, =RET
    str     w3, [x2, #4]
    ldr     w3, =MOV_X0(2)
    str     w3, [x2, #0x1000]
    ldr     w3, =RET
    str     w3, [x2, #0x1004]
    SYNC_CODE x2
    add     x3, x2, #0x1000
    SYNC_CODE x3
    // VA 0x80000000 -> data page 0 (code), VA 0x80001000 -> data page 2; 0x80002000 unmapped.
    ldr     x1, =D_NORMAL
    MAP_PAGE 0, 0
    MAP_PAGE 1, 2
    mov     x0, #1
    bl      mmu_enable_el1
    ldr     x20, =0x80000000
    blr     x20
    CHECK_EQ x0, 1, 1
    // Remap the code VA to data page 1; after TLBI the new page runs.
    ldr     x1, =D_NORMAL
    MAP_PAGE 0, 1
    ldr     x6, =(0x80000000 >> 12)
    tlbi    vaae1, x6
    dsb     ish
    isb
    blr     x20
    CHECK_EQ x0, 2, 2
    // Rewrite data page 1's first instruction through the identity map.
    ldr     x2, =PT_BASE + PT_DATA + 0x1000
    ldr     w3, =MOV_X0(3)
    str     w3, [x2]
    SYNC_CODE x2
    blr     x20
    CHECK_EQ x0, 3, 3
    // ... and through the VA it runs at.
    ldr     w3, =MOV_X0(4)
    str     w3, [x20]
    SYNC_CODE x20
    blr     x20
    CHECK_EQ x0, 4, 4
    // Back to data page 0, whose decoded code is still cached.
    ldr     x1, =D_NORMAL
    MAP_PAGE 0, 0
    tlbi    vmalle1
    dsb     ish
    isb
    blr     x20
    CHECK_EQ x0, 1, 5

    // STP X across 0x80002000: a write translation fault at level 3 on the second page.
    ldr     x21, =0x80001ff8
    ldr     x22, =0x80002000
    mov     x4, #0x44
    mov     x5, #0x55
    EXPECT_EXC
    stp     x4, x5, [x21]
    CHECK_EQ x0, 0x96000047, 6
    CHECK_REG x1, x22, 7
    // LDP X across it: a read fault; neither destination is written.
    EXPECT_EXC
    ldp     x4, x5, [x21]
    CHECK_EQ x0, 0x96000007, 8
    CHECK_REG x1, x22, 9
    CHECK_EQ x4, 0x44, 10
    CHECK_EQ x5, 0x55, 11
    // Misaligned LDP X within the mapped page reads the right bytes.
    ldr     x3, =0x8877665544332211
    str     x3, [x21, #-32]
    ldr     x3, =0x00ffeeddccbbaa99
    str     x3, [x21, #-24]
    str     xzr, [x21, #-16]
    sub     x23, x21, #31
    ldp     x4, x5, [x23]
    CHECK_EQ x4, 0x9988776655443322, 12
    CHECK_EQ x5, 0xffeeddccbbaa, 13
    mov     x0, #0
    mov     x30, x28
    ret
