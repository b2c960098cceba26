// SPDX-License-Identifier: MIT
// FEAT_JSCVT FJCVTZS (JavaScript ToInt32: toward zero, modulo 2^32, Z = exact and in range
// and not -0) and FEAT_FCMA FCADD/FCMLA (vector, by element): known answers computed by hand
// (complex products of small integers), so the test does not rely on any emulator.
#include "macros.inc"

// Wd = FJCVTZS(Dn = \bits): check Wd, NZCV and FPSR.
.macro JS bits, want, nzcv, fpsr, id
    ldr     x3, =\bits
    fmov    d0, x3
    msr     fpsr, xzr
    fjcvtzs w1, d0
    CHECK_NZCV \nzcv, (\id + 100)      // first: CHECK_EQ compares
    CHECK_EQ x1, \want, \id
    mrs     x1, fpsr
    CHECK_EQ x1, \fpsr, (\id + 200)
.endm


    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    msr     fpcr, xzr
    mrs     x1, id_aa64isar1_el1
    ubfx    x1, x1, #12, #8             // JSCVT, FCMA
    CHECK_EQ x1, 0x11, 1
    JS      0x3ff0000000000000, 1, 0x4, 0, 2               // 1.0
    JS      0xc004000000000000, 0xfffffffe, 0x0, 0x10, 3   // -2.5: -2, inexact
    JS      0x41f0000000500000, 5, 0x0, 0x01, 4            // 2^32 + 5: 5 mod 2^32, invalid
    JS      0x8000000000000000, 0, 0x0, 0, 5               // -0.0: Z clear
    JS      0x7ff8000000000000, 0, 0x0, 0x01, 6            // NaN
    JS      0x7ff0000000000000, 0, 0x0, 0x01, 7            // +inf
    JS      0x41dfffffffc00000, 0x7fffffff, 0x4, 0, 8      // 2^31 - 1
    JS      0xc1e0000000000000, 0x80000000, 0x4, 0, 9      // -2^31
    JS      0xc1e0000000200000, 0x7fffffff, 0x0, 0x01, 10  // -2^31 - 1: out of range
    // complex numbers n = (1+2i, 3+4i), m = (10+20i, 30+40i)
    msr     fpsr, xzr
    adr     x3, cplx
    ldp     q1, q2, [x3]
    fcadd   v3.4s, v1.4s, v2.4s, #90    // n + i*m
    CHECK_Q 3, 0x41400000c1980000, 0x42080000c2140000, 11
    fcadd   v3.4s, v1.4s, v2.4s, #270   // n - i*m
    CHECK_Q 3, 0xc100000041a80000, 0xc1d00000422c0000, 12
    movi    v4.16b, #0
    fcmla   v4.4s, v1.4s, v2.4s, #0
    fcmla   v4.4s, v1.4s, v2.4s, #90    // n * m
    CHECK_Q 4, 0x42200000c1f00000, 0x43700000c28c0000, 13
    movi    v5.16b, #0
    fcmla   v5.4s, v1.4s, v2.s[1], #0
    fcmla   v5.4s, v1.4s, v2.s[1], #90  // n * (30+40i)
    CHECK_Q 5, 0x42c80000c2480000, 0x43700000c28c0000, 14
    movi    v6.16b, #0
    fcmla   v6.4s, v1.4s, v2.4s, #180
    fcmla   v6.4s, v1.4s, v2.4s, #270   // -(n * m)
    CHECK_Q 6, 0xc220000041f00000, 0xc3700000428c0000, 15
    fcmla   v6.2s, v1.2s, v2.2s, #0     // Q = 0: upper half cleared
    mov     x1, v6.d[1]
    CHECK_EQ x1, 0, 16
    mrs     x1, fpsr
    CHECK_EQ x1, 0, 17
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
cplx:
    .float 1, 2, 3, 4, 10, 20, 30, 40
