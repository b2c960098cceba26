/* SPDX-License-Identifier: MIT */
/*
 * Scalar floating-point data-processing, one source: FMOV, FABS, FNEG, FSQRT, FCVT, FRINT*,
 * FRINT32Z/X and FRINT64Z/X (FEAT_FRINTTS).
 * Arm ARM C4.1.96.29 and the instruction pages in C7.2.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/fp_regs.h"

typedef u64 (*fp_un_fn)(struct fpst *st, enum fp_fmt f, u64 a);

static void fp_unary(struct a64_cpu *cpu, const struct arg_fp_1 *a, fp_un_fn fn)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    u64 r = fn(&st, f, vreg_read(cpu, a->rn, fp_esize(f)));
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, r, fp_esize(f));
}

static u64 op_mov(struct fpst *st, enum fp_fmt f, u64 a) { return a; }
static u64 op_abs(struct fpst *st, enum fp_fmt f, u64 a) { return fp_abs(f, a); }
static u64 op_neg(struct fpst *st, enum fp_fmt f, u64 a) { return fp_neg(f, a); }

void a64_exec_FMOV_r(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_unary(cpu, a, op_mov); }
void a64_exec_FABS_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_unary(cpu, a, op_abs); }
void a64_exec_FNEG_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_unary(cpu, a, op_neg); }
void a64_exec_FSQRT_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_unary(cpu, a, fp_sqrt); }

/* FCVT: opc is the destination type (00 S, 01 D, 11 H), ftype the source. */
void a64_exec_FCVT_s(struct a64_cpu *cpu, const struct arg_FCVT_s *a)
{
    static const int type_fmt[4] = {FP_S, FP_D, -1, FP_H};
    int from = type_fmt[a->ftype], to = type_fmt[a->opc];
    if (from < 0 || to < 0 || from == to)
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    u64 r = fp_convert(&st, (enum fp_fmt)to, (enum fp_fmt)from,
                       vreg_read(cpu, a->rn, fp_esize((enum fp_fmt)from)));
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, r, fp_esize((enum fp_fmt)to));
}

static void fp_rint(struct a64_cpu *cpu, const struct arg_fp_1 *a, int rounding, bool exact)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, a->ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    enum fp_rounding r = rounding < 0 ? (enum fp_rounding)st.rmode : (enum fp_rounding)rounding;
    u64 res = fp_round_int(&st, f, vreg_read(cpu, a->rn, fp_esize(f)), r, exact);
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, res, fp_esize(f));
}

void a64_exec_FRINTN_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, FPR_TIEEVEN, false); }
void a64_exec_FRINTP_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, FPR_POSINF, false); }
void a64_exec_FRINTM_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, FPR_NEGINF, false); }
void a64_exec_FRINTZ_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, FPR_ZERO, false); }
void a64_exec_FRINTA_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, FPR_TIEAWAY, false); }
void a64_exec_FRINTX_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, -1, true); }
void a64_exec_FRINTI_s(struct a64_cpu *cpu, const struct arg_fp_1 *a) { fp_rint(cpu, a, -1, false); }

/* FRINT32Z/FRINT32X/FRINT64Z/FRINT64X (FEAT_FRINTTS), single and double only. */
void a64_exec_FRINTTS_s(struct a64_cpu *cpu, const struct arg_FRINTTS_s *a)
{
    enum fp_fmt f;
    if (!fp_have_frintts(cpu) || !fp_ftype(cpu, a->ftype, &f) || f == FP_H)
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    enum fp_rounding r = (a->op & 1) ? (enum fp_rounding)st.rmode : FPR_ZERO;
    u64 res = fp_round_int_n(&st, f, vreg_read(cpu, a->rn, fp_esize(f)), r, (a->op & 2) ? 64 : 32);
    fp_commit(cpu, &st);
    vreg_write(cpu, a->rd, res, fp_esize(f));
}
