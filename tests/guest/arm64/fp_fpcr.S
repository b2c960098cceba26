// SPDX-License-Identifier: MIT
// FPCR: the trap enables IOE, DZE, OFE, UFE, IXE, IDE (bits 8-12, 15) are RAZ/WI, as Armv8
// allows when trapped floating-point exceptions are not supported (Arm ARM D17.2 FPCR), so
// writing ones reads back zeros and an exception that would trap only sets its FPSR flag.
// AHP, DN, FZ, RMode and FZ16 (FEAT_FP16) are kept.
#include "macros.inc"

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    ldr     x1, =0x9f00                 // IDE, IXE, UFE, OFE, DZE, IOE
    msr     fpcr, x1
    mrs     x1, fpcr
    CHECK_EQ x1, 0, 1
    ldr     x1, =0x07c89f00             // plus AHP, DN, FZ, RMode = RZ, FZ16
    msr     fpcr, x1
    mrs     x1, fpcr
    CHECK_EQ x1, 0x07c80000, 2
    // with every enable written as 1, exceptions still only set cumulative flags
    ldr     x1, =0x9f00
    msr     fpcr, x1
    msr     fpsr, xzr
    fmov    d0, #1.0
    movi    d1, #0
    fdiv    d2, d0, d1                  // Divide by Zero
    fmov    x1, d2
    CHECK_EQ x1, 0x7ff0000000000000, 3
    fmov    d3, #3.0
    fdiv    d4, d0, d3                  // Inexact
    fsub    d5, d2, d2                  // Invalid
    fmov    x1, d5
    CHECK_EQ x1, 0x7ff8000000000000, 4
    mrs     x1, fpsr
    CHECK_EQ x1, 0x13, 5                // IXC | DZC | IOC
    mov     x0, #0
test_fail:
    msr     fpcr, xzr
    ldp     x29, x30, [sp], #16
    ret
