// SPDX-License-Identifier: MIT
// Run with -cpu cortex-a57 (Armv8.0: no FEAT_FP16, JSCVT, FCMA, FHM, FRINTTS, DotProd, I8MM):
// every half-precision data-processing form, FJCVTZS, FCADD, FCMLA, FMLAL/FMLSL, FRINT32*/64*,
// SDOT/UDOT, SMMLA, USDOT are UNDEFINED (EC 0x00) and ID_AA64PFR0_EL1.FP/AdvSIMD read 0,
// while the Armv8.0 conversions FCVT/FCVTL between H and S/D still execute, and FPCR.FZ16
// reads as zero.
#include "macros.inc"
    .arch_extension fp16fml
    .arch_extension dotprod
    .arch_extension i8mm

.macro UNDEF_INSN id, insn:vararg
    EXPECT_EXC
    \insn
    lsr     x0, x0, #26
    CHECK_EQ x0, 0, \id
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    mrs     x1, id_aa64pfr0_el1
    ubfx    x1, x1, #16, #8             // FP, AdvSIMD
    CHECK_EQ x1, 0, 1
    UNDEF_INSN 2, fadd h0, h1, h2
    UNDEF_INSN 3, fmadd h0, h1, h2, h3
    UNDEF_INSN 4, fcmp h0, h1
    UNDEF_INSN 5, fcsel h0, h1, h2, eq
    UNDEF_INSN 6, fmov h0, #1.0
    UNDEF_INSN 7, fmov h0, w1
    UNDEF_INSN 8, fmov x1, h0
    UNDEF_INSN 9, fcvtzs w1, h0
    UNDEF_INSN 10, scvtf h0, x1, #4
    UNDEF_INSN 11, fadd v0.8h, v1.8h, v2.8h
    UNDEF_INSN 12, fcmge h0, h1, h2
    UNDEF_INSN 13, fabs v0.4h, v1.4h
    UNDEF_INSN 14, fcvtzs h0, h1
    UNDEF_INSN 15, fmul v0.8h, v1.8h, v2.h[3]
    UNDEF_INSN 16, fmaxnmv h0, v1.8h
    UNDEF_INSN 17, faddp h0, v1.2h
    UNDEF_INSN 18, fmov v0.8h, #1.0
    UNDEF_INSN 19, scvtf v0.8h, v1.8h, #3
    UNDEF_INSN 20, frecpe h0, h1
    UNDEF_INSN 23, fjcvtzs w1, d0
    UNDEF_INSN 24, fcadd v0.4s, v1.4s, v2.4s, #90
    UNDEF_INSN 25, fcmla v0.4s, v1.4s, v2.4s, #0
    UNDEF_INSN 26, fcmla v0.4s, v1.4s, v2.s[1], #90
    UNDEF_INSN 27, fmlal v0.4s, v1.4h, v2.4h
    UNDEF_INSN 28, fmlsl2 v0.4s, v1.4h, v2.h[7]
    UNDEF_INSN 29, frint32z s0, s1
    UNDEF_INSN 30, frint64x v0.2d, v1.2d
    UNDEF_INSN 31, sdot v0.4s, v1.16b, v2.16b
    UNDEF_INSN 32, udot v0.2s, v1.8b, v2.4b[3]
    UNDEF_INSN 33, smmla v0.4s, v1.16b, v2.16b
    UNDEF_INSN 34, usdot v0.4s, v1.16b, v2.4b[1]
    // Armv8.0 half-precision conversions remain
    mov     w1, #0x3c00
    fmov    s1, w1
    fcvt    s0, h1
    fmov    w1, s0
    CHECK_EQ x1, 0x3f800000, 21
    fcvtl   v2.4s, v1.4h
    fmov    w1, s2
    CHECK_EQ x1, 0x3f800000, 22
    // FPCR.FZ16 is RES0 without FEAT_FP16
    mov     x1, #(1 << 19)
    msr     fpcr, x1
    mrs     x1, fpcr
    CHECK_EQ x1, 0, 23
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
