/* SPDX-License-Identifier: MIT */
/* Trapping device-owned system-register accesses to a higher EL. Arm ARM D17.2.37. */
#include "hw/virt_sysreg.h"

#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"

void virt_sysreg_trap(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read,
                      unsigned target_el)
{
    u32 e = r->enc;
    u32 op0 = e >> 14 & 3, op1 = e >> 11 & 7, crn = e >> 7 & 15, crm = e >> 3 & 15, op2 = e & 7;
    u32 rt = a64_raw_insn(cpu) & 31; /* MRS/MSR (register): Rt is bits [4:0] */
    u32 iss = op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | is_read;
    a64_raise(cpu, target_el, esr_make(ESR_EC_SYS64, true, iss), 0, false);
}
