/* SPDX-License-Identifier: MIT */
/*
 * The soft-float core against the host's IEEE 754 arithmetic (x86-64 SSE, glibc fma) on
 * random non-NaN operands biased to edge values, in all four rounding modes. Results must be
 * bit-identical and IOC/DZC/OFC/IXC must agree (UFC differs by design: Arm detects tininess
 * before rounding, x86 after, so it is covered by softfloat_vectors.c instead).
 */
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cpu/arm64/fp_soft.h"

static u64 rng_state = 0x9e3779b97f4a7c15ull;
static u64 rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static u64 pick64(void)
{
    static const u64 special[] = {
        0, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
        0x3ff0000000000000ull, 0xbff0000000000000ull, 0x0000000000000001ull,
        0x000fffffffffffffull, 0x0010000000000000ull, 0x7fefffffffffffffull,
        0x4000000000000000ull, 0x3fe0000000000000ull, 0x001fffffffffffffull,
    };
    u64 r = rnd();
    switch (r & 7) {
    case 0: return special[(r >> 8) % ARRAY_SIZE(special)];
    case 1: return (rnd() & 0x800fffffffffffffull) | ((u64)((r >> 8) % 60) << 52); /* tiny */
    case 2: return (rnd() & 0x800fffffffffffffull) | ((u64)(0x7fe - (r >> 8) % 60) << 52);
    case 3: return (rnd() & 0x800fffffffffffffull) | ((u64)(0x3ff - 30 + (r >> 8) % 60) << 52);
    default: {
        u64 v = rnd();
        if (((v >> 52) & 0x7ff) == 0x7ff)
            v &= ~(1ull << 62);
        return v;
    }
    }
}

static u32 pick32(void)
{
    static const u32 special[] = {0, 0x80000000u, 0x7f800000u, 0xff800000u, 0x3f800000u,
                                  0x00000001u, 0x007fffffu, 0x00800000u, 0x7f7fffffu,
                                  0x40000000u, 0x00ffffffu, 0xbf800000u};
    u64 r = rnd();
    switch (r & 7) {
    case 0: return special[(r >> 8) % ARRAY_SIZE(special)];
    case 1: return ((u32)rnd() & 0x807fffffu) | ((u32)((r >> 8) % 30) << 23);
    case 2: return ((u32)rnd() & 0x807fffffu) | ((u32)(0xfe - (r >> 8) % 30) << 23);
    case 3: return ((u32)rnd() & 0x807fffffu) | ((u32)(0x7f - 12 + (r >> 8) % 24) << 23);
    default: {
        u32 v = (u32)rnd();
        if (((v >> 23) & 0xff) == 0xff)
            v &= ~(1u << 30);
        return v;
    }
    }
}

static const int host_mode[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};

static u32 host_flags(void)
{
    u32 f = 0;
    if (fetestexcept(FE_INVALID)) f |= FPSR_IOC;
    if (fetestexcept(FE_DIVBYZERO)) f |= FPSR_DZC;
    if (fetestexcept(FE_OVERFLOW)) f |= FPSR_OFC;
    if (fetestexcept(FE_INEXACT)) f |= FPSR_IXC;
    return f;
}

enum op { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_SQRT, OP_FMA, OP_CVT, OP_TOINT, OP_FROMINT, OP__N };
static const char *const op_name[] = {"add", "sub", "mul", "div", "sqrt", "fma", "cvt",
                                      "toint", "fromint"};

static int failures;

static void report(const char *what, int mode, u64 a, u64 b, u64 c, u64 got, u64 want, u32 gf,
                   u32 wf)
{
    if (failures++ < 20)
        fprintf(stderr, "FAIL %s rm=%d a=%016llx b=%016llx c=%016llx got=%016llx/%02x "
                "want=%016llx/%02x\n", what, mode, (unsigned long long)a, (unsigned long long)b,
                (unsigned long long)c, (unsigned long long)got, gf, (unsigned long long)want, wf);
}

static void test64(enum op op, int mode)
{
    volatile double x, y, z, r;
    u64 a = pick64(), b = pick64(), c = pick64();
    memcpy((void *)&x, &a, 8);
    memcpy((void *)&y, &b, 8);
    memcpy((void *)&z, &c, 8);
    struct fpst st = fpst_make((u32)mode << FPCR_RMODE_SHIFT);
    u64 got, want;
    u32 hf0 = 0;
    fesetround(host_mode[mode]);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case OP_ADD: r = x + y; hf0 = host_flags(); got = fp_add(&st, FP_D, a, b); break;
    case OP_SUB: r = x - y; hf0 = host_flags(); got = fp_sub(&st, FP_D, a, b); break;
    case OP_MUL: r = x * y; hf0 = host_flags(); got = fp_mul(&st, FP_D, a, b); break;
    case OP_DIV: r = x / y; hf0 = host_flags(); got = fp_div(&st, FP_D, a, b); break;
    case OP_SQRT: r = sqrt(x); hf0 = host_flags(); got = fp_sqrt(&st, FP_D, a); break;
    case OP_FMA: r = fma(x, y, z); hf0 = host_flags(); got = fp_muladd(&st, FP_D, c, a, b); break;
    case OP_CVT: {
        volatile float fr = (float)x;
        u32 w;
        memcpy(&w, (const void *)&fr, 4);
        u32 hf = host_flags() & ~FPSR_UFC;
        fesetround(FE_TONEAREST);
        got = fp_convert(&st, FP_S, FP_D, a);
        if (got != w || (st.exc & ~FPSR_UFC) != hf)
            report("cvt d->s", mode, a, 0, 0, got, w, st.exc, hf);
        return;
    }
    case OP_TOINT: {
        /* FCVTZS X, D in range: C truncation */
        if (fabs(x) >= 9.2e18 || x != x)
            return;
        volatile long long i = (long long)x;
        u32 hf = host_flags();
        fesetround(FE_TONEAREST);
        got = fp_to_fixed(&st, FP_D, a, 0, false, 64, FPR_ZERO);
        if (got != (u64)i || st.exc != hf)
            report("fcvtzs", mode, a, 0, 0, got, (u64)i, st.exc, hf);
        return;
    }
    case OP_FROMINT: {
        volatile long long i = (long long)a;
        r = (double)i;
        u32 hf = host_flags();
        fesetround(FE_TONEAREST);
        got = fp_from_fixed(&st, FP_D, a, 0, false, 64, (enum fp_rounding)mode);
        memcpy(&want, (const void *)&r, 8);
        if (got != want || st.exc != hf)
            report("scvtf", mode, a, 0, 0, got, want, st.exc, hf);
        return;
    }
    default: return;
    }
    u32 hf = hf0;
    fesetround(FE_TONEAREST);
    memcpy(&want, (const void *)&r, 8);
    if (r != r) { /* invalid: Arm gives the positive default NaN */
        want = fp_default_nan(FP_D);
    }
    if (got != want || (st.exc & ~FPSR_UFC) != hf)
        report(op_name[op], mode, a, b, c, got, want, st.exc, hf);
}

static void test32(enum op op, int mode)
{
    volatile float x, y, z, r;
    u32 a = pick32(), b = pick32(), c = pick32();
    memcpy((void *)&x, &a, 4);
    memcpy((void *)&y, &b, 4);
    memcpy((void *)&z, &c, 4);
    struct fpst st = fpst_make((u32)mode << FPCR_RMODE_SHIFT);
    u64 got;
    u32 want, hf0 = 0;
    fesetround(host_mode[mode]);
    feclearexcept(FE_ALL_EXCEPT);
    switch (op) {
    case OP_ADD: r = x + y; hf0 = host_flags(); got = fp_add(&st, FP_S, a, b); break;
    case OP_SUB: r = x - y; hf0 = host_flags(); got = fp_sub(&st, FP_S, a, b); break;
    case OP_MUL: r = x * y; hf0 = host_flags(); got = fp_mul(&st, FP_S, a, b); break;
    case OP_DIV: r = x / y; hf0 = host_flags(); got = fp_div(&st, FP_S, a, b); break;
    case OP_SQRT: r = sqrtf(x); hf0 = host_flags(); got = fp_sqrt(&st, FP_S, a); break;
    case OP_FMA: r = fmaf(x, y, z); hf0 = host_flags(); got = fp_muladd(&st, FP_S, c, a, b); break;
    case OP_CVT: {
        volatile double d = (double)x;
        u64 w;
        memcpy(&w, (const void *)&d, 8);
        u32 hf = host_flags();
        fesetround(FE_TONEAREST);
        got = fp_convert(&st, FP_D, FP_S, a);
        if (got != w || st.exc != hf)
            report("cvt s->d", mode, a, 0, 0, got, w, st.exc, hf);
        return;
    }
    default: return;
    }
    u32 hf = hf0;
    fesetround(FE_TONEAREST);
    memcpy(&want, (const void *)&r, 4);
    if (r != r)
        want = (u32)fp_default_nan(FP_S);
    if (got != want || (st.exc & ~FPSR_UFC) != hf)
        report(op_name[op], mode, a, b, c, got, want, st.exc, hf);
}

int main(void)
{
    const int n = 20000;
    for (int op = 0; op < OP__N; op++)
        for (int mode = 0; mode < 4; mode++)
            for (int i = 0; i < n; i++) {
                test64((enum op)op, mode);
                test32((enum op)op, mode);
            }
    printf("softfloat_host: %d cases, %d failures\n", OP__N * 4 * n * 2, failures);
    return failures != 0;
}
