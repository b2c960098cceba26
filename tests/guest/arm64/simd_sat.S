// SPDX-License-Identifier: MIT
// Saturating Advanced SIMD arithmetic and FPSR.QC (Arm ARM C7.2 SQADD ... ; D17.2.51 FPSR):
// QC is set only by a lane that saturates, and is sticky until written.
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    msr     fpsr, xzr
    // non-saturating SQADD leaves QC clear
    movi    v0.16b, #0x40
    movi    v1.16b, #0x3f
    sqadd   v2.16b, v0.16b, v1.16b
    mrs     x1, fpsr
    CHECK_EQ x1, 0, 1
    mov     x2, v2.d[1]
    CHECK_EQ x2, 0x7f7f7f7f7f7f7f7f, 2
    // one saturating lane sets QC; plain ADD wraps
    movi    v1.16b, #0x40
    add     v3.16b, v0.16b, v1.16b
    sqadd   v2.16b, v0.16b, v1.16b
    mrs     x1, fpsr
    CHECK_EQ x1, (1 << 27), 3
    mov     x2, v2.d[0]
    CHECK_EQ x2, 0x7f7f7f7f7f7f7f7f, 4
    mov     x2, v3.d[0]
    CHECK_EQ x2, 0x8080808080808080, 5
    // QC is sticky: a later non-saturating op keeps it
    sqadd   v2.8b, v0.8b, v0.8b         // 0x40 + 0x40 saturates again: still 1
    movi    v4.2d, #0
    uqsub   v5.4s, v4.4s, v4.4s
    mrs     x1, fpsr
    CHECK_EQ x1, (1 << 27), 6
    msr     fpsr, xzr
    // UQSUB floors at zero and sets QC
    movi    v6.4s, #1
    uqsub   v5.4s, v4.4s, v6.4s
    mrs     x1, fpsr
    CHECK_EQ x1, (1 << 27), 7
    mov     x2, v5.d[1]
    CHECK_EQ x2, 0, 8
    msr     fpsr, xzr
    // SQDMULH of -1.0 * -1.0 (Q15) saturates to 0x7fff
    mvni    v7.8h, #0x7f, lsl #8
    bic     v7.8h, #0xff
    sqdmulh v8.8h, v7.8h, v7.8h
    mov     x2, v8.d[0]
    CHECK_EQ x2, 0x7fff7fff7fff7fff, 9
    mrs     x1, fpsr
    CHECK_EQ x1, (1 << 27), 10
    msr     fpsr, xzr
    // SQXTN narrows with saturation; SQSHRUN of a negative value gives 0
    ldr     x3, =0x12345
    dup     v9.4s, w3
    sqxtn   v10.4h, v9.4s
    mov     x2, v10.d[0]
    CHECK_EQ x2, 0x7fff7fff7fff7fff, 11
    movi    v11.4s, #0x80, lsl #24      // INT32_MIN lanes
    sqshrun v12.4h, v11.4s, #4
    mov     x2, v12.d[0]
    CHECK_EQ x2, 0, 12
    // SQABS of the most negative value
    movi    v13.16b, #0x80
    sqabs   v14.16b, v13.16b
    mov     x2, v14.d[0]
    CHECK_EQ x2, 0x7f7f7f7f7f7f7f7f, 13
    // URSHR rounds: (0xff + 8) >> 4 = 0x10 in 9-bit precision
    movi    v15.16b, #0xff
    urshr   v16.16b, v15.16b, #4
    mov     x2, v16.d[0]
    CHECK_EQ x2, 0x1010101010101010, 14
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
