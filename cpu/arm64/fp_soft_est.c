/* SPDX-License-Identifier: MIT */
/*
 * The soft-float core's estimates and special conversions: FPRecipEstimate, FPRSqrtEstimate
 * (RecipEstimate()/RecipSqrtEstimate() arithmetic, no tables), FPRecipStepFused,
 * FPRSqrtStepFused, FPRecpX, UnsignedRecipEstimate/UnsignedRSqrtEstimate, FPToFixedJS.
 */
#include "cpu/arm64/fp_soft_impl.h"

u32 fp_to_int32_js(struct fpst *st, u64 a, bool *z)
{
    struct fp_unp u = fp_unpack(st, FP_D, a);
    *z = true;
    if (is_nan(u.type) || u.type == FPT_INF) {
        fp_raise(st, FPSR_IOC);
        *z = false;
        return 0;
    }
    if (u.type == FPT_ZERO) { /* -0 and flushed denormals are not "exact" */
        *z = !u.sign && !(a & frac_mask(FP_D));
        return 0;
    }
    /* |value| = sig * 2^e0, truncated toward zero */
    u64 mag;
    bool inexact, big;
    if (u.e0 >= 0) {
        mag = u.e0 >= 64 ? 0 : u.sig << u.e0; /* only the low 32 bits matter */
        inexact = false;
        big = true;                            /* >= 2^63 */
    } else if (u.e0 <= -64) {
        mag = 0;
        inexact = true;
        big = false;
    } else {
        mag = u.sig >> -u.e0;
        inexact = (u.sig << (64 + u.e0)) != 0;
        big = false;
    }
    bool in_range = !big && (u.sign ? mag <= 0x80000000ull : mag <= 0x7fffffffull);
    if (!in_range) {
        fp_raise(st, FPSR_IOC);
        *z = false;
    } else if (inexact) {
        fp_raise(st, FPSR_IXC);
        *z = false;
    }
    return (u32)(u.sign ? (u64)0 - mag : mag);
}

/* RecipEstimate: a in [256, 512) is a fixed-point value in [0.5, 1); result in [256, 512). */
static unsigned recip_estimate(unsigned a)
{
    a = a * 2 + 1;
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;
}

/* RecipSqrtEstimate: a in [128, 512) in [0.25, 1); result in [256, 512). */
static unsigned rsqrt_estimate(unsigned a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a >> 1) << 1) * 2 + 2;
    unsigned b = 512;
    while ((u64)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (b + 1) / 2;
}

/* Operand fraction left-aligned to 52 bits, and its biased exponent. */
static u64 frac52(enum fp_fmt f, u64 a, int *exp)
{
    *exp = (int)((a >> fbits(f)) & emax_field(f));
    return (a & frac_mask(f)) << (52 - fbits(f));
}

u64 fp_recip_estimate(struct fpst *st, enum fp_fmt f, u64 a)
{
    struct fp_unp u = fp_unpack(st, f, a);
    if (is_nan(u.type))
        return process_nan(st, f, u.type, a);
    if (u.type == FPT_INF)
        return fp_zero(f, u.sign);
    if (u.type == FPT_ZERO) {
        fp_raise(st, FPSR_DZC);
        return fp_infinity(f, u.sign);
    }
    int lead = u.e0 + 63; /* value in [2^lead, 2^(lead+1)) */
    const int tiny[3] = {-16, -128, -1024}, big[3] = {14, 126, 1022};
    if (lead < tiny[f]) {
        bool to_inf;
        switch (st->rmode) {
        case FPR_TIEEVEN: to_inf = true; break;
        case FPR_POSINF: to_inf = !u.sign; break;
        case FPR_NEGINF: to_inf = u.sign; break;
        default: to_inf = false; break;
        }
        fp_raise(st, FPSR_OFC | FPSR_IXC);
        return to_inf ? fp_infinity(f, u.sign) : fp_max_normal(f, u.sign);
    }
    bool fz = f == FP_H ? (st->fpcr & FPCR_FZ16) : (st->fpcr & FPCR_FZ);
    if (fz && lead >= big[f]) {
        fp_raise(st, FPSR_UFC);
        return fp_zero(f, u.sign);
    }
    int exp;
    u64 fraction = frac52(f, a, &exp);
    if (exp == 0) {
        if (!(fraction >> 51 & 1)) {
            exp = -1;
            fraction = (fraction << 2) & ((1ull << 52) - 1);
        } else {
            fraction = (fraction << 1) & ((1ull << 52) - 1);
        }
    }
    unsigned scaled = 256 | (unsigned)(fraction >> 44);
    const int base[3] = {29, 253, 2045};
    int result_exp = base[f] - exp;
    unsigned est = recip_estimate(scaled);
    fraction = (u64)(est & 0xff) << 44;
    if (result_exp == 0) {
        fraction = (1ull << 51) | (fraction >> 1);
    } else if (result_exp == -1) {
        fraction = (1ull << 50) | (fraction >> 2);
        result_exp = 0;
    }
    return (u.sign ? sign_bit(f) : 0) | ((u64)result_exp << fbits(f)) |
           (fraction >> (52 - fbits(f)));
}

u64 fp_rsqrt_estimate(struct fpst *st, enum fp_fmt f, u64 a)
{
    struct fp_unp u = fp_unpack(st, f, a);
    if (is_nan(u.type))
        return process_nan(st, f, u.type, a);
    if (u.type == FPT_ZERO) {
        fp_raise(st, FPSR_DZC);
        return fp_infinity(f, u.sign);
    }
    if (u.sign) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    if (u.type == FPT_INF)
        return fp_zero(f, false);
    int exp;
    u64 fraction = frac52(f, a, &exp);
    if (exp == 0) {
        while (!(fraction >> 51 & 1)) {
            fraction = (fraction << 1) & ((1ull << 52) - 1);
            exp--;
        }
        fraction = (fraction << 1) & ((1ull << 52) - 1);
    }
    unsigned scaled = (exp & 1) ? (128 | (unsigned)(fraction >> 45))
                                : (256 | (unsigned)(fraction >> 44));
    const int base[3] = {44, 380, 3068};
    int result_exp = (base[f] - exp) / 2;
    unsigned est = rsqrt_estimate(scaled);
    return ((u64)result_exp << fbits(f)) | ((u64)(est & 0xff) << (fbits(f) - 8));
}

/* FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2), with a negated first. */
static u64 step_fused(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool rsqrt)
{
    a = fp_neg(f, a);
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    u64 res;
    if (process_nans(st, f, u1.type, u2.type, a, b, &res))
        return res;
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    if ((inf1 && zero2) || (zero1 && inf2)) {
        /* FPTwo('0') or FPOnePointFive('0') */
        u64 one = (u64)bias(f) << fbits(f);
        return rsqrt ? one | quiet_bit(f) : ((u64)bias(f) + 1) << fbits(f);
    }
    if (inf1 || inf2)
        return fp_infinity(f, u1.sign ^ u2.sign);
    u128 mp = (zero1 || zero2) ? 0 : ((u128)u1.sig * u2.sig) >> 2;
    int ep = u1.e0 + u2.e0 + 2;
    bool sign;
    int e0;
    /* 2.0 = 1 * 2^1, 3.0 = 3 * 2^0 */
    u128 m = add_mag(false, rsqrt ? 0 : 1, rsqrt ? 3 : 1, u1.sign ^ u2.sign, ep, mp, &sign, &e0);
    if (m == 0)
        return fp_zero(f, st->rmode == FPR_NEGINF);
    return fp_round(st, f, sign, rsqrt ? e0 - 1 : e0, m, st->rmode);
}

u64 fp_recip_step(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    return step_fused(st, f, a, b, false);
}

u64 fp_rsqrt_step(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    return step_fused(st, f, a, b, true);
}

u64 fp_recpx(struct fpst *st, enum fp_fmt f, u64 a)
{
    struct fp_unp u = fp_unpack(st, f, a);
    if (is_nan(u.type))
        return process_nan(st, f, u.type, a);
    u64 exp = (a >> fbits(f)) & emax_field(f);
    u64 s = a & sign_bit(f);
    if (exp == 0)
        return s | ((emax_field(f) - 1) << fbits(f));
    return s | ((~exp & emax_field(f)) << fbits(f));
}

/* UnsignedRecipEstimate / UnsignedRSqrtEstimate (URECPE, URSQRTE) on 32-bit lanes. */
u32 fp_urecip_estimate(u32 a)
{
    if (!(a >> 31))
        return 0xffffffffu;
    return (u32)recip_estimate(a >> 23) << 23;
}

u32 fp_ursqrt_estimate(u32 a)
{
    if (!(a >> 30))
        return 0xffffffffu;
    return (u32)rsqrt_estimate(a >> 23) << 23;
}
