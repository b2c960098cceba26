/* SPDX-License-Identifier: MIT */
/*
 * PSTATE fields as system registers (NZCV, DAIF, CurrentEL, SPSel, PAN, UAO, DIT, SSBS), the
 * banked SPSR/ELR/SP registers, and FPCR/FPSR. Arm ARM C5.2 (special-purpose registers).
 */
#include "cpu/arm64/exception.h"
#include "cpu/arm64/fp_regs.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"
#include "cpu/arm64/sysreg_tables.h"

#define R(n, o0, o1, cn, cm, o2) .name = #n, .enc = SR_ENC(o0, o1, cn, cm, o2)

/* The index of the banked register a row names: its EL (rows carry it in .opaque). */
static unsigned row_el(const struct a64_sysreg *r)
{
    return (unsigned)(uintptr_t)r->opaque;
}
#define EL_OF(n) .opaque = (const void *)(uintptr_t)(n)

static u64 rd_nzcv(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->nzcv;
}
static void wr_nzcv(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->nzcv = (u32)v & 0xf0000000u;
}

/* DAIF at EL0 is permitted by SCTLR_EL1.UMA (SCTLR_EL2.UMA in the host), else it traps. */
static int check_daif(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (cpu->el == 0) {
        u64 sctlr = a64_in_host(cpu) ? cpu->sr[SR_SCTLR_EL2] : cpu->sr[SR_SCTLR_EL1];
        if (!(sctlr & SCTLR_UMA))
            a64_sr_trap(cpu, r, a64_sync_target_el(cpu));
    }
    return A64_SR_OK;
}
static u64 rd_daif(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->daif;
}
static void wr_daif(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->daif = (u32)v & (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F);
    a64_end_run(cpu); /* an interrupt may now be unmasked */
}

static u64 rd_currentel(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return (u64)cpu->el << 2;
}

static u64 rd_spsel(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->spsel;
}
static void wr_spsel(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    a64_set_el(cpu, cpu->el, v & 1);
}

static int check_pan(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return a64_feat_pan(cpu) ? A64_SR_OK : A64_SR_UNDEF;
}
static u64 rd_pan(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return (u64)cpu->pan << 22;
}
static void wr_pan(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->pan = (v >> 22) & 1;
    a64_mmu_ctx_changed(cpu); /* data-access permissions change */
}

static int check_uao(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return a64_feat_uao(cpu) ? A64_SR_OK : A64_SR_UNDEF;
}
static u64 rd_uao(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return (u64)cpu->uao << 23;
}
static void wr_uao(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->uao = (v >> 23) & 1;
    a64_mmu_ctx_changed(cpu);
}

static int check_dit(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return a64_feat_dit(cpu) ? A64_SR_OK : A64_SR_UNDEF;
}
static u64 rd_dit(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return (u64)cpu->dit << 24;
}
static void wr_dit(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->dit = (v >> 24) & 1;
}

/* The SSBS register needs FEAT_SSBS2 (ID_AA64PFR1_EL1.SSBS >= 2). */
static int check_ssbs(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return a64_id_field(cpu, SR_ID_AA64PFR1_EL1, 4) >= 2 ? A64_SR_OK : A64_SR_UNDEF;
}
static u64 rd_ssbs(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return (u64)cpu->ssbs << 12;
}
static void wr_ssbs(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->ssbs = (v >> 12) & 1;
}

static u64 rd_spsr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->spsr_el[row_el(r)];
}
/* SPSR_ELx: the AArch64 fields (N,Z,C,V, PAN, UAO, DIT, SS, IL, SSBS, BTYPE, D,A,I,F, M);
 * the others are RES0 for emu's features. */
static void wr_spsr(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->spsr_el[row_el(r)] = v & 0xf1f01fdfull;
}
static u64 rd_elr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->elr_el[row_el(r)];
}
static void wr_elr(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->elr_el[row_el(r)] = v;
}

/* MRS/MSR SP_EL0 is UNDEFINED while SP_EL0 is the current stack pointer (PSTATE.SP == 0). */
static int check_sp_el0(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return cpu->spsel ? A64_SR_OK : A64_SR_UNDEF;
}
static u64 rd_sp(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->sp_el[row_el(r)];
}
static void wr_sp(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->sp_el[row_el(r)] = v;
}

/* FPCR: AHP, DN, FZ, RMode, FZ16; the trap enables are RAZ/WI (no FP exception trapping).
 * FZ16 is RES0 without FEAT_FP16. */
#define FPCR_MASK 0x07c80000u
#define FPCR_FZ16 (1u << 19)
/* FPSR: QC and the cumulative exception flags. */
#define FPSR_MASK 0x0800009fu
static u64 rd_fpcr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->fpcr;
}
static void wr_fpcr(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->fpcr = (u32)v & (fp_have_fp16(cpu) ? FPCR_MASK : FPCR_MASK & ~FPCR_FZ16);
}
static u64 rd_fpsr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->fpsr;
}
static void wr_fpsr(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->fpsr = (u32)v & FPSR_MASK;
}

#define HOOKS(rd, wr) .slot = -1, .read = rd, .write = wr

static const struct a64_sysreg pstate_rows[] = {
    {R(NZCV, 3, 3, 4, 2, 0), .access = SRA_RW0, HOOKS(rd_nzcv, wr_nzcv)},
    {R(DAIF, 3, 3, 4, 2, 1), .access = SRA_RW0, .check = check_daif, HOOKS(rd_daif, wr_daif)},
    {R(CurrentEL, 3, 0, 4, 2, 2), .access = SRA_RO1, HOOKS(rd_currentel, NULL)},
    {R(SPSel, 3, 0, 4, 2, 0), .access = SRA_RW1, HOOKS(rd_spsel, wr_spsel)},
    {R(PAN, 3, 0, 4, 2, 3), .access = SRA_RW1, .check = check_pan, HOOKS(rd_pan, wr_pan)},
    {R(UAO, 3, 0, 4, 2, 4), .access = SRA_RW1, .check = check_uao, HOOKS(rd_uao, wr_uao)},
    {R(DIT, 3, 3, 4, 2, 5), .access = SRA_RW0, .check = check_dit, HOOKS(rd_dit, wr_dit)},
    {R(SSBS, 3, 3, 4, 2, 6), .access = SRA_RW0, .check = check_ssbs, HOOKS(rd_ssbs, wr_ssbs)},
    {R(FPCR, 3, 3, 4, 4, 0), .access = SRA_RW0, .traps = SRT_FP, HOOKS(rd_fpcr, wr_fpcr)},
    {R(FPSR, 3, 3, 4, 4, 1), .access = SRA_RW0, .traps = SRT_FP, HOOKS(rd_fpsr, wr_fpsr)},
    {R(SPSR_EL1, 3, 0, 4, 0, 0), .access = SRA_RW1, EL_OF(1), HOOKS(rd_spsr, wr_spsr),
     .e2h_redirect = "SPSR_EL2"},
    {R(ELR_EL1, 3, 0, 4, 0, 1), .access = SRA_RW1, EL_OF(1), HOOKS(rd_elr, wr_elr),
     .e2h_redirect = "ELR_EL2"},
    {R(SP_EL0, 3, 0, 4, 1, 0), .access = SRA_RW1, EL_OF(0), .check = check_sp_el0,
     HOOKS(rd_sp, wr_sp)},
    {R(SPSR_EL2, 3, 4, 4, 0, 0), .access = SRA_RW2, EL_OF(2), HOOKS(rd_spsr, wr_spsr),
     .min_el = 2},
    {R(ELR_EL2, 3, 4, 4, 0, 1), .access = SRA_RW2, EL_OF(2), HOOKS(rd_elr, wr_elr),
     .min_el = 2},
    {R(SP_EL1, 3, 4, 4, 1, 0), .access = SRA_RW2, EL_OF(1), HOOKS(rd_sp, wr_sp)},
    {R(SPSR_EL3, 3, 6, 4, 0, 0), .access = SRA_RW3, EL_OF(3), HOOKS(rd_spsr, wr_spsr),
     .min_el = 3},
    {R(ELR_EL3, 3, 6, 4, 0, 1), .access = SRA_RW3, EL_OF(3), HOOKS(rd_elr, wr_elr),
     .min_el = 3},
    {R(SP_EL2, 3, 6, 4, 1, 0), .access = SRA_RW3, EL_OF(2), HOOKS(rd_sp, wr_sp), .min_el = 3},
    {0},
};

void a64_sysreg_tables_pstate(void)
{
    a64_sysreg_register(pstate_rows);
}
