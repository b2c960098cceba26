/* SPDX-License-Identifier: MIT */
/*
 * -cpu models: the ID register values a model advertises (Arm ARM D17.2, "ID_AA64*"), and the
 * feature queries the rest of cpu/arm64 uses. A feature is present exactly when its ID field
 * says so, so behaviour and advertisement cannot disagree.
 */
#ifndef EMU_CPU_ARM64_MODEL_H
#define EMU_CPU_ARM64_MODEL_H

#include "cpu/arm64/cpu.h"

/* One 4-bit ID register field and the FEAT_ name it advertises. */
struct a64_id_feature {
    enum a64_sr reg;
    u8 shift;
    u8 value;
    const char *feat;
};

/* Values of the identification registers before the per-machine fields (EL2/EL3 presence,
 * MPIDR affinity) are filled in at reset. */
struct a64_model {
    const char *name;
    const char *desc;
    u64 midr, revidr, ctr, dczid, clidr, aidr;
    u64 ccsidr[3];      /* CCSIDR_EL1 for CSSELR_EL1 = L1D (0), L1I (1), L2 (2) */
    u64 pfr0, pfr1, dfr0, dfr1, afr0, afr1;
    u64 isar0, isar1, isar2;
    u64 mmfr0, mmfr1, mmfr2;
    /* ORed into the ID_AA64* values above; terminated by {0} (feat NULL). */
    const struct a64_id_feature *features;
};

/* The model named name (NULL: "max"), or NULL if there is none. */
const struct a64_model *a64_model_find(const char *name);
/* Print the model list (for -cpu help). */
void a64_model_list(void);
/* Load the ID registers of cpu->model into cpu->sr[], with EL2/EL3 presence and MPIDR. */
void a64_model_apply(struct a64_cpu *cpu);

static inline unsigned a64_id_field(const struct a64_cpu *cpu, enum a64_sr reg, unsigned shift)
{
    return (unsigned)extract64(cpu->sr[reg], shift, 4);
}

/* Feature queries (Arm ARM A2, FEAT_*), from the ID register fields. */
static inline bool a64_feat_pan(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64MMFR1_EL1, 20) != 0;
}
static inline bool a64_feat_vhe(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64MMFR1_EL1, 8) != 0;
}
static inline bool a64_feat_uao(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64MMFR2_EL1, 4) != 0;
}
static inline bool a64_feat_ssbs(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64PFR1_EL1, 4) != 0;
}
static inline bool a64_feat_dit(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64PFR0_EL1, 48) != 0;
}
static inline bool a64_feat_sb(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR1_EL1, 36) != 0;
}
static inline bool a64_feat_xs(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR1_EL1, 56) != 0;
}

#endif
