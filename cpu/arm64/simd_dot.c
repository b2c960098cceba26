/* SPDX-License-Identifier: MIT */
/*
 * FEAT_DotProd: SDOT, UDOT (vector and by element). Each 32-bit lane of Vd accumulates the
 * sum of the four products of the corresponding byte quadruples (signed or unsigned) of Vn
 * and Vm (or of Vm's 32-bit element [index]); wraps modulo 2^32 (Arm ARM C7.2 SDOT, UDOT).
 * FEAT_I8MM: USDOT, SUDOT (mixed signedness) and the 2x2 matrix forms SMMLA, UMMLA, USMMLA.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

/* index < 0: the vector form; otherwise the quadruple Vm.4B[index]. un/um: Vn/Vm bytes
 * unsigned (SDOT both signed, UDOT both unsigned, USDOT/SUDOT mixed). */
static void dot(struct a64_cpu *cpu, bool q, bool un, bool um, int rd, int rn, int rm, int index)
{
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[rn], m = cpu->v[rm], r = cpu->v[rd];
    for (unsigned e = 0; e < (q ? 4u : 2u); e++) {
        unsigned me = index < 0 ? e : (unsigned)index;
        u32 acc = r.s[e];
        for (unsigned i = 0; i < 4; i++) {
            s32 x = un ? n.b[4 * e + i] : (s8)n.b[4 * e + i];
            s32 y = um ? m.b[4 * me + i] : (s8)m.b[4 * me + i];
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
    dot(cpu, a->q, a->u, a->u, a->rd, a->rn, a->rm, -1);
}

/* USDOT (vector), FEAT_I8MM: unsigned Vn bytes times signed Vm bytes. */
void a64_exec_SIMD_usdot(struct a64_cpu *cpu, const struct arg_SIMD_usdot *a)
{
    if (!simd_have_i8mm(cpu) || a->size != 2)
        a64_undef(cpu);
    dot(cpu, a->q, true, false, a->rd, a->rn, a->rm, -1);
}

/* By element: SDOT/UDOT (opcode 1110, FEAT_DotProd); USDOT (U=0 opcode 1111 size 10) and
 * SUDOT (size 00), FEAT_I8MM. */
void simd_dot_elem(struct a64_cpu *cpu, const struct arg_SIMD_elem *a)
{
    bool un, um;
    if (a->opcode == 0xe) {
        if (!simd_have_dotprod(cpu) || a->size != 2)
            a64_undef(cpu);
        un = um = a->u;
    } else {
        if (!simd_have_i8mm(cpu) || a->u || (a->size != 0 && a->size != 2))
            a64_undef(cpu);
        un = a->size == 2;
        um = !un;
    }
    if (a->sc)
        a64_undef(cpu);
    dot(cpu, a->q, un, um, a->rd, a->rn, (a->m << 4) | a->rm, (a->h << 1) | a->l);
}

/* SMMLA/UMMLA (b = 0, by U) and USMMLA (b = 1, U = 0), FEAT_I8MM: Vd's four 32-bit lanes are a
 * 2x2 matrix that accumulates Vn (2x8 bytes, one row per 64-bit half) times Vm transposed. */
void a64_exec_SIMD_mmla(struct a64_cpu *cpu, const struct arg_SIMD_mmla *a)
{
    if (!simd_have_i8mm(cpu) || a->size != 2 || (a->b && a->u))
        a64_undef(cpu);
    a64_fp_check(cpu);
    bool un = a->u || a->b, um = a->u;
    union a64_vreg n = cpu->v[a->rn], m = cpu->v[a->rm], r = cpu->v[a->rd];
    for (unsigned i = 0; i < 2; i++)
        for (unsigned j = 0; j < 2; j++) {
            u32 acc = r.s[2 * i + j];
            for (unsigned k = 0; k < 8; k++) {
                s32 x = un ? n.b[8 * i + k] : (s8)n.b[8 * i + k];
                s32 y = um ? m.b[8 * j + k] : (s8)m.b[8 * j + k];
                acc += (u32)(x * y);
            }
            r.s[2 * i + j] = acc;
        }
    cpu->v[a->rd] = r;
}
