// SPDX-License-Identifier: MIT
// FEAT_FHM FMLAL/FMLSL (vector, by element) and the "2" forms: half-precision lanes from the
// lower/upper half widened into single-precision accumulators with one rounding (FPMulAddH).
// Known answers on small integers, plus a product that needs more bits than half precision.
#include "macros.inc"
    .arch_extension fp16fml


    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    msr     fpcr, xzr
    msr     fpsr, xzr
    mrs     x1, id_aa64isar0_el1
    ubfx    x1, x1, #48, #4
    CHECK_EQ x1, 1, 1
    adr     x3, halves
    ldp     q1, q2, [x3]                // v1.8h = 1..8, v2.8h = 2,2,2,2,3,3,3,3
    fmov    v0.4s, #1.0
    fmlal   v0.4s, v1.4h, v2.4h         // 1 + {1,2,3,4} * 2
    CHECK_Q 0, 0x40a0000040400000, 0x4110000040e00000, 2
    fmov    v0.4s, #1.0
    fmlal2  v0.4s, v1.4h, v2.4h         // 1 + {5,6,7,8} * 3
    CHECK_Q 0, 0x4198000041800000, 0x41c8000041b00000, 3
    fmov    v0.4s, #1.0
    fmlsl   v0.4s, v1.4h, v2.h[4]       // 1 - {1,2,3,4} * 3
    CHECK_Q 0, 0xc0a00000c0000000, 0xc1300000c1000000, 4
    fmov    v0.4s, #1.0
    fmlal   v0.2s, v1.2h, v2.2h         // Q = 0: two lanes, upper half cleared
    CHECK_Q 0, 0x40a0000040400000, 0, 5
    // (1 + 2^-10)^2 - 1 = 2^-9 + 2^-20: exact in single, not in half
    mov     w3, #0x3c01
    dup     v4.8h, w3
    fmov    v0.4s, #-1.0
    fmlal   v0.4s, v4.4h, v4.4h
    fmov    w1, s0
    CHECK_EQ x1, 0x3b001000, 6
    mrs     x1, fpsr
    CHECK_EQ x1, 0, 7
    // FZ16 flushes the half-precision operands (no IDC); FZ does not
    mov     w3, #0x0001                 // smallest half denormal
    dup     v4.8h, w3
    fmov    v5.8h, #1.0
    mov     x3, #(1 << 24)              // FZ
    msr     fpcr, x3
    movi    v0.16b, #0
    fmlal   v0.4s, v4.4h, v5.4h
    fmov    w1, s0
    CHECK_EQ x1, 0x33800000, 8          // 2^-24
    mov     x3, #(1 << 19)              // FZ16
    msr     fpcr, x3
    msr     fpsr, xzr
    movi    v0.16b, #0
    fmlal   v0.4s, v4.4h, v5.4h
    fmov    w1, s0
    CHECK_EQ x1, 0, 9
    mrs     x1, fpsr
    CHECK_EQ x1, 0, 10
    // a half-precision quiet NaN operand is converted to single (payload kept)
    msr     fpcr, xzr
    mov     w3, #0xfe05
    dup     v4.8h, w3
    fmlal   v0.4s, v5.4h, v4.4h
    fmov    w1, s0
    CHECK_EQ x1, 0xffc0a000, 11
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
halves:
    .hword 0x3c00, 0x4000, 0x4200, 0x4400, 0x4500, 0x4600, 0x4700, 0x4800
    .hword 0x4000, 0x4000, 0x4000, 0x4000, 0x4200, 0x4200, 0x4200, 0x4200
