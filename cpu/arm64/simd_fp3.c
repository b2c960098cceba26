/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD three-same floating point (vector and scalar), half (FEAT_FP16), single and
 * double precision. Arm ARM C4.1.96.8 (U:a:opcode table; C4.1.96.4 for FP16) and the FP
 * pseudocode (FPAdd, FPMulAdd, FPCompare*...); FMLAL/FMLSL{2} (FEAT_FHM) go to simd_fhm.c.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

#define FP3(name) static u64 name(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d)
FP3(f_maxnm) { return fp_maxnum(st, f, a, b); }
FP3(f_minnm) { return fp_minnum(st, f, a, b); }
FP3(f_fmla) { return fp_muladd(st, f, d, a, b); }
FP3(f_fmls) { return fp_muladd(st, f, d, fp_neg(f, a), b); }
FP3(f_add) { return fp_add(st, f, a, b); }
FP3(f_sub) { return fp_sub(st, f, a, b); }
FP3(f_mulx) { return fp_mulx(st, f, a, b); }
FP3(f_mul) { return fp_mul(st, f, a, b); }
FP3(f_div) { return fp_div(st, f, a, b); }
FP3(f_max) { return fp_max(st, f, a, b); }
FP3(f_min) { return fp_min(st, f, a, b); }
FP3(f_recps) { return fp_recip_step(st, f, a, b); }
FP3(f_rsqrts) { return fp_rsqrt_step(st, f, a, b); }
FP3(f_abd) { return fp_abs(f, fp_sub(st, f, a, b)); }
FP3(f_cmeq) { return fp_compare_eq(st, f, a, b) ? ~0ull : 0; }
FP3(f_cmge) { return fp_compare_ge(st, f, a, b) ? ~0ull : 0; }
FP3(f_cmgt) { return fp_compare_gt(st, f, a, b) ? ~0ull : 0; }
FP3(f_acge) { return fp_compare_ge(st, f, fp_abs(f, a), fp_abs(f, b)) ? ~0ull : 0; }
FP3(f_acgt) { return fp_compare_gt(st, f, fp_abs(f, a), fp_abs(f, b)) ? ~0ull : 0; }

struct fp3_op {
    fp3_fn fn;
    bool pairwise, scalar_ok;
};

/* Indexed by U:a:opcode */
static const struct fp3_op fp3_tab[32] = {
    [000] = {f_maxnm}, [001] = {f_fmla}, [002] = {f_add}, [003] = {f_mulx, false, true},
    [004] = {f_cmeq, false, true}, [006] = {f_max}, [007] = {f_recps, false, true},
    [010] = {f_minnm}, [011] = {f_fmls}, [012] = {f_sub}, [016] = {f_min},
    [017] = {f_rsqrts, false, true},
    [020] = {f_maxnm, true}, [022] = {f_add, true}, [023] = {f_mul}, [024] = {f_cmge, false, true},
    [025] = {f_acge, false, true}, [026] = {f_max, true}, [027] = {f_div},
    [030] = {f_minnm, true}, [032] = {f_abd, false, true}, [034] = {f_cmgt, false, true},
    [035] = {f_acgt, false, true}, [036] = {f_min, true},
};

/* Shared with the by-element and across-lanes code: apply fn over the lanes. */
void simd_fp_lanes(struct a64_cpu *cpu, bool q, bool scalar, enum fp_fmt f, int rd,
                   const union a64_vreg *n, const union a64_vreg *m, fp3_fn fn, bool pairwise)
{
    unsigned esize = fp_esize(f), elements = scalar ? 1 : (q ? 16 : 8) / esize;
    union a64_vreg d = cpu->v[rd], r = {0};
    struct fpst st = fp_env(cpu);
    for (unsigned e = 0; e < elements; e++) {
        u64 x, y;
        if (pairwise) {
            unsigned half = elements / 2;
            const union a64_vreg *src = e < half ? n : m;
            unsigned i = 2 * (e < half ? e : e - half);
            x = velem(src, i, esize);
            y = velem(src, i + 1, esize);
        } else {
            x = velem(n, e, esize);
            y = velem(m, e, esize);
        }
        velem_set(&r, e, esize, fn(&st, f, x, y, velem(&d, e, esize)));
    }
    fp_commit(cpu, &st);
    if (scalar)
        vreg_write(cpu, rd, r.d[0], esize);
    else
        vreg_set_vec(cpu, rd, &r, q);
}

static void fp3(struct a64_cpu *cpu, const struct arg_SIMD_fp3 *a, enum fp_fmt f)
{
    /* FMLAL/FMLSL (U=0, opcode 11101) and FMLAL2/FMLSL2 (U=1, 11001): FEAT_FHM, sz = 0 */
    if (f == FP_S && !a->sc && a->opcode == (a->u ? 1 : 5)) {
        simd_fmlal(cpu, a->q, a->u, a->a, a->rd, a->rn, a->rm, -1);
        return;
    }
    const struct fp3_op *op = &fp3_tab[(a->u << 4) | (a->a << 3) | a->opcode];
    if (!op->fn || (a->sc && !op->scalar_ok) || (!a->sc && f == FP_D && !a->q))
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[a->rn], m = cpu->v[a->rm];
    simd_fp_lanes(cpu, a->q, a->sc, f, a->rd, &n, &m, op->fn, op->pairwise);
}

void a64_exec_SIMD_fp3(struct a64_cpu *cpu, const struct arg_SIMD_fp3 *a)
{
    fp3(cpu, a, a->sz ? FP_D : FP_S);
}

void a64_exec_SIMD_fp3_sc(struct a64_cpu *cpu, const struct arg_SIMD_fp3 *a)
{
    fp3(cpu, a, a->sz ? FP_D : FP_S);
}

/* Three same FP16: the same U:a:opcode table on half-precision lanes (FEAT_FP16). */
void a64_exec_SIMD_fp3h(struct a64_cpu *cpu, const struct arg_SIMD_fp3 *a)
{
    if (!fp_have_fp16(cpu))
        a64_undef(cpu);
    fp3(cpu, a, FP_H);
}

void a64_exec_SIMD_fp3h_sc(struct a64_cpu *cpu, const struct arg_SIMD_fp3 *a)
{
    a64_exec_SIMD_fp3h(cpu, a);
}
