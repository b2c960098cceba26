// SPDX-License-Identifier: MIT
// Scalar FP details the generated vector tests do not cover: FMOV immediate, FCSEL, FCCMP,
// FMOV to/from the upper half, rounding-mode dependent exact-zero signs, FZ flushing with
// IDC/UFC, default NaN (Arm ARM C7.2; FPRound, FPProcessNaNs).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    msr     fpcr, xzr
    msr     fpsr, xzr
    // FMOV immediate
    fmov    d0, #-2.5
    fmov    x1, d0
    CHECK_EQ x1, 0xc004000000000000, 1
    fmov    s1, #0.125
    fmov    w1, s1
    CHECK_EQ x1, 0x3e000000, 2
    // FMOV to/from V.D[1] leaves D[0]
    mov     x2, #0x1234
    fmov    v0.d[1], x2
    fmov    x1, d0
    CHECK_EQ x1, 0xc004000000000000, 3
    fmov    x1, v0.d[1]
    CHECK_EQ x1, 0x1234, 4
    // FCSEL and FCCMP
    fmov    d2, #1.0
    fmov    d3, #2.0
    cmp     x2, x2
    fcsel   d4, d2, d3, ne
    fmov    x1, d4
    CHECK_EQ x1, 0x4000000000000000, 5
    fccmp   d2, d3, #0x2, ne            // condition false: NZCV = 0b0010
    CHECK_NZCV 0x2, 6
    cmp     x2, x2
    fccmp   d2, d3, #0x2, eq            // 1.0 < 2.0: N
    CHECK_NZCV 0x8, 7
    // x - x is +0, except -0 when rounding toward minus infinity
    fsub    d5, d2, d2
    fmov    x1, d5
    CHECK_EQ x1, 0, 8
    mov     x3, #(2 << 22)
    msr     fpcr, x3
    fsub    d5, d2, d2
    fmov    x1, d5
    CHECK_EQ x1, 0x8000000000000000, 9
    // FZ: denormal input flushed (IDC), tiny output flushed (UFC), no IXC
    mov     x3, #(1 << 24)
    msr     fpcr, x3
    msr     fpsr, xzr
    mov     w4, #1
    fmov    s6, w4                      // smallest denormal
    fadd    s7, s6, s6
    fmov    w1, s7
    CHECK_EQ x1, 0, 10
    mrs     x1, fpsr
    CHECK_EQ x1, 0x80, 11
    msr     fpsr, xzr
    mov     w4, #0x00800000             // smallest normal
    fmov    s6, w4
    fmov    s8, #0.5
    fmul    s7, s6, s8
    fmov    w1, s7
    CHECK_EQ x1, 0, 12
    mrs     x1, fpsr
    CHECK_EQ x1, 0x08, 13
    // DN: a quiet NaN operand gives the default NaN
    mov     x3, #(1 << 25)
    msr     fpcr, x3
    msr     fpsr, xzr
    ldr     x4, =0xfff8000000001234
    fmov    d9, x4
    fadd    d10, d9, d2
    fmov    x1, d10
    CHECK_EQ x1, 0x7ff8000000000000, 14
    msr     fpcr, xzr
    fadd    d10, d9, d2                 // without DN the NaN propagates
    fmov    x1, d10
    CHECK_REG x1, x4, 15
    mov     x0, #0
test_fail:
    msr     fpcr, xzr
    ldp     x29, x30, [sp], #16
    ret
