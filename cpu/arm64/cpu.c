/* SPDX-License-Identifier: MIT */
/* vCPU creation and reset. Arm ARM D1.9 (reset). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/sysreg.h"

struct a64_cpu *a64_cpu_create(struct machine *m, const char *model_name)
{
    struct a64_cpu *cpu = calloc(1, sizeof(*cpu));
    if (!cpu)
        fatal("out of memory");
    cpu->vcpu.ops = &a64_vcpu_ops;
    machine_add_cpu(m, &cpu->vcpu);
    a64_mmu_init(cpu); /* translation state; registers the TLBI/AT rows */
    a64_sysreg_finalize();
    cpu->semihosting = m->cfg->semihosting;
    return cpu;
}

void a64_cpu_reset(struct a64_cpu *cpu, int el, u64 pc)
{
    memset(cpu->x, 0, sizeof(cpu->x));
    memset(cpu->sp_el, 0, sizeof(cpu->sp_el));
    memset(cpu->v, 0, sizeof(cpu->v));
    cpu->fpcr = cpu->fpsr = 0;
    cpu->nzcv = 0;
    cpu->daif = PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F;
    cpu->excl_valid = false;
    a64_set_el(cpu, (unsigned)el, true);
    cpu->pc = pc;
    a64_fetch_invalidate(cpu);
}

void a64_set_irq_line(struct a64_cpu *cpu, u32 line, bool level)
{
    u32 old = cpu->irq_lines;
    cpu->irq_lines = level ? old | line : old & ~line;
    if (cpu->irq_lines != old)
        vcpu_kick(&cpu->vcpu);
}
