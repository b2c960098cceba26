// SPDX-License-Identifier: MIT
// AT S1E1R/W, S1E0R/W, S1E1RP writing PAR_EL1 (Arm ARM C5.5, D17.2 PAR_EL1): success format
// (PA, ATTR, SH) and fault format (F, FST).
#include "macros.inc"
#include "mmu_common.inc"

// x3 = PAR_EL1 after AT \op on \va. Clobbers x2.
.macro AT_PAR op, va
    ldr     x2, =\va
    at      \op, x2
    isb
    mrs     x3, PAR_EL1
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30
    bl      mmu_pt_init
    ldr     x1, =D_NORMAL | D_AP_RO_EL1
    MAP_PAGE 0, 0
    ldr     x1, =D_NORMAL | D_AP_RW_ALL | D_UXN
    MAP_PAGE 3, 3
    mov     x0, #1
    bl      mmu_enable_el1
    ldr     x20, =PT_BASE + PT_DATA
    // S1E1R on a read-only page: success, PA, ATTR=0xff, SH=0b11
    AT_PAR  s1e1r, 0x80000123
    ldr     x6, =0xfffffffff001
    and     x4, x3, x6
    CHECK_REG x4, x20, 1
    lsr     x4, x3, #56
    CHECK_EQ x4, 0xff, 2
    ubfx    x4, x3, #7, #2
    CHECK_EQ x4, 3, 3
    // S1E1W: permission fault level 3 -> F=1, FST=0b001111
    AT_PAR  s1e1w, 0x80000000
    and     x4, x3, #0x7f
    CHECK_EQ x4, 0x1f, 4
    // S1E0R on an EL1-only page: permission fault
    AT_PAR  s1e0r, 0x80000000
    and     x4, x3, #0x7f
    CHECK_EQ x4, 0x1f, 5
    // S1E0W on the EL0 RW page: success
    AT_PAR  s1e0w, 0x80003000
    ldr     x6, =0xfffffffff001
    and     x4, x3, x6
    add     x5, x20, #0x3000
    CHECK_REG x4, x5, 6
    // Unmapped: translation fault level 3 (FST 0b000111), and level 1 (0b000101)
    AT_PAR  s1e1r, 0x80001000
    and     x4, x3, #0x7f
    CHECK_EQ x4, 0x0f, 7
    AT_PAR  s1e1r, 0xc0000000
    and     x4, x3, #0x7f
    CHECK_EQ x4, 0x0b, 8
    // PAN: S1E1R ignores it, S1E1RP honours it
    msr     PAN, #1
    AT_PAR  s1e1r, 0x80003000
    and     x4, x3, #1
    CHECK_EQ x4, 0, 9
    AT_PAR  s1e1rp, 0x80003000
    and     x4, x3, #0x7f
    CHECK_EQ x4, 0x1f, 10
    msr     PAN, #0
    // The identity map: a 2 MiB block
    AT_PAR  s1e1r, 0x40080000
    ldr     x6, =0xfffffffff001
    and     x4, x3, x6
    CHECK_EQ x4, 0x40080000, 11
    mov     x0, #0
    mov     x30, x28
    ret
