/* SPDX-License-Identifier: MIT */
/*
 * The soft-float core: FPUnpack, FPRound and the arithmetic of Arm ARM shared/functions/float.
 * Values are carried as an exact (or sticky-jammed) integer mantissa times a power of two,
 * so rounding sees the real result the pseudocode describes.
 */
#include "cpu/arm64/fp_soft_impl.h"
#include "cpu/arm64/fp_fast.h"

u64 fp_default_nan(enum fp_fmt f)
{
    return (emax_field(f) << fbits(f)) | quiet_bit(f);
}

u64 fp_infinity(enum fp_fmt f, bool sign)
{
    return (sign ? sign_bit(f) : 0) | (emax_field(f) << fbits(f));
}

u64 fp_zero(enum fp_fmt f, bool sign)
{
    return sign ? sign_bit(f) : 0;
}

u64 fp_max_normal(enum fp_fmt f, bool sign)
{
    return (sign ? sign_bit(f) : 0) | ((emax_field(f) - 1) << fbits(f)) | frac_mask(f);
}

u64 fp_abs(enum fp_fmt f, u64 a) { return a & ~sign_bit(f); }
u64 fp_neg(enum fp_fmt f, u64 a) { return a ^ sign_bit(f); }

/* Shift right, ORing any bits shifted out into bit 0 (sticky "jamming"). */
static u128 shr_jam(u128 m, int n)
{
    if (n <= 0)
        return m;
    if (n >= 128)
        return m != 0;
    return (m >> n) | ((m & (((u128)1 << n) - 1)) != 0);
}

/* Half precision: FPCR.AHP only in conversions (FPUnpackCV/FPRoundCV), FPCR.FZ16 everywhere
 * else (FPUnpack/FPRound clear AHP; the CV forms clear FZ16). */
static inline bool ahp(const struct fpst *st)
{
    return st->cv && (st->fpcr & FPCR_AHP);
}

static inline bool flush(const struct fpst *st, enum fp_fmt f)
{
    return f == FP_H ? !st->cv && (st->fpcr & FPCR_FZ16) : (st->fpcr & FPCR_FZ) != 0;
}

/* FPUnpackBase. FZ flushes single/double denormals with Input Denormal (IDC); FZ16 flushes
 * half-precision ones silently (the pseudocode raises no exception for N == 16). */
struct fp_unp fp_unpack(struct fpst *st, enum fp_fmt f, u64 a)
{
    struct fp_unp u;
    int F = fbits(f);
    u64 exp = (a >> F) & emax_field(f);
    u64 frac = a & frac_mask(f);
    u.sign = (a & sign_bit(f)) != 0;
    u.e0 = 0;
    u.sig = 0;
    if (exp == 0) {
        if (frac == 0) {
            u.type = FPT_ZERO;
        } else if (flush(st, f)) {
            u.type = FPT_ZERO;
            if (f != FP_H)
                fp_raise(st, FPSR_IDC);
        } else {
            int p = 63 - __builtin_clzll(frac);
            u.type = FPT_NUM;
            u.sig = frac << (63 - p);
            u.e0 = (1 - bias(f)) - F + p - 63;
        }
    } else if (exp == emax_field(f) && !(f == FP_H && ahp(st))) {
        if (frac == 0)
            u.type = FPT_INF;
        else
            u.type = (frac & quiet_bit(f)) ? FPT_QNAN : FPT_SNAN;
    } else {
        u.type = FPT_NUM;
        u.sig = (frac | (1ull << F)) << (63 - F);
        u.e0 = (int)exp - bias(f) - 63;
    }
    return u;
}

/* FPProcessNaN */
u64 process_nan(struct fpst *st, enum fp_fmt f, enum fp_type t, u64 op)
{
    u64 r = op;
    if (t == FPT_SNAN) {
        r |= quiet_bit(f);
        fp_raise(st, FPSR_IOC);
    }
    if (st->fpcr & FPCR_DN)
        r = fp_default_nan(f);
    return r;
}

/* FPProcessNaNs: signalling NaNs first, then quiet ones, operand order within each. */
bool process_nans(struct fpst *st, enum fp_fmt f, enum fp_type t1, enum fp_type t2,
                         u64 op1, u64 op2, u64 *res)
{
    if (t1 == FPT_SNAN)
        *res = process_nan(st, f, t1, op1);
    else if (t2 == FPT_SNAN)
        *res = process_nan(st, f, t2, op2);
    else if (t1 == FPT_QNAN)
        *res = process_nan(st, f, t1, op1);
    else if (t2 == FPT_QNAN)
        *res = process_nan(st, f, t2, op2);
    else
        return false;
    return true;
}

/* FPProcessNaNs3 */
static bool process_nans3(struct fpst *st, enum fp_fmt f, const enum fp_type t[3],
                          const u64 op[3], u64 *res)
{
    for (int i = 0; i < 3; i++)
        if (t[i] == FPT_SNAN) {
            *res = process_nan(st, f, t[i], op[i]);
            return true;
        }
    for (int i = 0; i < 3; i++)
        if (t[i] == FPT_QNAN) {
            *res = process_nan(st, f, t[i], op[i]);
            return true;
        }
    return false;
}

/*
 * FPRoundBase: round the nonzero real value m * 2^e0 (m may carry a sticky bit in bit 0 as
 * long as it lies well below the rounding position). Tininess is detected before rounding
 * (biased_exp == 0 with a nonzero error), as the pseudocode does when FPCR.AH == 0.
 */
static u64 round_pack(struct fpst *st, enum fp_fmt f, bool sign, int e0, u128 m,
                      enum fp_rounding r, bool fz)
{
    const int F = fbits(f), E = ebits(f);
    const int min_exp = 1 - bias(f);
    int t = 127 - clz128(m);
    int exponent = e0 + t;
    int biased_exp;
    int sh = t - F;

    if (fz && exponent < min_exp) {
        fp_raise(st, FPSR_UFC);
        return fp_zero(f, sign);
    }
    if (exponent < min_exp) {
        biased_exp = 0;
        sh += min_exp - exponent;
    } else {
        biased_exp = exponent - min_exp + 1;
    }

    u128 int_mant;
    bool err_any, err_half, err_more; /* error != 0, error >= 0.5, error > 0.5 */
    if (sh <= 0) {
        int_mant = m << -sh;
        err_any = err_half = err_more = false;
    } else if (sh > 128) {
        int_mant = 0;
        err_any = true;
        err_half = err_more = false;
    } else {
        u128 rem = sh == 128 ? m : m & (((u128)1 << sh) - 1);
        u128 half = (u128)1 << (sh - 1);
        int_mant = sh == 128 ? 0 : m >> sh;
        err_any = rem != 0;
        err_half = rem >= half;
        err_more = rem > half;
    }

    if (biased_exp == 0 && err_any)
        fp_raise(st, FPSR_UFC);

    bool round_up, overflow_to_inf;
    switch (r) {
    case FPR_TIEEVEN:
        round_up = err_more || (err_half && (int_mant & 1));
        overflow_to_inf = true;
        break;
    case FPR_POSINF:
        round_up = err_any && !sign;
        overflow_to_inf = !sign;
        break;
    case FPR_NEGINF:
        round_up = err_any && sign;
        overflow_to_inf = sign;
        break;
    case FPR_TIEAWAY:
        round_up = err_half;
        overflow_to_inf = true;
        break;
    default: /* FPR_ZERO, FPR_ODD */
        round_up = false;
        overflow_to_inf = false;
        break;
    }
    if (round_up) {
        int_mant++;
        if (int_mant == (u128)1 << F)
            biased_exp = 1;
        if (int_mant == (u128)1 << (F + 1)) {
            biased_exp++;
            int_mant >>= 1;
        }
    }
    if (err_any && r == FPR_ODD)
        int_mant |= 1;

    u64 res;
    if (!(f == FP_H && ahp(st))) {
        if (biased_exp >= (1 << E) - 1) {
            res = overflow_to_inf ? fp_infinity(f, sign) : fp_max_normal(f, sign);
            fp_raise(st, FPSR_OFC);
            err_any = true;
        } else {
            res = (sign ? sign_bit(f) : 0) | ((u64)biased_exp << F) | ((u64)int_mant & frac_mask(f));
        }
    } else {
        /* Alternative half precision: no infinities; out of range is Invalid Operation. */
        if (biased_exp >= (1 << E)) {
            res = (sign ? sign_bit(f) : 0) | (sign_bit(f) - 1);
            fp_raise(st, FPSR_IOC);
            err_any = false;
        } else {
            res = (sign ? sign_bit(f) : 0) | ((u64)biased_exp << F) | ((u64)int_mant & frac_mask(f));
        }
    }
    if (err_any)
        fp_raise(st, FPSR_IXC);
    return res;
}

/* FPRound with the FPCR's flush-to-zero (FZ for S/D, FZ16 for H outside conversions). */
u64 fp_round(struct fpst *st, enum fp_fmt f, bool sign, int e0, u128 m, enum fp_rounding r)
{
    return round_pack(st, f, sign, e0, m, r, flush(st, f));
}

/* Exact signed sum of two values m * 2^e0 (m < 2^126): *sign, *e0, returns the magnitude,
 * with a sticky bit when the smaller operand lost bits in alignment. */
u128 add_mag(bool sa, int ea, u128 ma, bool sb, int eb, u128 mb, bool *sign, int *e0)
{
    if (ma) {
        int s = clz128(ma) - 2;
        ma <<= s;
        ea -= s;
    }
    if (mb) {
        int s = clz128(mb) - 2;
        mb <<= s;
        eb -= s;
    }
    if (!ma) {
        *sign = sb;
        *e0 = eb;
        return mb;
    }
    if (!mb) {
        *sign = sa;
        *e0 = ea;
        return ma;
    }
    if (ea < eb || (ea == eb && ma < mb)) {
        bool ts = sa; sa = sb; sb = ts;
        int te = ea; ea = eb; eb = te;
        u128 tm = ma; ma = mb; mb = tm;
    }
    mb = shr_jam(mb, ea - eb);
    *e0 = ea;
    *sign = sa;
    return sa == sb ? ma + mb : ma - mb;
}

/* FPAdd; also FPSub with b's sign flipped before unpacking (the spec negates the value only
 * after NaN processing, so flip it back for NaNs). */
static u64 add_common(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool negate_b)
{
    u64 fast;
    if (fp_fast(st, f, negate_b ? 1 : 0, a, b, &fast))
        return fast;
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    u64 res;
    if (process_nans(st, f, u1.type, u2.type, a, b, &res))
        return res;
    if (negate_b)
        u2.sign = !u2.sign;
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    if (inf1 && inf2 && u1.sign != u2.sign) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    if (inf1)
        return fp_infinity(f, u1.sign);
    if (inf2)
        return fp_infinity(f, u2.sign);
    if (zero1 && zero2 && u1.sign == u2.sign)
        return fp_zero(f, u1.sign);
    bool sign;
    int e0;
    u128 m = add_mag(u1.sign, u1.e0, u1.sig, u2.sign, u2.e0, u2.sig, &sign, &e0);
    if (m == 0)
        return fp_zero(f, st->rmode == FPR_NEGINF);
    return fp_round(st, f, sign, e0, m, st->rmode);
}

u64 fp_add(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    return add_common(st, f, a, b, false);
}

u64 fp_sub(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    return add_common(st, f, a, b, true);
}

static u64 mul_common(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool mulx)
{
    u64 fast;
    if (fp_fast(st, f, 2, a, b, &fast))
        return fast;
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    u64 res;
    if (process_nans(st, f, u1.type, u2.type, a, b, &res))
        return res;
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    bool sign = u1.sign ^ u2.sign;
    if ((inf1 && zero2) || (zero1 && inf2)) {
        if (mulx) /* FPMulX: FPTwo(sign1 EOR sign2) */
            return (sign ? sign_bit(f) : 0) | ((u64)bias(f) + 1) << fbits(f);
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    if (inf1 || inf2)
        return fp_infinity(f, sign);
    if (zero1 || zero2)
        return fp_zero(f, sign);
    return fp_round(st, f, sign, u1.e0 + u2.e0, (u128)u1.sig * u2.sig, st->rmode);
}

u64 fp_mul(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    return mul_common(st, f, a, b, false);
}

u64 fp_mulx(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    return mul_common(st, f, a, b, true);
}

u64 fp_div(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    u64 fast;
    if (fp_fast(st, f, 3, a, b, &fast))
        return fast;
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    u64 res;
    if (process_nans(st, f, u1.type, u2.type, a, b, &res))
        return res;
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    bool sign = u1.sign ^ u2.sign;
    if ((inf1 && inf2) || (zero1 && zero2)) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    if (inf1 || zero2) {
        if (!inf1)
            fp_raise(st, FPSR_DZC);
        return fp_infinity(f, sign);
    }
    if (zero1 || inf2)
        return fp_zero(f, sign);
    /* q = sig1 * 2^64 / sig2 lies in (2^63, 2^65): at least 64 significant bits, plus a
     * sticky bit for the remainder. */
    u128 num = (u128)u1.sig << 64;
    u128 q = num / u2.sig;
    bool rem = num % u2.sig != 0;
    q = (q << 1) | rem;
    return fp_round(st, f, sign, u1.e0 - u2.e0 - 65, q, st->rmode);
}

/* Integer square root of a 128-bit value; *inexact if not a perfect square. */
static u64 isqrt128(u128 x, bool *inexact)
{
    u128 res = 0, one = (u128)1 << 126;
    while (one > x)
        one >>= 2;
    while (one) {
        if (x >= res + one) {
            x -= res + one;
            res = (res >> 1) + one;
        } else {
            res >>= 1;
        }
        one >>= 2;
    }
    *inexact = x != 0;
    return (u64)res;
}

u64 fp_sqrt(struct fpst *st, enum fp_fmt f, u64 a)
{
    u64 fast;
    if (fp_fast(st, f, 4, a, 0, &fast))
        return fast;
    struct fp_unp u = fp_unpack(st, f, a);
    if (is_nan(u.type))
        return process_nan(st, f, u.type, a);
    if (u.type == FPT_ZERO)
        return fp_zero(f, u.sign);
    if (u.type == FPT_INF && !u.sign)
        return fp_infinity(f, false);
    if (u.sign) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    /* value = sig * 2^e0; make the exponent even, then sqrt(sig * 2^k) * 2^((e0-k)/2). */
    int e = u.e0;
    u128 x = (u128)u.sig << 64;
    e -= 64;
    if (e & 1) {
        x >>= 1; /* the shifted-out bit is zero: sig's low bits are clear */
        e += 1;
    }
    bool inexact;
    u64 r = isqrt128(x, &inexact);
    return fp_round(st, f, false, e / 2 - 1, ((u128)r << 1) | inexact, st->rmode);
}

/* FPConvertNaN: keep the sign and the most significant payload bits, set the quiet bit. */
static u64 convert_nan(enum fp_fmt to, enum fp_fmt from, u64 a)
{
    bool sign = (a & sign_bit(from)) != 0;
    u64 payload = a & (quiet_bit(from) - 1); /* fraction without the quiet bit */
    int shift = fbits(to) - fbits(from);
    payload = shift >= 0 ? payload << shift : payload >> -shift;
    return (sign ? sign_bit(to) : 0) | (emax_field(to) << fbits(to)) | quiet_bit(to) |
           (payload & (quiet_bit(to) - 1));
}

/* The FPMulAdd body once no NaN is involved: addend ua + u1 * u2, exact, rounded to f. */
static u64 muladd_num(struct fpst *st, enum fp_fmt f, const struct fp_unp *pa,
                      const struct fp_unp *p1, const struct fp_unp *p2)
{
    struct fp_unp ua = *pa, u1 = *p1, u2 = *p2;
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    bool infa = ua.type == FPT_INF, zeroa = ua.type == FPT_ZERO;
    bool signp = u1.sign ^ u2.sign, infp = inf1 || inf2, zerop = zero1 || zero2;
    if ((inf1 && zero2) || (zero1 && inf2) || (infa && infp && ua.sign != signp)) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    if ((infa && !ua.sign) || (infp && !signp))
        return fp_infinity(f, false);
    if ((infa && ua.sign) || (infp && signp))
        return fp_infinity(f, true);
    if (zeroa && zerop && ua.sign == signp)
        return fp_zero(f, ua.sign);
    /* The product of two <=53-bit significands has its low bits clear, so >> 2 is exact. */
    u128 mp = zerop ? 0 : ((u128)u1.sig * u2.sig) >> 2;
    int ep = u1.e0 + u2.e0 + 2;
    bool sign;
    int e0;
    u128 m = add_mag(ua.sign, ua.e0, zeroa ? 0 : ua.sig, signp, ep, mp, &sign, &e0);
    if (m == 0)
        return fp_zero(f, st->rmode == FPR_NEGINF);
    return fp_round(st, f, sign, e0, m, st->rmode);
}

u64 fp_muladd(struct fpst *st, enum fp_fmt f, u64 addend, u64 a, u64 b)
{
    u64 fast;
    if (fp_fast_muladd(st, f, addend, a, b, &fast))
        return fast;
    struct fp_unp ua = fp_unpack(st, f, addend), u1 = fp_unpack(st, f, a),
                  u2 = fp_unpack(st, f, b);
    const enum fp_type t[3] = {ua.type, u1.type, u2.type};
    const u64 op[3] = {addend, a, b};
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    u64 res;
    bool done = process_nans3(st, f, t, op, &res);
    if (ua.type == FPT_QNAN && ((inf1 && zero2) || (zero1 && inf2))) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(f);
    }
    if (done)
        return res;
    return muladd_num(st, f, &ua, &u1, &u2);
}

/* FPMulAddH (FMLAL/FMLSL, FEAT_FHM): single-precision addend plus the exact product of two
 * half-precision operands (FZ16 flushes those, FZ the addend), one rounding to single.
 * FPProcessNaNs3H converts a half-precision NaN operand to single (FPConvertNaN). */
u64 fp_muladd_h(struct fpst *st, u64 addend, u64 a, u64 b)
{
    struct fp_unp ua = fp_unpack(st, FP_S, addend), u1 = fp_unpack(st, FP_H, a),
                  u2 = fp_unpack(st, FP_H, b);
    bool inf1 = u1.type == FPT_INF, inf2 = u2.type == FPT_INF;
    bool zero1 = u1.type == FPT_ZERO, zero2 = u2.type == FPT_ZERO;
    bool done = false;
    u64 res = 0;
    for (int pass = 0; pass < 2 && !done; pass++) {
        enum fp_type want = pass == 0 ? FPT_SNAN : FPT_QNAN;
        done = true;
        if (ua.type == want)
            res = process_nan(st, FP_S, ua.type, addend);
        else if (u1.type == want)
            res = convert_nan(FP_S, FP_H, process_nan(st, FP_H, u1.type, a));
        else if (u2.type == want)
            res = convert_nan(FP_S, FP_H, process_nan(st, FP_H, u2.type, b));
        else
            done = false;
    }
    if (ua.type == FPT_QNAN && ((inf1 && zero2) || (zero1 && inf2))) {
        fp_raise(st, FPSR_IOC);
        return fp_default_nan(FP_S);
    }
    if (done)
        return res;
    return muladd_num(st, FP_S, &ua, &u1, &u2);
}

/* Compare two numbers (not NaN): -1, 0, 1. Zeros of either sign are equal. */
static int cmp_num(const struct fp_unp *a, const struct fp_unp *b)
{
    int ka = a->type == FPT_ZERO ? 0 : 1, kb = b->type == FPT_ZERO ? 0 : 1;
    if (!ka && !kb)
        return 0;
    /* magnitude order key: zero < numbers (by exponent then significand) < infinity */
    int mag;
    if (!ka)
        mag = -1;
    else if (!kb)
        mag = 1;
    else if (a->type == FPT_INF || b->type == FPT_INF)
        mag = (a->type == FPT_INF) - (b->type == FPT_INF);
    else {
        int ea = a->e0, eb = b->e0;
        mag = ea != eb ? (ea < eb ? -1 : 1) : (a->sig != b->sig ? (a->sig < b->sig ? -1 : 1) : 0);
    }
    bool sa = ka && a->sign, sb = kb && b->sign;
    if (sa != sb)
        return sa ? -1 : 1;
    return sa ? -mag : mag;
}

unsigned fp_compare(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool signal_nans)
{
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    if (is_nan(u1.type) || is_nan(u2.type)) {
        if (u1.type == FPT_SNAN || u2.type == FPT_SNAN || signal_nans)
            fp_raise(st, FPSR_IOC);
        return 0x3;
    }
    int c = cmp_num(&u1, &u2);
    return c == 0 ? 0x6 : c < 0 ? 0x8 : 0x2;
}

bool fp_compare_eq(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    if (is_nan(u1.type) || is_nan(u2.type)) {
        if (u1.type == FPT_SNAN || u2.type == FPT_SNAN)
            fp_raise(st, FPSR_IOC);
        return false;
    }
    return cmp_num(&u1, &u2) == 0;
}

static int cmp_signal(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool *unordered)
{
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    if (is_nan(u1.type) || is_nan(u2.type)) {
        fp_raise(st, FPSR_IOC);
        *unordered = true;
        return 0;
    }
    *unordered = false;
    return cmp_num(&u1, &u2);
}

bool fp_compare_ge(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    bool un;
    int c = cmp_signal(st, f, a, b, &un);
    return !un && c >= 0;
}

bool fp_compare_gt(struct fpst *st, enum fp_fmt f, u64 a, u64 b)
{
    bool un;
    int c = cmp_signal(st, f, a, b, &un);
    return !un && c > 0;
}

/* FPMax/FPMin: the larger (smaller) operand, re-rounded (exact: only flushes matter). */
static u64 minmax(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool is_max)
{
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    u64 res;
    if (process_nans(st, f, u1.type, u2.type, a, b, &res))
        return res;
    int c = cmp_num(&u1, &u2);
    bool first = is_max ? c > 0 : c < 0;
    const struct fp_unp *w = first ? &u1 : &u2;
    if (w->type == FPT_INF)
        return fp_infinity(f, w->sign);
    if (w->type == FPT_ZERO) {
        bool s1 = u1.type == FPT_ZERO ? u1.sign : w->sign;
        bool s2 = u2.type == FPT_ZERO ? u2.sign : w->sign;
        return fp_zero(f, is_max ? (s1 && s2) : (s1 || s2));
    }
    return fp_round(st, f, w->sign, w->e0, w->sig, st->rmode);
}

u64 fp_max(struct fpst *st, enum fp_fmt f, u64 a, u64 b) { return minmax(st, f, a, b, true); }
u64 fp_min(struct fpst *st, enum fp_fmt f, u64 a, u64 b) { return minmax(st, f, a, b, false); }

/* FPMaxNum/FPMinNum: a single quiet NaN loses against a number (it becomes -Inf or +Inf). */
static u64 minmax_num(struct fpst *st, enum fp_fmt f, u64 a, u64 b, bool is_max)
{
    struct fp_unp u1 = fp_unpack(st, f, a), u2 = fp_unpack(st, f, b);
    if (u1.type == FPT_QNAN && u2.type != FPT_QNAN)
        a = fp_infinity(f, is_max);
    else if (u1.type != FPT_QNAN && u2.type == FPT_QNAN)
        b = fp_infinity(f, is_max);
    return minmax(st, f, a, b, is_max);
}

u64 fp_maxnum(struct fpst *st, enum fp_fmt f, u64 a, u64 b) { return minmax_num(st, f, a, b, true); }
u64 fp_minnum(struct fpst *st, enum fp_fmt f, u64 a, u64 b) { return minmax_num(st, f, a, b, false); }


static u64 convert_cv(struct fpst *st, enum fp_fmt to, enum fp_fmt from, u64 a)
{
    struct fp_unp u = fp_unpack(st, from, a);
    bool alt_hp = to == FP_H && ahp(st);
    if (is_nan(u.type)) {
        u64 r;
        if (alt_hp)
            r = fp_zero(to, u.sign);
        else if (st->fpcr & FPCR_DN)
            r = fp_default_nan(to);
        else
            r = convert_nan(to, from, a);
        if (u.type == FPT_SNAN || alt_hp)
            fp_raise(st, FPSR_IOC);
        return r;
    }
    if (u.type == FPT_INF) {
        if (alt_hp) {
            fp_raise(st, FPSR_IOC);
            return (u.sign ? sign_bit(to) : 0) | (sign_bit(to) - 1);
        }
        return fp_infinity(to, u.sign);
    }
    if (u.type == FPT_ZERO)
        return fp_zero(to, u.sign);
    return fp_round(st, to, u.sign, u.e0, u.sig, st->rmode);
}

/* FPConvert: FPUnpackCV and FPRoundCV (AHP applies, FZ16 does not). */
u64 fp_convert(struct fpst *st, enum fp_fmt to, enum fp_fmt from, u64 a)
{
    st->cv = true;
    u64 r = convert_cv(st, to, from, a);
    st->cv = false;
    return r;
}

/* Integer magnitude of |value| * 2^fbits rounded per r (sign-aware, as RoundDown on the
 * signed value in the pseudocode); *ovf when it does not fit in 64 bits. */
static u64 round_to_int_mag(const struct fp_unp *u, int fbits_, enum fp_rounding r, bool *inexact,
                            bool *ovf)
{
    *ovf = false;
    *inexact = false;
    if (u->type == FPT_ZERO)
        return 0;
    int e0 = u->e0 + fbits_;
    u64 mag, rem_hi = 0;
    bool half = false, more = false, any = false;
    if (e0 >= 0) {
        if (e0 > 0 && (e0 >= 64 || (u->sig >> (64 - e0)) != 0)) {
            *ovf = true;
            return ~0ull;
        }
        mag = u->sig << e0;
    } else if (e0 <= -65) {
        mag = 0;
        any = true;
    } else {
        int sh = -e0;
        if (sh == 64) {
            mag = 0;
            rem_hi = u->sig;
        } else {
            mag = u->sig >> sh;
            rem_hi = u->sig << (64 - sh);
        }
        any = rem_hi != 0;
        half = (rem_hi >> 63) != 0;
        more = half && (rem_hi << 1) != 0;
    }
    bool up;
    switch (r) {
    case FPR_TIEEVEN: up = more || (half && (mag & 1)); break;
    case FPR_POSINF: up = any && !u->sign; break;
    case FPR_NEGINF: up = any && u->sign; break;
    case FPR_TIEAWAY: up = half; break;
    default: up = false; break;
    }
    *inexact = any;
    if (up) {
        if (mag == ~0ull) {
            *ovf = true;
            return mag;
        }
        mag++;
    }
    return mag;
}

u64 fp_to_fixed(struct fpst *st, enum fp_fmt f, u64 a, int fb, bool is_unsigned, int isize,
                enum fp_rounding r)
{
    u64 fast;
    if (fp_fast_to_int(st, f, a, fb, is_unsigned, isize, r, &fast))
        return fast;
    struct fp_unp u = fp_unpack(st, f, a);
    if (is_nan(u.type)) {
        fp_raise(st, FPSR_IOC);
        return 0;
    }
    bool inexact, ovf;
    u64 mag = u.type == FPT_INF ? ~0ull : round_to_int_mag(&u, fb, r, &inexact, &ovf);
    if (u.type == FPT_INF)
        ovf = true;
    u64 max = is_unsigned ? (isize == 64 ? ~0ull : (1ull << isize) - 1) : (1ull << (isize - 1)) - 1;
    u64 res;
    if (is_unsigned) {
        if (u.sign && mag != 0) {
            ovf = true;
            res = 0;
        } else if (ovf || mag > max) {
            ovf = true;
            res = max;
        } else {
            res = mag;
        }
    } else {
        if (!u.sign && (ovf || mag > max)) {
            ovf = true;
            res = max;
        } else if (u.sign && (ovf || mag > max + 1)) {
            ovf = true;
            res = max + 1; /* the most negative value */
        } else {
            res = u.sign ? (u64)0 - mag : mag;
        }
    }
    if (isize < 64)
        res &= (1ull << isize) - 1;
    if (ovf)
        fp_raise(st, FPSR_IOC);
    else if (inexact)
        fp_raise(st, FPSR_IXC);
    return res;
}

u64 fp_from_fixed(struct fpst *st, enum fp_fmt f, u64 v, int fb, bool is_unsigned, int isize,
                  enum fp_rounding r)
{
    bool sign = false;
    if (isize < 64) {
        int sh = 64 - isize;
        v = is_unsigned ? (v << sh) >> sh : (u64)((s64)(v << sh) >> sh);
    }
    u64 fast;
    if ((!is_unsigned || (s64)v >= 0) && fp_fast_from_int(f, (s64)v, fb, &fast))
        return fast;
    if (!is_unsigned && (s64)v < 0) {
        sign = true;
        v = (u64)0 - v;
    }
    if (v == 0)
        return fp_zero(f, false);
    return fp_round(st, f, sign, -fb, v, r);
}

u64 fp_round_int(struct fpst *st, enum fp_fmt f, u64 a, enum fp_rounding r, bool exact)
{
    struct fp_unp u = fp_unpack(st, f, a);
    if (is_nan(u.type))
        return process_nan(st, f, u.type, a);
    if (u.type == FPT_INF)
        return fp_infinity(f, u.sign);
    if (u.type == FPT_ZERO)
        return fp_zero(f, u.sign);
    if (u.e0 + 63 >= fbits(f)) /* already integral */
        return a;
    bool inexact, ovf;
    u64 mag = round_to_int_mag(&u, 0, r, &inexact, &ovf);
    u64 res = mag == 0 ? fp_zero(f, u.sign) : fp_round(st, f, u.sign, 0, mag, FPR_ZERO);
    if (inexact && exact)
        fp_raise(st, FPSR_IXC);
    return res;
}

/* FPRoundIntN (FRINT32Z/X, FRINT64Z/X; FEAT_FRINTTS): an integral value that fits a signed
 * intsize-bit integer; NaN, infinity and out-of-range values give -2^(intsize-1) with Invalid
 * and no Inexact. Inexact is signalled for every inexact in-range result. */
u64 fp_round_int_n(struct fpst *st, enum fp_fmt f, u64 a, enum fp_rounding r, int intsize)
{
    struct fp_unp u = fp_unpack(st, f, a);
    u64 most_negative = sign_bit(f) | ((u64)(bias(f) + intsize - 1) << fbits(f));
    if (is_nan(u.type) || u.type == FPT_INF) {
        fp_raise(st, FPSR_IOC);
        return most_negative;
    }
    if (u.type == FPT_ZERO)
        return fp_zero(f, u.sign);
    bool inexact, ovf;
    u64 mag = round_to_int_mag(&u, 0, r, &inexact, &ovf);
    u64 lim = 1ull << (intsize - 1);
    if (ovf || (u.sign ? mag > lim : mag >= lim)) {
        fp_raise(st, FPSR_IOC);
        return most_negative;
    }
    u64 res = mag == 0 ? fp_zero(f, u.sign) : fp_round(st, f, u.sign, 0, mag, FPR_ZERO);
    if (inexact)
        fp_raise(st, FPSR_IXC);
    return res;
}
