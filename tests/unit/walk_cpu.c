/* SPDX-License-Identifier: MIT */
/* Unit test: translation as a vCPU sees it (cpu/arm64/mem.c, mmu.c, tlbi.c): MMU-off Device
 * alignment, the fast path, ASID retention without walks, stale PTEs until TLBI, permission
 * and fetch aborts with their ESR, code pages losing fast write pointers, TLBI broadcast and
 * the HCR_EL2.TTLB trap. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/sysreg.h"
#include "tests/unit/a64_unit.h"

#define RAM 0x40000000ull
static int fails, checks;
#define CHECK(c)                                                                               \
    do {                                                                                       \
        checks++;                                                                              \
        if (!(c)) {                                                                            \
            fails++;                                                                           \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                \
        }                                                                                      \
    } while (0)

static struct machine m;
static struct emu_config cfg = {.ram_size = 64 << 20, .smp = 2, .cpu_model = "max"};
static struct a64_cpu *cpu, *cpu2;
static jmp_buf jb; /* never set: a stray exception outside A64_FAULTS() crashes the test */

static void wr(u64 pa, u64 v)
{
    as_write(&m.as, pa, 8, v);
}


#define L1A (RAM + 0x100000)
#define L2A (RAM + 0x101000)
#define L3A (RAM + 0x102000)
#define L1B (RAM + 0x103000)
#define L2B (RAM + 0x104000)
#define L3B (RAM + 0x105000)
#define P(n) (RAM + 0x200000 + (n) * 0x1000ull)
#define VA 0x80000000ull
#define PAGE(pa, ap) ((pa) | (1 << 10) | (3 << 8) | (1 << 11) | ((ap) << 6) | 3)

static void tlbi(struct a64_cpu *c, u32 op1, u32 crm, u32 op2, u64 xt)
{
    c->x[5] = xt;
    a64_sysreg_access(c, SR_ENC(1, op1, 8, crm, op2), 5, false);
}

int main(void)
{
    as_init(&m.as);
    m.cfg = &cfg;
    as_add_ram(&m.as, "ram", RAM, 64 << 20);
    a64_code_cache_init(&m);
    cpu = a64_cpu_create(&m, "max");
    cpu2 = a64_cpu_create(&m, "max");
    a64_cpu_reset(cpu, 1, RAM);
    a64_cpu_reset(cpu2, 1, RAM);

    /* MMU off: flat; data is Device-nGnRnE, so an unaligned access is an Alignment fault. */
    a64_write(cpu, RAM + 0x1000, 8, 0x1122334455667788ull, 0);
    CHECK(a64_read(cpu, RAM + 0x1000, 8, 0) == 0x1122334455667788ull);
    CHECK(A64_FAULTS(cpu, a64_read(cpu, RAM + 0x1001, 4, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000021 && cpu->sr[SR_FAR_EL1] == RAM + 0x1001);

    /* Two address spaces: VA -> P(1) under ASID 1 (tables A), VA -> P(2) under ASID 2 (B). */
    for (u64 a = L1A; a < L3B + 0x1000; a += 8)
        wr(a, 0);
    wr(L1A + 2 * 8, L2A | 3);
    wr(L2A, L3A | 3);
    wr(L3A, PAGE(P(1), 0));
    wr(L3A + 8, PAGE(P(4), 2) | (1ull << 53)); /* RO, PXN */
    wr(L1B + 2 * 8, L2B | 3);
    wr(L2B, L3B | 3);
    wr(L3B, PAGE(P(2), 0));
    for (int n = 1; n <= 4; n++)
        wr(P(n), 0x1111ull * n);
    cpu->sr[SR_MAIR_EL1] = 0xff;
    cpu->sr[SR_TCR_EL1] = 25 | (1ull << 23) | (2ull << 32);
    cpu->sr[SR_TTBR0_EL1] = L1A | 1ull << 48;
    cpu->sr[SR_SCTLR_EL1] = 1;
    a64_mmu_ctx_changed(cpu);
    u64 walks0 = cpu->mmu->stats.walks;
    CHECK(a64_read(cpu, VA, 8, 0) == 0x1111);
    u64 walks = cpu->mmu->stats.walks, hits = cpu->mmu->tlb.stats.hits;
    CHECK(walks == walks0 + 1);
    CHECK(a64_read(cpu, VA + 8, 8, 0) == 0 && cpu->mmu->tlb.stats.hits == hits); /* fast path */
    CHECK(cpu->mmu->stats.walks == walks);
    cpu->sr[SR_TTBR0_EL1] = L1B | 2ull << 48;
    a64_mmu_ctx_changed(cpu);
    CHECK(a64_read(cpu, VA, 8, 0) == 0x2222 && cpu->mmu->stats.walks == walks + 1);
    /* Back to ASID 1: the refill is a TLB lookup, not a walk. */
    cpu->sr[SR_TTBR0_EL1] = L1A | 1ull << 48;
    a64_mmu_ctx_changed(cpu);
    CHECK(a64_read(cpu, VA, 8, 0) == 0x1111 && cpu->mmu->stats.walks == walks + 1);
    CHECK(cpu->mmu->tlb.stats.hits == hits + 1);
    /* A changed PTE is not seen until TLBI VAE1 for the ASID. */
    wr(L3A, PAGE(P(3), 0));
    CHECK(a64_read(cpu, VA, 8, 0) == 0x1111);
    tlbi(cpu, 0, 7, 1, (VA >> 12) | 2ull << 48); /* other ASID: kept */
    CHECK(a64_read(cpu, VA, 8, 0) == 0x1111);
    tlbi(cpu, 0, 7, 1, (VA >> 12) | 1ull << 48);
    CHECK(a64_read(cpu, VA, 8, 0) == 0x3333);

    /* Permission fault on a read-only page: DABT_CUR, WnR, level 3. */
    CHECK(a64_read(cpu, VA + 0x1000, 8, 0) == 0x4444);
    CHECK(A64_FAULTS(cpu, a64_write(cpu, VA + 0x1008, 8, 1, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x9600004f && cpu->sr[SR_FAR_EL1] == VA + 0x1008);
    /* Fetch from a PXN page: IABT_CUR permission level 3; from the RW page: fine. */
    CHECK(A64_FAULTS(cpu, a64_translate_fetch(cpu, VA + 0x1000)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x8600000f);
    CHECK(a64_translate_fetch(cpu, VA + 4) == P(3) + 4);
    /* Translation fault, level 3, read. */
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x2000, 8, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000007);
    /* A page crossing read checks both pages: the second is unmapped (FAR: its first byte). */
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x1ffc, 8, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000007 && cpu->sr[SR_FAR_EL1] == VA + 0x2000);
    CHECK(a64_read(cpu, VA + 0xffc, 8, 0) == (0x4444ull << 32));

    /* Decoded code in P(3): fast writes to it stop, and the slow write sends exactly the
     * instructions it overlaps (16..23: slots 4 and 5) back to the decode stub. */
    a64_write(cpu, VA + 16, 8, 7, 0);
    struct a64_dpage *dp = a64_dpage_get(&m, P(3));
    struct mem_region *mr = as_find(&m.as, P(3));
    CHECK(dp && *mr_code_slot(mr, P(3)) == dp);
    a64_exec_fn stub = dp->insn[4].fn;
    dp->insn[3].fn = dp->insn[4].fn = dp->insn[5].fn = dp->insn[6].fn = NULL;
    a64_write(cpu, VA + 16, 8, 8, 0);
    CHECK(*mr_code_slot(mr, P(3)) == dp);
    CHECK(dp->insn[4].fn == stub && dp->insn[5].fn == stub);
    CHECK(dp->insn[3].fn == NULL && dp->insn[6].fn == NULL);
    CHECK(a64_read(cpu, VA + 16, 8, 0) == 8);

    /* TLBI VAE1IS reaches cpu2; HCR_EL2.FB upgrades a local TLBI at EL1 too. */
    cpu2->sr[SR_MAIR_EL1] = 0xff;
    cpu2->sr[SR_TCR_EL1] = cpu->sr[SR_TCR_EL1];
    cpu2->sr[SR_TTBR0_EL1] = L1A | 1ull << 48;
    cpu2->sr[SR_SCTLR_EL1] = 1;
    a64_mmu_ctx_changed(cpu2);
    cpu2->exc_jmp = &jb;
    CHECK(a64_read(cpu2, VA, 8, 0) == 0x3333);
    CHECK(tlb_lookup(&cpu2->mmu->tlb, VMSA_REGIME_EL10, 0, 1, VA) != NULL);
    tlbi(cpu, 0, 3, 1, (VA >> 12) | 1ull << 48); /* VAE1IS */
    CHECK(tlb_lookup(&cpu2->mmu->tlb, VMSA_REGIME_EL10, 0, 1, VA) == NULL);
    CHECK(a64_read(cpu2, VA, 8, 0) == 0x3333);
    tlbi(cpu, 0, 7, 0, 0); /* VMALLE1, local */
    CHECK(tlb_lookup(&cpu2->mmu->tlb, VMSA_REGIME_EL10, 0, 1, VA) != NULL);
    cpu->sr[SR_HCR_EL2] = 1ull << 9 | 1ull << 31; /* FB */
    a64_mmu_ctx_changed(cpu);
    tlbi(cpu, 0, 7, 0, 0);
    CHECK(tlb_lookup(&cpu2->mmu->tlb, VMSA_REGIME_EL10, 0, 1, VA) == NULL);

    /* HCR_EL2.TTLB: TLBI VAE1 at EL1 traps to EL2 with EC 0x18 and the instruction's ISS. */
    struct a64_dpage *cp = a64_dpage_get(&m, RAM);
    wr(RAM, 0xd5088725); /* TLBI VAE1, X5 */
    cp = a64_dpage_get(&m, RAM);
    cpu->cur_page = cp;
    cpu->pc = RAM;
    cpu->sr[SR_HCR_EL2] = 1ull << 25 | 1ull << 31;
    a64_mmu_ctx_changed(cpu);
    CHECK(A64_FAULTS(cpu, tlbi(cpu, 0, 7, 1, 0)));
    CHECK(cpu->sr[SR_ESR_EL2] == (0x18u << 26 | 1u << 25 | 1u << 20 | 1u << 17 | 8u << 10 |
                                  5u << 5 | 7u << 1));
    cpu->sr[SR_HCR_EL2] = 1ull << 31;
    a64_mmu_ctx_changed(cpu);

    /* Stage 2 (HCR_EL2.VM): a write to a read-only IPA is a stage-2 permission fault taken to
     * EL2 with the instruction syndrome (ISV, SAS, SRT, SF) and HPFAR_EL2 = IPA[47:12] << 4;
     * a stage-2 fault on the stage-1 walk sets S1PTW. Stage-2 tables: 4K, T0SZ=32 (32-bit
     * IPA), SL0=1: one level-1 table. */
#define S2L1 (RAM + 0x110000)
#define S2L2 (RAM + 0x111000)
#define S2L3 (RAM + 0x112000)
    for (u64 a = S2L1; a < S2L3 + 0x1000; a += 8)
        wr(a, 0);
    wr(S2L1 + 8, RAM | (1 << 10) | (3 << 8) | (3 << 6) | (0xf << 2) | 1); /* 1G identity, RW */
    wr(S2L1 + 16, S2L2 | 3);
    wr(S2L2, S2L3 | 3);
    wr(S2L3, P(1) | (1 << 10) | (3 << 8) | (1 << 6) | (0xf << 2) | 3); /* IPA 0x80000000: RO */
    cpu->sr[SR_VTCR_EL2] = 32 | 1 << 6 | 1u << 31;
    cpu->sr[SR_VTTBR_EL2] = S2L1 | 3ull << 48;
    cpu->sr[SR_HCR_EL2] = 1ull << 31 | 1;
    wr(L3A, PAGE(VA, 0)); /* stage 1: VA -> IPA 0x80000000 */
    a64_mmu_ctx_changed(cpu);
    a64_tlb_invalidate(cpu, &(struct tlb_inv){.kind = TLB_INV_ALL, .ttl_level = -1});
    CHECK(a64_read(cpu, VA + 8, 8, 0) == 0);
    CHECK(a64_read(cpu, VA, 8, 0) == 0x1111);
    CHECK(A64_FAULTS(cpu, a64_write(cpu, VA + 0x10, 4, 0, A64_MEM_ISV | A64_MEM_SRT(3))));
    CHECK(cpu->el == 1); /* A64_FAULTS() restored EL1; the exception went to EL2: */
    CHECK(cpu->sr[SR_ESR_EL2] == (0x24u << 26 | 1u << 25 | 1u << 24 | 2u << 22 | 3u << 16 |
                                  1u << 6 | 0xf));
    CHECK(cpu->sr[SR_HPFAR_EL2] == (0x80000000ull >> 12) << 4);
    CHECK(cpu->sr[SR_FAR_EL2] == VA + 0x10);
    /* The stage-1 level-3 table moved to an IPA that stage 2 does not map: S1PTW. */
    wr(L2A, 0x80001000 | 3);
    a64_tlb_invalidate(cpu, &(struct tlb_inv){.kind = TLB_INV_ALL, .ttl_level = -1});
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA, 8, A64_MEM_ISV)));
    CHECK(cpu->sr[SR_ESR_EL2] == (0x24u << 26 | 1u << 25 | 1u << 7 | 0x7));
    CHECK(cpu->sr[SR_HPFAR_EL2] == (0x80001000ull >> 12) << 4);
    wr(L2A, L3A | 3);
    cpu->sr[SR_HCR_EL2] = 1ull << 31;
    a64_mmu_ctx_changed(cpu);

    a64_mmu_print_stats(cpu, stdout);
    a64_mmu_print_tlb(cpu, stdout);
    a64_mmu_print_walk(cpu, VA + 0x1234, 1, stdout);
    a64_mmu_dump(cpu, VA, false, 4, 8, stdout);
    a64_mmu_dump(cpu, P(1), true, 16, 1, stdout);
    printf("walk_cpu: %d checks, %d failed\n", checks, fails);
    return fails != 0;
}
