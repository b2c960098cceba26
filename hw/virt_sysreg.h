/* SPDX-License-Identifier: MIT */
/* Helpers shared by the device-owned system registers (GIC CPU interface, generic timer). */
#ifndef EMU_HW_VIRT_SYSREG_H
#define EMU_HW_VIRT_SYSREG_H

#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"

/* Trap the current MRS/MSR to target_el with EC 0x18 and the ISS of Arm ARM D17.2.37
 * ("ISS encoding for an exception from MSR, MRS, or System instruction execution"). */
NORETURN void virt_sysreg_trap(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read,
                               unsigned target_el);

static inline bool virt_e2h(const struct a64_cpu *cpu)
{
    return cpu->sr[SR_HCR_EL2] & HCR_EL2_E2H;
}
/* HCR_EL2.{E2H,TGE} == {1,1}: the EL2&0 translation regime (VHE host). */
static inline bool virt_host_el20(const struct a64_cpu *cpu)
{
    return (cpu->sr[SR_HCR_EL2] & (HCR_EL2_E2H | HCR_EL2_TGE)) == (HCR_EL2_E2H | HCR_EL2_TGE);
}

#endif
