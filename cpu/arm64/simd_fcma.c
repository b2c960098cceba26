/* SPDX-License-Identifier: MIT */
/*
 * FEAT_FCMA complex arithmetic: FCADD, FCMLA (vector) and FCMLA (by element), on pairs of
 * lanes (even = real, odd = imaginary). Arm ARM C7.2 FCADD, FCMLA; each lane is one FPAdd or
 * one fused FPMulAdd, with the rotation's FPNeg applied to the Vm element before it.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

/* Lane format of size 01/10/11, or false for the reserved and not implemented ones. */
static bool fcma_fmt(const struct a64_cpu *cpu, int size, bool q, enum fp_fmt *f)
{
    if (!fp_have_fcma(cpu) || size == 0 || (size == 1 && !fp_have_fp16(cpu)) || (size == 3 && !q))
        return false;
    *f = (enum fp_fmt)(size - 1);
    return true;
}

/* FCMLA with the Vm pair for result pair e at m_lo/m_lo+1 (e*2 for the vector form, index*2
 * for the by-element form). */
static void fcmla(struct a64_cpu *cpu, enum fp_fmt f, bool q, int rd, int rn, int rm, int rot,
                  int index)
{
    unsigned es = fp_esize(f), elements = (q ? 16 : 8) / es;
    union a64_vreg n = cpu->v[rn], m = cpu->v[rm], d = cpu->v[rd], r = {0};
    struct fpst st = fp_env(cpu);
    for (unsigned e = 0; e < elements / 2; e++) {
        unsigned mi = index < 0 ? 2 * e : 2 * (unsigned)index;
        u64 m_re = velem(&m, mi, es), m_im = velem(&m, mi + 1, es);
        u64 el1, el3;
        unsigned src = (rot & 1) ? 2 * e + 1 : 2 * e; /* real (0, 180) or imaginary (90, 270) */
        switch (rot) {
        case 0: el1 = m_re; el3 = m_im; break;
        case 1: el1 = fp_neg(f, m_im); el3 = m_re; break;
        case 2: el1 = fp_neg(f, m_re); el3 = fp_neg(f, m_im); break;
        default: el1 = m_im; el3 = fp_neg(f, m_re); break;
        }
        u64 x = velem(&n, src, es);
        velem_set(&r, 2 * e, es, fp_muladd(&st, f, velem(&d, 2 * e, es), x, el1));
        velem_set(&r, 2 * e + 1, es, fp_muladd(&st, f, velem(&d, 2 * e + 1, es), x, el3));
    }
    fp_commit(cpu, &st);
    vreg_set_vec(cpu, rd, &r, q);
}

void a64_exec_SIMD_fcmla(struct a64_cpu *cpu, const struct arg_SIMD_fcmla *a)
{
    enum fp_fmt f;
    if (!fcma_fmt(cpu, a->size, a->q, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    fcmla(cpu, f, a->q, a->rd, a->rn, a->rm, a->rot, -1);
}

/* By element: size 01 (H, index H:L, H must be 0 when Q = 0) or 10 (S, index H, Q = 1). */
void simd_fcmla_elem(struct a64_cpu *cpu, const struct arg_SIMD_elem *a)
{
    enum fp_fmt f;
    if (a->sc || (a->size != 1 && a->size != 2) || !fcma_fmt(cpu, a->size, a->q, &f) ||
        (a->size == 2 && (a->l || !a->q)) || (a->size == 1 && a->h && !a->q))
        a64_undef(cpu);
    a64_fp_check(cpu);
    int index = a->size == 1 ? (a->h << 1) | a->l : a->h;
    fcmla(cpu, f, a->q, a->rd, a->rn, (a->m << 4) | a->rm, a->opcode >> 1, index);
}

void a64_exec_SIMD_fcadd(struct a64_cpu *cpu, const struct arg_SIMD_fcadd *a)
{
    enum fp_fmt f;
    if (!fcma_fmt(cpu, a->size, a->q, &f))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned es = fp_esize(f), elements = (a->q ? 16 : 8) / es;
    union a64_vreg n = cpu->v[a->rn], m = cpu->v[a->rm], r = {0};
    struct fpst st = fp_env(cpu);
    for (unsigned e = 0; e < elements / 2; e++) {
        u64 m_re = velem(&m, 2 * e, es), m_im = velem(&m, 2 * e + 1, es);
        u64 el1 = a->rot ? m_im : fp_neg(f, m_im);  /* rot 0: #90, rot 1: #270 */
        u64 el3 = a->rot ? fp_neg(f, m_re) : m_re;
        velem_set(&r, 2 * e, es, fp_add(&st, f, velem(&n, 2 * e, es), el1));
        velem_set(&r, 2 * e + 1, es, fp_add(&st, f, velem(&n, 2 * e + 1, es), el3));
    }
    fp_commit(cpu, &st);
    vreg_set_vec(cpu, a->rd, &r, a->q);
}
