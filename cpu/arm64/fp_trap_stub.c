/* SPDX-License-Identifier: MIT */
/* Temporary SIMD&FP access trap until the sys engineer's CPACR/CPTR handling lands
 * (Arm ARM D1.3: EC 0x07 to EL1). Replaced by cpu/arm64 sys code. */
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"

NORETURN void a64_fp_trap(struct a64_cpu *cpu)
{
    a64_raise(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_FP_ASIMD, true, 0), 0, false);
}
