/* SPDX-License-Identifier: MIT */
/*
 * Exception-generating instructions and ERET: SVC, HVC, SMC, BRK, ERET. Arm ARM C6.2 (the
 * instruction pages), D1.3.4 (SVC/HVC/SMC routing), pseudocode AArch64.CallHypervisor(),
 * AArch64.CallSecureMonitor(), AArch64.SoftwareBreakpoint().
 */
#include "a64_decode.h"
#include "core/log.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/sysreg_fields.h"

void a64_exec_SVC(struct a64_cpu *cpu, const struct arg_imm16 *a)
{
    a64_raise_ret(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_SVC64, true, (u32)a->imm),
                  cpu->pc + 4);
}

/* HVC: UNDEFINED at EL0, without EL2, from Secure EL1 (no FEAT_SEL2), and when disabled:
 * by SCR_EL3.HCE == 0 with EL3, else by HCR_EL2.HCD == 1. When the guest did not start at
 * EL2, emu is the EL2 firmware: the board's cpu->firmware_call gets the call first. */
void a64_exec_HVC(struct a64_cpu *cpu, const struct arg_imm16 *a)
{
    if (cpu->el == 0)
        a64_undef(cpu);
    if (cpu->firmware_call && cpu->reset_el < 2 && cpu->firmware_call(cpu, false, (u16)a->imm))
        return;
    if (!cpu->have_el2 || (cpu->el == 1 && !a64_el2_enabled(cpu)))
        a64_undef(cpu);
    bool enabled = cpu->have_el3 ? (cpu->sr[SR_SCR_EL3] & SCR_EL3_HCE) != 0
                                 : !(cpu->sr[SR_HCR_EL2] & HCR_EL2_HCD);
    if (!enabled)
        a64_undef(cpu);
    a64_raise_ret(cpu, cpu->el == 3 ? 3 : 2, esr_make(ESR_EC_HVC64, true, (u32)a->imm),
                  cpu->pc + 4);
}

/* SMC: UNDEFINED at EL0; HCR_EL2.TSC traps it from EL1 to EL2 (preferred return: the SMC);
 * UNDEFINED without EL3 or with SCR_EL3.SMD == 1. When the guest did not start at EL3, emu
 * is the EL3 firmware. */
void a64_exec_SMC(struct a64_cpu *cpu, const struct arg_imm16 *a)
{
    u32 esr = esr_make(ESR_EC_SMC64, true, (u32)a->imm);
    if (cpu->el == 0)
        a64_undef(cpu);
    if (cpu->el == 1 && (a64_hcr(cpu) & HCR_EL2_TSC))
        a64_raise(cpu, 2, esr, 0, false);
    if (cpu->firmware_call && cpu->reset_el < 3 && cpu->firmware_call(cpu, true, (u16)a->imm))
        return;
    if (!cpu->have_el3 || (cpu->sr[SR_SCR_EL3] & SCR_EL3_SMD))
        a64_undef(cpu);
    a64_raise_ret(cpu, 3, esr, cpu->pc + 4);
}

/* BRK: a Breakpoint instruction exception to the debug target EL (EL2 when HCR_EL2.TGE or
 * MDCR_EL2.TDE route debug exceptions there). Preferred return: the BRK itself. */
void a64_exec_BRK(struct a64_cpu *cpu, const struct arg_imm16 *a)
{
    unsigned target = a64_sync_target_el(cpu);
    if (cpu->el <= 1 && a64_el2_enabled(cpu) && (cpu->sr[SR_MDCR_EL2] & MDCR_EL2_TDE))
        target = 2;
    a64_raise(cpu, target, esr_make(ESR_EC_BRK64, true, (u32)a->imm), 0, false);
}

void a64_exec_ERET(struct a64_cpu *cpu, const struct arg_ERET *a)
{
    if (cpu->el == 0)
        a64_undef(cpu);
    a64_exception_return(cpu);
}
