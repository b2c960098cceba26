// SPDX-License-Identifier: MIT
// Illegal exception return (starts at EL1): an ERET to a higher EL, to a reserved SPSR.M or to
// EL0h sets PSTATE.IL and keeps the EL; the flags still come from SPSR; the next instruction
// takes an Illegal Execution state exception (EC 0x0e) with SPSR.IL = 1. A legal ERET with
// SPSR.IL = 1 also sets PSTATE.IL. Arm ARM D1.4.4 (illegal return), IllegalExceptionReturn().
#include "macros.inc"

// ERET with SPSR_EL1 = \spsr to the next instruction; the vector returns to label 1001 at EL1h.
.macro ERET_WITH spsr
    adr     x0, 1000f
    msr     elr_el1, x0
    ldr     x0, =\spsr
    msr     spsr_el1, x0
    adr     x13, 1001f
    eret
1000: nop
    nop
1001:
.endm

    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x21, vbar_el1
    adr     x0, vt
    msr     vbar_el1, x0
    isb

    // To EL2h from EL1 (Z and C set in SPSR).
    ERET_WITH 0x600003c9
    CHECK_EQ x9, 0x200, 1               // still EL1: current EL with SP_ELx
    CHECK_EQ x10, 0x3a000000, 2         // EC 0x0e, IL
    ubfx    x3, x12, #20, #1
    CHECK_EQ x3, 1, 3                   // SPSR_EL1.IL
    and     x3, x12, #0xf
    CHECK_EQ x3, 5, 4                   // SPSR_EL1.M = EL1h
    lsr     x3, x12, #28
    CHECK_EQ x3, 6, 5                   // NZCV restored from the illegal SPSR
    // The exception is taken on the first instruction after the ERET.
    sub     x3, x13, #8
    CHECK_REG x11, x3, 6

    // SPSR.M[1] set: reserved.
    ERET_WITH 0x3c6
    CHECK_EQ x10, 0x3a000000, 7
    // EL0 with SP_EL0 selection bit set (no EL0h).
    ERET_WITH 0x3c1
    CHECK_EQ x10, 0x3a000000, 8

    // A legal return with SPSR.IL = 1 sets PSTATE.IL.
    ERET_WITH 0x1003c5
    CHECK_EQ x10, 0x3a000000, 9
    ubfx    x3, x12, #20, #1
    CHECK_EQ x3, 1, 10

    // A legal return clears nothing else: no exception after a plain ERET to EL1h.
    ERET_WITH 0x3c5
    CHECK_EQ x10, 0x3a000000, 11        // x10 unchanged: no exception was taken
    mov     x10, #0

    msr     vbar_el1, x21
    isb
    mov     x0, #0
    ret     x20

    .balign 2048
vt:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    mov     x9, #(\n * 0x80)
    b       vt_common
    .endr
vt_common:
    mrs     x10, esr_el1
    mrs     x11, elr_el1
    mrs     x12, spsr_el1
    msr     elr_el1, x13
    mov     x14, #0x3c5
    msr     spsr_el1, x14
    eret
