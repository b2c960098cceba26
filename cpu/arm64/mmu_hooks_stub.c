/* SPDX-License-Identifier: MIT */
/* Default translation-change hook until the MMU (cpu/arm64/mmu*.c) provides the real one. */
#include "cpu/arm64/mem.h"

void a64_mmu_ctx_changed(struct a64_cpu *cpu)
{
    a64_fetch_invalidate(cpu);
}
