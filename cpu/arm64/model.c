/* SPDX-License-Identifier: MIT */
/* -cpu model lookup, and loading a model's identification registers at reset. */
#include "cpu/arm64/model.h"

#include <stdio.h>
#include <string.h>

#include "cpu/arm64/model_impl.h"

static const struct a64_model *const models[] = {
    &a64_model_max,
    &a64_model_cortex_a57,
    &a64_model_cortex_a72,
};

const struct a64_model *a64_model_find(const char *name)
{
    if (!name)
        return &a64_model_max;
    for (size_t i = 0; i < ARRAY_SIZE(models); i++)
        if (!strcmp(models[i]->name, name))
            return models[i];
    return NULL;
}

void a64_model_list(void)
{
    for (size_t i = 0; i < ARRAY_SIZE(models); i++)
        printf("  %-12s %s\n", models[i]->name, models[i]->desc);
}

void a64_model_apply(struct a64_cpu *cpu)
{
    const struct a64_model *m = cpu->model;
    u64 *sr = cpu->sr;
    sr[SR_MIDR_EL1] = m->midr;
    sr[SR_REVIDR_EL1] = m->revidr;
    /* MPIDR_EL1: bit 31 RES1, U = 0 (multiprocessor), Aff0 = the CPU index. */
    sr[SR_MPIDR_EL1] = 0x80000000ull | (u64)(cpu->vcpu.index & 0xff);
    sr[SR_CTR_EL0] = m->ctr;
    sr[SR_DCZID_EL0] = m->dczid;
    sr[SR_CLIDR_EL1] = m->clidr;
    sr[SR_AIDR_EL1] = m->aidr;
    sr[SR_ID_AA64PFR0_EL1] = m->pfr0;
    sr[SR_ID_AA64PFR1_EL1] = m->pfr1;
    sr[SR_ID_AA64DFR0_EL1] = m->dfr0;
    sr[SR_ID_AA64DFR1_EL1] = m->dfr1;
    sr[SR_ID_AA64AFR0_EL1] = m->afr0;
    sr[SR_ID_AA64AFR1_EL1] = m->afr1;
    sr[SR_ID_AA64ISAR0_EL1] = m->isar0;
    sr[SR_ID_AA64ISAR1_EL1] = m->isar1;
    sr[SR_ID_AA64ISAR2_EL1] = m->isar2;
    sr[SR_ID_AA64MMFR0_EL1] = m->mmfr0;
    sr[SR_ID_AA64MMFR1_EL1] = m->mmfr1;
    sr[SR_ID_AA64MMFR2_EL1] = m->mmfr2;
    sr[SR_ID_AA64ZFR0_EL1] = 0;
    sr[SR_ID_AA64SMFR0_EL1] = 0;
    for (const struct a64_id_feature *f = m->features; f && f->feat; f++)
        sr[f->reg] = deposit64(sr[f->reg], f->shift, 4, f->value);
    /* ID_AA64PFR0_EL1.EL2 / EL3: 0b0001 = implemented, AArch64 only; 0 = not implemented. */
    sr[SR_ID_AA64PFR0_EL1] = deposit64(sr[SR_ID_AA64PFR0_EL1], 8, 4, cpu->have_el2);
    sr[SR_ID_AA64PFR0_EL1] = deposit64(sr[SR_ID_AA64PFR0_EL1], 12, 4, cpu->have_el3);
    /* The virtualized identity that EL1 of a guest reads resets to the real one. */
    sr[SR_VPIDR_EL2] = sr[SR_MIDR_EL1];
    sr[SR_VMPIDR_EL2] = sr[SR_MPIDR_EL1];
}
