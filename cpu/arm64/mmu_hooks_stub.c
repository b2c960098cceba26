/* SPDX-License-Identifier: MIT */
/*
 * Default translation-change hook until the MMU (cpu/arm64/mmu*.c) provides the real one.
 * Weak, so that merging the MMU's definition before this file is deleted still links.
 */
#include "cpu/arm64/mem.h"

__attribute__((weak)) void a64_mmu_ctx_changed(struct a64_cpu *cpu)
{
    a64_fetch_invalidate(cpu);
}
