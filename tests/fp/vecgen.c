/* SPDX-License-Identifier: MIT */
/*
 * Generator of self-checking A64 FP/SIMD guest tests: random operands biased to the awkward
 * values (signalling/quiet NaNs with payloads, infinities, signed zeros, denormals, rounding
 * edges) and random FPCR (RMode, FZ, DN, AHP); the expected results and FPSR come from emu's
 * soft-float core (cpu/arm64/fp_soft.c). Running the output on qemu-system-aarch64 is the
 * differential test of that core; running it on emu tests the decoder and handlers as well.
 * Usage: vecgen SEED COUNT [simd|fp16] > test.S (simd: add the SIMD-encoded scalar ops; fp16:
 * FEAT_FP16 half-precision ops only, with random FZ16 and AHP, which arithmetic must ignore)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpu/arm64/fp_soft.h"

static u64 rs;
static u64 rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return rs;
}

static const int E[3] = {5, 8, 11}, F[3] = {10, 23, 52};

/* A value of format f biased to special encodings. */
static u64 pick(enum fp_fmt f)
{
    int e = E[f], fr = F[f];
    u64 emax = (1ull << e) - 1, fmask = (1ull << fr) - 1;
    u64 sign = (rnd() & 1) ? 1ull << (e + fr) : 0;
    u64 r = rnd();
    u64 frac = rnd() & fmask;
    switch (r % 16) {
    case 0: return sign;                                             /* zero */
    case 1: return sign | emax << fr;                                /* infinity */
    case 2: return sign | emax << fr | (frac >> 1) | 1;              /* SNaN */
    case 3: return sign | emax << fr | (1ull << (fr - 1)) | frac;    /* QNaN */
    case 4: return sign | (frac ? frac : 1);                         /* denormal */
    case 5: return sign | ((rnd() & 3) ? 1 : fmask);                 /* smallest/largest denormal */
    case 6: return sign | (u64)(1 + rnd() % 3) << fr | frac;         /* tiny normal */
    case 7: return sign | (emax - 1 - rnd() % 3) << fr | frac;       /* huge */
    case 8: return sign | ((emax >> 1) + rnd() % 3) << fr;           /* 1.0, 2.0, 4.0 */
    case 9: return sign | ((emax >> 1) - 1) << fr | (1ull << (fr - 1)) | (rnd() & 1); /* ~0.75 */
    case 10: return sign | ((emax >> 1) + rnd() % (f == FP_H ? 16 : 66)) << fr | (frac & ~((1ull << (rnd() % fr)) - 1)); /* near-integer */
    default:
        if (f == FP_H)
            return sign | ((emax >> 1) - 10 + rnd() % 20) << fr | frac;
        return sign | ((emax >> 1) - 20 + rnd() % 40) << fr | frac;
    }
}

static u64 pick_int(void)
{
    u64 r = rnd();
    switch (r % 6) {
    case 0: return rnd() & 0xff;
    case 1: return (u64)0 - (rnd() & 0xff);
    case 2: return 1ull << (rnd() % 64);
    case 3: return (rnd() >> (rnd() % 64)) | 1;
    default: return rnd();
    }
}

enum kind { K_FP, K_INT, K_NZCV };

struct op {
    const char *text;   /* assembly; inputs s0/d0, s1/d1, s2/d2 or x10; result s3/d3 or x9 */
    enum kind kind;
    int src, dst;       /* formats of inputs and result (-1: integer) */
    u64 (*fn)(struct fpst *st, const struct op *op, u64 a, u64 b, u64 c);
    int arg;            /* per-op parameter */
};

#define D2(name, call) \
    static u64 name(struct fpst *st, const struct op *op, u64 a, u64 b, u64 c) { return call; }
D2(g_add, fp_add(st, op->src, a, b))
D2(g_sub, fp_sub(st, op->src, a, b))
D2(g_mul, fp_mul(st, op->src, a, b))
D2(g_div, fp_div(st, op->src, a, b))
D2(g_nmul, fp_neg(op->src, fp_mul(st, op->src, a, b)))
D2(g_max, fp_max(st, op->src, a, b))
D2(g_min, fp_min(st, op->src, a, b))
D2(g_maxnm, fp_maxnum(st, op->src, a, b))
D2(g_minnm, fp_minnum(st, op->src, a, b))
D2(g_sqrt, fp_sqrt(st, op->src, a))
D2(g_abs, fp_abs(op->src, a))
D2(g_neg, fp_neg(op->src, a))
D2(g_fmadd, fp_muladd(st, op->src, c, a, b))
D2(g_fmsub, fp_muladd(st, op->src, c, fp_neg(op->src, a), b))
D2(g_fnmadd, fp_muladd(st, op->src, fp_neg(op->src, c), fp_neg(op->src, a), b))
D2(g_fnmsub, fp_muladd(st, op->src, fp_neg(op->src, c), a, b))
D2(g_rint, fp_round_int(st, op->src, a, op->arg < 0 ? (enum fp_rounding)st->rmode : (enum fp_rounding)op->arg, false))
D2(g_rintx, fp_round_int(st, op->src, a, (enum fp_rounding)st->rmode, true))
D2(g_cvt, fp_convert(st, op->dst, op->src, a))
D2(g_cmp, (u64)fp_compare(st, op->src, a, b, op->arg) << 28)
D2(g_cmp0, (u64)fp_compare(st, op->src, a, 0, op->arg) << 28)
D2(g_tos32, fp_to_fixed(st, op->src, a, op->arg >> 4, false, 32, op->arg & 15 ? (enum fp_rounding)((op->arg & 15) - 1) : FPR_ZERO))
D2(g_tou32, fp_to_fixed(st, op->src, a, op->arg >> 4, true, 32, op->arg & 15 ? (enum fp_rounding)((op->arg & 15) - 1) : FPR_ZERO))
D2(g_tos64, fp_to_fixed(st, op->src, a, op->arg >> 4, false, 64, op->arg & 15 ? (enum fp_rounding)((op->arg & 15) - 1) : FPR_ZERO))
D2(g_tou64, fp_to_fixed(st, op->src, a, op->arg >> 4, true, 64, op->arg & 15 ? (enum fp_rounding)((op->arg & 15) - 1) : FPR_ZERO))
D2(g_s32to, fp_from_fixed(st, op->dst, a, op->arg, false, 32, (enum fp_rounding)st->rmode))
D2(g_u32to, fp_from_fixed(st, op->dst, a, op->arg, true, 32, (enum fp_rounding)st->rmode))
D2(g_s64to, fp_from_fixed(st, op->dst, a, op->arg, false, 64, (enum fp_rounding)st->rmode))
D2(g_u64to, fp_from_fixed(st, op->dst, a, op->arg, true, 64, (enum fp_rounding)st->rmode))
D2(g_recpe, fp_recip_estimate(st, op->src, a))
D2(g_rsqrte, fp_rsqrt_estimate(st, op->src, a))
D2(g_recps, fp_recip_step(st, op->src, a, b))
D2(g_rsqrts, fp_rsqrt_step(st, op->src, a, b))
D2(g_recpx, fp_recpx(st, op->src, a))
D2(g_mulx, fp_mulx(st, op->src, a, b))

/* rounding arg for to-int conversions: 0 = Z, else FPRounding + 1; fbits in arg >> 4 */
#define RN_ (FPR_TIEEVEN + 1)
#define RP_ (FPR_POSINF + 1)
#define RM_ (FPR_NEGINF + 1)
#define RA_ (FPR_TIEAWAY + 1)

#define SD(mn, fn, k, arg) \
    {mn " s3, s0, s1", k, FP_S, FP_S, fn, arg}, {mn " d3, d0, d1", k, FP_D, FP_D, fn, arg}
#define SD1(mn, fn, arg) \
    {mn " s3, s0", K_FP, FP_S, FP_S, fn, arg}, {mn " d3, d0", K_FP, FP_D, FP_D, fn, arg}
#define SD3(mn, fn) \
    {mn " s3, s0, s1, s2", K_FP, FP_S, FP_S, fn, 0}, {mn " d3, d0, d1, d2", K_FP, FP_D, FP_D, fn, 0}
#define TOI(mn, arg) \
    {mn " w9, s0", K_INT, FP_S, -1, g_tos32, arg}, {mn " x9, d0", K_INT, FP_D, -1, g_tos64, arg}, \
    {mn " x9, s0", K_INT, FP_S, -1, g_tos64, arg}, {mn " w9, d0", K_INT, FP_D, -1, g_tos32, arg}
#define TOU(mn, arg) \
    {mn " w9, s0", K_INT, FP_S, -1, g_tou32, arg}, {mn " x9, d0", K_INT, FP_D, -1, g_tou64, arg}, \
    {mn " x9, s0", K_INT, FP_S, -1, g_tou64, arg}, {mn " w9, d0", K_INT, FP_D, -1, g_tou32, arg}

static const struct op ops[] = {
    SD("fadd", g_add, K_FP, 0), SD("fsub", g_sub, K_FP, 0), SD("fmul", g_mul, K_FP, 0),
    SD("fdiv", g_div, K_FP, 0), SD("fnmul", g_nmul, K_FP, 0), SD("fmax", g_max, K_FP, 0),
    SD("fmin", g_min, K_FP, 0), SD("fmaxnm", g_maxnm, K_FP, 0), SD("fminnm", g_minnm, K_FP, 0),
    SD1("fsqrt", g_sqrt, 0), SD1("fabs", g_abs, 0), SD1("fneg", g_neg, 0),
    SD3("fmadd", g_fmadd), SD3("fmsub", g_fmsub), SD3("fnmadd", g_fnmadd), SD3("fnmsub", g_fnmsub),
    SD1("frintn", g_rint, FPR_TIEEVEN), SD1("frintp", g_rint, FPR_POSINF),
    SD1("frintm", g_rint, FPR_NEGINF), SD1("frintz", g_rint, FPR_ZERO),
    SD1("frinta", g_rint, FPR_TIEAWAY), SD1("frinti", g_rint, -1), SD1("frintx", g_rintx, 0),
    {"fcvt d3, s0", K_FP, FP_S, FP_D, g_cvt, 0}, {"fcvt s3, d0", K_FP, FP_D, FP_S, g_cvt, 0},
    {"fcvt h3, s0", K_FP, FP_S, FP_H, g_cvt, 0}, {"fcvt h3, d0", K_FP, FP_D, FP_H, g_cvt, 0},
    {"fcvt s3, h0", K_FP, FP_H, FP_S, g_cvt, 0}, {"fcvt d3, h0", K_FP, FP_H, FP_D, g_cvt, 0},
    {"fcmp s0, s1", K_NZCV, FP_S, -1, g_cmp, 0}, {"fcmp d0, d1", K_NZCV, FP_D, -1, g_cmp, 0},
    {"fcmpe s0, s1", K_NZCV, FP_S, -1, g_cmp, 1}, {"fcmpe d0, d1", K_NZCV, FP_D, -1, g_cmp, 1},
    {"fcmp s0, #0.0", K_NZCV, FP_S, -1, g_cmp0, 0}, {"fcmpe d0, #0.0", K_NZCV, FP_D, -1, g_cmp0, 1},
    TOI("fcvtzs", 0), TOU("fcvtzu", 0), TOI("fcvtns", RN_), TOU("fcvtnu", RN_),
    TOI("fcvtps", RP_), TOU("fcvtpu", RP_), TOI("fcvtms", RM_), TOU("fcvtmu", RM_),
    TOI("fcvtas", RA_), TOU("fcvtau", RA_),
    {"fcvtzs w9, s0, #7", K_INT, FP_S, -1, g_tos32, 7 << 4},
    {"fcvtzu x9, d0, #33", K_INT, FP_D, -1, g_tou64, 33 << 4},
    {"fcvtzs x9, d0, #64", K_INT, FP_D, -1, g_tos64, 64 << 4},
    {"scvtf s3, w10", K_FP, -1, FP_S, g_s32to, 0}, {"ucvtf s3, w10", K_FP, -1, FP_S, g_u32to, 0},
    {"scvtf d3, x10", K_FP, -1, FP_D, g_s64to, 0}, {"ucvtf d3, x10", K_FP, -1, FP_D, g_u64to, 0},
    {"scvtf s3, x10", K_FP, -1, FP_S, g_s64to, 0}, {"ucvtf d3, w10", K_FP, -1, FP_D, g_u32to, 0},
    {"scvtf d3, w10, #5", K_FP, -1, FP_D, g_s32to, 5}, {"ucvtf s3, x10, #64", K_FP, -1, FP_S, g_u64to, 64},
};

#define H2(mn, fn, k, arg) {mn " h3, h0, h1", k, FP_H, FP_H, fn, arg}
#define H1(mn, fn, arg) {mn " h3, h0", K_FP, FP_H, FP_H, fn, arg}
#define HTO(mn, arg) \
    {mn " w9, h0", K_INT, FP_H, -1, g_tos32, arg}, {mn " x9, h0", K_INT, FP_H, -1, g_tos64, arg}
#define HTOU(mn, arg) \
    {mn " w9, h0", K_INT, FP_H, -1, g_tou32, arg}, {mn " x9, h0", K_INT, FP_H, -1, g_tou64, arg}

/* FEAT_FP16 half-precision scalar ops (FP and SIMD-scalar encodings). */
static const struct op h_ops[] = {
    H2("fadd", g_add, K_FP, 0), H2("fsub", g_sub, K_FP, 0), H2("fmul", g_mul, K_FP, 0),
    H2("fdiv", g_div, K_FP, 0), H2("fnmul", g_nmul, K_FP, 0), H2("fmax", g_max, K_FP, 0),
    H2("fmin", g_min, K_FP, 0), H2("fmaxnm", g_maxnm, K_FP, 0), H2("fminnm", g_minnm, K_FP, 0),
    H1("fsqrt", g_sqrt, 0), H1("fabs", g_abs, 0), H1("fneg", g_neg, 0),
    {"fmadd h3, h0, h1, h2", K_FP, FP_H, FP_H, g_fmadd, 0},
    {"fmsub h3, h0, h1, h2", K_FP, FP_H, FP_H, g_fmsub, 0},
    {"fnmadd h3, h0, h1, h2", K_FP, FP_H, FP_H, g_fnmadd, 0},
    {"fnmsub h3, h0, h1, h2", K_FP, FP_H, FP_H, g_fnmsub, 0},
    H1("frintn", g_rint, FPR_TIEEVEN), H1("frintp", g_rint, FPR_POSINF),
    H1("frintm", g_rint, FPR_NEGINF), H1("frintz", g_rint, FPR_ZERO),
    H1("frinta", g_rint, FPR_TIEAWAY), H1("frinti", g_rint, -1), H1("frintx", g_rintx, 0),
    {"fcmp h0, h1", K_NZCV, FP_H, -1, g_cmp, 0}, {"fcmpe h0, h1", K_NZCV, FP_H, -1, g_cmp, 1},
    {"fcmp h0, #0.0", K_NZCV, FP_H, -1, g_cmp0, 0}, {"fcmpe h0, #0.0", K_NZCV, FP_H, -1, g_cmp0, 1},
    HTO("fcvtzs", 0), HTOU("fcvtzu", 0), HTO("fcvtns", RN_), HTOU("fcvtnu", RN_),
    HTO("fcvtps", RP_), HTOU("fcvtpu", RP_), HTO("fcvtms", RM_), HTOU("fcvtmu", RM_),
    HTO("fcvtas", RA_), HTOU("fcvtau", RA_),
    {"fcvtzs w9, h0, #7", K_INT, FP_H, -1, g_tos32, 7 << 4},
    {"fcvtzu x9, h0, #40", K_INT, FP_H, -1, g_tou64, 40 << 4},
    {"scvtf h3, w10", K_FP, -1, FP_H, g_s32to, 0}, {"ucvtf h3, w10", K_FP, -1, FP_H, g_u32to, 0},
    {"scvtf h3, x10", K_FP, -1, FP_H, g_s64to, 0}, {"ucvtf h3, x10", K_FP, -1, FP_H, g_u64to, 0},
    {"scvtf h3, w10, #20", K_FP, -1, FP_H, g_s32to, 20},
    {"ucvtf h3, x10, #64", K_FP, -1, FP_H, g_u64to, 64},
    H1("frecpe", g_recpe, 0), H1("frsqrte", g_rsqrte, 0), H1("frecpx", g_recpx, 0),
    H2("frecps", g_recps, K_FP, 0), H2("frsqrts", g_rsqrts, K_FP, 0), H2("fmulx", g_mulx, K_FP, 0),
    /* conversions: AHP applies, FZ16 must not */
    {"fcvt s3, h0", K_FP, FP_H, FP_S, g_cvt, 0}, {"fcvt d3, h0", K_FP, FP_H, FP_D, g_cvt, 0},
    {"fcvt h3, s0", K_FP, FP_S, FP_H, g_cvt, 0}, {"fcvt h3, d0", K_FP, FP_D, FP_H, g_cvt, 0},
};

/* Extra SIMD scalar ops appended once the SIMD decoder handles them. */
static const struct op simd_ops[] = {
    SD1("frecpe", g_recpe, 0), SD1("frsqrte", g_rsqrte, 0), SD1("frecpx", g_recpx, 0),
    SD("frecps", g_recps, K_FP, 0), SD("frsqrts", g_rsqrts, K_FP, 0), SD("fmulx", g_mulx, K_FP, 0),
};

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: vecgen SEED COUNT [simd|fp16]\n");
        return 2;
    }
    rs = strtoull(argv[1], NULL, 0) * 0x9e3779b97f4a7c15ull + 1;
    int count = atoi(argv[2]);
    bool simd = argc > 3 && !strcmp(argv[3], "simd"), fp16 = argc > 3 && !strcmp(argv[3], "fp16");
    if (argc > 4 || (argc > 3 && !simd && !fp16)) {
        fprintf(stderr, "vecgen: unknown mode '%s' (simd or fp16)\n", argv[3]);
        return 2;
    }
    const struct op *base = fp16 ? h_ops : ops;
    const int nbase = fp16 ? (int)ARRAY_SIZE(h_ops) : (int)ARRAY_SIZE(ops);
    const int nall = nbase + (simd ? (int)ARRAY_SIZE(simd_ops) : 0);
#define OP(i) ((i) < nbase ? &base[i] : &simd_ops[(i) - nbase])

    printf("// Generated by tests/fp/vecgen %s %s%s%s: do not edit.\n", argv[1], argv[2],
           argc > 3 ? " " : "", argc > 3 ? argv[3] : "");
    printf("#include \"fp_vecrun.inc\"\n\n    .text\n    .balign 16\nvec_stubs:\n");
    for (int i = 0; i < nall; i++) {
        const struct op *op = OP(i);
        printf("    %s\n", op->text);
        if (op->kind == K_FP)
            printf("    fmov x9, d3\n    mov x8, v3.d[1]\n    ret\n");
        else if (op->kind == K_NZCV)
            printf("    mrs x9, nzcv\n    mov x8, xzr\n    ret\n");
        else
            printf("    mov x8, xzr\n    nop\n    ret\n");
    }
    printf("\n    .data\n    .balign 8\nvec_count:\n    .quad %d\nvec_cases:\n", count);
    for (int n = 0; n < count; n++) {
        int i = (int)(rnd() % (u64)nall);
        const struct op *op = OP(i);
        u32 fpcr = (u32)(rnd() & 3) << FPCR_RMODE_SHIFT;
        if (rnd() % 4 == 0)
            fpcr |= FPCR_FZ;
        if (rnd() % 4 == 0)
            fpcr |= FPCR_DN;
        if (op->dst == FP_H || op->src == FP_H)
            fpcr |= (rnd() & 1) ? FPCR_AHP : 0;
        if (fp16 && rnd() % 3 == 0)
            fpcr |= FPCR_FZ16;
        u64 a = op->src < 0 ? pick_int() : pick((enum fp_fmt)op->src);
        u64 b = op->src < 0 ? 0 : pick((enum fp_fmt)op->src);
        u64 c = op->src < 0 ? 0 : pick((enum fp_fmt)op->src);
        if (op->src >= 0 && rnd() % 4 == 0)
            b = a ^ (rnd() & 3); /* nearly equal operands: cancellation, equal compares */
        struct fpst st = fpst_make(fpcr);
        u64 want = op->fn(&st, op, a, b, c);
        if (op->kind == K_INT && strstr(op->text, " w9"))
            want &= 0xffffffffu;
        printf("    .word %d, 0x%08x, 0x%08x, 0\n    .quad 0x%016llx, 0x%016llx, 0x%016llx, "
               "0x%016llx  // %s\n", i, fpcr, st.exc, (unsigned long long)a, (unsigned long long)b,
               (unsigned long long)c, (unsigned long long)want, op->text);
    }
    return 0;
}
