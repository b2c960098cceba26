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
#include "check.h"

#define RAM 0x40000000ull
static struct machine m;
static struct emu_config cfg = {.ram_size = 64 << 20, .smp = 1, .cpu_model = "max"};
static struct a64_cpu *cpu;
static jmp_buf jb;

static void wr(u64 pa, u64 v)
{
    as_write(&m.as, pa, 8, v);
}

/* Run stmt; true if it raised an exception (EL1 is then restored). */
#define FAULTS(stmt)                                                                           \
    ({                                                                                         \
        volatile bool _f = false;                                                              \
        cpu->exc_jmp = &jb;                                                                    \
        if (setjmp(jb)) {                                                                      \
            _f = true;                                                                         \
            a64_set_el(cpu, 1, true);                                                          \
        } else {                                                                               \
            stmt;                                                                              \
        }                                                                                      \
        _f;                                                                                    \
    })

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
    return check_exit("a64_fastpath");
}
