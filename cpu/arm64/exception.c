/* SPDX-License-Identifier: MIT */
/*
 * Exception entry and return, interrupt routing and masking, FP/SIMD access traps.
 * Arm ARM D1.3 (exceptions), pseudocode AArch64.TakeException(), AArch64.ExceptionReturn(),
 * IllegalExceptionReturn(), AArch64.CheckFPAdvSIMDEnabled(); interrupt routing tables D1.3.6.
 */
#include "cpu/arm64/exception.h"

#include "core/log.h"
#include "cpu/arm64/esr_describe.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg_fields.h"

bool a64_el2_enabled(const struct a64_cpu *cpu)
{
    return cpu->have_el2 && (!cpu->have_el3 || (cpu->sr[SR_SCR_EL3] & SCR_EL3_NS));
}

u64 a64_hcr(const struct a64_cpu *cpu)
{
    return a64_el2_enabled(cpu) ? cpu->sr[SR_HCR_EL2] : 0;
}

u64 a64_scr(const struct a64_cpu *cpu)
{
    if (cpu->have_el3)
        return cpu->sr[SR_SCR_EL3];
    return SCR_EL3_NS | SCR_EL3_RW | (cpu->have_el2 ? SCR_EL3_HCE : 0);
}

bool a64_in_host(const struct a64_cpu *cpu)
{
    return (a64_hcr(cpu) & (HCR_EL2_E2H | HCR_EL2_TGE)) == (HCR_EL2_E2H | HCR_EL2_TGE);
}

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
    a64_fp_update(cpu);
    a64_fetch_invalidate(cpu);
    a64_mmu_update(cpu); /* regime and MMU index follow the EL */
}

static const u8 vbar_slot[4] = {0, SR_VBAR_EL1, SR_VBAR_EL2, SR_VBAR_EL3};
static const u8 esr_slot[4] = {0, SR_ESR_EL1, SR_ESR_EL2, SR_ESR_EL3};
static const u8 far_slot[4] = {0, SR_FAR_EL1, SR_FAR_EL2, SR_FAR_EL3};
static const u8 sctlr_slot[4] = {SR_SCTLR_EL1, SR_SCTLR_EL1, SR_SCTLR_EL2, SR_SCTLR_EL3};

static void log_exception(struct a64_cpu *cpu, unsigned target_el, enum a64_vector kind,
                          u64 off, u32 esr, u64 far, bool far_valid, u64 ret_pc)
{
    static const char *const kinds[] = {"sync", "IRQ", "FIQ", "SError"};
    char what[160] = "";
    if (kind == A64_VEC_SYNC || kind == A64_VEC_SERROR)
        esr_describe(esr, what, sizeof(what));
    log_printf("cpu%d: %s exception EL%u -> EL%u vec +%#llx ELR=%016llx ESR=%08x %s",
               cpu->vcpu.index, kinds[kind >> 7], cpu->el, target_el, (unsigned long long)off,
               (unsigned long long)ret_pc, esr, what);
    if (far_valid)
        log_printf(" FAR=%016llx", (unsigned long long)far);
    log_printf("\n");
}

void a64_take_exception(struct a64_cpu *cpu, unsigned target_el, enum a64_vector kind, u32 esr,
                        u64 far, bool far_valid, u64 ret_pc)
{
    u64 base = cpu->sr[vbar_slot[target_el]] & ~0x7ffull;
    u64 off = kind;
    if (target_el > cpu->el)
        off += 0x400; /* lower EL using AArch64 */
    else if (cpu->spsel)
        off += 0x200; /* current EL with SP_ELx */
    if (unlikely(log_mask & LOG_INT))
        log_exception(cpu, target_el, kind, off, esr, far, far_valid, ret_pc);
    cpu->spsr_el[target_el] = a64_pstate_to_spsr(cpu);
    cpu->elr_el[target_el] = ret_pc;
    if (kind == A64_VEC_SYNC || kind == A64_VEC_SERROR)
        cpu->sr[esr_slot[target_el]] = esr;
    if (far_valid)
        cpu->sr[far_slot[target_el]] = far;
    cpu->daif = PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F;
    cpu->il = cpu->ss = false;
    cpu->btype = 0;
    u64 sctlr = cpu->sr[sctlr_slot[target_el]];
    /* PSTATE.PAN is set on entry to EL1, or to EL2 in host mode, when SCTLR_ELx.SPAN == 0. */
    if (a64_feat_pan(cpu) && !(sctlr & SCTLR_SPAN) &&
        (target_el == 1 || (target_el == 2 && a64_in_host(cpu))))
        cpu->pan = true;
    if (a64_feat_uao(cpu))
        cpu->uao = false;
    if (a64_feat_ssbs(cpu))
        cpu->ssbs = (sctlr & SCTLR_DSSBS) != 0;
    /* No ClearExclusiveLocal() here: AArch64.TakeException() does not clear the local
     * monitor (AArch64.ExceptionReturn() does). */
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

void a64_raise_ret(struct a64_cpu *cpu, unsigned target_el, u32 esr, u64 ret_pc)
{
    a64_take_exception(cpu, target_el, A64_VEC_SYNC, esr, 0, false, ret_pc);
    longjmp(*cpu->exc_jmp, 1);
}

unsigned a64_sync_target_el(const struct a64_cpu *cpu)
{
    if (cpu->el > 1)
        return cpu->el;
    if (cpu->el == 0 && (a64_hcr(cpu) & HCR_EL2_TGE))
        return 2;
    return 1;
}

void a64_undef(struct a64_cpu *cpu)
{
    a64_raise(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_UNKNOWN, true, 0), 0, false);
}

void a64_raise_sysreg_trap(struct a64_cpu *cpu, unsigned target_el, u32 enc, int rt,
                           bool is_read)
{
    /* ISS for EC 0x18 (Arm ARM D17.2.37): Op0 [21:20], Op2 [19:17], Op1 [16:14],
     * CRn [13:10], Rt [9:5], CRm [4:1], Direction [0] (1 = read). */
    u32 op0 = (enc >> 14) & 3, op1 = (enc >> 11) & 7, crn = (enc >> 7) & 15;
    u32 crm = (enc >> 3) & 15, op2 = enc & 7;
    u32 iss = op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | (u32)rt << 5 | crm << 1 |
              (is_read ? 1 : 0);
    a64_raise(cpu, target_el, esr_make(ESR_EC_SYS64, true, iss), 0, false);
}

/* IllegalExceptionReturn(): returns true when the SPSR describes a state that may not be
 * returned to from the current EL. */
static bool illegal_return(const struct a64_cpu *cpu, u64 spsr)
{
    unsigned m = spsr & SPSR_M_MASK, target = (m >> 2) & 3;
    if (m & 0x10)
        return true; /* AArch32 is not implemented at any EL */
    if (m & 2)
        return true; /* M[1] is reserved */
    if (target == 0 && (m & 1))
        return true; /* there is no EL0h */
    if (target > cpu->el)
        return true;
    if ((target == 2 && !cpu->have_el2) || (target == 3 && !cpu->have_el3))
        return true;
    if (target == 2 && !a64_el2_enabled(cpu))
        return true; /* EL2 in Secure state without FEAT_SEL2 */
    if (target == 1 && a64_el2_enabled(cpu) && (cpu->sr[SR_HCR_EL2] & HCR_EL2_TGE))
        return true;
    return false;
}

void a64_exception_return(struct a64_cpu *cpu)
{
    unsigned el = cpu->el;
    u64 spsr = cpu->spsr_el[el], new_pc = cpu->elr_el[el];
    bool illegal = illegal_return(cpu, spsr);
    /* SetPSTATEFromPSR(): the flags are restored even when the return is illegal. */
    cpu->nzcv = (u32)spsr & 0xf0000000u;
    cpu->daif = (u32)spsr & (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F);
    cpu->ss = (spsr & SPSR_SS) != 0;
    if (a64_feat_pan(cpu))
        cpu->pan = (spsr >> 22) & 1;
    if (a64_feat_uao(cpu))
        cpu->uao = (spsr >> 23) & 1;
    if (a64_feat_dit(cpu))
        cpu->dit = (spsr >> 24) & 1;
    if (a64_feat_ssbs(cpu))
        cpu->ssbs = (spsr >> 12) & 1;
    cpu->btype = 0;
    if (illegal) {
        cpu->il = true;
        if (unlikely(log_mask & LOG_INT))
            log_printf("cpu%d: illegal exception return from EL%u, SPSR=%08llx\n",
                       cpu->vcpu.index, el, (unsigned long long)spsr);
    } else {
        cpu->il = (spsr & SPSR_IL) != 0;
        a64_set_el(cpu, (spsr >> 2) & 3, spsr & 1);
        if (unlikely(log_mask & LOG_INT))
            log_printf("cpu%d: exception return EL%u -> EL%u to %016llx\n", cpu->vcpu.index,
                       el, cpu->el, (unsigned long long)new_pc);
    }
    cpu->excl_valid = false; /* ClearExclusiveLocal() */
    cpu->event_reg = true;   /* SendEventLocal() */
    cpu->npc = new_pc;
    a64_end_run(cpu);
}

/* The EL a physical interrupt is taken to now, or -1 if it is masked or routed to an EL below
 * the current one (Arm ARM D1.3.6, "Asynchronous exception routing" and masking tables). */
static int phys_target(const struct a64_cpu *cpu, u64 scr_route, u64 hcr_route, u32 mask)
{
    unsigned target;
    if (cpu->have_el3 && (cpu->sr[SR_SCR_EL3] & scr_route))
        target = 3;
    else if (a64_hcr(cpu) & (hcr_route | HCR_EL2_TGE))
        target = 2;
    else
        target = 1;
    if (target < cpu->el)
        return -1;
    /* An interrupt taken to a higher EL than EL1 ignores PSTATE masking. */
    if ((target == cpu->el || target == 1) && (cpu->daif & mask))
        return -1;
    return (int)target;
}

static bool take_async(struct a64_cpu *cpu, int target, enum a64_vector kind, u32 esr)
{
    if (target < 0)
        return false;
    a64_take_exception(cpu, (unsigned)target, kind, esr, 0, false, cpu->pc);
    return true;
}

/* Virtual interrupts are taken at EL0/EL1 when EL2 routes the physical ones to itself and is
 * not the host (Arm ARM D1.3.6.2). */
static bool virt_route(const struct a64_cpu *cpu, u64 hcr, u64 route)
{
    return cpu->el <= 1 && (hcr & route) && !(hcr & HCR_EL2_TGE);
}

bool a64_virtual_irq_pending(const struct a64_cpu *cpu)
{
    u64 hcr = a64_hcr(cpu);
    if (!(hcr & (HCR_EL2_IMO | HCR_EL2_FMO | HCR_EL2_AMO)))
        return false;
    return (virt_route(cpu, hcr, HCR_EL2_IMO) &&
            ((hcr & HCR_EL2_VI) || (cpu->irq_lines & A64_VIRQ_LINE))) ||
           (virt_route(cpu, hcr, HCR_EL2_FMO) &&
            ((hcr & HCR_EL2_VF) || (cpu->irq_lines & A64_VFIQ_LINE))) ||
           (virt_route(cpu, hcr, HCR_EL2_AMO) && (hcr & HCR_EL2_VSE));
}

bool a64_check_interrupts(struct a64_cpu *cpu)
{
    u32 lines = cpu->irq_lines;
    u64 hcr = a64_hcr(cpu);
    if (lines & A64_SERROR_LINE) {
        if (take_async(cpu, phys_target(cpu, SCR_EL3_EA, HCR_EL2_AMO, PSTATE_A),
                       A64_VEC_SERROR, esr_make(ESR_EC_SERROR, true, 0)))
            return true;
    }
    if ((lines & A64_FIQ_LINE) &&
        take_async(cpu, phys_target(cpu, SCR_EL3_FIQ, HCR_EL2_FMO, PSTATE_F), A64_VEC_FIQ, 0))
        return true;
    if ((lines & A64_IRQ_LINE) &&
        take_async(cpu, phys_target(cpu, SCR_EL3_IRQ, HCR_EL2_IMO, PSTATE_I), A64_VEC_IRQ, 0))
        return true;
    if (hcr & (HCR_EL2_IMO | HCR_EL2_FMO | HCR_EL2_AMO)) {
        if (virt_route(cpu, hcr, HCR_EL2_AMO) && (hcr & HCR_EL2_VSE) &&
            !(cpu->daif & PSTATE_A)) {
            /* The virtual SError is consumed when taken: HCR_EL2.VSE is cleared. */
            cpu->sr[SR_HCR_EL2] &= ~HCR_EL2_VSE;
            a64_take_exception(cpu, 1, A64_VEC_SERROR, esr_make(ESR_EC_SERROR, true, 0), 0,
                               false, cpu->pc);
            return true;
        }
        if (virt_route(cpu, hcr, HCR_EL2_FMO) &&
            ((hcr & HCR_EL2_VF) || (lines & A64_VFIQ_LINE)) && !(cpu->daif & PSTATE_F)) {
            a64_take_exception(cpu, 1, A64_VEC_FIQ, 0, 0, false, cpu->pc);
            return true;
        }
        if (virt_route(cpu, hcr, HCR_EL2_IMO) &&
            ((hcr & HCR_EL2_VI) || (lines & A64_VIRQ_LINE)) && !(cpu->daif & PSTATE_I)) {
            a64_take_exception(cpu, 1, A64_VEC_IRQ, 0, 0, false, cpu->pc);
            return true;
        }
    }
    if (unlikely(cpu->il)) {
        /* PSTATE.IL: the next instruction takes an Illegal Execution state exception. It
         * counts as that instruction. */
        cpu->vcpu.run_left--;
        a64_raise(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_ILL, true, 0), 0, false);
    }
    return false;
}

/* The EL an FP/SIMD access traps to, or 0 if it is allowed. Sets *uncat when the trap is an
 * EL1 trap rerouted to EL2 by HCR_EL2.TGE (reported as EC 0x00). */
static unsigned fp_trap_el(const struct a64_cpu *cpu, bool *uncat)
{
    unsigned el = cpu->el;
    u64 hcr = a64_hcr(cpu);
    *uncat = false;
    if (el <= 1 && !a64_in_host(cpu)) {
        unsigned fpen = (cpu->sr[SR_CPACR_EL1] >> CPACR_FPEN_SHIFT) & 3;
        if (!(fpen & 1) || (fpen == 1 && el == 0)) {
            if (el == 0 && (hcr & HCR_EL2_TGE)) {
                *uncat = true;
                return 2;
            }
            return 1;
        }
    }
    if (el <= 2 && a64_el2_enabled(cpu)) {
        u64 cptr = cpu->sr[SR_CPTR_EL2];
        bool disabled;
        if (hcr & HCR_EL2_E2H) {
            unsigned fpen = (cptr >> CPACR_FPEN_SHIFT) & 3;
            disabled = !(fpen & 1) || (fpen == 1 && el == 0 && (hcr & HCR_EL2_TGE));
        } else {
            disabled = (cptr & CPTR_TFP) != 0;
        }
        if (disabled)
            return 2;
    }
    if (cpu->have_el3 && (cpu->sr[SR_CPTR_EL3] & CPTR_TFP))
        return 3;
    return 0;
}

void a64_fp_update(struct a64_cpu *cpu)
{
    bool uncat;
    cpu->fp_ok = fp_trap_el(cpu, &uncat) == 0;
}

void a64_fp_trap(struct a64_cpu *cpu)
{
    bool uncat;
    unsigned el = fp_trap_el(cpu, &uncat);
    if (!el)
        emu_bug("FP trap with FP enabled");
    /* ISS: CV=1, COND=0b1110 for a trapped AArch64 instruction. */
    u32 esr = uncat ? esr_make(ESR_EC_UNKNOWN, true, 0)
                    : esr_make(ESR_EC_FP_ASIMD, true, 1u << 24 | 0xeu << 20);
    a64_raise(cpu, el, esr, 0, false);
}
