/* SPDX-License-Identifier: MIT */
/* vCPU creation and reset. Arm ARM D1.9 (reset), D17.2 (register reset values). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"
#include "cpu/arm64/sysreg_tables.h"

struct a64_cpu *a64_cpu_create(struct machine *m, const char *model_name)
{
    a64_sysreg_tables_core();
    const struct a64_model *model = a64_model_find(model_name);
    if (!model) {
        fprintf(stderr, "emu: unknown -cpu '%s'; available models:\n", model_name);
        a64_model_list();
        usage_error("unknown CPU model '%s'", model_name);
    }
    struct a64_cpu *cpu = calloc(1, sizeof(*cpu));
    if (!cpu)
        fatal("out of memory");
    cpu->vcpu.ops = &a64_vcpu_ops;
    cpu->model = model;
    machine_add_cpu(m, &cpu->vcpu);
    a64_mmu_init(cpu); /* translation state; registers the TLBI/AT rows */
    a64_sysreg_finalize();
    a64_snapshot_register(cpu);
    cpu->semihosting = m->cfg->semihosting;
    return cpu;
}

void a64_cpu_reset(struct a64_cpu *cpu, int el, u64 pc)
{
    memset(cpu->x, 0, sizeof(cpu->x));
    memset(cpu->sp_el, 0, sizeof(cpu->sp_el));
    memset(cpu->elr_el, 0, sizeof(cpu->elr_el));
    memset(cpu->spsr_el, 0, sizeof(cpu->spsr_el));
    memset(cpu->v, 0, sizeof(cpu->v));
    cpu->fpcr = cpu->fpsr = 0;
    cpu->nzcv = 0;
    cpu->daif = PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F;
    cpu->pan = cpu->uao = cpu->dit = cpu->tco = cpu->ss = cpu->il = false;
    cpu->ssbs = false;
    cpu->btype = 0;
    cpu->excl_valid = false;
    cpu->event_reg = false;
    cpu->have_el2 |= el == 2;
    cpu->have_el3 |= el == 3;
    cpu->reset_el = (u8)el;
    a64_sysreg_reset(cpu);
    a64_model_apply(cpu);
    /* Without EL3 the guest's EL2 (if any) runs Non-secure; with EL3 but entering below it,
     * emu's firmware has set SCR_EL3 up for a Non-secure AArch64 guest. */
    if (cpu->have_el3 && el < 3)
        cpu->sr[SR_SCR_EL3] |= SCR_EL3_NS | (cpu->have_el2 ? SCR_EL3_HCE : 0);
    a64_set_el(cpu, (unsigned)el, true);
    cpu->pc = pc;
    a64_fetch_invalidate(cpu);
    a64_mmu_ctx_changed(cpu);
}

void a64_set_irq_line(struct a64_cpu *cpu, u32 line, bool level)
{
    u32 old = cpu->irq_lines;
    cpu->irq_lines = level ? old | line : old & ~line;
    if (cpu->irq_lines != old)
        vcpu_kick(&cpu->vcpu);
}
