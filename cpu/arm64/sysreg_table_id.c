/* SPDX-License-Identifier: MIT */
/*
 * Identification registers (Arm ARM D17.2: MIDR_EL1, MPIDR_EL1, CTR_EL0, DCZID_EL0, CLIDR_EL1,
 * CCSIDR_EL1, ID_AA64*). Values come from the -cpu model (model*.c) at reset; this file only
 * says who may read them and which HCR_EL2.TIDn group traps them.
 */
#include "cpu/arm64/exception.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"
#include "cpu/arm64/sysreg_tables.h"

#define R(n, o0, o1, cn, cm, o2) .name = #n, .enc = SR_ENC(o0, o1, cn, cm, o2)

/* The SCTLR that controls EL0 in the current regime. */
static u64 el0_sctlr(const struct a64_cpu *cpu)
{
    return a64_in_host(cpu) ? cpu->sr[SR_SCTLR_EL2] : cpu->sr[SR_SCTLR_EL1];
}

/* CTR_EL0 at EL0 needs SCTLR_EL1.UCT, else it traps to EL1 (EL2 in the host). */
static int check_ctr(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (cpu->el == 0 && !(el0_sctlr(cpu) & SCTLR_UCT))
        a64_sr_trap(cpu, r, a64_sync_target_el(cpu));
    return A64_SR_OK;
}

/* DCZID_EL0.DZP reports whether DC ZVA is prohibited at the current EL (SCTLR_EL1.DZE at
 * EL0, HCR_EL2.TDZ at EL0/EL1 of a guest). */
static u64 rd_dczid(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    bool prohibited = (cpu->el == 0 && !(el0_sctlr(cpu) & SCTLR_DZE)) ||
                      (cpu->el <= 1 && !a64_in_host(cpu) && (a64_hcr(cpu) & HCR_EL2_TDZ));
    return cpu->sr[SR_DCZID_EL0] | (prohibited ? 1u << 4 : 0);
}

/* CCSIDR_EL1 describes the cache CSSELR_EL1 selects (Level [3:1], InD [0]). */
static u64 rd_ccsidr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    u64 sel = cpu->sr[SR_CSSELR_EL1] & 0xf;
    if (sel == 0 || sel == 1)
        return cpu->model->ccsidr[sel];
    if (sel == 2)
        return cpu->model->ccsidr[2];
    return 0; /* no such cache: UNKNOWN, emu reads 0 */
}

/* MPIDR_EL1 and MIDR_EL1 read at EL1 of a guest return VMPIDR_EL2 / VPIDR_EL2. */
static u64 rd_midr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->el == 1 && a64_el2_enabled(cpu) ? cpu->sr[SR_VPIDR_EL2] : cpu->sr[SR_MIDR_EL1];
}
static u64 rd_mpidr(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->el == 1 && a64_el2_enabled(cpu) ? cpu->sr[SR_VMPIDR_EL2]
                                                 : cpu->sr[SR_MPIDR_EL1];
}

#define ID3(n, cm, o2) {R(n, 3, 0, 0, cm, o2), .access = SRA_RO1, .traps = SRT_TID3, .slot = SR_##n}

static const struct a64_sysreg id_rows[] = {
    {R(MIDR_EL1, 3, 0, 0, 0, 0), .access = SRA_RO1, .slot = SR_MIDR_EL1, .read = rd_midr},
    {R(MPIDR_EL1, 3, 0, 0, 0, 5), .access = SRA_RO1, .slot = SR_MPIDR_EL1, .read = rd_mpidr},
    {R(REVIDR_EL1, 3, 0, 0, 0, 6), .access = SRA_RO1, .traps = SRT_TID1, .slot = SR_REVIDR_EL1},
    {R(AIDR_EL1, 3, 1, 0, 0, 7), .access = SRA_RO1, .traps = SRT_TID1, .slot = SR_AIDR_EL1},
    {R(CTR_EL0, 3, 3, 0, 0, 1), .access = SRA_RO0, .traps = SRT_TID2, .slot = SR_CTR_EL0,
     .check = check_ctr},
    {R(DCZID_EL0, 3, 3, 0, 0, 7), .access = SRA_RO0, .slot = SR_DCZID_EL0, .read = rd_dczid},
    {R(CLIDR_EL1, 3, 1, 0, 0, 1), .access = SRA_RO1, .traps = SRT_TID2, .slot = SR_CLIDR_EL1},
    {R(CCSIDR_EL1, 3, 1, 0, 0, 0), .access = SRA_RO1, .traps = SRT_TID2, .slot = -1,
     .read = rd_ccsidr},
    {R(CSSELR_EL1, 3, 2, 0, 0, 0), .access = SRA_RW1, .traps = SRT_TID2, .slot = SR_CSSELR_EL1,
     .res0 = ~0x1full},
    ID3(ID_AA64PFR0_EL1, 4, 0),
    ID3(ID_AA64PFR1_EL1, 4, 1),
    ID3(ID_AA64ZFR0_EL1, 4, 4),
    ID3(ID_AA64SMFR0_EL1, 4, 5),
    ID3(ID_AA64DFR0_EL1, 5, 0),
    ID3(ID_AA64DFR1_EL1, 5, 1),
    ID3(ID_AA64AFR0_EL1, 5, 4),
    ID3(ID_AA64AFR1_EL1, 5, 5),
    ID3(ID_AA64ISAR0_EL1, 6, 0),
    ID3(ID_AA64ISAR1_EL1, 6, 1),
    ID3(ID_AA64ISAR2_EL1, 6, 2),
    ID3(ID_AA64MMFR0_EL1, 7, 0),
    ID3(ID_AA64MMFR1_EL1, 7, 1),
    ID3(ID_AA64MMFR2_EL1, 7, 2),
    {0},
};

void a64_sysreg_tables_id(void)
{
    a64_sysreg_register(id_rows);
}
