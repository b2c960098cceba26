/* SPDX-License-Identifier: MIT */
/*
 * SIMD&FP register loads and stores: LDR/STR (all addressing modes, B to Q), LDUR/STUR,
 * LDP/STP/LDNP/STNP, LDR (literal), and LD1-LD4/ST1-ST4/LD1R-LD4R. Arm ARM C4.1.88 and the
 * pseudocode of C7.2 (LD1 ... ST4). Every access is made before any register is written.
 */
#include <string.h>

#include "build/gen/a64_decode.h"
#include "cpu/arm64/fp_regs.h"
#include "cpu/arm64/ldst.h"
#include "cpu/arm64/mem.h"

/* Load/store of one SIMD&FP register of 1 << scale bytes (scale 0..4) at va. */
static void load_vreg(struct a64_cpu *cpu, u64 va, unsigned scale, union a64_vreg *out)
{
    out->d[1] = 0;
    if (scale == 4)
        a64_read16(cpu, va, out->d, 0);
    else
        out->d[0] = a64_read(cpu, va, 1u << scale, 0);
}

static void store_vreg(struct a64_cpu *cpu, u64 va, unsigned scale, int t)
{
    if (scale == 4)
        a64_write16(cpu, va, cpu->v[t].d, 0);
    else
        a64_write(cpu, va, 1u << scale, vreg_read(cpu, t, 1u << scale), 0);
}

/* size:opc of the single-register forms -> log2 of the access size, or -1 (unallocated). */
static int ldst_scale(int size, int opc)
{
    if (opc & 2)
        return size == 0 ? 4 : -1;
    return size;
}

static void ldst_one(struct a64_cpu *cpu, u64 va, int scale, bool load, int t)
{
    if (load) {
        union a64_vreg v;
        load_vreg(cpu, va, (unsigned)scale, &v);
        cpu->v[t] = v;
    } else {
        store_vreg(cpu, va, (unsigned)scale, t);
    }
}

void a64_exec_LDR_lit_v(struct a64_cpu *cpu, const struct arg_LDR_lit_v *a)
{
    if (a->opc == 3)
        a64_undef(cpu);
    a64_fp_check(cpu);
    ldst_one(cpu, cpu->pc + (u64)((s64)a->imm * 4), 2 + a->opc, true, a->rt);
}

void a64_exec_LDST_uimm_v(struct a64_cpu *cpu, const struct arg_LDST_uimm_v *a)
{
    int scale = ldst_scale(a->size, a->opc);
    if (scale < 0)
        a64_undef(cpu);
    a64_fp_check(cpu);
    u64 va = a64_ldst_base(cpu, a->rn) + ((u64)a->imm << scale);
    ldst_one(cpu, va, scale, a->opc & 1, a->rt);
}

void a64_exec_LDST_imm9_v(struct a64_cpu *cpu, const struct arg_LDST_imm9_v *a)
{
    int scale = ldst_scale(a->size, a->opc);
    if (scale < 0 || a->idx == 2)
        a64_undef(cpu);
    a64_fp_check(cpu);
    u64 base = a64_ldst_base(cpu, a->rn);
    u64 addr = base + (u64)(s64)a->imm;
    ldst_one(cpu, a->idx == 1 ? base : addr, scale, a->opc & 1, a->rt);
    if (a->idx != 0)
        a64_set_x_sp(cpu, a->rn, addr);
}

/* ExtendReg() for the register-offset forms: option 010 UXTW, 011 LSL, 110 SXTW, 111 SXTX. */
void a64_exec_LDST_reg_v(struct a64_cpu *cpu, const struct arg_LDST_reg_v *a)
{
    int scale = ldst_scale(a->size, a->opc);
    if (scale < 0 || !(a->option & 2))
        a64_undef(cpu);
    a64_fp_check(cpu);
    u64 off = a64_x(cpu, a->rm);
    switch (a->option) {
    case 2: off = (u32)off; break;
    case 6: off = (u64)(s64)(s32)off; break;
    default: break;
    }
    u64 va = a64_ldst_base(cpu, a->rn) + (off << (a->s ? scale : 0));
    ldst_one(cpu, va, scale, a->opc & 1, a->rt);
}

void a64_exec_LDSTP_v(struct a64_cpu *cpu, const struct arg_LDSTP_v *a)
{
    if (a->opc == 3)
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned scale = 2 + (unsigned)a->opc;
    u64 base = a64_ldst_base(cpu, a->rn);
    u64 addr = base + ((u64)(s64)a->imm << scale);
    u64 va = a->idx == 1 ? base : addr;
    if (a->l) {
        /* LDP with t == t2 is CONSTRAINED UNPREDICTABLE; we load both and keep the second. */
        union a64_vreg v1, v2;
        load_vreg(cpu, va, scale, &v1);
        load_vreg(cpu, va + (1u << scale), scale, &v2);
        cpu->v[a->rt] = v1;
        cpu->v[a->rt2] = v2;
    } else {
        store_vreg(cpu, va, scale, a->rt);
        store_vreg(cpu, va + (1u << scale), scale, a->rt2);
    }
    if (a->idx == 1 || a->idx == 3)
        a64_set_x_sp(cpu, a->rn, addr);
}

/* LD1-LD4/ST1-ST4 (multiple structures): opcode -> (registers, elements per structure). */
static const struct {
    s8 rpt, selem;
} multi_layout[16] = {
    [0x0] = {1, 4}, [0x2] = {4, 1}, [0x4] = {1, 3}, [0x6] = {3, 1},
    [0x7] = {1, 1}, [0x8] = {1, 2}, [0xa] = {2, 1},
};

void a64_exec_LDST_multi(struct a64_cpu *cpu, const struct arg_LDST_multi *a)
{
    int rpt = multi_layout[a->opcode].rpt, selem = multi_layout[a->opcode].selem;
    if (!rpt || (!a->p && a->rm != 0) || (a->size == 3 && !a->q && selem != 1))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned esize = 1u << a->size, elements = (a->q ? 16 : 8) / esize;
    u64 addr = a64_ldst_base(cpu, a->rn), offs = 0;
    union a64_vreg tmp[4];
    int nregs = rpt * selem;
    if (a->l) {
        memset(tmp, 0, sizeof(tmp));
        if (selem == 1) {
            /* LD1: each register is a contiguous little-endian block */
            for (int r = 0; r < rpt; r++, offs += elements * esize) {
                tmp[r].d[0] = a64_read(cpu, addr + offs, 8, 0);
                if (a->q)
                    tmp[r].d[1] = a64_read(cpu, addr + offs + 8, 8, 0);
            }
        } else {
            for (unsigned e = 0; e < elements; e++)
                for (int s = 0; s < selem; s++, offs += esize)
                    velem_set(&tmp[s], e, esize, a64_read(cpu, addr + offs, esize, 0));
        }
        for (int r = 0; r < nregs; r++)
            cpu->v[(a->rt + r) % 32] = tmp[r];
    } else {
        if (selem == 1) {
            for (int r = 0; r < rpt; r++, offs += elements * esize) {
                const union a64_vreg *v = &cpu->v[(a->rt + r) % 32];
                a64_write(cpu, addr + offs, 8, v->d[0], 0);
                if (a->q)
                    a64_write(cpu, addr + offs + 8, 8, v->d[1], 0);
            }
        } else {
            for (unsigned e = 0; e < elements; e++)
                for (int s = 0; s < selem; s++, offs += esize)
                    a64_write(cpu, addr + offs, esize, velem(&cpu->v[(a->rt + s) % 32], e, esize), 0);
        }
    }
    if (a->p)
        a64_set_x_sp(cpu, a->rn, addr + (a->rm == 31 ? offs : a64_x(cpu, a->rm)));
}

void a64_exec_LDST_single(struct a64_cpu *cpu, const struct arg_LDST_single *a)
{
    unsigned scale = (unsigned)a->opcode >> 1;
    int selem = (((a->opcode & 1) << 1) | a->r) + 1;
    bool replicate = false;
    unsigned index = 0;
    switch (scale) {
    case 3:
        if (!a->l || a->s)
            a64_undef(cpu);
        scale = (unsigned)a->size;
        replicate = true;
        break;
    case 0:
        index = ((unsigned)a->q << 3) | ((unsigned)a->s << 2) | (unsigned)a->size;
        break;
    case 1:
        if (a->size & 1)
            a64_undef(cpu);
        index = ((unsigned)a->q << 2) | ((unsigned)a->s << 1) | ((unsigned)a->size >> 1);
        break;
    default:
        if (a->size & 2)
            a64_undef(cpu);
        if (!(a->size & 1)) {
            index = ((unsigned)a->q << 1) | (unsigned)a->s;
        } else {
            if (a->s)
                a64_undef(cpu);
            index = (unsigned)a->q;
            scale = 3;
        }
        break;
    }
    if (!a->p && a->rm != 0)
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned esize = 1u << scale;
    u64 addr = a64_ldst_base(cpu, a->rn), offs = 0;
    if (a->l) {
        u64 val[4];
        for (int s = 0; s < selem; s++, offs += esize)
            val[s] = a64_read(cpu, addr + offs, esize, 0);
        for (int s = 0; s < selem; s++) {
            union a64_vreg *v = &cpu->v[(a->rt + s) % 32];
            if (replicate) {
                union a64_vreg r;
                for (unsigned e = 0; e < 16 / esize; e++)
                    velem_set(&r, e, esize, val[s]);
                vreg_set_vec(cpu, (a->rt + s) % 32, &r, a->q);
            } else {
                velem_set(v, index, esize, val[s]);
            }
        }
    } else {
        for (int s = 0; s < selem; s++, offs += esize)
            a64_write(cpu, addr + offs, esize, velem(&cpu->v[(a->rt + s) % 32], index, esize), 0);
    }
    if (a->p)
        a64_set_x_sp(cpu, a->rn, addr + (a->rm == 31 ? offs : a64_x(cpu, a->rm)));
}
