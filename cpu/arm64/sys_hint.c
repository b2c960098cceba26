/* SPDX-License-Identifier: MIT */
/*
 * Hints (NOP space, WFI/WFE/SEV/SEVL with the WFx traps), barriers and CLREX. Arm ARM C6.2,
 * D1.6 (wait for interrupt / event), pseudocode AArch64.CheckForWFxTrap().
 */
#include "a64_decode.h"
#include "core/machine.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg_fields.h"

void a64_exec_HINT(struct a64_cpu *cpu, const struct arg_HINT *a)
{
}

void a64_exec_YIELD(struct a64_cpu *cpu, const struct arg_YIELD *a)
{
}

/* WFI/WFE traps, in priority order: SCTLR_ELx.nTWI/nTWE for EL0, HCR_EL2.TWI/TWE for a
 * guest's EL0/EL1, SCR_EL3.TWI/TWE for EL0-EL2. ISS: CV = 1, COND = 0b1110, TI. */
static void wfx_trap_check(struct a64_cpu *cpu, bool wfe)
{
    u32 esr = esr_make(ESR_EC_WFX, true, 1u << 24 | 0xeu << 20 | (wfe ? 1 : 0));
    if (cpu->el == 0) {
        u64 sctlr = a64_in_host(cpu) ? cpu->sr[SR_SCTLR_EL2] : cpu->sr[SR_SCTLR_EL1];
        if (!(sctlr & (wfe ? SCTLR_nTWE : SCTLR_nTWI)))
            a64_raise(cpu, a64_sync_target_el(cpu), esr, 0, false);
    }
    if (cpu->el <= 1 && !a64_in_host(cpu) &&
        (a64_hcr(cpu) & (wfe ? HCR_EL2_TWE : HCR_EL2_TWI)))
        a64_raise(cpu, 2, esr, 0, false);
    if (cpu->el <= 2 && cpu->have_el3 &&
        (cpu->sr[SR_SCR_EL3] & (wfe ? SCR_EL3_TWE : SCR_EL3_TWI)))
        a64_raise(cpu, 3, esr, 0, false);
}

/* Any interrupt pending, masked or not, is a wake-up event (D1.6.2). */
static bool wake_pending(const struct a64_cpu *cpu)
{
    return cpu->vcpu.ops->has_work((struct vcpu *)&cpu->vcpu);
}

static void halt(struct a64_cpu *cpu)
{
    cpu->vcpu.halted = true;
    vcpu_stop_run(&cpu->vcpu);
}

/* WFI completes at once when an interrupt is pending (it would wake at once): like QEMU, emu
 * then does not trap it either. */
void a64_exec_WFI(struct a64_cpu *cpu, const struct arg_WFI *a)
{
    if (wake_pending(cpu))
        return;
    wfx_trap_check(cpu, false);
    halt(cpu);
}

void a64_exec_WFE(struct a64_cpu *cpu, const struct arg_WFE *a)
{
    if (cpu->event_reg) {
        cpu->event_reg = false;
        return;
    }
    wfx_trap_check(cpu, true);
    if (wake_pending(cpu))
        return;
    if (cpu->excl_valid) {
        /* Clearing the global monitor is a wake-up event (D1.6.1): another vCPU's store to the
         * monitored location (Linux's __cmpwait: LDXR; WFE) must wake this one, but emu
         * checks the global monitor only at STXR, so it cannot see that store. Give up the
         * rest of the quantum instead of halting: the others run, then this one re-checks. */
        vcpu_stop_run(&cpu->vcpu);
        return;
    }
    halt(cpu);
}

void a64_exec_SEV(struct a64_cpu *cpu, const struct arg_SEV *a)
{
    struct machine *m = cpu->vcpu.machine;
    for (int i = 0; i < m->ncpus; i++) {
        struct a64_cpu *c = a64_from_vcpu(m->cpus[i]);
        c->event_reg = true;
        if (c != cpu && c->vcpu.halted)
            vcpu_kick(&c->vcpu);
    }
}

void a64_exec_SEVL(struct a64_cpu *cpu, const struct arg_SEVL *a)
{
    cpu->event_reg = true;
}

/* Barriers: emu executes one instruction at a time in program order on one host thread, so
 * every barrier is already satisfied. */
void a64_exec_DSB(struct a64_cpu *cpu, const struct arg_DSB *a)
{
}

void a64_exec_DSB_nXS(struct a64_cpu *cpu, const struct arg_DSB_nXS *a)
{
    if (!a64_feat_xs(cpu))
        a64_undef(cpu);
}

void a64_exec_DMB(struct a64_cpu *cpu, const struct arg_DMB *a)
{
}

void a64_exec_ISB(struct a64_cpu *cpu, const struct arg_ISB *a)
{
}

void a64_exec_SB(struct a64_cpu *cpu, const struct arg_SB *a)
{
    if (!a64_feat_sb(cpu))
        a64_undef(cpu);
}

void a64_exec_CLREX(struct a64_cpu *cpu, const struct arg_CLREX *a)
{
    cpu->excl_valid = false;
}
