/* SPDX-License-Identifier: MIT */
/*
 * A64 branches: unconditional (immediate and register), compare/test and branch, B.cond.
 * Arm ARM C4.1.65, C6.2. BTI/PAC forms are not advertised and stay UNDEFINED.
 */
#include "a64_decode.h"
#include "cpu/arm64/alu.h"
#include "cpu/arm64/mem.h"

void a64_exec_B(struct a64_cpu *cpu, const struct arg_B *a)
{
    cpu->npc = cpu->pc + (s64)a->imm * 4;
}

void a64_exec_BL(struct a64_cpu *cpu, const struct arg_BL *a)
{
    a64_set_x(cpu, 30, cpu->pc + 4);
    cpu->npc = cpu->pc + (s64)a->imm * 4;
}

void a64_exec_CBZ(struct a64_cpu *cpu, const struct arg_CBZ *a)
{
    if (a64_trunc(a->sf, a64_x(cpu, a->rt)) == 0)
        cpu->npc = cpu->pc + (s64)a->imm * 4;
}

void a64_exec_CBNZ(struct a64_cpu *cpu, const struct arg_CBNZ *a)
{
    if (a64_trunc(a->sf, a64_x(cpu, a->rt)) != 0)
        cpu->npc = cpu->pc + (s64)a->imm * 4;
}

void a64_exec_TBZ(struct a64_cpu *cpu, const struct arg_TBZ *a)
{
    if (!((a64_x(cpu, a->rt) >> (a->b5 << 5 | a->b40)) & 1))
        cpu->npc = cpu->pc + (s64)a->imm * 4;
}

void a64_exec_TBNZ(struct a64_cpu *cpu, const struct arg_TBNZ *a)
{
    if ((a64_x(cpu, a->rt) >> (a->b5 << 5 | a->b40)) & 1)
        cpu->npc = cpu->pc + (s64)a->imm * 4;
}

void a64_exec_B_cond(struct a64_cpu *cpu, const struct arg_B_cond *a)
{
    if (a64_cond_holds(a->cond, cpu->nzcv))
        cpu->npc = cpu->pc + (s64)a->imm * 4;
}

/* BR/BLR/RET: the target is read before X30 is written (BLR X30). A misaligned target is
 * caught by the step loop's PC alignment check, which runs only on a fetch-page refill: force
 * one (Arm ARM D1.3.5.2, PC alignment checking). */
static inline void branch_to(struct a64_cpu *cpu, u64 target)
{
    if (unlikely(target & 3))
        a64_fetch_invalidate(cpu);
    cpu->npc = target;
}

void a64_exec_BR(struct a64_cpu *cpu, const struct arg_br *a)
{
    branch_to(cpu, a64_x(cpu, a->rn));
}

void a64_exec_BLR(struct a64_cpu *cpu, const struct arg_br *a)
{
    u64 target = a64_x(cpu, a->rn);
    a64_set_x(cpu, 30, cpu->pc + 4);
    branch_to(cpu, target);
}

void a64_exec_RET(struct a64_cpu *cpu, const struct arg_br *a)
{
    branch_to(cpu, a64_x(cpu, a->rn));
}
