// SPDX-License-Identifier: MIT
// PSTATE access (starts at EL1): MRS/MSR NZCV, DAIF, DAIFSet/DAIFClr, SPSel, PAN, UAO, DIT,
// SSBS, CurrentEL, SP_EL0 (UNDEFINED while selected), SPSR_EL1, ELR_EL1, FPCR; EL2/EL3
// registers UNDEFINED at EL1. Arm ARM C5.2 (special-purpose registers), C6.2.230 (MSR imm).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    mov     x1, #0xa0000000
    msr     nzcv, x1
    mrs     x3, nzcv
    CHECK_EQ x3, 0xa0000000, 1
    msr     daifset, #0xf
    mrs     x3, daif
    CHECK_EQ x3, 0x3c0, 2
    msr     daifclr, #5                 // A and F
    mrs     x3, daif
    CHECK_EQ x3, 0x280, 3
    mov     x1, #0x3c0
    msr     daif, x1
    mrs     x3, CurrentEL
    CHECK_EQ x3, 4, 4

    // SPSel: SP_EL0 and SP_EL1 are distinct.
    mov     x21, sp
    ldr     x1, =0x40001230
    msr     sp_el0, x1
    mrs     x3, sp_el0
    CHECK_EQ x3, 0x40001230, 5
    msr     spsel, #0
    mrs     x3, spsel
    CHECK_EQ x3, 0, 6
    mov     x3, sp
    CHECK_EQ x3, 0x40001230, 7
    EXPECT_EXC                          // SP_EL0 is the current SP: UNDEFINED
    mrs     x3, sp_el0
    CHECK_EQ x0, 0x02000000, 8
    mov     x1, #1
    msr     spsel, x1
    mov     x3, sp
    CHECK_REG x3, x21, 9

    msr     pan, #1
    mrs     x3, pan
    CHECK_EQ x3, 0x400000, 10
    msr     pan, #0
    mrs     x3, pan
    CHECK_EQ x3, 0, 11
    msr     uao, #1
    mrs     x3, uao
    CHECK_EQ x3, 0x800000, 12
    msr     uao, #0
    msr     dit, #1
    mrs     x3, dit
    CHECK_EQ x3, 0x1000000, 13
    msr     dit, #0
    msr     ssbs, #1
    mrs     x3, ssbs
    CHECK_EQ x3, 0x1000, 14
    msr     ssbs, #0
    mrs     x3, ssbs
    CHECK_EQ x3, 0, 15

    ldr     x1, =0x600003c5
    msr     spsr_el1, x1
    mrs     x3, spsr_el1
    CHECK_EQ x3, 0x600003c5, 16
    ldr     x1, =0x40005678
    msr     elr_el1, x1
    mrs     x3, elr_el1
    CHECK_EQ x3, 0x40005678, 17
    mov     x1, #(3 << 20)              // CPACR_EL1.FPEN: no FP traps
    msr     cpacr_el1, x1
    isb
    mov     x1, #0x02000000             // FPCR.DN
    msr     fpcr, x1
    mrs     x3, fpcr
    CHECK_EQ x3, 0x02000000, 18
    msr     fpcr, xzr

    // Registers of higher ELs are UNDEFINED at EL1.
    EXPECT_EXC
    mrs     x3, sp_el1
    CHECK_EQ x0, 0x02000000, 19
    EXPECT_EXC
    mrs     x3, hcr_el2
    CHECK_EQ x0, 0x02000000, 20
    EXPECT_EXC
    msr     scr_el3, x3
    CHECK_EQ x0, 0x02000000, 21
    EXPECT_EXC
    mrs     x3, elr_el2
    CHECK_EQ x0, 0x02000000, 22
    mov     x0, #0
    ret     x20
