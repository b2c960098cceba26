/* SPDX-License-Identifier: MIT */
/*
 * Host-FPU fast path for the common case of fp_soft.c: round to nearest, operands and result
 * normal and well inside the exponent range. There IEEE 754 binary32/64 arithmetic (x86-64
 * SSE, AArch64; MXCSR/FPCR left at their round-to-nearest, no-flush defaults) gives exactly
 * the FPRound() result, FZ/DN/AHP cannot matter, and the only possible exception is Inexact,
 * which is decided exactly with error-free transformations (TwoSum, Dekker's product; binary32
 * products and quotients checked in binary64, where they are exact or correctly rounded).
 * Anything else returns false and the soft path runs.
 */
#ifndef EMU_CPU_ARM64_FP_FAST_H
#define EMU_CPU_ARM64_FP_FAST_H

#include <math.h>
#include <string.h>

#include "cpu/arm64/fp_soft.h"

/* Keep a * b + c as two roundings (GCC contracts to FMA on hosts that have it). */
#pragma GCC optimize("fp-contract=off")

#ifdef __FAST_MATH__
#error "fp_fast.h needs IEEE semantics: do not build with -ffast-math"
#endif

/* Exponent window (biased) in which operands and results stay far from overflow and from the
 * subnormal range, so the error-free transformations are exact. */
static inline bool fast_ok64(u64 v)
{
    unsigned e = (unsigned)(v >> 52) & 0x7ff;
    return e >= 1023 - 900 && e <= 1023 + 900;
}

static inline bool fast_ok32(u32 v)
{
    unsigned e = (v >> 23) & 0xff;
    return e >= 127 - 100 && e <= 127 + 100;
}

static inline double d_of(u64 v) { double d; memcpy(&d, &v, 8); return d; }
static inline u64 u_of_d(double d) { u64 v; memcpy(&v, &d, 8); return v; }
static inline float f_of(u32 v) { float f; memcpy(&f, &v, 4); return f; }
static inline u32 u_of_f(float f) { u32 v; memcpy(&v, &f, 4); return v; }

/* TwoSum: s + err == a + b exactly */
static inline bool sum_inexact64(double a, double b, double s)
{
    double bb = s - a;
    return (a - (s - bb)) + (b - bb) != 0;
}

static inline bool sum_inexact32(float a, float b, float s)
{
    float bb = s - a;
    return (a - (s - bb)) + (b - bb) != 0;
}

/* Dekker/Veltkamp: is the product a * b different from its rounding p? */
static inline bool prod_inexact64(double a, double b, double p)
{
    const double c = 134217729.0; /* 2^27 + 1 */
    double ta = c * a, ah = ta - (ta - a), al = a - ah;
    double tb = c * b, bh = tb - (tb - b), bl = b - bh;
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl != 0;
}

/*
 * Half precision through binary64. Normal H values are exact doubles; the sum or product of
 * two is exact in binary64, and a quotient or square root rounded to 53 bits and then to 11 is
 * correctly rounded (53 >= 2 * 11 + 2: no double-rounding error). h_of_d() rounds an exact or
 * 53-bit result to H (ties to even) when it is a normal H before and after rounding: no
 * underflow, overflow, zero-sign or FZ16 question is left, only Inexact.
 */
static inline bool fast_ok16(u64 v)
{
    unsigned e = (unsigned)(v >> 10) & 0x1f;
    return e != 0 && e != 0x1f;
}

static inline double d_of_h(u64 v)
{
    u64 e = (v >> 10) & 0x1f, frac = v & 0x3ff;
    return d_of(((v & 0x8000) << 48) | ((e + 1023 - 15) << 52) | (frac << 42));
}

static inline bool h_of_d(double r, u64 *out, bool *inexact)
{
    u64 bits = u_of_d(r);
    int e = (int)((bits >> 52) & 0x7ff) - 1023;
    if (r == 0 || e < -14 || e > 15)
        return false;
    u64 m = bits & ((1ull << 52) - 1), keep = m >> 42, rest = m & ((1ull << 42) - 1);
    bool up = rest > (1ull << 41) || (rest == (1ull << 41) && (keep & 1)); /* ties to even */
    u64 h = ((u64)(e + 15) << 10 | keep) + up;
    if ((h >> 10) >= 0x1f) /* rounded up to 2^16: overflow, the soft path raises it */
        return false;
    *inexact = rest != 0;
    *out = h | ((bits >> 48) & 0x8000);
    return true;
}

static inline bool fp_fast16(int op, u64 a, u64 b, u64 *res, bool *inexact)
{
    if (!fast_ok16(a) || (op != 4 && !fast_ok16(b)))
        return false;
    double x = d_of_h(a), y = d_of_h(b);
    switch (op) {
    case 0: return h_of_d(x + y, res, inexact);
    case 1: return h_of_d(x - y, res, inexact);
    case 2: return h_of_d(x * y, res, inexact);
    case 3:
        if (!h_of_d(x / y, res, inexact))
            return false;
        *inexact = d_of_h(*res) * y != x; /* 11-bit products are exact */
        return true;
    default:
        if (x < 0 || !h_of_d(sqrt(x), res, inexact))
            return false;
        *inexact = d_of_h(*res) * d_of_h(*res) != x;
        return true;
    }
}

/* The operation ops: 0 add, 1 sub, 2 mul, 3 div, 4 sqrt. */
static inline bool fp_fast(struct fpst *st, enum fp_fmt f, int op, u64 a, u64 b, u64 *res)
{
    if (st->rmode != FPR_TIEEVEN)
        return false;
    bool inexact;
    if (f == FP_D) {
        if (!fast_ok64(a) || (op != 4 && !fast_ok64(b)))
            return false;
        double x = d_of(a), y = d_of(b), r;
        switch (op) {
        case 0: r = x + y; break;
        case 1: r = x - y; y = -y; break;
        case 2: r = x * y; break;
        case 3: r = x / y; break;
        default: r = sqrt(x); break;
        }
        u64 rv = u_of_d(r);
        if (!fast_ok64(rv) || ((rv ^ a) >> 63 && op == 4))
            return false;
        switch (op) {
        case 0: case 1: inexact = sum_inexact64(x, y, r); break;
        case 2: inexact = prod_inexact64(x, y, r); break;
        case 3: inexact = prod_inexact64(r, y, x) || r * y != x; break;
        default: inexact = prod_inexact64(r, r, x) || r * r != x; break;
        }
        *res = rv;
    } else if (f == FP_S) {
        if (!fast_ok32((u32)a) || (op != 4 && !fast_ok32((u32)b)))
            return false;
        float x = f_of((u32)a), y = f_of((u32)b), r;
        switch (op) {
        case 0: r = x + y; inexact = sum_inexact32(x, y, r); break;
        case 1: r = x - y; inexact = sum_inexact32(x, -y, r); break;
        case 2: { double p = (double)x * y; r = (float)p; inexact = (double)r != p; break; }
        case 3: r = (float)((double)x / y); inexact = (double)r * y != (double)x; break;
        default:
            if (x < 0)
                return false;
            r = (float)sqrt((double)x);
            inexact = (double)r * r != (double)x;
            break;
        }
        u32 rv = u_of_f(r);
        if (!fast_ok32(rv))
            return false;
        *res = rv;
    } else if (!fp_fast16(op, a, b, res, &inexact)) {
        return false;
    }
    if (inexact)
        st->exc |= FPSR_IXC;
    return true;
}

/* Is t within a factor of two of r (same sign)? Then t - r is exact (Sterbenz). */
static inline bool sterbenz(double t, double r)
{
    return (t > 0) == (r > 0) && fabs(t) <= 2 * fabs(r) && fabs(r) <= 2 * fabs(t);
}

/* FPMulAdd(addend, a, b) = a * b + addend, fused: the host's fma()/fmaf() is correctly rounded;
 * Inexact comes from the exact residual a*b + addend - r, built from TwoProduct and TwoSum.
 * Where that residual is not decided cheaply (heavy cancellation) the soft path runs. */
static inline bool fp_fast_muladd(struct fpst *st, enum fp_fmt f, u64 addend, u64 a, u64 b,
                                  u64 *res)
{
    if (st->rmode != FPR_TIEEVEN)
        return false;
    bool inexact;
    if (f == FP_D) {
        if (!fast_ok64(a) || !fast_ok64(b) || !fast_ok64(addend))
            return false;
        double x = d_of(a), y = d_of(b), z = d_of(addend);
        double p = x * y;
        if (!fast_ok64(u_of_d(p)))
            return false;
        double r = fma(x, y, z);
        if (!fast_ok64(u_of_d(r)))
            return false;
        const double c = 134217729.0;
        double ta = c * x, xh = ta - (ta - x), xl = x - xh;
        double tb = c * y, yh = tb - (tb - y), yl = y - yh;
        double e = ((xh * yh - p) + xh * yl + xl * yh) + xl * yl; /* x*y = p + e */
        double s = p + z, bb = s - p, t = (p - (s - bb)) + (z - bb); /* p + z = s + t */
        if (!sterbenz(s, r))
            return false;
        double u = s - r; /* exact; residual = u + t + e */
        double cc = t + e, b2 = cc - t, d = (t - (cc - b2)) + (e - b2); /* t + e = cc + d */
        /* u + cc = g0 + g exactly with |g| <= ulp(g0)/2: g0 == 0 means u + cc == 0; otherwise
         * |g0| > 2|d| keeps g0 + g + d away from zero. */
        double g0 = u + cc;
        if (g0 == 0 && d == 0)
            inexact = false;
        else if (g0 != 0 && fabs(g0) > 2 * fabs(d))
            inexact = true;
        else
            return false;
        *res = u_of_d(r);
    } else if (f == FP_S) {
        if (!fast_ok32((u32)a) || !fast_ok32((u32)b) || !fast_ok32((u32)addend))
            return false;
        float x = f_of((u32)a), y = f_of((u32)b), z = f_of((u32)addend);
        float r = fmaf(x, y, z);
        if (!fast_ok32(u_of_f(r)))
            return false;
        double p = (double)x * y, zz = z; /* exact product */
        double s = p + zz, bb = s - p, t = (p - (s - bb)) + (zz - bb);
        if (!sterbenz(s, r))
            return false;
        inexact = s - (double)r != -t; /* s - r is exact */
        *res = u_of_f(r);
    } else {
        /* H: the product is exact; use the sum only when it is exact too (one rounding) */
        if (!fast_ok16(a) || !fast_ok16(b) || !fast_ok16(addend))
            return false;
        double p = d_of_h(a) * d_of_h(b), z = d_of_h(addend), s = p + z;
        if (sum_inexact64(p, z, s) || !h_of_d(s, res, &inexact))
            return false;
    }
    if (inexact)
        st->exc |= FPSR_IXC;
    return true;
}

/* FixedToFP with no fraction bits of an integer that fits the significand: exact, no
 * exception (v is the sign-extended value). */
static inline bool fp_fast_from_int(enum fp_fmt f, s64 v, int fbits, u64 *res)
{
    if (fbits != 0)
        return false;
    if (f == FP_D && v > -(1ll << 53) && v < (1ll << 53)) {
        *res = u_of_d((double)v);
        return true;
    }
    if (f == FP_S && v > -(1ll << 24) && v < (1ll << 24)) {
        *res = u_of_f((float)v);
        return true;
    }
    return false;
}

/* FPToFixed toward zero with no fraction bits (FCVTZS/FCVTZU) of a normal value well inside
 * the destination range: C truncation, Inexact when the value had a fraction. */
static inline bool fp_fast_to_int(struct fpst *st, enum fp_fmt f, u64 a, int fbits,
                                  bool is_unsigned, int isize, enum fp_rounding r, u64 *res)
{
    if (fbits != 0 || r != FPR_ZERO || f == FP_H)
        return false;
    double x;
    if (f == FP_D) {
        unsigned e = (unsigned)(a >> 52) & 0x7ff;
        if (e == 0 || e == 0x7ff)
            return false;
        x = d_of(a);
    } else {
        unsigned e = ((u32)a >> 23) & 0xff;
        if (e == 0 || e == 0xff)
            return false;
        x = f_of((u32)a);
    }
    double lim = isize == 32 ? 2147483648.0 : 9223372036854775808.0;
    if (!(x < lim) || !(x > (is_unsigned ? -1.0 : -lim)))
        return false;
    s64 v = (s64)x;
    if ((double)v != x)
        st->exc |= FPSR_IXC;
    *res = isize == 32 ? (u64)(u32)v : (u64)v;
    return true;
}

#endif
