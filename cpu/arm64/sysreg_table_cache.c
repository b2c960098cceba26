/* SPDX-License-Identifier: MIT */
/*
 * DC and IC cache-maintenance instructions (Arm ARM C5.3, D7.5). emu models no caches and its
 * decoded-code cache is coherent with memory, so these are permission-checked no-ops: by-VA
 * operations translate and fault like the access the Arm ARM names (D7.5.9: DC IVAC needs
 * write permission, cleans need read permission, faults report ESR.CM = 1). DC ZVA zeroes the
 * DCZID_EL0 block like a store.
 */
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"
#include "cpu/arm64/sysreg_tables.h"

#define R(n, o0, o1, cn, cm, o2) .name = #n, .enc = SR_ENC(o0, o1, cn, cm, o2)

static u64 el0_sctlr(const struct a64_cpu *cpu)
{
    return a64_in_host(cpu) ? cpu->sr[SR_SCTLR_EL2] : cpu->sr[SR_SCTLR_EL1];
}

/* EL0 cache maintenance by VA needs SCTLR_EL1.UCI, else it traps (EC 0x18). */
static int check_uci(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (cpu->el == 0 && !(el0_sctlr(cpu) & SCTLR_UCI))
        a64_sr_trap(cpu, r, a64_sync_target_el(cpu));
    return A64_SR_OK;
}

/* DC ZVA: EL0 needs SCTLR_EL1.DZE; HCR_EL2.TDZ traps a guest's EL0/EL1 to EL2. */
static int check_zva(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (cpu->el == 0 && !(el0_sctlr(cpu) & SCTLR_DZE))
        a64_sr_trap(cpu, r, a64_sync_target_el(cpu));
    if (cpu->el <= 1 && !a64_in_host(cpu) && (a64_hcr(cpu) & HCR_EL2_TDZ))
        a64_sr_trap(cpu, r, 2);
    return A64_SR_OK;
}

static void sys_nop(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 va)
{
}

/* Clean / clean+invalidate by VA: a read-permission check. */
static void dc_clean_va(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 va)
{
    a64_read(cpu, va, 1, A64_MEM_CACHEOP);
}

/* DC IVAC: invalidation could expose stale data, so it needs write permission. */
static void dc_ivac(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 va)
{
    if (!a64_rmw_ptr(cpu, va, 1, A64_MEM_CACHEOP))
        a64_read(cpu, va, 1, A64_MEM_CACHEOP);
}

static void dc_zva(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 va)
{
    unsigned bytes = 4u << (cpu->sr[SR_DCZID_EL0] & 0xf);
    u64 base = va & ~(u64)(bytes - 1);
    for (unsigned i = 0; i < bytes; i += 8)
        a64_write(cpu, base + i, 8, 0, 0);
}

#define SYSOP .slot = -1, .access

static const struct a64_sysreg cache_rows[] = {
    {R(IC IALLUIS, 1, 0, 7, 1, 0), SYSOP = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPU,
     .write = sys_nop},
    {R(IC IALLU, 1, 0, 7, 5, 0), SYSOP = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPU,
     .write = sys_nop},
    {R(IC IVAU, 1, 3, 7, 5, 1), SYSOP = SRA_W0 | SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPU,
     .check = check_uci, .write = dc_clean_va},
    {R(DC IVAC, 1, 0, 7, 6, 1), SYSOP = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPC,
     .write = dc_ivac},
    {R(DC ISW, 1, 0, 7, 6, 2), SYSOP = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TSW,
     .write = sys_nop},
    {R(DC CSW, 1, 0, 7, 10, 2), SYSOP = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TSW,
     .write = sys_nop},
    {R(DC CISW, 1, 0, 7, 14, 2), SYSOP = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TSW,
     .write = sys_nop},
    {R(DC ZVA, 1, 3, 7, 4, 1), SYSOP = SRA_W0 | SRA_W1 | SRA_W2 | SRA_W3, .check = check_zva,
     .write = dc_zva},
    {R(DC CVAC, 1, 3, 7, 10, 1), SYSOP = SRA_W0 | SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPC,
     .check = check_uci, .write = dc_clean_va},
    {R(DC CVAU, 1, 3, 7, 11, 1), SYSOP = SRA_W0 | SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPU,
     .check = check_uci, .write = dc_clean_va},
    {R(DC CIVAC, 1, 3, 7, 14, 1), SYSOP = SRA_W0 | SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TPC,
     .check = check_uci, .write = dc_clean_va},
    {0},
};

void a64_sysreg_tables_cache(void)
{
    a64_sysreg_register(cache_rows);
}
