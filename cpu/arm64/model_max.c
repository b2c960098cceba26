/* SPDX-License-Identifier: MIT */
/*
 * -cpu max: everything emu implements. THE place that lists emu's architectural features:
 * when a feature lands, flip its line here (and only here). Every field not listed is 0.
 * Field positions: Arm ARM D17.2 (ID_AA64PFR0_EL1 ... ID_AA64MMFR2_EL1).
 */
#include "cpu/arm64/model.h"
#include "cpu/arm64/model_impl.h"

static const struct a64_id_feature max_features[] = {
    /* ID_AA64PFR0_EL1 (EL2/EL3 fields are filled per machine at reset) */
    {SR_ID_AA64PFR0_EL1, 0, 1, "EL0: AArch64 only"},
    {SR_ID_AA64PFR0_EL1, 4, 1, "EL1: AArch64 only"},
    {SR_ID_AA64PFR0_EL1, 16, 1, "FEAT_FP + FEAT_FP16 (0 = without half-precision arithmetic)"},
    {SR_ID_AA64PFR0_EL1, 20, 1, "FEAT_AdvSIMD + FEAT_FP16"},
    {SR_ID_AA64PFR0_EL1, 24, 1, "GICv3 system register interface"},
    {SR_ID_AA64PFR0_EL1, 48, 1, "FEAT_DIT"},
    /* ID_AA64PFR1_EL1 */
    {SR_ID_AA64PFR1_EL1, 4, 2, "FEAT_SSBS2 (PSTATE.SSBS, MSR/MRS SSBS)"},
    /* ID_AA64DFR0_EL1: Armv8.0 debug, no PMU (PMUVer 0), 6 breakpoints, 6 watchpoints */
    {SR_ID_AA64DFR0_EL1, 0, 6, "DebugVer: Armv8.0 debug"},
    {SR_ID_AA64DFR0_EL1, 8, 0, "PMUVer: no PMU"},
    {SR_ID_AA64DFR0_EL1, 12, 5, "BRPs: 6 breakpoints"},
    {SR_ID_AA64DFR0_EL1, 20, 5, "WRPs: 6 watchpoints"},
    {SR_ID_AA64DFR0_EL1, 28, 1, "CTX_CMPs: 2 context-aware breakpoints"},
    /* ID_AA64ISAR0_EL1 */
    {SR_ID_AA64ISAR0_EL1, 4, 2, "FEAT_AES / FEAT_PMULL (1 = AES, 2 = +PMULL)"},
    {SR_ID_AA64ISAR0_EL1, 8, 1, "FEAT_SHA1"},
    {SR_ID_AA64ISAR0_EL1, 12, 1, "FEAT_SHA256 (2 = +FEAT_SHA512)"},
    {SR_ID_AA64ISAR0_EL1, 16, 0, "FEAT_CRC32"},
    {SR_ID_AA64ISAR0_EL1, 20, 2, "FEAT_LSE"},
    {SR_ID_AA64ISAR0_EL1, 28, 1, "FEAT_RDM (SQRDMLAH, SQRDMLSH)"},
    {SR_ID_AA64ISAR0_EL1, 44, 1, "FEAT_DotProd (SDOT, UDOT)"},
    {SR_ID_AA64ISAR0_EL1, 48, 1, "FEAT_FHM (FMLAL, FMLSL)"},
    {SR_ID_AA64ISAR0_EL1, 56, 2, "FEAT_TLBIOS (1) / FEAT_TLBIRANGE (2)"},
    /* ID_AA64ISAR1_EL1 */
    {SR_ID_AA64ISAR1_EL1, 12, 1, "FEAT_JSCVT (FJCVTZS)"},
    {SR_ID_AA64ISAR1_EL1, 16, 1, "FEAT_FCMA (FCMLA, FCADD)"},
    {SR_ID_AA64ISAR1_EL1, 32, 1, "FEAT_FRINTTS (FRINT32*, FRINT64*)"},
    {SR_ID_AA64ISAR1_EL1, 36, 1, "FEAT_SB"},
    {SR_ID_AA64ISAR1_EL1, 52, 1, "FEAT_I8MM (SMMLA, UMMLA, USMMLA, USDOT, SUDOT)"},
    {SR_ID_AA64ISAR1_EL1, 56, 1, "FEAT_XS"},
    /* ID_AA64MMFR0_EL1 */
    {SR_ID_AA64MMFR0_EL1, 0, 5, "PARange: 48 bits"},
    {SR_ID_AA64MMFR0_EL1, 4, 2, "ASIDBits: 16"},
    {SR_ID_AA64MMFR0_EL1, 12, 1, "SNSMem: Secure/Non-secure memory distinction"},
    {SR_ID_AA64MMFR0_EL1, 20, 1, "TGran16: 16KB granule supported"},
    {SR_ID_AA64MMFR0_EL1, 24, 0, "TGran64: 64KB granule supported"},
    {SR_ID_AA64MMFR0_EL1, 28, 0, "TGran4: 4KB granule supported"},
    /* ID_AA64MMFR1_EL1 */
    {SR_ID_AA64MMFR1_EL1, 0, 0, "FEAT_HAFDBS (1 = AF, 2 = AF+DBM)"},
    {SR_ID_AA64MMFR1_EL1, 4, 2, "FEAT_VMID16"},
    {SR_ID_AA64MMFR1_EL1, 8, 1, "FEAT_VHE"},
    {SR_ID_AA64MMFR1_EL1, 20, 1, "FEAT_PAN"},
    /* ID_AA64MMFR2_EL1 */
    {SR_ID_AA64MMFR2_EL1, 4, 1, "FEAT_UAO"},
    {SR_ID_AA64MMFR2_EL1, 48, 1, "FEAT_TTL"},
    {0},
};

const struct a64_model a64_model_max = {
    .name = "max",
    .desc = "every feature emu implements",
    .midr = 0x000f0510, /* implementer 0 (software), architecture 0xf, part 0x051 */
    /* CTR_EL0: DIC = IDC = 1 because the decoded-code cache is coherent with memory writes;
     * 64-byte lines (CWG = ERG = DminLine = IminLine = 4), PIPT instruction cache. */
    .ctr = 0xb444c004,
    .dczid = 4, /* DC ZVA zeroes 64 bytes */
    .clidr = 0x0a200023,
    .ccsidr = {0x701fe00a, 0x201fe012, 0x707fe07a},
    .features = max_features,
};
