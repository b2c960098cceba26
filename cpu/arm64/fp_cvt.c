/* SPDX-License-Identifier: MIT */
/*
 * Scalar conversions between floating point and integer or fixed point, and FMOV between
 * general and SIMD&FP registers. Arm ARM C4.1.96.25 and C4.1.96.26.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/fp_regs.h"

static void write_int(struct a64_cpu *cpu, int rd, u64 v, bool sf)
{
    if (sf)
        a64_set_x(cpu, rd, v);
    else
        a64_set_w(cpu, rd, (u32)v);
}

static void cvt_to_int(struct a64_cpu *cpu, int sf, int ftype, int rn, int rd, int fbits,
                       bool u, enum fp_rounding r)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, (unsigned)ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    u64 v = fp_to_fixed(&st, f, vreg_read(cpu, rn, fp_esize(f)), fbits, u, sf ? 64 : 32, r);
    fp_commit(cpu, &st);
    write_int(cpu, rd, v, sf);
}

static void cvt_from_int(struct a64_cpu *cpu, int sf, int ftype, int rn, int rd, int fbits,
                         bool u)
{
    enum fp_fmt f;
    if (!fp_ftype(cpu, (unsigned)ftype, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    u64 v = fp_from_fixed(&st, f, a64_x(cpu, rn), fbits, u, sf ? 64 : 32,
                          (enum fp_rounding)st.rmode);
    fp_commit(cpu, &st);
    vreg_write(cpu, rd, v, fp_esize(f));
}

/* FCVTZS/FCVTZU (scalar, fixed-point): fbits = 64 - scale; 32-bit forms need scale >= 32. */
void a64_exec_FCVTZ_fixed(struct a64_cpu *cpu, const struct arg_FCVTZ_fixed *a)
{
    if (!a->sf && a->scale < 32)
        a64_undef(cpu);
    cvt_to_int(cpu, a->sf, a->ftype, a->rn, a->rd, 64 - a->scale, a->u, FPR_ZERO);
}

void a64_exec_CVTF_fixed(struct a64_cpu *cpu, const struct arg_CVTF_fixed *a)
{
    if (!a->sf && a->scale < 32)
        a64_undef(cpu);
    cvt_from_int(cpu, a->sf, a->ftype, a->rn, a->rd, 64 - a->scale, a->u);
}

/* FCVT{N,P,M,Z}{S,U} take the rounding from rmode (it matches FPRounding); FCVTA{S,U} have
 * opcode<2> set and rmode 00. */
void a64_exec_FCVT_int(struct a64_cpu *cpu, const struct arg_FCVT_int *a)
{
    if (a->a && a->rmode != 0)
        a64_undef(cpu);
    enum fp_rounding r = a->a ? FPR_TIEAWAY : (enum fp_rounding)a->rmode;
    cvt_to_int(cpu, a->sf, a->ftype, a->rn, a->rd, 0, a->u, r);
}

void a64_exec_CVTF_int(struct a64_cpu *cpu, const struct arg_CVTF_int *a)
{
    cvt_from_int(cpu, a->sf, a->ftype, a->rn, a->rd, 0, a->u);
}

/* FMOV (general): W<->S, X<->D, W/X<->H (FEAT_FP16; zero-extended to the general register),
 * and X<->V.D[1] (the top half; the rest of Vd is kept). */
void a64_exec_FMOV_gen(struct a64_cpu *cpu, const struct arg_FMOV_gen *a)
{
    unsigned size;
    bool top = false;
    if (!a->sf && a->ftype == 0 && a->rmode == 0)
        size = 4;
    else if (a->sf && a->ftype == 1 && a->rmode == 0)
        size = 8;
    else if (a->ftype == 3 && a->rmode == 0 && fp_have_fp16(cpu))
        size = 2;
    else if (a->sf && a->ftype == 2 && a->rmode == 1)
        size = 8, top = true;
    else
        a64_undef(cpu);
    a64_fp_check(cpu);
    if (a->tofp) {
        u64 v = a64_x(cpu, a->rn);
        if (top)
            cpu->v[a->rd].d[1] = v;
        else
            vreg_write(cpu, a->rd, v, size);
    } else {
        u64 v = top ? cpu->v[a->rn].d[1] : vreg_read(cpu, a->rn, size);
        write_int(cpu, a->rd, v, a->sf);
    }
}

/* FJCVTZS (FEAT_JSCVT): JavaScript ToInt32; NZCV = 0:Z:0:0. */
void a64_exec_FJCVTZS(struct a64_cpu *cpu, const struct arg_FJCVTZS *a)
{
    if (!fp_have_jscvt(cpu))
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    bool z;
    u32 r = fp_to_int32_js(&st, vreg_read(cpu, a->rn, 8), &z);
    fp_commit(cpu, &st);
    a64_set_w(cpu, a->rd, r);
    cpu->nzcv = z ? PSTATE_Z : 0;
}
