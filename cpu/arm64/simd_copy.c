/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD copy (DUP, INS, SMOV, UMOV; C4.1.96.15), scalar DUP (element), and modified
 * immediate (MOVI, MVNI, ORR, BIC, FMOV vector; C4.1.96.16, AdvSIMDExpandImm()).
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

/* imm5 -> element size (lowest set bit) and index; false if imm5<3:0> == 0. */
static bool copy_size(int imm5, unsigned *esize, unsigned *index)
{
    if (!(imm5 & 15))
        return false;
    unsigned sz = (unsigned)__builtin_ctz((unsigned)imm5);
    *esize = 1u << sz;
    *index = (unsigned)imm5 >> (sz + 1);
    return true;
}

void a64_exec_SIMD_copy(struct a64_cpu *cpu, const struct arg_SIMD_copy *a)
{
    unsigned esize, index;
    if (!copy_size(a->imm5, &esize, &index))
        a64_undef(cpu);
    union a64_vreg r = {0};
    if (a->op) { /* INS (element): Vd[index] = Vn[imm4 >> size] */
        if (!a->q)
            a64_undef(cpu);
        a64_fp_check(cpu);
        unsigned src = (unsigned)a->imm4 >> __builtin_ctz(esize);
        velem_set(&cpu->v[a->rd], index, esize, velem(&cpu->v[a->rn], src, esize));
        return;
    }
    switch (a->imm4) {
    case 0: /* DUP (element) */
        if (esize == 8 && !a->q)
            a64_undef(cpu);
        a64_fp_check(cpu);
        for (unsigned e = 0; e < 16 / esize; e++)
            velem_set(&r, e, esize, velem(&cpu->v[a->rn], index, esize));
        vreg_set_vec(cpu, a->rd, &r, a->q);
        return;
    case 1: /* DUP (general) */
        if (esize == 8 && !a->q)
            a64_undef(cpu);
        a64_fp_check(cpu);
        for (unsigned e = 0; e < 16 / esize; e++)
            velem_set(&r, e, esize, a64_x(cpu, a->rn));
        vreg_set_vec(cpu, a->rd, &r, a->q);
        return;
    case 3: /* INS (general) */
        if (!a->q)
            a64_undef(cpu);
        a64_fp_check(cpu);
        velem_set(&cpu->v[a->rd], index, esize, a64_x(cpu, a->rn));
        return;
    case 5: /* SMOV: W for B/H, X for B/H/S */
        if (esize == 8 || (esize == 4 && !a->q))
            a64_undef(cpu);
        a64_fp_check(cpu);
        {
            s64 v = sx(velem(&cpu->v[a->rn], index, esize), esize * 8);
            if (a->q)
                a64_set_x(cpu, a->rd, (u64)v);
            else
                a64_set_w(cpu, a->rd, (u32)v);
        }
        return;
    case 7: /* UMOV: W for B/H/S, X for D */
        if ((esize == 8) != (bool)a->q)
            a64_undef(cpu);
        a64_fp_check(cpu);
        a64_set_x(cpu, a->rd, velem(&cpu->v[a->rn], index, esize));
        return;
    default:
        a64_undef(cpu);
    }
}

void a64_exec_SIMD_dup_sc(struct a64_cpu *cpu, const struct arg_SIMD_dup_sc *a)
{
    unsigned esize, index;
    if (!copy_size(a->imm5, &esize, &index))
        a64_undef(cpu);
    a64_fp_check(cpu);
    vreg_write(cpu, a->rd, velem(&cpu->v[a->rn], index, esize), esize);
}

/* AdvSIMDExpandImm(op, cmode, imm8) */
static bool expand_imm(unsigned op, unsigned cmode, unsigned imm8, u64 *out)
{
    u64 imm = imm8, r;
    switch (cmode >> 1) {
    case 0: r = imm; r |= r << 32; break;
    case 1: r = imm << 8; r |= r << 32; break;
    case 2: r = imm << 16; r |= r << 32; break;
    case 3: r = imm << 24; r |= r << 32; break;
    case 4: r = imm * 0x0001000100010001ull; break;
    case 5: r = (imm << 8) * 0x0001000100010001ull; break;
    case 6:
        r = (cmode & 1) ? (imm << 16) | 0xffff : (imm << 8) | 0xff;
        r |= r << 32;
        break;
    default:
        if (!(cmode & 1) && !op) {
            r = imm * 0x0101010101010101ull;
        } else if (!(cmode & 1) && op) {
            r = 0;
            for (int i = 0; i < 8; i++)
                if (imm & (1u << i))
                    r |= 0xffull << (8 * i);
        } else if (!op) {
            r = fp_expand_imm(FP_S, imm8);
            r |= r << 32;
        } else {
            r = fp_expand_imm(FP_D, imm8);
        }
        break;
    }
    *out = r;
    return true;
}

void a64_exec_SIMD_modimm(struct a64_cpu *cpu, const struct arg_SIMD_modimm *a)
{
    unsigned cmode = (unsigned)a->cmode, op = (unsigned)a->op;
    unsigned imm8 = ((unsigned)a->abc << 5) | (unsigned)a->defgh;
    u64 imm;
    if (a->o2) { /* FMOV (vector, immediate), half precision: FEAT_FP16, op 0, cmode 1111 */
        if (op || cmode != 15 || !fp_have_fp16(cpu))
            a64_undef(cpu);
        a64_fp_check(cpu);
        union a64_vreg r;
        r.d[0] = r.d[1] = fp_expand_imm(FP_H, imm8) * 0x0001000100010001ull;
        vreg_set_vec(cpu, a->rd, &r, a->q);
        return;
    }
    if (cmode == 15 && op && !a->q)
        a64_undef(cpu);
    a64_fp_check(cpu);
    expand_imm(op, cmode, imm8, &imm);
    union a64_vreg r = cpu->v[a->rd];
    /* cmode<0> set with cmode < 12: ORR (op 0) / BIC (op 1) on 32/16-bit lanes; else MOVI /
     * MVNI (op 1 inverts for cmode < 14 and cmode == 12/13). */
    bool logical = cmode < 12 && (cmode & 1);
    for (int i = 0; i < 2; i++) {
        if (logical)
            r.d[i] = op ? r.d[i] & ~imm : r.d[i] | imm;
        else if (op && cmode < 14)
            r.d[i] = ~imm;
        else
            r.d[i] = imm;
    }
    vreg_set_vec(cpu, a->rd, &r, a->q);
}
