/* SPDX-License-Identifier: MIT */
/* Trapping device-owned system-register accesses to a higher EL. Arm ARM D17.2.37. */
#include "hw/virt_sysreg.h"

void virt_sysreg_trap(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read,
                      unsigned target_el)
{
    a64_sr_trap(cpu, r, target_el); /* ISS from the access in progress (cpu/arm64/sysreg.c) */
}
