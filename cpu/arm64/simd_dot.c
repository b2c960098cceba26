/* SPDX-License-Identifier: MIT */
/*
 * FEAT_DotProd: SDOT, UDOT (vector and by element). Each 32-bit lane of Vd accumulates the
 * sum of the four products of the corresponding byte quadruples (signed or unsigned) of Vn
 * and Vm (or of Vm's 32-bit element [index]); wraps modulo 2^32 (Arm ARM C7.2 SDOT, UDOT).
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

/* index < 0: the vector form; otherwise the quadruple Vm.4B[index]. */
static void dot(struct a64_cpu *cpu, bool q, bool u, int rd, int rn, int rm, int index)
{
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[rn], m = cpu->v[rm], r = cpu->v[rd];
    for (unsigned e = 0; e < (q ? 4u : 2u); e++) {
        unsigned me = index < 0 ? e : (unsigned)index;
        u32 acc = r.s[e];
        for (unsigned i = 0; i < 4; i++) {
            s32 x = u ? n.b[4 * e + i] : (s8)n.b[4 * e + i];
            s32 y = u ? m.b[4 * me + i] : (s8)m.b[4 * me + i];
            acc += (u32)(x * y);
        }
        r.s[e] = acc;
    }
    vreg_set_vec(cpu, rd, &r, q);
}

void a64_exec_SIMD_dot(struct a64_cpu *cpu, const struct arg_SIMD_dot *a)
{
    if (!simd_have_dotprod(cpu) || a->size != 2)
        a64_undef(cpu);
    dot(cpu, a->q, a->u, a->rd, a->rn, a->rm, -1);
}

void simd_dot_elem(struct a64_cpu *cpu, const struct arg_SIMD_elem *a)
{
    if (!simd_have_dotprod(cpu) || a->size != 2 || a->sc)
        a64_undef(cpu);
    dot(cpu, a->q, a->u, a->rd, a->rn, (a->m << 4) | a->rm, (a->h << 1) | a->l);
}
