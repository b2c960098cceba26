// SPDX-License-Identifier: MIT
// FEAT_FP16 corner cases (Arm ARM FPUnpackBase/FPRoundBase for N = 16): FPCR.FZ16 flushes
// half-precision denormals without IDC and FZ does not; AHP does not apply to arithmetic but
// does to FCVT; FCVT ignores FZ16; DN; NaN propagation; overflow per rounding mode; FMOV
// general/immediate; across lanes, by element, pairwise, SIMD-scalar saturating conversion.
#include "macros.inc"

// Set FPCR, clear FPSR.
.macro SETFP fpcr
    ldr     x3, =\fpcr
    msr     fpcr, x3
    msr     fpsr, xzr
.endm

// The whole D register of V\reg equals \val (so the upper bits are zero) and FPSR is \fpsr.
.macro CHECK_V reg, val, fpsr, id
    fmov    x1, d\reg
    CHECK_EQ x1, \val, \id
    mrs     x1, fpsr
    CHECK_EQ x1, \fpsr, (\id + 100)
.endm

// Load a half-precision constant into H\reg (upper bits zero).
.macro LDH reg, val
    mov     w3, #\val
    fmov    h\reg, w3
.endm

#define FZ16 (1 << 19)
#define FZ   (1 << 24)
#define DN   (1 << 25)
#define AHP  (1 << 26)
#define RZ   (3 << 22)

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    fmov    h2, #1.0
    // FZ16 flushes a denormal input to zero and raises no Input Denormal
    SETFP   FZ16
    LDH     0, 0x0001
    fadd    h1, h0, h0
    CHECK_V 1, 0, 0, 1
    // FZ alone does not touch half precision
    SETFP   FZ
    fadd    h1, h0, h0
    CHECK_V 1, 0x0002, 0, 2
    // FZ16 flushes a tiny result: UFC, no IXC
    SETFP   FZ16
    LDH     0, 0x0400                   // smallest normal
    fmov    h4, #0.5
    fmul    h1, h0, h4
    CHECK_V 1, 0, 0x08, 3
    // without FZ16 the exact denormal result raises nothing
    SETFP   0
    fmul    h1, h0, h4
    CHECK_V 1, 0x0200, 0, 4
    // AHP: arithmetic still sees IEEE infinities ...
    SETFP   AHP
    LDH     0, 0x7c00
    fadd    h1, h0, h2
    CHECK_V 1, 0x7c00, 0, 5
    // ... but FCVT reads 0x7c00 as 65536.0
    fcvt    s1, h0
    CHECK_V 1, 0x47800000, 0, 6
    // FCVT (FPUnpackCV) ignores FZ16
    SETFP   FZ16
    LDH     0, 0x0001
    fcvt    s1, h0
    CHECK_V 1, 0x33800000, 0, 7
    // DN: a quiet NaN operand gives the default NaN; without DN it propagates
    SETFP   DN
    LDH     0, 0xfe12
    fadd    h1, h0, h2
    CHECK_V 1, 0x7e00, 0, 8
    SETFP   0
    fadd    h1, h0, h2
    CHECK_V 1, 0xfe12, 0, 9
    // a signalling NaN is quietened, IOC
    LDH     0, 0x7c01
    fadd    h1, h2, h0
    CHECK_V 1, 0x7e01, 0x01, 10
    // overflow: to infinity (RNE), to the largest normal (RZ); OFC + IXC either way
    SETFP   0
    LDH     0, 0x7bff
    fadd    h1, h0, h0
    CHECK_V 1, 0x7c00, 0x14, 11
    SETFP   RZ
    fadd    h1, h0, h0
    CHECK_V 1, 0x7bff, 0x14, 12
    // FMOV general: Wn -> Hd takes the low 16 bits; Hn -> Wd/Xd zero-extends
    SETFP   0
    ldr     w3, =0x12348001
    fmov    h0, w3
    CHECK_V 0, 0x8001, 0, 13
    fmov    w1, h0
    CHECK_EQ x1, 0x8001, 14
    mov     x1, #-1
    fmov    x1, h0
    CHECK_EQ x1, 0x8001, 15
    // FMOV (vector, immediate), half precision; .4h clears the upper half
    fmov    v4.8h, #-2.5
    mov     x1, v4.d[1]
    CHECK_EQ x1, 0xc100c100c100c100, 16
    fmov    v4.4h, #-2.5
    mov     x1, v4.d[1]
    CHECK_EQ x1, 0, 17
    CHECK_V 4, 0xc100c100c100c100, 0, 18
    // FMAXNMV over 8 lanes ignores quiet NaNs; FMINV over 4 propagates one
    adr     x3, lanes
    ldr     q6, [x3]
    fmaxnmv h5, v6.8h
    CHECK_V 5, 0x4000, 0, 19
    fminv   h5, v6.4h
    CHECK_V 5, 0x7e00, 0, 20
    fmaxv   h5, v6.8h
    CHECK_V 5, 0x7e00, 0, 21
    // FCVTZS to a 16-bit lane saturates (IOC); to W it fits
    LDH     0, 0x7bff
    fcvtzs  h1, h0
    CHECK_V 1, 0x7fff, 0x01, 22
    SETFP   0
    fcvtzs  w1, h0
    CHECK_EQ x1, 65504, 23
    // FMLA by element: Vm = V15, index 7
    fmov    v7.8h, #1.0
    fmov    v8.8h, #3.0
    fmov    v15.8h, #0.5
    mov     w3, #0x4000
    ins     v15.h[7], w3
    fmla    v7.8h, v8.8h, v15.h[7]      // 1 + 3 * 2
    mov     x1, v7.d[1]
    CHECK_EQ x1, 0x4700470047004700, 24
    CHECK_V 7, 0x4700470047004700, 0, 25
    // FRECPE with FZ16 of a value >= 2^14 underflows to zero: UFC
    SETFP   FZ16
    LDH     0, 0x7800
    frecpe  h1, h0
    CHECK_V 1, 0, 0x08, 26
    // SCVTF: 65520 is halfway between 65504 and 2^16: rounds to even, overflows
    SETFP   0
    ldr     w3, =65520
    scvtf   h1, w3
    CHECK_V 1, 0x7c00, 0x14, 27
    // FRINTX: 2.5 -> 2.0 (ties to even), IXC
    SETFP   0
    fmov    h0, #2.5
    frintx  h1, h0
    CHECK_V 1, 0x4000, 0x10, 28
    // FADDP (scalar, half precision)
    SETFP   0
    ldr     w3, =0x40003c00             // lanes 1.0, 2.0
    fmov    s9, w3
    faddp   h1, v9.2h
    CHECK_V 1, 0x4200, 0, 29
    // FCMP: 0x0001 vs 0 is "greater", but equal under FZ16 (and still no IDC)
    LDH     0, 0x0001
    fcmp    h0, #0.0
    CHECK_NZCV 0x2, 30
    SETFP   FZ16
    fcmp    h0, #0.0
    CHECK_NZCV 0x6, 31
    mrs     x1, fpsr
    CHECK_EQ x1, 0, 32
    mov     x0, #0
test_fail:
    msr     fpcr, xzr
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
lanes:  // 1.0, qNaN, -inf, 2.0, 0.5, qNaN, 0, 1.5
    .hword 0x3c00, 0x7e00, 0xfc00, 0x4000, 0x3800, 0x7e00, 0x0000, 0x3e00
