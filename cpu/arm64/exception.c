/* SPDX-License-Identifier: MIT */
/* Exception entry. Arm ARM D1.3, AArch64.TakeException(). */
#include "cpu/arm64/exception.h"

#include "core/log.h"
#include "cpu/arm64/mem.h"

u64 a64_pstate_to_spsr(const struct a64_cpu *cpu)
{
    return cpu->nzcv | cpu->daif | ((u64)cpu->el << 2) | (cpu->spsel ? 1 : 0) |
           (cpu->pan ? 1u << 22 : 0) | (cpu->uao ? 1u << 23 : 0) | (cpu->dit ? 1u << 24 : 0) |
           (cpu->ssbs ? 1u << 12 : 0) | (cpu->il ? 1u << 20 : 0) | (cpu->ss ? 1u << 21 : 0) |
           ((u64)cpu->btype << 10);
}

void a64_set_el(struct a64_cpu *cpu, unsigned el, bool spsel)
{
    cpu->el = (u8)el;
    cpu->spsel = spsel;
    cpu->sp_idx = spsel ? el : 0;
    a64_fetch_invalidate(cpu);
    a64_mmu_update(cpu); /* regime and MMU index follow the EL */
}

static const u8 vbar_slot[4] = {0, SR_VBAR_EL1, SR_VBAR_EL2, SR_VBAR_EL3};
static const u8 esr_slot[4] = {0, SR_ESR_EL1, SR_ESR_EL2, SR_ESR_EL3};
static const u8 far_slot[4] = {0, SR_FAR_EL1, SR_FAR_EL2, SR_FAR_EL3};

void a64_take_exception(struct a64_cpu *cpu, unsigned target_el, enum a64_vector kind, u32 esr,
                        u64 far, bool far_valid, u64 ret_pc)
{
    u64 base = cpu->sr[vbar_slot[target_el]] & ~0x7ffull;
    u64 off = kind;
    if (target_el > cpu->el)
        off += 0x400; /* lower EL, AArch64 */
    else if (cpu->spsel)
        off += 0x200; /* current EL with SP_ELx */
    if (unlikely(log_mask & LOG_INT))
        log_printf("cpu%d: exception to EL%u vec +%#llx from EL%u pc=%016llx ESR=%08x FAR=%llx\n",
                   cpu->vcpu.index, target_el, (unsigned long long)off, cpu->el,
                   (unsigned long long)ret_pc, esr, (unsigned long long)far);
    cpu->spsr_el[target_el] = a64_pstate_to_spsr(cpu);
    cpu->elr_el[target_el] = ret_pc;
    if (kind == A64_VEC_SYNC || kind == A64_VEC_SERROR)
        cpu->sr[esr_slot[target_el]] = esr;
    if (far_valid)
        cpu->sr[far_slot[target_el]] = far;
    cpu->daif = PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F;
    cpu->il = cpu->ss = false;
    cpu->btype = 0;
    cpu->excl_valid = false;
    a64_set_el(cpu, target_el, true);
    cpu->pc = base + off;
    cpu->npc = cpu->pc;
    a64_end_run(cpu);
}

void a64_raise(struct a64_cpu *cpu, unsigned target_el, u32 esr, u64 far, bool far_valid)
{
    a64_take_exception(cpu, target_el, A64_VEC_SYNC, esr, far, far_valid, cpu->pc);
    longjmp(*cpu->exc_jmp, 1);
}

unsigned a64_sync_target_el(const struct a64_cpu *cpu)
{
    if (cpu->el > 1)
        return cpu->el;
    if (cpu->el == 0 && (cpu->sr[SR_HCR_EL2] & (1ull << 27))) /* HCR_EL2.TGE */
        return 2;
    return 1;
}

void a64_undef(struct a64_cpu *cpu)
{
    a64_raise(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_UNKNOWN, true, 0), 0, false);
}

bool a64_virtual_irq_pending(const struct a64_cpu *cpu)
{
    return false;
}

bool a64_check_interrupts(struct a64_cpu *cpu)
{
    if ((cpu->irq_lines & A64_IRQ_LINE) && !(cpu->daif & PSTATE_I)) {
        a64_take_exception(cpu, cpu->el > 1 ? cpu->el : 1, A64_VEC_IRQ, 0, 0, false, cpu->pc);
        return true;
    }
    return false;
}
