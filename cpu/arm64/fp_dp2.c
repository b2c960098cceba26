/* SPDX-License-Identifier: MIT */
/*
 * Scalar floating-point two- and three-source arithmetic, compares, conditional select and
 * immediate moves. Arm ARM C4.1.96.27, .28, .30 to .33.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/fp_regs.h"

typedef u64 (*fp_bin_fn)(struct fpst *st, enum fp_fmt f, u64 a, u64 b);

static void fp_binary(struct a64_cpu *cpu, const struct arg_fp_2 *a, fp_bin_fn fn, bool negate)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned es = fp_esize(f);
    struct fpst st = fp_env(cpu);
    u64 r = fn(&st, f, vreg_read(cpu, a->rn, es), vreg_read(cpu, a->rm, es));
    if (negate) /* FNMUL negates the product, NaN included */
        r = fp_neg(f, r);
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, r, es);
}

void a64_exec_FMUL_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_mul, false); }
void a64_exec_FDIV_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_div, false); }
void a64_exec_FADD_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_add, false); }
void a64_exec_FSUB_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_sub, false); }
void a64_exec_FMAX_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_max, false); }
void a64_exec_FMIN_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_min, false); }
void a64_exec_FMAXNM_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_maxnum, false); }
void a64_exec_FMINNM_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_minnum, false); }
void a64_exec_FNMUL_s(struct a64_cpu *cpu, const struct arg_fp_2 *a) { fp_binary(cpu, a, fp_mul, true); }

/* FMADD/FMSUB/FNMADD/FNMSUB: FPMulAdd(addend, op1, op2) with the addend negated when o1 is
 * set and op1 negated when o0 != o1 (FPNeg before NaN processing: NaN signs flip too). */
void a64_exec_FMADD(struct a64_cpu *cpu, const struct arg_FMADD *a)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned es = fp_esize(f);
    u64 ra = vreg_read(cpu, a->ra, es), rn = vreg_read(cpu, a->rn, es), rm = vreg_read(cpu, a->rm, es);
    if (a->o1)
        ra = fp_neg(f, ra);
    if (a->o0 != a->o1)
        rn = fp_neg(f, rn);
    struct fpst st = fp_env(cpu);
    u64 r = fp_muladd(&st, f, ra, rn, rm);
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, r, es);
}

/* FCMP/FCMPE, with zero when z: NZCV from FPCompare. */
void a64_exec_FCMP(struct a64_cpu *cpu, const struct arg_FCMP *a)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned es = fp_esize(f);
    struct fpst st = fp_env(cpu);
    u64 m = a->z ? 0 : vreg_read(cpu, a->rm, es);
    unsigned nzcv = fp_compare(&st, f, vreg_read(cpu, a->rn, es), m, a->e);
    fp_commit(cpu, &st);
    cpu->nzcv = nzcv << 28;
}

void a64_exec_FCCMP(struct a64_cpu *cpu, const struct arg_FCCMP *a)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned es = fp_esize(f);
    unsigned nzcv = (unsigned)a->nzcv;
    if (fp_cond_holds(cpu, (unsigned)a->cond)) {
        struct fpst st = fp_env(cpu);
        nzcv = fp_compare(&st, f, vreg_read(cpu, a->rn, es), vreg_read(cpu, a->rm, es), a->e);
        fp_commit(cpu, &st);
    }
    cpu->nzcv = nzcv << 28;
}

void a64_exec_FCSEL(struct a64_cpu *cpu, const struct arg_FCSEL *a)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned es = fp_esize(f);
    int src = fp_cond_holds(cpu, (unsigned)a->cond) ? a->rn : a->rm;
    vreg_write(cpu, a->rd, vreg_read(cpu, src, es), es);
}

/* VFPExpandImm(): sign, NOT(b):Replicate(b, E-3):imm8<5:4>, imm8<3:0>:Zeros(F-4). */
u64 fp_expand_imm(enum fp_fmt f, unsigned imm8)
{
    static const int E[3] = {5, 8, 11}, F[3] = {10, 23, 52};
    u64 b6 = (imm8 >> 6) & 1;
    u64 exp = ((b6 ^ 1) << (E[f] - 1)) | ((b6 ? (1ull << (E[f] - 3)) - 1 : 0) << 2) |
              ((imm8 >> 4) & 3);
    u64 frac = (u64)(imm8 & 15) << (F[f] - 4);
    return ((u64)(imm8 >> 7) << (E[f] + F[f])) | (exp << F[f]) | frac;
}

void a64_exec_FMOV_i(struct a64_cpu *cpu, const struct arg_FMOV_i *a)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    vreg_write(cpu, a->rd, fp_expand_imm(f, (unsigned)a->imm8), fp_esize(f));
}
