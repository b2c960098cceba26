// SPDX-License-Identifier: MIT
// FEAT_I8MM: USDOT (vector, by element), SUDOT (by element) with mixed signedness, and the
// 2x2 int32 += (2x8 int8) x (2x8 int8)^T matrix forms SMMLA, UMMLA, USMMLA. Known answers
// computed by hand from the byte values below.
#include "macros.inc"
    .arch_extension i8mm


// Vd = 100 in every 32-bit lane, then \insn.
.macro ACC insn:vararg
    movi    v0.4s, #100
    \insn
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    mrs     x1, id_aa64isar1_el1
    ubfx    x1, x1, #52, #4
    CHECK_EQ x1, 1, 1
    adr     x3, bytes
    ldp     q1, q2, [x3]
    ACC     usdot v0.4s, v1.16b, v2.16b
    CHECK_Q 0, 0x1a1e000000aa, 0xffff0164000000c8, 2
    ACC     usdot v0.4s, v1.16b, v2.4b[1]
    CHECK_Q 0, 0x1a1e000000aa, 0xd5500000320, 3
    ACC     sudot v0.4s, v1.16b, v2.4b[3]
    CHECK_Q 0, 0xfffffb6400000564, 0xffffff6400003264, 4
    ACC     smmla v0.4s, v1.16b, v2.16b
    CHECK_Q 0, 0x56e00000064, 0x1c800000511, 5
    ACC     ummla v0.4s, v1.16b, v2.16b
    CHECK_Q 0, 0x1fb6e00001a64, 0xffc800001011, 6
    ACC     usmmla v0.4s, v1.16b, v2.16b
    CHECK_Q 0, 0xfffe056e00001a64, 0xffff01c800001011, 7
    ACC     usdot v0.2s, v1.8b, v2.8b   // Q = 0: upper half cleared
    CHECK_Q 0, 0x1a1e000000aa, 0, 8
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
bytes:  // Vn: 1 2 3 4 -1 -2 -3 -4 10 20 30 40 -128 -128 127 127; Vm: 5 6 7 8 5 6 7 8 1 1 1 1 -128 x4
    .byte 0x01, 0x02, 0x03, 0x04, 0xff, 0xfe, 0xfd, 0xfc, 0x0a, 0x14, 0x1e, 0x28, 0x80, 0x80, 0x7f, 0x7f
    .byte 0x05, 0x06, 0x07, 0x08, 0x05, 0x06, 0x07, 0x08, 0x01, 0x01, 0x01, 0x01, 0x80, 0x80, 0x80, 0x80
