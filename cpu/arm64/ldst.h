/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the A64 load/store handlers: base register with the SP alignment check
 * (Arm ARM D1.3.5.3 "SP alignment checking") and the data-abort ISS description.
 */
#ifndef EMU_CPU_ARM64_LDST_H
#define EMU_CPU_ARM64_LDST_H

#include "cpu/arm64/alu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"

#define SCTLR_SA (1ull << 3)
#define SCTLR_SA0 (1ull << 4)
#define HCR_EL2_TGE_BIT (1ull << 27)
#define HCR_EL2_E2H_BIT (1ull << 34)

/* Is SP alignment checking enabled at the current EL? EL0 uses SCTLR_EL1.SA0, or
 * SCTLR_EL2.SA0 when HCR_EL2.{E2H,TGE} = {1,1} (EL2&0 regime). */
static inline bool a64_sp_align_check(const struct a64_cpu *cpu)
{
    switch (cpu->el) {
    case 0: {
        u64 hcr = cpu->sr[SR_HCR_EL2];
        bool el20 = (hcr & HCR_EL2_E2H_BIT) && (hcr & HCR_EL2_TGE_BIT);
        return cpu->sr[el20 ? SR_SCTLR_EL2 : SR_SCTLR_EL1] & SCTLR_SA0;
    }
    case 1:
        return cpu->sr[SR_SCTLR_EL1] & SCTLR_SA;
    case 2:
        return cpu->sr[SR_SCTLR_EL2] & SCTLR_SA;
    default:
        return cpu->sr[SR_SCTLR_EL3] & SCTLR_SA;
    }
}

/* The base register Xn|SP of an address; SP must be 16-byte aligned when checking is on. */
static inline u64 a64_ldst_base(struct a64_cpu *cpu, int rn)
{
    if (rn != 31)
        return cpu->x[rn];
    u64 sp = cpu->sp_el[cpu->sp_idx];
    if (unlikely(sp & 15) && a64_sp_align_check(cpu))
        a64_raise(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_SP_ALIGN, true, 0), 0, false);
    return sp;
}

/* ISS description of a single-register access without writeback (ISV=1). */
static inline u32 a64_ldst_iss(int rt, bool sf, bool sse, bool ar)
{
    return A64_MEM_ISV | A64_MEM_SRT(rt) | (sf ? A64_MEM_SF : 0) | (sse ? A64_MEM_SSE : 0) |
           (ar ? A64_MEM_AR : 0);
}

static inline u64 a64_sext(u64 v, unsigned bytes)
{
    unsigned sh = 64 - 8 * bytes;
    return (u64)((s64)(v << sh) >> sh);
}

#endif
