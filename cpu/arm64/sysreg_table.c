/* SPDX-License-Identifier: MIT */
/*
 * Control registers of EL1, EL2 and EL3 with their VHE redirections and _EL12 aliases.
 * Arm ARM D17.2 (register descriptions), D5.6.2 (redirection with HCR_EL2.E2H == 1).
 * Timer rows (CNTKCTL_EL1/_EL12, CNTHCTL_EL2...) live in hw/arm_timer*.c and use the same
 * .e2h_redirect / .e2h_alias mechanism.
 */
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"
#include "cpu/arm64/sysreg_tables.h"

#define R(n, o0, o1, cn, cm, o2) .name = #n, .enc = SR_ENC(o0, o1, cn, cm, o2)

static void write_fp_ctl(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->sr[r->slot] = (v & ~r->res0) | r->res1;
    a64_fp_update(cpu);
}

/* HCR_EL2 changes routing (interrupts, FP traps) and translation. */
static void write_hcr(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    u64 res0 = r->res0 | (a64_feat_vhe(cpu) ? 0 : HCR_EL2_E2H);
    cpu->sr[SR_HCR_EL2] = (v & ~res0) | r->res1;
    a64_fp_update(cpu);
    a64_mmu_ctx_changed(cpu);
    a64_end_run(cpu);
}

static void write_scr(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->sr[SR_SCR_EL3] = (v & ~r->res0) | r->res1;
    a64_fp_update(cpu);
    a64_mmu_ctx_changed(cpu);
    a64_end_run(cpu);
}

/* CPTR_EL2 has the CPACR_EL1 layout when HCR_EL2.E2H == 1; otherwise bits 13:12, 9:0 are
 * RES1 (Arm ARM D17.2.31). */
static u64 read_cptr_el2(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    u64 v = cpu->sr[SR_CPTR_EL2];
    return (cpu->sr[SR_HCR_EL2] & HCR_EL2_E2H) ? v : v | 0x33ff;
}

/* CPTR_EL2.TCPAC traps EL1 accesses to CPACR_EL1 to EL2; CPTR_EL3.TCPAC traps EL1/EL2
 * accesses to CPACR_EL1 and CPTR_EL2 to EL3 (Arm ARM D17.2.31, D17.2.32). */
static int check_tcpac(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (cpu->el == 1 && a64_el2_enabled(cpu) && (cpu->sr[SR_CPTR_EL2] & CPTR_TCPAC))
        a64_sr_trap(cpu, r, 2);
    if (cpu->el <= 2 && cpu->have_el3 && (cpu->sr[SR_CPTR_EL3] & CPTR_TCPAC))
        a64_sr_trap(cpu, r, 3);
    return A64_SR_OK;
}

/* Registers that exist only with FEAT_VHE (TTBR1_EL2, CONTEXTIDR_EL2). */
static int check_vhe(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return a64_feat_vhe(cpu) ? A64_SR_OK : A64_SR_UNDEF;
}

/* SCTLR_ELx: RES1 bits for the features emu does not implement (EOS, TSCXT, EIS, nTLSMD,
 * LSMAOE); SPAN is a real control with FEAT_PAN. */
#define SCTLR_EL1_RES1 0x30500800ull
#define SCTLR_EL2_RESET 0x30c50830ull
#define VBAR_RES0 0x7ffull
#define ESR_RES0 0xffffffff00000000ull

static const struct a64_sysreg el1_rows[] = {
    {R(SCTLR_EL1, 3, 0, 1, 0, 0), .access = SRA_RW1, .traps = SRT_TVM | SRT_CTX,
     .slot = SR_SCTLR_EL1, .reset = 0x30d50838, .res1 = SCTLR_EL1_RES1,
     .e2h_redirect = "SCTLR_EL2"},
    {R(ACTLR_EL1, 3, 0, 1, 0, 1), .access = SRA_RW1, .traps = SRT_TACR, .slot = SR_ACTLR_EL1},
    {R(CPACR_EL1, 3, 0, 1, 0, 2), .access = SRA_RW1, .slot = SR_CPACR_EL1,
     .res0 = ~(3ull << 20 | 1ull << 28), .write = write_fp_ctl, .check = check_tcpac,
     .e2h_redirect = "CPTR_EL2"},
    {R(TTBR0_EL1, 3, 0, 2, 0, 0), .access = SRA_RW1, .traps = SRT_TVM | SRT_CTX,
     .slot = SR_TTBR0_EL1, .e2h_redirect = "TTBR0_EL2"},
    {R(TTBR1_EL1, 3, 0, 2, 0, 1), .access = SRA_RW1, .traps = SRT_TVM | SRT_CTX,
     .slot = SR_TTBR1_EL1, .e2h_redirect = "TTBR1_EL2"},
    {R(TCR_EL1, 3, 0, 2, 0, 2), .access = SRA_RW1, .traps = SRT_TVM | SRT_CTX,
     .slot = SR_TCR_EL1, .res0 = 1ull << 6, .e2h_redirect = "TCR_EL2"},
    {R(AFSR0_EL1, 3, 0, 5, 1, 0), .access = SRA_RW1, .traps = SRT_TVM, .slot = SR_AFSR0_EL1,
     .e2h_redirect = "AFSR0_EL2"},
    {R(AFSR1_EL1, 3, 0, 5, 1, 1), .access = SRA_RW1, .traps = SRT_TVM, .slot = SR_AFSR1_EL1,
     .e2h_redirect = "AFSR1_EL2"},
    {R(ESR_EL1, 3, 0, 5, 2, 0), .access = SRA_RW1, .traps = SRT_TVM, .slot = SR_ESR_EL1,
     .res0 = ESR_RES0, .e2h_redirect = "ESR_EL2"},
    {R(FAR_EL1, 3, 0, 6, 0, 0), .access = SRA_RW1, .traps = SRT_TVM, .slot = SR_FAR_EL1,
     .e2h_redirect = "FAR_EL2"},
    {R(PAR_EL1, 3, 0, 7, 4, 0), .access = SRA_RW1, .slot = SR_PAR_EL1},
    {R(MAIR_EL1, 3, 0, 10, 2, 0), .access = SRA_RW1, .traps = SRT_TVM | SRT_CTX,
     .slot = SR_MAIR_EL1, .e2h_redirect = "MAIR_EL2"},
    {R(AMAIR_EL1, 3, 0, 10, 3, 0), .access = SRA_RW1, .traps = SRT_TVM, .slot = SR_AMAIR_EL1,
     .e2h_redirect = "AMAIR_EL2"},
    {R(VBAR_EL1, 3, 0, 12, 0, 0), .access = SRA_RW1, .slot = SR_VBAR_EL1, .res0 = VBAR_RES0,
     .e2h_redirect = "VBAR_EL2"},
    {R(CONTEXTIDR_EL1, 3, 0, 13, 0, 1), .access = SRA_RW1, .traps = SRT_TVM | SRT_CTX,
     .slot = SR_CONTEXTIDR_EL1, .res0 = ~0xffffffffull, .e2h_redirect = "CONTEXTIDR_EL2"},
    {R(TPIDR_EL1, 3, 0, 13, 0, 4), .access = SRA_RW1, .slot = SR_TPIDR_EL1},
    {R(TPIDR_EL0, 3, 3, 13, 0, 2), .access = SRA_RW0, .slot = SR_TPIDR_EL0},
    {R(TPIDRRO_EL0, 3, 3, 13, 0, 3), .access = SRA_RW1 | SRA_R0, .slot = SR_TPIDRRO_EL0},
    {0},
};

static const struct a64_sysreg el2_rows[] = {
    {R(VPIDR_EL2, 3, 4, 0, 0, 0), .access = SRA_RW2, .slot = SR_VPIDR_EL2, .min_el = 2},
    {R(VMPIDR_EL2, 3, 4, 0, 0, 5), .access = SRA_RW2, .slot = SR_VMPIDR_EL2, .min_el = 2},
    {R(SCTLR_EL2, 3, 4, 1, 0, 0), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_SCTLR_EL2,
     .reset = SCTLR_EL2_RESET, .min_el = 2},
    {R(ACTLR_EL2, 3, 4, 1, 0, 1), .access = SRA_RW2, .slot = SR_ACTLR_EL2, .min_el = 2},
    {R(HCR_EL2, 3, 4, 1, 1, 0), .access = SRA_RW2, .slot = SR_HCR_EL2,
     .res0 = ~((1ull << 35) - 1), .res1 = HCR_EL2_RW, .reset = HCR_EL2_RW, .write = write_hcr,
     .min_el = 2},
    {R(MDCR_EL2, 3, 4, 1, 1, 1), .access = SRA_RW2, .slot = SR_MDCR_EL2, .min_el = 2},
    {R(CPTR_EL2, 3, 4, 1, 1, 2), .access = SRA_RW2, .slot = SR_CPTR_EL2,
     .res0 = ~(1ull << 10 | 3ull << 20 | 1ull << 28 | 3ull << 30), .read = read_cptr_el2,
     .write = write_fp_ctl, .check = check_tcpac, .min_el = 2},
    {R(HSTR_EL2, 3, 4, 1, 1, 3), .access = SRA_RW2, .slot = SR_HSTR_EL2, .min_el = 2},
    {R(HACR_EL2, 3, 4, 1, 1, 7), .access = SRA_RW2, .slot = SR_HACR_EL2, .min_el = 2},
    {R(TTBR0_EL2, 3, 4, 2, 0, 0), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_TTBR0_EL2,
     .min_el = 2},
    {R(TTBR1_EL2, 3, 4, 2, 0, 1), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_TTBR1_EL2,
     .check = check_vhe, .min_el = 2},
    {R(TCR_EL2, 3, 4, 2, 0, 2), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_TCR_EL2,
     .min_el = 2},
    {R(VTTBR_EL2, 3, 4, 2, 1, 0), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_VTTBR_EL2,
     .min_el = 2},
    {R(VTCR_EL2, 3, 4, 2, 1, 2), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_VTCR_EL2,
     .min_el = 2},
    {R(AFSR0_EL2, 3, 4, 5, 1, 0), .access = SRA_RW2, .slot = SR_AFSR0_EL2, .min_el = 2},
    {R(AFSR1_EL2, 3, 4, 5, 1, 1), .access = SRA_RW2, .slot = SR_AFSR1_EL2, .min_el = 2},
    {R(ESR_EL2, 3, 4, 5, 2, 0), .access = SRA_RW2, .slot = SR_ESR_EL2, .res0 = ESR_RES0,
     .min_el = 2},
    {R(FAR_EL2, 3, 4, 6, 0, 0), .access = SRA_RW2, .slot = SR_FAR_EL2, .min_el = 2},
    {R(HPFAR_EL2, 3, 4, 6, 0, 4), .access = SRA_RW2, .slot = SR_HPFAR_EL2, .min_el = 2},
    {R(MAIR_EL2, 3, 4, 10, 2, 0), .access = SRA_RW2, .traps = SRT_CTX, .slot = SR_MAIR_EL2,
     .min_el = 2},
    {R(AMAIR_EL2, 3, 4, 10, 3, 0), .access = SRA_RW2, .slot = SR_AMAIR_EL2, .min_el = 2},
    {R(VBAR_EL2, 3, 4, 12, 0, 0), .access = SRA_RW2, .slot = SR_VBAR_EL2, .res0 = VBAR_RES0,
     .min_el = 2},
    {R(CONTEXTIDR_EL2, 3, 4, 13, 0, 1), .access = SRA_RW2, .traps = SRT_CTX,
     .slot = SR_CONTEXTIDR_EL2, .res0 = ~0xffffffffull, .check = check_vhe, .min_el = 2},
    {R(TPIDR_EL2, 3, 4, 13, 0, 2), .access = SRA_RW2, .slot = SR_TPIDR_EL2, .min_el = 2},
    {0},
};

/* The _EL12 aliases: from EL2 (or EL3) with HCR_EL2.E2H == 1 they reach the EL1 registers;
 * otherwise UNDEFINED (Arm ARM D5.6.2). */
#define ALIAS(n, o0, o1, cn, cm, o2, to)                                                     \
    {R(n, o0, o1, cn, cm, o2), .access = SRA_RW2, .slot = -1, .e2h_redirect = #to,            \
     .e2h_alias = true, .min_el = 2}

static const struct a64_sysreg el12_rows[] = {
    ALIAS(SCTLR_EL12, 3, 5, 1, 0, 0, SCTLR_EL1),
    ALIAS(CPACR_EL12, 3, 5, 1, 0, 2, CPACR_EL1),
    ALIAS(TTBR0_EL12, 3, 5, 2, 0, 0, TTBR0_EL1),
    ALIAS(TTBR1_EL12, 3, 5, 2, 0, 1, TTBR1_EL1),
    ALIAS(TCR_EL12, 3, 5, 2, 0, 2, TCR_EL1),
    ALIAS(SPSR_EL12, 3, 5, 4, 0, 0, SPSR_EL1),
    ALIAS(ELR_EL12, 3, 5, 4, 0, 1, ELR_EL1),
    ALIAS(AFSR0_EL12, 3, 5, 5, 1, 0, AFSR0_EL1),
    ALIAS(AFSR1_EL12, 3, 5, 5, 1, 1, AFSR1_EL1),
    ALIAS(ESR_EL12, 3, 5, 5, 2, 0, ESR_EL1),
    ALIAS(FAR_EL12, 3, 5, 6, 0, 0, FAR_EL1),
    ALIAS(MAIR_EL12, 3, 5, 10, 2, 0, MAIR_EL1),
    ALIAS(AMAIR_EL12, 3, 5, 10, 3, 0, AMAIR_EL1),
    ALIAS(VBAR_EL12, 3, 5, 12, 0, 0, VBAR_EL1),
    ALIAS(CONTEXTIDR_EL12, 3, 5, 13, 0, 1, CONTEXTIDR_EL1),
    {0},
};

static const struct a64_sysreg el3_rows[] = {
    {R(SCTLR_EL3, 3, 6, 1, 0, 0), .access = SRA_RW3, .traps = SRT_CTX, .slot = SR_SCTLR_EL3,
     .reset = SCTLR_EL2_RESET, .res1 = SCTLR_EL2_RESET & ~1ull, .min_el = 3},
    {R(ACTLR_EL3, 3, 6, 1, 0, 1), .access = SRA_RW3, .slot = SR_ACTLR_EL3, .min_el = 3},
    /* SCR_EL3: bits 5:4 RES1; RW RES1 as no lower EL implements AArch32. */
    {R(SCR_EL3, 3, 6, 1, 1, 0), .access = SRA_RW3, .slot = SR_SCR_EL3, .res0 = ~0x3fbfull,
     .res1 = 0x30 | SCR_EL3_RW, .reset = 0x30 | SCR_EL3_RW, .write = write_scr, .min_el = 3},
    {R(CPTR_EL3, 3, 6, 1, 1, 2), .access = SRA_RW3, .slot = SR_CPTR_EL3,
     .res0 = ~(1ull << 10 | 1ull << 20 | 1ull << 31), .write = write_fp_ctl, .min_el = 3},
    {R(MDCR_EL3, 3, 6, 1, 3, 1), .access = SRA_RW3, .slot = SR_MDCR_EL3, .min_el = 3},
    {R(TTBR0_EL3, 3, 6, 2, 0, 0), .access = SRA_RW3, .traps = SRT_CTX, .slot = SR_TTBR0_EL3,
     .min_el = 3},
    {R(TCR_EL3, 3, 6, 2, 0, 2), .access = SRA_RW3, .traps = SRT_CTX, .slot = SR_TCR_EL3,
     .min_el = 3},
    {R(AFSR0_EL3, 3, 6, 5, 1, 0), .access = SRA_RW3, .slot = SR_AFSR0_EL3, .min_el = 3},
    {R(AFSR1_EL3, 3, 6, 5, 1, 1), .access = SRA_RW3, .slot = SR_AFSR1_EL3, .min_el = 3},
    {R(ESR_EL3, 3, 6, 5, 2, 0), .access = SRA_RW3, .slot = SR_ESR_EL3, .res0 = ESR_RES0,
     .min_el = 3},
    {R(FAR_EL3, 3, 6, 6, 0, 0), .access = SRA_RW3, .slot = SR_FAR_EL3, .min_el = 3},
    {R(MAIR_EL3, 3, 6, 10, 2, 0), .access = SRA_RW3, .traps = SRT_CTX, .slot = SR_MAIR_EL3,
     .min_el = 3},
    {R(AMAIR_EL3, 3, 6, 10, 3, 0), .access = SRA_RW3, .slot = SR_AMAIR_EL3, .min_el = 3},
    {R(VBAR_EL3, 3, 6, 12, 0, 0), .access = SRA_RW3, .slot = SR_VBAR_EL3, .res0 = VBAR_RES0,
     .min_el = 3},
    {R(TPIDR_EL3, 3, 6, 13, 0, 2), .access = SRA_RW3, .slot = SR_TPIDR_EL3, .min_el = 3},
    {0},
};

void a64_sysreg_tables_control(void)
{
    a64_sysreg_register(el1_rows);
    a64_sysreg_register(el2_rows);
    a64_sysreg_register(el12_rows);
    a64_sysreg_register(el3_rows);
}

void a64_sysreg_tables_core(void)
{
    a64_sysreg_tables_control();
    a64_sysreg_tables_pstate();
    a64_sysreg_tables_id();
    a64_sysreg_tables_debug();
    a64_sysreg_tables_cache();
}
