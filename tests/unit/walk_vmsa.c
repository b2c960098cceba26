/* SPDX-License-Identifier: MIT */
/* Unit test: the VMSAv8-64 walker (mmu/vmsa.c) on synthetic tables in a softmmu RAM region:
 * granules, starting levels, blocks, TTBR0/1, TBI, faults by level, permissions, stage 2. */
#include <stdio.h>
#include <string.h>

#include "mmu/vmsa.h"
#include "softmmu/memory.h"

#define RAM 0x40000000ull
static struct phys_as as;
static int fails, checks;

#define CHECK(c)                                                                               \
    do {                                                                                       \
        checks++;                                                                              \
        if (!(c)) {                                                                            \
            fails++;                                                                           \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                \
        }                                                                                      \
    } while (0)

static bool rd(void *o, u64 pa, u64 *v)
{
    return as_read(&as, pa, 8, v) == BUS_OK;
}

static void wr(u64 pa, u64 v)
{
    as_write(&as, pa, 8, v);
}

static u64 next_table = RAM + 0x100000;
static u64 alloc_table(unsigned gshift)
{
    u64 t = (next_table + (1ull << gshift) - 1) & ~((1ull << gshift) - 1);
    next_table = t + (1ull << gshift);
    u8 zero[65536] = {0};
    as_dma_write(&as, t, zero, 1ull << gshift);
    return t;
}

/* Map va -> pa with a leaf at level leaf_level, creating tables from root. */
static void map(u64 root, unsigned g, int start, u64 va, u64 pa, int leaf_level, u64 attrs)
{
    unsigned stride = g - 3;
    u64 t = root;
    for (int l = start; l <= leaf_level; l++) {
        unsigned shift = g + (unsigned)(3 - l) * stride;
        u64 idx = (va >> shift) & ((l == start ? 0xffffull : (1ull << stride)) - 1);
        if (l == start)
            idx = (va >> shift) & ((1ull << (48 - shift)) - 1) & 0xffff;
        u64 slot = t + idx * 8, d;
        if (l == leaf_level) {
            wr(slot, (pa & ~((1ull << shift) - 1)) | attrs | (l == 3 ? 3 : 1));
            return;
        }
        as_read(&as, slot, 8, &d);
        if (!(d & 1)) {
            d = alloc_table(g) | 3;
            wr(slot, d);
        }
        t = d & 0xfffffffff000ull & ~((1ull << g) - 1);
    }
}

#define AF (1ull << 10)
static const struct vmsa_io io = {.read_pa = rd};

static struct vmsa_s1_params s1_4k(u64 root0, u64 root1)
{
    struct vmsa_s1_params p = {.regime = VMSA_REGIME_EL10, .enabled = true, .two_ranges = true,
                               .oa_bits = 48, .mair = 0xff44000000000000ull | 0x00ff};
    p.tt[0] = (struct vmsa_tt){.baddr = root0, .tsz = 16, .granule_shift = 12};
    p.tt[1] = (struct vmsa_tt){.baddr = root1, .tsz = 16, .granule_shift = 12};
    return p;
}

static void test_4k_levels(void)
{
    u64 root = alloc_table(12), root1 = alloc_table(12);
    struct vmsa_s1_params p = s1_4k(root, root1);
    struct vmsa_result r;
    struct mmu_fault f;
    map(root, 12, 0, 0x12345678000ull, RAM + 0x5000, 3, AF | (1 << 2)); /* page, AttrIndx 1 */
    map(root, 12, 0, 0x4000200000ull, RAM + 0x200000, 2, AF);           /* 2M block */
    map(root, 12, 0, 0x8040000000ull, RAM, 1, AF);                     /* 1G block */
    map(root1, 12, 0, 0xffffffffffe00000ull, RAM + 0x7000, 3, AF);
    CHECK(vmsa_translate(&p, &io, 0x12345678abcull, false, &r, &f));
    CHECK(r.pa == RAM + 0x5000 && r.level == 3 && r.size_shift == 12 && r.a.attr == 0x00);
    CHECK(vmsa_translate(&p, &io, 0x4000212345ull, false, &r, &f));
    CHECK(r.pa == RAM + 0x200000 && r.level == 2 && r.size_shift == 21 && r.a.attr == 0xff);
    CHECK(vmsa_translate(&p, &io, 0x8040123456ull, false, &r, &f));
    CHECK(r.pa == RAM && r.level == 1 && r.size_shift == 30);
    CHECK(vmsa_translate(&p, &io, 0xffffffffffe00010ull, false, &r, &f));
    CHECK(r.pa == RAM + 0x7000 && r.va == 0xffffffffffe00000ull);
    /* Outside both ranges: translation fault at level 0. */
    CHECK(!vmsa_translate(&p, &io, 0x0001000000000000ull, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_TRANSLATION && f.level == 0 && f.stage == 1);
    /* Unmapped at level 3 (table exists) and at level 1. */
    CHECK(!vmsa_translate(&p, &io, 0x12345679000ull, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_TRANSLATION && f.level == 3);
    CHECK(!vmsa_translate(&p, &io, 0x0000010000000000ull, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_TRANSLATION && f.level == 1);
    /* EPD0 disables walks for TTBR0: level 0 translation fault. */
    p.tt[0].epd = true;
    CHECK(!vmsa_translate(&p, &io, 0x12345678abcull, false, &r, &f) && f.level == 0);
    p.tt[0].epd = false;
    /* TBI: the top byte is ignored for data, and for fetches only when TBID=0. */
    CHECK(!vmsa_translate(&p, &io, 0x5a00012345678abcull, false, &r, &f));
    p.tt[0].tbi = true;
    CHECK(vmsa_translate(&p, &io, 0x5a00012345678abcull, false, &r, &f) && r.pa == RAM + 0x5000);
    CHECK(vmsa_translate(&p, &io, 0x5a00012345678abcull, true, &r, &f));
    p.tt[0].tbid = true;
    CHECK(!vmsa_translate(&p, &io, 0x5a00012345678abcull, true, &r, &f));
    CHECK(vmsa_translate(&p, &io, 0x5a00012345678abcull, false, &r, &f));
    /* AF=0: access flag fault at the leaf level. */
    map(root, 12, 0, 0x12345670000ull, RAM + 0x6000, 3, 0);
    CHECK(!vmsa_translate(&p, &io, 0x12345670000ull, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_ACCESS_FLAG && f.level == 3);
    /* Output address beyond IPS (40 bits): address size fault. */
    map(root, 12, 0, 0x12345671000ull, 0x100000000000ull, 3, AF);
    p.oa_bits = 40;
    CHECK(!vmsa_translate(&p, &io, 0x12345671000ull, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_ADDRESS_SIZE && f.level == 3);
    p.oa_bits = 48;
    /* Block descriptor at level 3 (0b01) is reserved: translation fault. */
    u64 d;
    CHECK(vmsa_translate(&p, &io, 0x12345678000ull, false, &r, &f));
    /* A 39-bit range starts at level 1. */
    u64 root39 = alloc_table(12);
    map(root39, 12, 1, 0x7fc0001000ull, RAM + 0x9000, 3, AF);
    p.tt[0] = (struct vmsa_tt){.baddr = root39, .tsz = 25, .granule_shift = 12};
    CHECK(vmsa_translate(&p, &io, 0x7fc0001234ull, false, &r, &f) && r.pa == RAM + 0x9000);
    CHECK(r.level == 3);
    CHECK(!vmsa_translate(&p, &io, 0x8000000000ull, false, &r, &f) && f.level == 0);
    (void)d;
}

static void test_16k_64k(void)
{
    struct vmsa_result r;
    struct mmu_fault f;
    struct vmsa_s1_params p = s1_4k(0, 0);
    /* 16K, 48-bit: level 0 has one bit; a 32M block at level 2. */
    u64 root = alloc_table(14);
    map(root, 14, 0, 0x800002000000ull, RAM + 0x2000000, 2, AF);
    map(root, 14, 0, 0x000000104000ull, RAM + 0x8000, 3, AF);
    p.tt[0] = (struct vmsa_tt){.baddr = root, .tsz = 16, .granule_shift = 14};
    CHECK(vmsa_translate(&p, &io, 0x800002345678ull, false, &r, &f));
    CHECK(r.pa == RAM + 0x2000000 && r.level == 2 && r.size_shift == 25);
    CHECK(vmsa_translate(&p, &io, 0x000000105678ull, false, &r, &f));
    CHECK(r.pa == RAM + 0x8000 && r.level == 3 && r.size_shift == 14);
    /* 64K, 42-bit: starts at level 2; 512M blocks at level 2. */
    u64 root64 = alloc_table(16);
    map(root64, 16, 2, 0x20000000ull, RAM, 2, AF);
    map(root64, 16, 2, 0x3ff00010000ull, RAM + 0x10000, 3, AF);
    p.tt[0] = (struct vmsa_tt){.baddr = root64, .tsz = 22, .granule_shift = 16};
    CHECK(vmsa_translate(&p, &io, 0x20001234ull, false, &r, &f));
    CHECK(r.pa == RAM && r.level == 2 && r.size_shift == 29);
    CHECK(vmsa_translate(&p, &io, 0x3ff0001abcdull, false, &r, &f));
    CHECK(r.pa == RAM + 0x10000 && r.level == 3 && r.size_shift == 16);
    /* 64K has no level-1 blocks without FEAT_LPA: translation fault. */
}

static bool allowed(const struct vmsa_result *r, struct vmsa_who w, enum vmsa_access a)
{
    struct mmu_fault f;
    bool ok = vmsa_check(r, &w, a, &f);
    if (!ok && f.kind != MMU_FAULT_PERMISSION)
        printf("unexpected fault kind %d\n", f.kind);
    return ok;
}

static void test_permissions(void)
{
    struct vmsa_result r = {.level = 3};
    struct vmsa_who k = {.regime = VMSA_REGIME_EL10}, u = k, kp = k;
    u.unpriv = true;
    kp.pan = true;
    r.a = (struct vmsa_attrs){.s1 = true, .attr = 0xff};
    /* AP=00: EL1 RW, EL0 none */
    r.a.ap = 0;
    CHECK(allowed(&r, k, VMSA_READ) && allowed(&r, k, VMSA_WRITE) && !allowed(&r, u, VMSA_READ));
    CHECK(allowed(&r, kp, VMSA_READ)); /* PAN only affects EL0-accessible pages */
    CHECK(allowed(&r, u, VMSA_FETCH)); /* EL0 execute depends on UXN only */
    /* AP=01: both RW; privileged execution never; PAN blocks EL1 data, not fetch */
    r.a.ap = 1;
    CHECK(allowed(&r, u, VMSA_WRITE) && allowed(&r, k, VMSA_WRITE));
    CHECK(!allowed(&r, k, VMSA_FETCH) && allowed(&r, u, VMSA_FETCH));
    CHECK(!allowed(&r, kp, VMSA_READ) && !allowed(&r, kp, VMSA_WRITE));
    /* AP=10: EL1 RO */
    r.a.ap = 2;
    CHECK(allowed(&r, k, VMSA_READ) && !allowed(&r, k, VMSA_WRITE) && !allowed(&r, u, VMSA_READ));
    CHECK(allowed(&r, k, VMSA_FETCH));
    /* AP=11: both RO; PAN blocks EL1 reads */
    r.a.ap = 3;
    CHECK(allowed(&r, u, VMSA_READ) && !allowed(&r, u, VMSA_WRITE) && !allowed(&r, kp, VMSA_READ));
    /* UXN / PXN */
    r.a.uxn = true;
    CHECK(!allowed(&r, u, VMSA_FETCH) && allowed(&r, k, VMSA_FETCH));
    r.a.uxn = false;
    r.a.pxn = true;
    CHECK(allowed(&r, u, VMSA_FETCH) && !allowed(&r, k, VMSA_FETCH));
    r.a.pxn = false;
    /* WXN: writable means execute-never */
    r.a.ap = 0;
    k.wxn = true;
    CHECK(!allowed(&r, k, VMSA_FETCH));
    r.a.ap = 2;
    CHECK(allowed(&r, k, VMSA_FETCH));
    k.wxn = false;
    /* Device memory never executes */
    r.a.attr = 0x04;
    CHECK(!allowed(&r, k, VMSA_FETCH) && allowed(&r, k, VMSA_READ));
    r.a.attr = 0xff;
    /* One-privilege regime (EL2): AP[1] ignored, XN */
    struct vmsa_who h = {.regime = VMSA_REGIME_EL2};
    r.a.ap = 0;
    CHECK(allowed(&r, h, VMSA_WRITE) && allowed(&r, h, VMSA_FETCH));
    r.a.ap = 1;
    CHECK(allowed(&r, h, VMSA_FETCH)); /* no EL0 in this regime: no implicit PXN */
    r.a.ap = 2;
    CHECK(!allowed(&r, h, VMSA_WRITE));
    r.a.uxn = true;
    CHECK(!allowed(&r, h, VMSA_FETCH));
    /* Stage 2: S2AP and XN, reported as stage-2 faults with the stage-2 level and IPA. */
    struct vmsa_result s = {.level = 3, .s2_level = 2, .ipa = 0x80000000};
    s.a = (struct vmsa_attrs){.s1 = true, .ap = 1, .attr = 0xff, .s2 = true, .s2ap = 1};
    struct mmu_fault f;
    CHECK(allowed(&s, u, VMSA_READ));
    CHECK(!vmsa_check(&s, &u, VMSA_WRITE, &f) && f.stage == 2 && f.level == 2 &&
          f.ipa == 0x80000000);
    s.a.s2xn = true;
    CHECK(!allowed(&s, u, VMSA_FETCH));
    /* Stage 1 permission faults come first. */
    s.a.ap = 3;
    CHECK(!vmsa_check(&s, &u, VMSA_WRITE, &f) && f.stage == 1);
}

static void test_table_attrs(void)
{
    struct vmsa_result r;
    struct mmu_fault f;
    u64 root = alloc_table(12);
    struct vmsa_s1_params p = s1_4k(root, 0);
    map(root, 12, 0, 0x40000000ull, RAM + 0x3000, 3, AF | (1 << 6)); /* AP=01 */
    /* Set APTable=0b11, UXNTable, PXNTable on the level-1 table descriptor. */
    u64 l0, l1;
    as_read(&as, root, 8, &l0);
    u64 l1addr = (l0 & 0xfffffffff000ull) + 1 * 8;
    as_read(&as, l1addr, 8, &l1);
    wr(l1addr, l1 | (3ull << 61) | (1ull << 60) | (1ull << 59));
    CHECK(vmsa_translate(&p, &io, 0x40000000ull, false, &r, &f));
    CHECK(r.a.ap == 2 && r.a.uxn && r.a.pxn);
    p.tt[0].hpd = true; /* hierarchical permissions disabled */
    CHECK(vmsa_translate(&p, &io, 0x40000000ull, false, &r, &f));
    CHECK(r.a.ap == 1 && !r.a.uxn && !r.a.pxn);
}

static void test_stage2(void)
{
    struct vmsa_result r;
    struct mmu_fault f;
    /* Stage 2: 4K, 40-bit IPA, SL0=1 (level 1) with two concatenated level-1 tables. */
    u64 s2root = next_table;
    alloc_table(12);
    alloc_table(12);
    struct vmsa_s2_params s2 = {.enabled = true, .baddr = s2root, .tsz = 24, .sl0 = 1,
                                .granule_shift = 12, .oa_bits = 48};
    /* IPA 0x80_0000_0000 + ... lives in the second concatenated table. */
    u64 ipa_tbl = 0x8000000000ull, ipa_page = 0x8000200000ull;
    u64 s1root_pa = alloc_table(12);
    /* Map the stage-1 root's IPA and a data IPA (2M block) in stage 2. */
    map(s2root, 12, 1, ipa_tbl, s1root_pa, 3, AF | (1 << 6)); /* S2AP=01 read */
    map(s2root, 12, 1, ipa_page, RAM + 0x400000, 2, AF | (3 << 6)); /* RW, 2M */
    CHECK(vmsa_s2_translate(&s2, &io, ipa_page + 0x1234, false, &r, &f));
    CHECK(r.pa == RAM + 0x401234 && r.s2_level == 2 && r.a.s2ap == 3);
    CHECK(!vmsa_s2_translate(&s2, &io, 0x10000000000ull, false, &r, &f)); /* beyond 40 bits */
    CHECK(f.kind == MMU_FAULT_TRANSLATION && f.stage == 2);
    /* Stage-1 table at IPA ipa_tbl: build it in PA s1root_pa, mapping VA 0x1000 -> IPA page. */
    u64 l1 = alloc_table(12), l2 = alloc_table(12), l3 = alloc_table(12);
    (void)l1; (void)l2; (void)l3;
    /* The lower tables are used by PA here only via stage 2: map them too. */
    struct vmsa_s1_params p = s1_4k(ipa_tbl, 0);
    struct vmsa_io io2 = {.read_pa = rd, .s2 = &s2};
    /* Root entry points at IPA of l1 = ipa_tbl + 0x1000, etc. */
    map(s2root, 12, 1, ipa_tbl + 0x1000, l1, 3, AF | (1 << 6));
    map(s2root, 12, 1, ipa_tbl + 0x2000, l2, 3, AF | (1 << 6));
    wr(s1root_pa, (ipa_tbl + 0x1000) | 3);
    wr(l1, (ipa_tbl + 0x2000) | 3);
    wr(l2, (ipa_tbl + 0x3000) | 3); /* IPA not mapped at stage 2: S1PTW fault */
    CHECK(!vmsa_translate(&p, &io2, 0x1000, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_TRANSLATION && f.stage == 2 && f.s1ptw && (f.ipa & ~0xfffull) == ipa_tbl + 0x3000);
    map(s2root, 12, 1, ipa_tbl + 0x3000, l3, 3, AF | (1 << 6));
    wr(l3 + 8, ipa_page | AF | 3 | (1 << 6));
    CHECK(vmsa_translate(&p, &io2, 0x1abc, false, &r, &f));
    CHECK(r.pa == RAM + 0x400000 && r.ipa == ipa_page && r.level == 3 && r.s2_level == 2);
    CHECK(r.size_shift == 12 && r.a.s2 && r.a.s2ap == 3);
    /* Stage-2 read permission is needed to walk: S2AP=00 on the l3 table page. */
    map(s2root, 12, 1, ipa_tbl + 0x3000, l3, 3, AF);
    CHECK(!vmsa_translate(&p, &io2, 0x1abc, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_PERMISSION && f.stage == 2 && f.s1ptw && f.level == 3);
    /* SL0 inconsistent with T0SZ (more than 16 concatenated tables): translation fault. */
    s2.tsz = 16;
    CHECK(!vmsa_s2_translate(&s2, &io, ipa_page, false, &r, &f) && f.kind == MMU_FAULT_TRANSLATION);
}

static void test_mmu_off(void)
{
    struct vmsa_s1_params p = {.regime = VMSA_REGIME_EL10};
    struct vmsa_result r;
    struct mmu_fault f;
    CHECK(vmsa_translate(&p, &io, RAM + 0x1234, false, &r, &f));
    CHECK(r.pa == RAM + 0x1000 && vmsa_is_device(&r.a) && !r.a.s1);
    CHECK(vmsa_translate(&p, &io, RAM + 0x1234, true, &r, &f) && !vmsa_is_device(&r.a));
    CHECK(!vmsa_translate(&p, &io, 1ull << 48, false, &r, &f));
    CHECK(f.kind == MMU_FAULT_ADDRESS_SIZE && f.level == 0);
}

int main(void)
{
    as_init(&as);
    as_add_ram(&as, "ram", RAM, 64 << 20);
    test_4k_levels();
    test_16k_64k();
    test_permissions();
    test_table_attrs();
    test_stage2();
    test_mmu_off();
    printf("walk_vmsa: %d checks, %d failed\n", checks, fails);
    return fails != 0;
}
