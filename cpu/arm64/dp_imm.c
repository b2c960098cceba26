/* SPDX-License-Identifier: MIT */
/*
 * A64 data processing with immediates: PC-relative addressing, add/subtract, logical and
 * move-wide immediates, EXTR. Arm ARM C4.1.86, C6.2 (instruction pseudocode).
 */
#include "a64_decode.h"
#include "cpu/arm64/alu.h"
#include "cpu/arm64/exception.h"

void a64_exec_ADR(struct a64_cpu *cpu, const struct arg_adr *a)
{
    a64_set_x(cpu, a->rd, cpu->pc + (s64)a->imm);
}

void a64_exec_ADRP(struct a64_cpu *cpu, const struct arg_adr *a)
{
    a64_set_x(cpu, a->rd, (cpu->pc & ~0xfffull) + ((s64)a->imm << 12));
}

/* ADD/SUB (immediate): Rn and (without S) Rd may be SP. */
static inline void addsub_imm(struct a64_cpu *cpu, const struct arg_ri *a, bool sub, bool setflags)
{
    u64 x = a64_x_sp(cpu, a->rn);
    u64 y = (u64)a->imm << (a->sh ? 12 : 0);
    u32 nzcv;
    u64 r = a64_add_with_carry(a->sf, x, sub ? ~y : y, sub, &nzcv);
    if (setflags) {
        cpu->nzcv = nzcv;
        a64_set_reg(cpu, a->sf, a->rd, r);
    } else {
        a64_set_x_sp(cpu, a->rd, r);
    }
}

void a64_exec_ADD_i(struct a64_cpu *cpu, const struct arg_ri *a)
{
    addsub_imm(cpu, a, false, false);
}

void a64_exec_ADDS_i(struct a64_cpu *cpu, const struct arg_ri *a)
{
    addsub_imm(cpu, a, false, true);
}

void a64_exec_SUB_i(struct a64_cpu *cpu, const struct arg_ri *a)
{
    addsub_imm(cpu, a, true, false);
}

void a64_exec_SUBS_i(struct a64_cpu *cpu, const struct arg_ri *a)
{
    addsub_imm(cpu, a, true, true);
}

/* Logical (immediate): the mask comes from DecodeBitMasks() (tabulated); N=1 with sf=0 is
 * reserved. */
static inline u64 logic_imm(struct a64_cpu *cpu, const struct arg_logic_i *a)
{
    u64 imm = a64_logic_imm(a->n, a->immr, a->imms);
    if (unlikely(!imm || (!a->sf && a->n)))
        a64_undef(cpu);
    return imm;
}

void a64_exec_AND_i(struct a64_cpu *cpu, const struct arg_logic_i *a)
{
    u64 r = a64_x(cpu, a->rn) & logic_imm(cpu, a);
    a64_set_x_sp(cpu, a->rd, a64_trunc(a->sf, r));
}

void a64_exec_ORR_i(struct a64_cpu *cpu, const struct arg_logic_i *a)
{
    u64 r = a64_x(cpu, a->rn) | logic_imm(cpu, a);
    a64_set_x_sp(cpu, a->rd, a64_trunc(a->sf, r));
}

void a64_exec_EOR_i(struct a64_cpu *cpu, const struct arg_logic_i *a)
{
    u64 r = a64_x(cpu, a->rn) ^ logic_imm(cpu, a);
    a64_set_x_sp(cpu, a->rd, a64_trunc(a->sf, r));
}

void a64_exec_ANDS_i(struct a64_cpu *cpu, const struct arg_logic_i *a)
{
    u64 r = a64_trunc(a->sf, a64_x(cpu, a->rn) & logic_imm(cpu, a));
    cpu->nzcv = a64_nz_flags(a->sf, r);
    a64_set_x(cpu, a->rd, r);
}

/* Move wide: hw selects the 16-bit lane; hw >= 2 is reserved for 32-bit forms. */
static inline unsigned movw_shift(struct a64_cpu *cpu, const struct arg_movw *a)
{
    if (!a->sf && a->hw >= 2)
        a64_undef(cpu);
    return a->hw * 16;
}

void a64_exec_MOVN(struct a64_cpu *cpu, const struct arg_movw *a)
{
    unsigned sh = movw_shift(cpu, a);
    a64_set_reg(cpu, a->sf, a->rd, ~((u64)(u16)a->imm << sh));
}

void a64_exec_MOVZ(struct a64_cpu *cpu, const struct arg_movw *a)
{
    unsigned sh = movw_shift(cpu, a);
    a64_set_x(cpu, a->rd, (u64)(u16)a->imm << sh);
}

void a64_exec_MOVK(struct a64_cpu *cpu, const struct arg_movw *a)
{
    unsigned sh = movw_shift(cpu, a);
    u64 r = (a64_x(cpu, a->rd) & ~(0xffffull << sh)) | ((u64)(u16)a->imm << sh);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

/* EXTR: N must equal sf, and imms < 32 for the 32-bit form. */
void a64_exec_EXTR(struct a64_cpu *cpu, const struct arg_EXTR *a)
{
    if (a->n != a->sf || (!a->sf && a->imms >= 32))
        a64_undef(cpu);
    unsigned lsb = a->imms;
    u64 hi = a64_x(cpu, a->rn), lo = a64_x(cpu, a->rm), r;
    if (a->sf)
        r = lsb ? (lo >> lsb) | (hi << (64 - lsb)) : lo;
    else
        r = lsb ? (((u32)lo >> lsb) | ((u32)hi << (32 - lsb))) : (u32)lo;
    a64_set_reg(cpu, a->sf, a->rd, r);
}
