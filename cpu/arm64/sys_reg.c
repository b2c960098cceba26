/* SPDX-License-Identifier: MIT */
/*
 * MRS, MSR (register), SYS, SYSL: hand the encoding to the system-register table
 * (sysreg.c). MSR (immediate) writes PSTATE fields directly. Arm ARM C5.2, C6.2.
 */
#include "a64_decode.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"

void a64_exec_MRS(struct a64_cpu *cpu, const struct arg_sysreg *a)
{
    a64_sysreg_access(cpu, 0x8000u | (u32)a->enc, a->rt, true);
}

void a64_exec_MSR_r(struct a64_cpu *cpu, const struct arg_sysreg *a)
{
    a64_sysreg_access(cpu, 0x8000u | (u32)a->enc, a->rt, false);
}

void a64_exec_SYS(struct a64_cpu *cpu, const struct arg_sysreg *a)
{
    a64_sysreg_access(cpu, 0x4000u | (u32)a->enc, a->rt, false);
}

void a64_exec_SYSL(struct a64_cpu *cpu, const struct arg_sysreg *a)
{
    a64_sysreg_access(cpu, 0x4000u | (u32)a->enc, a->rt, true);
}

/* MSR UAO/PAN/SPSel, #imm are UNDEFINED at EL0 (and without their feature). */
static void need_el1(struct a64_cpu *cpu, bool feature)
{
    if (cpu->el == 0 || !feature)
        a64_undef(cpu);
}

void a64_exec_MSR_i_UAO(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    need_el1(cpu, a64_feat_uao(cpu));
    cpu->uao = a->crm & 1;
    a64_mmu_ctx_changed(cpu);
}

void a64_exec_MSR_i_PAN(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    need_el1(cpu, a64_feat_pan(cpu));
    cpu->pan = a->crm & 1;
    a64_mmu_ctx_changed(cpu);
}

void a64_exec_MSR_i_SPSel(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    need_el1(cpu, true);
    a64_set_el(cpu, cpu->el, a->crm & 1);
}

void a64_exec_MSR_i_SSBS(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    if (!a64_feat_ssbs(cpu))
        a64_undef(cpu);
    cpu->ssbs = a->crm & 1;
}

void a64_exec_MSR_i_DIT(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    if (!a64_feat_dit(cpu))
        a64_undef(cpu);
    cpu->dit = a->crm & 1;
}

/* MSR DAIFSet/DAIFClr at EL0 need SCTLR_EL1.UMA, else they trap with EC 0x18 reporting
 * Op0 = 0, Op1 = 0b011, CRn = 0b0100, CRm = imm, Op2 = 0b110/0b111, Rt = 0b11111. */
static void daif_access(struct a64_cpu *cpu, unsigned crm, unsigned op2)
{
    if (cpu->el == 0) {
        u64 sctlr = a64_in_host(cpu) ? cpu->sr[SR_SCTLR_EL2] : cpu->sr[SR_SCTLR_EL1];
        if (!(sctlr & SCTLR_UMA))
            a64_raise_sysreg_trap(cpu, a64_sync_target_el(cpu), SR_ENC(0, 3, 4, crm, op2), 31,
                                  false);
    }
}

void a64_exec_MSR_i_DAIFSet(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    daif_access(cpu, (unsigned)a->crm, 6);
    cpu->daif |= (u32)a->crm << 6;
}

void a64_exec_MSR_i_DAIFClr(struct a64_cpu *cpu, const struct arg_msr_i *a)
{
    daif_access(cpu, (unsigned)a->crm, 7);
    cpu->daif &= ~((u32)a->crm << 6);
    a64_end_run(cpu); /* an interrupt may now be unmasked */
}
