/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD permutes: TBL/TBX (C4.1.96.10), UZP/TRN/ZIP (C4.1.96.11), EXT (C4.1.96.12).
 */
#include <string.h>

#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

void a64_exec_SIMD_tbl(struct a64_cpu *cpu, const struct arg_SIMD_tbl *a)
{
    a64_fp_check(cpu);
    u8 table[64];
    int regs = a->len + 1;
    for (int i = 0; i < regs; i++)
        memcpy(table + 16 * i, cpu->v[(a->rn + i) % 32].b, 16);
    union a64_vreg idx = cpu->v[a->rm], r = cpu->v[a->rd];
    unsigned n = a->q ? 16 : 8;
    for (unsigned e = 0; e < n; e++) {
        unsigned i = idx.b[e];
        if (i < 16u * (unsigned)regs)
            r.b[e] = table[i];
        else if (!a->op) /* TBL: out of range gives zero; TBX keeps Vd */
            r.b[e] = 0;
    }
    vreg_set_vec(cpu, a->rd, &r, a->q);
}

void a64_exec_SIMD_perm(struct a64_cpu *cpu, const struct arg_SIMD_perm *a)
{
    if ((a->opcode & 3) == 0 || (a->size == 3 && !a->q))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned esize = 1u << a->size, elements = (a->q ? 16 : 8) / esize, half = elements / 2;
    unsigned part = (unsigned)a->opcode >> 2; /* 1/2 variant */
    union a64_vreg n = cpu->v[a->rn], m = cpu->v[a->rm], r = {0};
    for (unsigned e = 0; e < elements; e++) {
        u64 v;
        switch (a->opcode & 3) {
        case 1: { /* UZP: even (UZP1) or odd (UZP2) elements of Vm:Vn */
            unsigned i = 2 * e + part;
            v = i < elements ? velem(&n, i, esize) : velem(&m, i - elements, esize);
            break;
        }
        case 2: /* TRN */
            v = (e & 1) ? velem(&m, (e & ~1u) + part, esize) : velem(&n, e + part, esize);
            break;
        default: { /* ZIP: interleave the lower (ZIP1) or upper (ZIP2) halves */
            unsigned i = part * half + e / 2;
            v = (e & 1) ? velem(&m, i, esize) : velem(&n, i, esize);
            break;
        }
        }
        velem_set(&r, e, esize, v);
    }
    vreg_set_vec(cpu, a->rd, &r, a->q);
}

void a64_exec_SIMD_ext(struct a64_cpu *cpu, const struct arg_SIMD_ext *a)
{
    if (!a->q && (a->imm4 & 8))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned bytes = a->q ? 16 : 8;
    u8 cat[32];
    memcpy(cat, cpu->v[a->rn].b, bytes);
    memcpy(cat + bytes, cpu->v[a->rm].b, bytes);
    union a64_vreg r = {0};
    memcpy(r.b, cat + a->imm4, bytes);
    vreg_set_vec(cpu, a->rd, &r, a->q);
}
