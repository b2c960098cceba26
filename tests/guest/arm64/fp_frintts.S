// SPDX-License-Identifier: MIT
// FEAT_FRINTTS FRINT32Z/X, FRINT64Z/X (FPRoundIntN): round to an integral value that fits a
// signed 32/64-bit integer; out of range, infinity and NaN give -2^(N-1) with Invalid only;
// in-range inexact results raise Inexact (also for the Z forms).
#include "macros.inc"

// \insn on the 32/64-bit pattern \in, expect \want and FPSR \fpsr. \r is s or d.
.macro RT insn, r, in, want, fpsr, id
    ldr     x3, =\in
    fmov    d0, x3                      // s: the low 32 bits
    msr     fpsr, xzr
    \insn   \r\()1, \r\()0
    fmov    x1, d1
    CHECK_EQ x1, \want, \id
    mrs     x1, fpsr
    CHECK_EQ x1, \fpsr, (\id + 100)
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    msr     fpcr, xzr
    mrs     x1, id_aa64isar1_el1
    ubfx    x1, x1, #32, #4
    CHECK_EQ x1, 1, 1
    RT      frint32z, s, 0x402ccccd, 0x40000000, 0x10, 2        // 2.7 -> 2.0, inexact
    RT      frint32x, s, 0x40200000, 0x40000000, 0x10, 3        // 2.5 -> 2.0 (ties to even)
    RT      frint32x, s, 0xc0200000, 0xc0000000, 0x10, 4        // -2.5 -> -2.0
    RT      frint32z, s, 0x4f32d05e, 0xcf000000, 0x01, 5        // 3e9: out of range
    RT      frint32z, s, 0xcf000000, 0xcf000000, 0, 6           // -2^31 fits
    RT      frint32z, s, 0x4effffff, 0x4effffff, 0, 7           // largest float < 2^31
    RT      frint32z, s, 0x7f800000, 0xcf000000, 0x01, 8        // +inf
    RT      frint64z, d, 0x43e158e460913d00, 0xc3e0000000000000, 0x01, 9  // 1e19
    RT      frint64x, d, 0x7ff8000000000000, 0xc3e0000000000000, 0x01, 10 // NaN
    RT      frint32z, d, 0xbfd3333333333333, 0x8000000000000000, 0x10, 11 // -0.3 -> -0.0
    RT      frint64x, d, 0x43e0000000000000, 0xc3e0000000000000, 0x01, 12 // 2^63
    // vector: 1.5, -1.5, 3e9, +inf
    adr     x3, lanes
    ldr     q0, [x3]
    msr     fpsr, xzr
    frint32z v1.4s, v0.4s
    fmov    x1, d1
    CHECK_EQ x1, 0xbf8000003f800000, 13
    mov     x1, v1.d[1]
    CHECK_EQ x1, 0xcf000000cf000000, 14
    mrs     x1, fpsr
    CHECK_EQ x1, 0x11, 15
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
lanes:
    .word 0x3fc00000, 0xbfc00000, 0x4f32d05e, 0x7f800000
