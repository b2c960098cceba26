/* SPDX-License-Identifier: MIT */
/*
 * A64 data processing on registers: logical and add/subtract (shifted and extended register),
 * add/subtract with carry, conditional compare and select. Arm ARM C4.1.87, C6.2.
 */
#include "a64_decode.h"
#include "cpu/arm64/alu.h"
#include "cpu/arm64/exception.h"

/* Shifted-register operand: imm6 >= 32 is reserved for 32-bit forms. */
static inline u64 shifted_operand(struct a64_cpu *cpu, bool sf, int rm, unsigned type,
                                  unsigned amt)
{
    if (!sf && amt >= 32)
        a64_undef(cpu);
    return a64_shift(sf, a64_x(cpu, rm), type, amt);
}

static inline u64 logic_operand(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    return shifted_operand(cpu, a->sf, a->rm, a->shift, a->imm);
}

void a64_exec_AND_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    a64_set_reg(cpu, a->sf, a->rd, a64_x(cpu, a->rn) & logic_operand(cpu, a));
}

void a64_exec_BIC_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    a64_set_reg(cpu, a->sf, a->rd, a64_x(cpu, a->rn) & ~logic_operand(cpu, a));
}

void a64_exec_ORR_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    a64_set_reg(cpu, a->sf, a->rd, a64_x(cpu, a->rn) | logic_operand(cpu, a));
}

void a64_exec_ORN_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    a64_set_reg(cpu, a->sf, a->rd, a64_x(cpu, a->rn) | ~logic_operand(cpu, a));
}

void a64_exec_EOR_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    a64_set_reg(cpu, a->sf, a->rd, a64_x(cpu, a->rn) ^ logic_operand(cpu, a));
}

void a64_exec_EON_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    a64_set_reg(cpu, a->sf, a->rd, a64_x(cpu, a->rn) ^ ~logic_operand(cpu, a));
}

void a64_exec_ANDS_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    u64 r = a64_trunc(a->sf, a64_x(cpu, a->rn) & logic_operand(cpu, a));
    cpu->nzcv = a64_nz_flags(a->sf, r);
    a64_set_x(cpu, a->rd, r);
}

void a64_exec_BICS_r(struct a64_cpu *cpu, const struct arg_logic_r *a)
{
    u64 r = a64_trunc(a->sf, a64_x(cpu, a->rn) & ~logic_operand(cpu, a));
    cpu->nzcv = a64_nz_flags(a->sf, r);
    a64_set_x(cpu, a->rd, r);
}

/* ADD/SUB (shifted register): ROR (shift=3) is reserved. */
static inline void addsub_reg(struct a64_cpu *cpu, const struct arg_addsub_r *a, bool sub,
                              bool setflags)
{
    if (a->shift == 3)
        a64_undef(cpu);
    u64 y = shifted_operand(cpu, a->sf, a->rm, a->shift, a->imm);
    u32 nzcv;
    u64 r = a64_add_with_carry(a->sf, a64_x(cpu, a->rn), sub ? ~y : y, sub, &nzcv);
    if (setflags)
        cpu->nzcv = nzcv;
    a64_set_reg(cpu, a->sf, a->rd, r);
}

void a64_exec_ADD_r(struct a64_cpu *cpu, const struct arg_addsub_r *a)
{
    addsub_reg(cpu, a, false, false);
}

void a64_exec_ADDS_r(struct a64_cpu *cpu, const struct arg_addsub_r *a)
{
    addsub_reg(cpu, a, false, true);
}

void a64_exec_SUB_r(struct a64_cpu *cpu, const struct arg_addsub_r *a)
{
    addsub_reg(cpu, a, true, false);
}

void a64_exec_SUBS_r(struct a64_cpu *cpu, const struct arg_addsub_r *a)
{
    addsub_reg(cpu, a, true, true);
}

/* ADD/SUB (extended register): Rn may be SP, and Rd too unless flags are set; imm3 > 4 is
 * reserved. */
void a64_exec_ADDSUB_ext(struct a64_cpu *cpu, const struct arg_ADDSUB_ext *a)
{
    if (a->imm > 4)
        a64_undef(cpu);
    u64 y = a64_trunc(a->sf, a64_extend(a64_x(cpu, a->rm), a->option, a->imm));
    u32 nzcv;
    u64 r = a64_add_with_carry(a->sf, a64_x_sp(cpu, a->rn), a->op ? ~y : y, a->op, &nzcv);
    if (a->s) {
        cpu->nzcv = nzcv;
        a64_set_reg(cpu, a->sf, a->rd, r);
    } else {
        a64_set_x_sp(cpu, a->rd, a64_trunc(a->sf, r));
    }
}

void a64_exec_ADC_SBC(struct a64_cpu *cpu, const struct arg_ADC_SBC *a)
{
    u64 y = a64_x(cpu, a->rm);
    u32 nzcv;
    u64 r = a64_add_with_carry(a->sf, a64_x(cpu, a->rn), a->op ? ~y : y,
                               (cpu->nzcv >> 29) & 1, &nzcv);
    if (a->s)
        cpu->nzcv = nzcv;
    a64_set_reg(cpu, a->sf, a->rd, r);
}

/* CCMN/CCMP: if the condition holds, the flags of the comparison, else #nzcv. */
static inline void ccmp(struct a64_cpu *cpu, bool sf, bool sub, unsigned cond, int rn, u64 y,
                        unsigned nzcv)
{
    if (a64_cond_holds(cond, cpu->nzcv)) {
        u32 f;
        a64_add_with_carry(sf, a64_x(cpu, rn), sub ? ~y : y, sub, &f);
        cpu->nzcv = f;
    } else {
        cpu->nzcv = (u32)nzcv << 28;
    }
}

void a64_exec_CCMP_r(struct a64_cpu *cpu, const struct arg_CCMP_r *a)
{
    ccmp(cpu, a->sf, a->op, a->cond, a->rn, a64_x(cpu, a->rm), a->nzcv);
}

void a64_exec_CCMP_i(struct a64_cpu *cpu, const struct arg_CCMP_i *a)
{
    ccmp(cpu, a->sf, a->op, a->cond, a->rn, (u64)a->imm, a->nzcv);
}

/* CSEL/CSINC/CSINV/CSNEG: op inverts, o2 increments the "else" operand. */
void a64_exec_CSEL(struct a64_cpu *cpu, const struct arg_CSEL *a)
{
    u64 r;
    if (a64_cond_holds(a->cond, cpu->nzcv)) {
        r = a64_x(cpu, a->rn);
    } else {
        r = a64_x(cpu, a->rm);
        if (a->op)
            r = ~r;
        if (a->o2)
            r++;
    }
    a64_set_reg(cpu, a->sf, a->rd, r);
}

/* Data-processing (1 source) */
void a64_exec_RBIT(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    u64 v = a64_x(cpu, a->rn), r = 0;
    for (int i = 0; i < 64; i++)
        r |= ((v >> i) & 1) << (63 - i);
    a64_set_reg(cpu, a->sf, a->rd, a->sf ? r : r >> 32);
}

void a64_exec_REV16(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    u64 v = a64_x(cpu, a->rn);
    u64 r = ((v & 0x00ff00ff00ff00ffull) << 8) | ((v >> 8) & 0x00ff00ff00ff00ffull);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

void a64_exec_REV32(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    u64 v = a64_x(cpu, a->rn);
    u64 r = (u64)__builtin_bswap32((u32)(v >> 32)) << 32 | __builtin_bswap32((u32)v);
    a64_set_x(cpu, a->rd, r);
}

void a64_exec_REV_w(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    a64_set_w(cpu, a->rd, __builtin_bswap32((u32)a64_x(cpu, a->rn)));
}

void a64_exec_REV_x(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    a64_set_x(cpu, a->rd, __builtin_bswap64(a64_x(cpu, a->rn)));
}

void a64_exec_CLZ(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    u64 v = a64_x(cpu, a->rn);
    u64 r;
    if (a->sf)
        r = v ? (u64)__builtin_clzll(v) : 64;
    else
        r = (u32)v ? (u64)__builtin_clz((u32)v) : 32;
    a64_set_reg(cpu, a->sf, a->rd, r);
}

/* CLS: leading bits equal to the sign bit, not counting the sign bit itself. */
void a64_exec_CLS(struct a64_cpu *cpu, const struct arg_dp1 *a)
{
    u64 v = a64_x(cpu, a->rn);
    u64 r;
    if (a->sf) {
        u64 x = (v ^ (v << 1)) | 1;
        r = (u64)__builtin_clzll(x);
    } else {
        u32 w = (u32)v;
        u32 x = (w ^ (w << 1)) | 1;
        r = (u64)__builtin_clz(x);
    }
    a64_set_reg(cpu, a->sf, a->rd, r);
}
