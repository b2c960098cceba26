/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD across lanes (ADDV, SADDLV/UADDLV, SMAXV ..., FMAXV/FMINV/FMAXNMV/FMINNMV,
 * single and, with FEAT_FP16, half precision; C4.1.96.14) and the scalar pairwise forms
 * (ADDP, FADDP, FMAXP ...; C4.1.96.6).
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

static u64 f_maxnm(struct fpst *st, enum fp_fmt f, u64 a, u64 b) { return fp_maxnum(st, f, a, b); }
static u64 f_minnm(struct fpst *st, enum fp_fmt f, u64 a, u64 b) { return fp_minnum(st, f, a, b); }

/* Reduce(): the pseudocode's recursive halving, lo op hi. */
static u64 fp_reduce(struct fpst *st, enum fp_fmt f, const union a64_vreg *v, unsigned lo,
                     unsigned n, u64 (*op)(struct fpst *, enum fp_fmt, u64, u64))
{
    if (n == 1)
        return velem(v, lo, fp_esize(f));
    u64 l = fp_reduce(st, f, v, lo, n / 2, op), h = fp_reduce(st, f, v, lo + n / 2, n / 2, op);
    return op(st, f, l, h);
}

void a64_exec_SIMD_across(struct a64_cpu *cpu, const struct arg_SIMD_across *a)
{
    union a64_vreg n = cpu->v[a->rn];
    if (a->opcode == 0x0c || a->opcode == 0x0f) { /* FP: U=1 4S; U=0 4H/8H (FEAT_FP16) */
        if ((a->size & 1) || (a->u ? !a->q : !fp_have_fp16(cpu)))
            a64_undef(cpu);
        a64_fp_check(cpu);
        enum fp_fmt f = a->u ? FP_S : FP_H;
        unsigned elements = (a->q ? 16 : 8) / fp_esize(f);
        u64 (*op)(struct fpst *, enum fp_fmt, u64, u64);
        if (a->opcode == 0x0c)
            op = (a->size & 2) ? f_minnm : f_maxnm;
        else
            op = (a->size & 2) ? fp_min : fp_max;
        struct fpst st = fp_env(cpu);
        u64 r = fp_reduce(&st, f, &n, 0, elements, op);
        fp_commit(cpu, &st);
        vreg_write(cpu, a->rd, r, fp_esize(f));
        return;
    }
    if (a->size == 3 || (a->size == 2 && !a->q))
        a64_undef(cpu);
    unsigned esize = 1u << a->size, bits = esize * 8, elements = (a->q ? 16 : 8) / esize;
    bool u = a->u;
    /* at most 16 lanes of at most 32 bits: 64-bit arithmetic is exact */
    s64 acc = (s64)ival(velem(&n, 0, esize), bits, u);
    unsigned outsize = esize;
    switch (a->opcode) {
    case 0x03: /* SADDLV/UADDLV */
        for (unsigned e = 1; e < elements; e++)
            acc += (s64)ival(velem(&n, e, esize), bits, u);
        outsize = esize * 2;
        break;
    case 0x0a: /* SMAXV/UMAXV */
    case 0x1a: /* SMINV/UMINV */
        for (unsigned e = 1; e < elements; e++) {
            s64 v = (s64)ival(velem(&n, e, esize), bits, u);
            if (a->opcode == 0x0a ? v > acc : v < acc)
                acc = v;
        }
        break;
    case 0x1b: /* ADDV */
        if (u)
            a64_undef(cpu);
        for (unsigned e = 1; e < elements; e++)
            acc += (s64)ival(velem(&n, e, esize), bits, u);
        break;
    default:
        a64_undef(cpu);
    }
    a64_fp_check(cpu);
    vreg_write(cpu, a->rd, (u64)acc & ones(outsize * 8), outsize);
}

void a64_exec_SIMD_pair_sc(struct a64_cpu *cpu, const struct arg_SIMD_pair_sc *a)
{
    union a64_vreg n = cpu->v[a->rn];
    if (!a->u && a->opcode == 0x1b) { /* ADDP */
        if (a->size != 3)
            a64_undef(cpu);
        a64_fp_check(cpu);
        vreg_write(cpu, a->rd, n.d[0] + n.d[1], 8);
        return;
    }
    /* FP: U=1 single/double (size<0>); U=0 half precision (FEAT_FP16, size<0> = 0) */
    if (!a->u && ((a->size & 1) || !fp_have_fp16(cpu)))
        a64_undef(cpu);
    enum fp_fmt f = !a->u ? FP_H : (a->size & 1) ? FP_D : FP_S;
    unsigned es = fp_esize(f);
    u64 x = velem(&n, 0, es), y = velem(&n, 1, es), r;
    if ((a->opcode != 0x0c && a->opcode != 0x0d && a->opcode != 0x0f) ||
        (a->opcode == 0x0d && (a->size & 2)))
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    switch (a->opcode) {
    case 0x0c: r = (a->size & 2) ? fp_minnum(&st, f, x, y) : fp_maxnum(&st, f, x, y); break;
    case 0x0d: r = fp_add(&st, f, x, y); break;
    default: r = (a->size & 2) ? fp_min(&st, f, x, y) : fp_max(&st, f, x, y); break;
    }
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, r, es);
}
