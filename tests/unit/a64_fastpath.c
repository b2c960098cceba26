/* SPDX-License-Identifier: MIT */
/* Unit test: the vCPU's fast host-pointer path stays exact (cpu/arm64/mem.c, mmu.c, tlb/):
 * a fast entry goes when its TLB entry is evicted (else a later TLBI, which only finds what
 * the TLB holds, would leave a stale translation behind); misaligned accesses within a page. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/sysreg.h"
#include "a64_unit.h"
#include "check.h"

#define RAM 0x40000000ull
static struct machine m;
static struct emu_config cfg = {.ram_size = 64 << 20, .smp = 1, .cpu_model = "max"};
static struct a64_cpu *cpu;
static jmp_buf jb; /* never set: a stray exception outside A64_FAULTS() crashes the test */

static void wr(u64 pa, u64 v)
{
    as_write(&m.as, pa, 8, v);
}


/* 4K granule, T0SZ=25: L1[2] -> L2, L2[0..NL3-1] -> NL3 level-3 tables: VA 0x80000000 and up,
 * NL3 * 2 MiB of pages. */
#define L1 (RAM + 0x100000)
#define L2 (RAM + 0x101000)
#define L3(n) (RAM + 0x102000 + (n) * 0x1000ull)
#define NL3 16
#define P(n) (RAM + 0x200000 + (n) * 0x1000ull)
#define VA 0x80000000ull
/* AttrIndx 0 (MAIR byte 0xff: Normal WB) or 1 (0x00: Device-nGnRnE), AF, inner shareable. */
#define PAGE(pa, attr) ((pa) | (1 << 10) | (3 << 8) | ((attr) << 2) | 3)

static void map(u64 va, u64 pte)
{
    wr(L3(0) + ((va - VA) >> 12) * 8, pte);
}

static void tlbi_vae1(u64 va)
{
    cpu->x[5] = va >> 12;
    a64_sysreg_access(cpu, SR_ENC(1, 0, 8, 7, 1), 5, false);
}

static u32 nvalid;
static void count_entry(void *opaque, const struct tlb_entry *e)
{
    nvalid++;
}

static void test_eviction(void)
{
    /* VA -> P(1); many other pages -> P(2), read until the TLB has evicted VA's entry, all
     * chosen so that none shares VA's fast-path slot: only the eviction can drop it. */
    map(VA, PAGE(P(1), 0));
    CHECK_EQ(a64_read(cpu, VA, 8, 0), 0x1111);
    u64 n, npages = NL3 * 512ull;
    for (n = 1; n < npages && tlb_lookup(&cpu->mmu->tlb, VMSA_REGIME_EL10, 0, 0, VA); n++) {
        if (n % A64_FAST_ENTRIES == 0)
            continue;
        map(VA + n * PAGE_SIZE, PAGE(P(2), 0));
        CHECK_EQ(a64_read(cpu, VA + n * PAGE_SIZE, 8, 0), 0x2222);
    }
    CHECK(n < npages); /* the entry was evicted */
    /* The PTE changes; TLBI VAE1 finds nothing in the TLB; the next read must walk. */
    map(VA, PAGE(P(3), 0));
    tlbi_vae1(VA);
    CHECK_EQ(a64_read(cpu, VA, 8, 0), 0x3333);
    /* nvalid counts the valid entries exactly, evictions included. */
    nvalid = 0;
    tlb_for_each(&cpu->mmu->tlb, count_entry, NULL);
    CHECK_EQ(cpu->mmu->tlb.nvalid, nvalid);
}

static u64 tlb_lookups(void)
{
    return cpu->mmu->tlb.stats.hits + cpu->mmu->tlb.stats.misses;
}

/* VA + 0x1000: Normal page P(4); VA + 0x2000: Device page P(5); VA + 0x3000: unmapped. */
static void test_misaligned(void)
{
    map(VA + 0x1000, PAGE(P(4), 0));
    map(VA + 0x2000, PAGE(P(5), 1));
    map(VA + 0x3000, 0);
    map(VA + 0x4000, PAGE(P(6), 0));
    a64_tlb_invalidate(cpu, &(struct tlb_inv){.kind = TLB_INV_ALL, .ttl_level = -1});
    for (int i = 0; i < 16; i++)
        as_write(&m.as, P(4) + 0x100 + i, 1, 0x10 + i);
    CHECK_EQ(a64_read(cpu, VA + 0x1100, 8, 0), 0x1716151413121110ull); /* fills the entry */
    u64 n = tlb_lookups();
    CHECK_EQ(a64_read(cpu, VA + 0x1101, 8, 0), 0x1817161514131211ull);
    CHECK_EQ(a64_read(cpu, VA + 0x1103, 4, 0), 0x16151413);
    CHECK_EQ(a64_read(cpu, VA + 0x1105, 2, 0), 0x1615);
    a64_write(cpu, VA + 0x1107, 4, 0xa1a2a3a4, 0);
    CHECK_EQ(a64_read(cpu, VA + 0x1108, 8, 0), 0x1f1e1d1c1ba1a2a3ull);
    CHECK_EQ(tlb_lookups(), n); /* all of them without a translation */
    /* Still faults where it must: SCTLR_EL1.A, exclusives, Device memory. */
    cpu->sr[SR_SCTLR_EL1] |= 2;
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x1101, 8, 0)));
    CHECK_EQ(cpu->sr[SR_ESR_EL1], 0x96000021);
    cpu->sr[SR_SCTLR_EL1] &= ~2ull;
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x1101, 4, A64_MEM_EXCL)));
    CHECK_EQ(a64_read(cpu, VA + 0x2008, 8, 0), 0); /* an aligned access fills the entry */
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x2009, 4, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000021 && cpu->sr[SR_FAR_EL1] == VA + 0x2009);
    CHECK(A64_FAULTS(cpu, a64_write(cpu, VA + 0x200b, 2, 0, 0)));
    CHECK_EQ(cpu->sr[SR_ESR_EL1], 0x96000061);

    /* 16-byte accesses: the hit path, A64_MEM_ALIGN, a fault on the second page that writes
     * neither memory nor the result. */
    u64 v[2] = {0, 0};
    a64_read16(cpu, VA + 0x1108, v, 0);
    CHECK(v[0] == 0x1f1e1d1c1ba1a2a3ull && v[1] == 0);
    const u64 w[2] = {0x1234, 0x5678};
    a64_write16(cpu, VA + 0x1ff0, w, 0);
    a64_read16(cpu, VA + 0x1ff0, v, 0);
    CHECK(v[0] == 0x1234 && v[1] == 0x5678);
    CHECK(A64_FAULTS(cpu, a64_read16(cpu, VA + 0x1ff8, v, A64_MEM_ALIGN)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000021 && cpu->sr[SR_FAR_EL1] == VA + 0x1ff8);
    map(VA + 0x2000, 0);
    tlbi_vae1(VA + 0x2000);
    const u64 w2[2] = {0xaaaa, 0xbbbb};
    CHECK(A64_FAULTS(cpu, a64_write16(cpu, VA + 0x1ff8, w2, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000047 && cpu->sr[SR_FAR_EL1] == VA + 0x2000);
    CHECK_EQ(a64_read(cpu, VA + 0x1ff8, 8, 0), 0x5678);
    v[0] = v[1] = 7;
    CHECK(A64_FAULTS(cpu, a64_read16(cpu, VA + 0x1ff8, v, 0)));
    CHECK(cpu->sr[SR_ESR_EL1] == 0x96000007 && cpu->sr[SR_FAR_EL1] == VA + 0x2000);
    CHECK(v[0] == 7 && v[1] == 7);
    /* Misaligned 16 bytes within a page: correct bytes through the slow path. */
    a64_read16(cpu, VA + 0x1101, v, 0);
    CHECK(v[0] == 0xa3a4161514131211ull && v[1] == 0x1f1e1d1c1ba1a2ull);
}

/* The fetch path caches the decoded page in the fast entry; a remapped code page, and retired
 * decoded pages, are seen at the next lookup. */
static void test_fetch(void)
{
    struct mem_region *mr = as_find(&m.as, P(6));
    struct a64_dpage *p6 = a64_fetch_dpage(cpu, VA + 0x4010);
    CHECK(p6 && p6->pa == P(6) && *mr_code_slot(mr, P(6)) == p6);
    u64 n = tlb_lookups();
    CHECK(a64_fetch_dpage(cpu, VA + 0x4ffc) == p6);
    CHECK_EQ(tlb_lookups(), n);
    /* Remap to P(7): stale until TLBI, then the new page. */
    map(VA + 0x4000, PAGE(P(7), 0));
    CHECK(a64_fetch_dpage(cpu, VA + 0x4000) == p6);
    tlbi_vae1(VA + 0x4000);
    struct a64_dpage *p7 = a64_fetch_dpage(cpu, VA + 0x4000);
    CHECK(p7 && p7 != p6 && p7->pa == P(7));
    /* Every decoded page retired (snapshot load): the cached pointer goes too. */
    a64_code_cache_flush_all(&m);
    a64_code_cache_reap(&m);
    CHECK(*mr_code_slot(mr, P(7)) == NULL);
    struct a64_dpage *q = a64_fetch_dpage(cpu, VA + 0x4000);
    CHECK(q && q->pa == P(7) && *mr_code_slot(mr, P(7)) == q);
    /* A fetch from an unmapped page is an instruction abort, from a mapped one without
     * decoded code yet a new page. */
    CHECK(A64_FAULTS(cpu, a64_fetch_dpage(cpu, VA + 0x3000)));
    CHECK_EQ(cpu->sr[SR_ESR_EL1], 0x86000007);
    /* A misaligned pc misses the cached page: PC alignment fault (EC 0x22), FAR = pc. */
    CHECK(a64_fetch_dpage(cpu, VA + 0x4000) == q);
    CHECK(A64_FAULTS(cpu, a64_fetch_dpage(cpu, VA + 0x4002)));
    CHECK_EQ(cpu->sr[SR_ESR_EL1], 0x8a000000);
    CHECK_EQ(cpu->sr[SR_FAR_EL1], VA + 0x4002);
}

static void msr(u32 enc, u64 v)
{
    cpu->x[5] = v;
    a64_sysreg_access(cpu, enc, 5, false);
}

/* A translation-register write that changes nothing keeps the fast tables; one that changes
 * something flushes them; PSTATE.PAN selects another table (permissions follow at once). */
static void test_ctx_writes(void)
{
    map(VA + 0x5000, PAGE(P(4), 0) | (1 << 6)); /* EL0-accessible: PAN matters */
    cpu->pan = false; /* (exception entries above set it: SCTLR_EL1.SPAN is 0) */
    msr(SR_ENC(3, 0, 1, 0, 0), cpu->sr[SR_SCTLR_EL1]); /* (adds the RES1 bits) */
    a64_tlb_invalidate(cpu, &(struct tlb_inv){.kind = TLB_INV_ALL, .ttl_level = -1});
    CHECK_EQ(a64_read(cpu, VA + 0x1100, 8, 0) & 0xff, 0x10);
    CHECK_EQ(a64_read(cpu, VA + 0x5100, 8, 0) & 0xff, 0x10);
    u64 flushes = cpu->mmu->stats.fast_flushes, n = tlb_lookups();
    msr(SR_ENC(3, 0, 13, 0, 1), 42);                      /* CONTEXTIDR_EL1 */
    msr(SR_ENC(3, 0, 2, 0, 0), cpu->sr[SR_TTBR0_EL1]);    /* TTBR0_EL1, same value */
    msr(SR_ENC(3, 0, 1, 0, 0), cpu->sr[SR_SCTLR_EL1]);    /* SCTLR_EL1, same value */
    a64_set_el(cpu, 1, true);                             /* an exception return to EL1 */
    CHECK_EQ(a64_read(cpu, VA + 0x1100, 8, 0) & 0xff, 0x10);
    CHECK(cpu->mmu->stats.fast_flushes == flushes && tlb_lookups() == n);
    /* PAN=1: the EL0-accessible page faults at EL1 (permission, level 3); PAN=0: readable. */
    cpu->pan = true;
    a64_mmu_ctx_changed(cpu);
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x5100, 8, 0)));
    CHECK_EQ(cpu->sr[SR_ESR_EL1], 0x9600000f);
    cpu->pan = false;
    a64_mmu_ctx_changed(cpu);
    n = tlb_lookups();
    CHECK_EQ(a64_read(cpu, VA + 0x5100, 8, 0) & 0xff, 0x10);
    CHECK_EQ(tlb_lookups(), n); /* the PAN=0 table kept its entry */
    /* A real change flushes: MAIR attr 0 becomes Device (the TLB may hold the old attributes
     * until TLBI), so a misaligned read faults now. */
    msr(SR_ENC(3, 0, 10, 2, 0), 0x0000);                  /* MAIR_EL1 */
    CHECK(cpu->mmu->stats.fast_flushes > flushes);
    a64_tlb_invalidate(cpu, &(struct tlb_inv){.kind = TLB_INV_ALL, .ttl_level = -1});
    CHECK(A64_FAULTS(cpu, a64_read(cpu, VA + 0x1101, 4, 0)));
    CHECK_EQ(cpu->sr[SR_ESR_EL1], 0x96000021);
    msr(SR_ENC(3, 0, 10, 2, 0), 0x00ff);
}

int main(void)
{
    as_init(&m.as);
    m.cfg = &cfg;
    as_add_ram(&m.as, "ram", RAM, 64 << 20);
    a64_code_cache_init(&m);
    cpu = a64_cpu_create(&m, "max");
    a64_cpu_reset(cpu, 1, RAM);
    cpu->exc_jmp = &jb;

    for (u64 a = L1; a < L3(NL3); a += 8)
        wr(a, 0);
    wr(L1 + 2 * 8, L2 | 3);
    for (int i = 0; i < NL3; i++)
        wr(L2 + i * 8, L3(i) | 3);
    for (int n = 1; n <= 4; n++)
        wr(P(n), 0x1111ull * n);
    cpu->sr[SR_MAIR_EL1] = 0x00ff;
    cpu->sr[SR_TCR_EL1] = 25 | (1ull << 23) | (2ull << 32);
    cpu->sr[SR_TTBR0_EL1] = L1;
    cpu->sr[SR_SCTLR_EL1] = 1;
    a64_mmu_ctx_changed(cpu);

    test_eviction();
    test_misaligned();
    test_fetch();
    test_ctx_writes();
    return check_exit("a64_fastpath");
}
