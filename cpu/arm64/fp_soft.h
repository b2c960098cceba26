/* SPDX-License-Identifier: MIT */
/*
 * Bit-exact AArch64 floating point on raw encodings, written from the Arm ARM pseudocode
 * (DDI 0487, shared/functions/float: FPUnpack, FPRound, FPProcessNaNs, FPAdd, FPMulAdd ...).
 * Host-independent: integer arithmetic only, so every FPCR mode and FPSR flag is exact.
 */
#ifndef EMU_CPU_ARM64_FP_SOFT_H
#define EMU_CPU_ARM64_FP_SOFT_H

#include "core/types.h"

/* Formats: the element size log2 minus 1 (H=0, S=1, D=2), so lane sizes map directly. */
enum fp_fmt { FP_H = 0, FP_S = 1, FP_D = 2 };

/* FPCR fields (Arm ARM D17.2.47) */
#define FPCR_AHP (1u << 26)
#define FPCR_DN (1u << 25)
#define FPCR_FZ (1u << 24)
#define FPCR_RMODE_SHIFT 22
#define FPCR_FZ16 (1u << 19)
/* FPSR cumulative flags (Arm ARM D17.2.51) */
#define FPSR_IOC (1u << 0)
#define FPSR_DZC (1u << 1)
#define FPSR_OFC (1u << 2)
#define FPSR_UFC (1u << 3)
#define FPSR_IXC (1u << 4)
#define FPSR_IDC (1u << 7)
#define FPSR_QC (1u << 27)

/* FPRounding: the first four equal FPCR.RMode encodings. */
enum fp_rounding {
    FPR_TIEEVEN = 0,
    FPR_POSINF = 1,
    FPR_NEGINF = 2,
    FPR_ZERO = 3,
    FPR_TIEAWAY = 4,
    FPR_ODD = 5,
};

/* One operation's environment: the FPCR it sees, the rounding mode in effect, and the
 * exceptions it raised (FPSR bits, ORed into FPSR by the caller). cv is internal to
 * fp_convert(): half precision there follows FPUnpackCV/FPRoundCV (FPCR.AHP applies, FZ16
 * does not); everywhere else (FEAT_FP16 arithmetic) FZ16 applies and AHP does not. */
struct fpst {
    u32 fpcr;
    u32 exc;
    u8 rmode;
    bool cv;
};

static inline struct fpst fpst_make(u32 fpcr)
{
    struct fpst s = {fpcr, 0, (u8)((fpcr >> FPCR_RMODE_SHIFT) & 3), false};
    return s;
}

/* Arithmetic (FPAdd, FPSub, FPMul, FPDiv, FPSqrt, FPMulAdd: addend first, as the spec). */
u64 fp_add(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_sub(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_mul(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_div(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_sqrt(struct fpst *st, enum fp_fmt f, u64 a);
u64 fp_muladd(struct fpst *st, enum fp_fmt f, u64 addend, u64 a, u64 b);
/* FPMulAddH (FMLAL/FMLSL): single addend + half * half, one rounding to single. */
u64 fp_muladd_h(struct fpst *st, u64 addend, u64 a, u64 b);
/* FPMulX (FMULX): like FPMul but 0 * inf = 2.0 with the product's sign. */
u64 fp_mulx(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_max(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_min(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_maxnum(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_minnum(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_abs(enum fp_fmt f, u64 a);
u64 fp_neg(enum fp_fmt f, u64 a);

/* FPCompare: NZCV in bits [3:0]. signal_nans: FCMPE (quiet NaNs raise Invalid too). */
unsigned fp_compare(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool signal_nans);
/* FPCompareEQ/GE/GT for the SIMD compares: true/false. */
bool fp_compare_eq(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
bool fp_compare_ge(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
bool fp_compare_gt(struct fpst *st, enum fp_fmt f, u64 a, u64 b);

/* FPConvert between formats, rounding st->rmode; FPCR.AHP selects the alternative half
 * format; FZ16 is ignored (FPUnpackCV/FPRoundCV). */
u64 fp_convert(struct fpst *st, enum fp_fmt to, enum fp_fmt from, u64 a);
/* FPToFixed: to a signed/unsigned integer of isize bits (16, 32 or 64) with fbits fraction
 * bits; the result is zero-extended from isize bits. */
u64 fp_to_fixed(struct fpst *st, enum fp_fmt f, u64 a, int fbits, bool is_unsigned, int isize,
                enum fp_rounding r);
/* FixedToFP: from a signed/unsigned isize-bit integer (the low isize bits of v) with fbits
 * fraction bits. */
u64 fp_from_fixed(struct fpst *st, enum fp_fmt f, u64 v, int fbits, bool is_unsigned, int isize,
                  enum fp_rounding r);
/* FPRoundIntN (FRINT32*, FRINT64*): f is FP_S or FP_D, intsize 32 or 64. */
u64 fp_round_int_n(struct fpst *st, enum fp_fmt f, u64 a, enum fp_rounding r, int intsize);
/* FPToFixedJS (FJCVTZS, FEAT_JSCVT): double to int32 toward zero, modulo 2^32; *z is the
 * Z flag (exact, in range and not -0). */
u32 fp_to_int32_js(struct fpst *st, u64 a, bool *z);
/* FPRoundInt: exact = FRINTX (Inexact signalled). */
u64 fp_round_int(struct fpst *st, enum fp_fmt f, u64 a, enum fp_rounding r, bool exact);

/* Estimates and Newton-Raphson steps (FPRecipEstimate, FPRSqrtEstimate, FPRecipStepFused,
 * FPRSqrtStepFused, FPRecpX), and the unsigned fixed-point ones (URECPE, URSQRTE). */
u64 fp_recip_estimate(struct fpst *st, enum fp_fmt f, u64 a);
u64 fp_rsqrt_estimate(struct fpst *st, enum fp_fmt f, u64 a);
u64 fp_recip_step(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_rsqrt_step(struct fpst *st, enum fp_fmt f, u64 a, u64 b);
u64 fp_recpx(struct fpst *st, enum fp_fmt f, u64 a);
u32 fp_urecip_estimate(u32 a);
u32 fp_ursqrt_estimate(u32 a);

/* Encodings of special values. */
u64 fp_default_nan(enum fp_fmt f);
u64 fp_infinity(enum fp_fmt f, bool sign);
u64 fp_zero(enum fp_fmt f, bool sign);

#endif
