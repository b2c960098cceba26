/* SPDX-License-Identifier: MIT */
/* Unit test: the tagged TLB (tlb/): retention across ASID/VMID switches and every invalidation
 * kind removing exactly what it selects; TTL; range-TLBI Xt decoding at TG/SCALE/NUM edges. */
#include <stdio.h>

#include "cpu/arm64/mmu.h"
#include "tlb/tlb.h"

static int fails, checks;
#define CHECK(c)                                                                               \
    do {                                                                                       \
        checks++;                                                                              \
        if (!(c)) {                                                                            \
            fails++;                                                                           \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                \
        }                                                                                      \
    } while (0)

static struct tlb t;
#define VA_A 0x0000000000400000ull
#define VA_B 0xffff800000200000ull
#define VA_C 0x0000000000800000ull
#define IPA_X 0x80001000ull

enum { E1, E2, E3, E4, E5, E6, E7, NE };
static const struct tlb_entry ents[NE] = {
    [E1] = {.va = VA_A, .pa = 0x1000, .ipa = TLB_NO_IPA, .asid = 5, .vmid = 1, .regime = 0, .size_shift = 12, .level = 3},
    [E2] = {.va = VA_B, .pa = 0x200000, .ipa = TLB_NO_IPA, .vmid = 1, .regime = 0, .size_shift = 21, .level = 2, .global = true},
    [E3] = {.va = VA_A, .pa = 0x3000, .ipa = TLB_NO_IPA, .asid = 5, .vmid = 2, .regime = 0, .size_shift = 12, .level = 3},
    [E4] = {.va = VA_A, .pa = 0x4000, .ipa = TLB_NO_IPA, .asid = 5, .regime = 1, .size_shift = 12, .level = 3},
    [E5] = {.va = VA_A, .pa = 0x5000, .ipa = TLB_NO_IPA, .regime = 2, .size_shift = 12, .level = 3, .global = true},
    [E6] = {.va = VA_A, .pa = 0x6000, .ipa = TLB_NO_IPA, .asid = 6, .vmid = 1, .regime = 0, .size_shift = 12, .level = 3},
    [E7] = {.va = VA_C, .pa = 0x7000, .ipa = IPA_X, .asid = 5, .vmid = 1, .regime = 0, .size_shift = 12, .level = 3, .s2_level = 2, .granule = 12, .s2_granule = 12},
};

static void fill(void)
{
    tlb_init(&t);
    for (int i = 0; i < NE; i++)
        tlb_insert(&t, &ents[i], NULL, NULL);
}

static bool present(int i)
{
    const struct tlb_entry *e = &ents[i];
    const struct tlb_entry *h = tlb_lookup(&t, e->regime, e->vmid, e->asid, e->va);
    return h && h->pa == e->pa;
}

/* The set of entries left, as a bit mask. */
static unsigned left(void)
{
    unsigned m = 0;
    for (int i = 0; i < NE; i++)
        if (present(i))
            m |= 1u << i;
    return m;
}

static unsigned run(struct tlb_inv inv)
{
    fill();
    if (!inv.ttl_level)
        inv.ttl_level = -1;
    tlb_invalidate(&t, &inv, NULL, NULL);
    return left();
}

#define ALL ((1u << NE) - 1)
#define B(i) (1u << (i))

int main(void)
{
    fill();
    CHECK(left() == ALL);
    /* ASID retention: the same VA under ASIDs 5 and 6 are separate entries; global matches any */
    CHECK(tlb_lookup(&t, 0, 1, 5, VA_A)->pa == 0x1000);
    CHECK(tlb_lookup(&t, 0, 1, 6, VA_A)->pa == 0x6000);
    CHECK(tlb_lookup(&t, 0, 1, 7, VA_A) == NULL);
    CHECK(tlb_lookup(&t, 0, 1, 99, VA_B + 0x1234)->pa == 0x200000);
    CHECK(tlb_lookup(&t, 0, 2, 5, VA_A)->pa == 0x3000); /* VMID 2 */
    CHECK(tlb_lookup(&t, 0, 3, 5, VA_A) == NULL);

    /* TLBI VAE1 (ASID 5, VMID 1, VA A): E1 only */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA, .match_regime = 1, .regime = 0, .match_vmid = 1,
                               .vmid = 1, .match_asid = 1, .asid = 5, .match_va = 1, .lo = VA_A,
                               .hi = VA_A, .ttl_level = -1}) == (ALL & ~B(E1)));
    /* VAE1 on a global entry's VA removes it whatever the ASID */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_asid = 1, .asid = 42, .match_va = 1, .lo = VA_B + 0x5000,
                               .hi = VA_B + 0x5000, .ttl_level = -1}) == (ALL & ~B(E2)));
    /* VAAE1: every ASID for the VA in VMID 1 */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_va = 1, .lo = VA_A, .hi = VA_A, .ttl_level = -1}) ==
          (ALL & ~B(E1) & ~B(E6)));
    /* ASIDE1 5 in VMID 1: non-global entries of ASID 5 */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_ASID, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_asid = 1, .keep_global = 1, .asid = 5, .ttl_level = -1}) ==
          (ALL & ~B(E1) & ~B(E7)));
    /* VMALLE1 VMID 1 */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VMID, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .ttl_level = -1}) == (B(E3) | B(E4) | B(E5)));
    /* ALLE1: all of EL1&0 */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_REGIME, .match_regime = 1, .regime = 0,
                               .ttl_level = -1}) == (B(E4) | B(E5)));
    /* ALLE2 (regime EL2) keeps EL2&0 and EL1&0 */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_REGIME, .match_regime = 1, .regime = 2,
                               .ttl_level = -1}) == (ALL & ~B(E5)));
    /* IPAS2E1 IPA X in VMID 1: only the entry that used a stage 2 at that IPA */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_IPA, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_ipa = 1, .lo = IPA_X, .hi = IPA_X, .ttl_level = -1}) ==
          (ALL & ~B(E7)));
    CHECK(run((struct tlb_inv){.kind = TLB_INV_IPA, .match_regime = 1, .match_vmid = 1, .vmid = 2,
                               .match_ipa = 1, .lo = IPA_X, .hi = IPA_X, .ttl_level = -1}) == ALL);
    /* TTL: level 2 hint for 4K spares the level-3 entry; level 3 removes it; IPA TTL uses the
     * stage-2 level */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_va = 1, .lo = VA_C, .hi = VA_C, .ttl_level = 2,
                               .ttl_granule = 12}) == ALL);
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_va = 1, .lo = VA_C, .hi = VA_C, .ttl_level = 3,
                               .ttl_granule = 12}) == (ALL & ~B(E7)));
    CHECK(run((struct tlb_inv){.kind = TLB_INV_IPA, .match_regime = 1, .match_vmid = 1, .vmid = 1,
                               .match_ipa = 1, .lo = IPA_X, .hi = IPA_X, .ttl_level = 2,
                               .ttl_granule = 12}) == (ALL & ~B(E7)));
    /* Range: [A - 4K, A] catches E1, E3(vmid 2 excluded), E6; a range ending just below misses */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA_RANGE, .match_regime = 1, .match_vmid = 1,
                               .vmid = 1, .match_va = 1, .lo = VA_A - 0x1000, .hi = VA_A,
                               .ttl_level = -1}) == (ALL & ~B(E1) & ~B(E6)));
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA_RANGE, .match_regime = 1, .match_vmid = 1,
                               .vmid = 1, .match_va = 1, .lo = 0, .hi = VA_A - 1,
                               .ttl_level = -1}) == ALL);
    /* A huge range takes the full-scan path */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA_RANGE, .match_va = 1, .lo = 0, .hi = ~0ull,
                               .ttl_level = -1}) == 0);
    /* The 2M block overlaps a range that covers only its last page */
    CHECK(run((struct tlb_inv){.kind = TLB_INV_VA_RANGE, .match_va = 1, .lo = VA_B + 0x1ff000,
                               .hi = VA_B + 0x1fffff, .ttl_level = -1}) == (ALL & ~B(E2)));
    /* Stats counted per kind */
    CHECK(t.stats.inv_ops[TLB_INV_VA_RANGE] == 1 && t.stats.inv_removed[TLB_INV_VA_RANGE] == 1);

    /* Range Xt decoding (D8.13.5.x): TG[47:46] SCALE[45:44] NUM[43:39] TTL[38:37] BaseADDR[36:0] */
    struct tlb_inv inv;
    CHECK(a64_tlbi_decode_range(1ull << 46 | 0x400, false, &inv));
    CHECK(inv.lo == 0x400000 && inv.hi == 0x400000 + 2 * 4096 - 1 && inv.ttl_level == -1);
    CHECK(a64_tlbi_decode_range(1ull << 46 | 3ull << 44 | 31ull << 39 | 3ull << 37, false, &inv));
    CHECK(inv.lo == 0 && inv.hi == (32ull << 16 << 12) - 1 && inv.ttl_level == 3 &&
          inv.ttl_granule == 12);
    CHECK(a64_tlbi_decode_range(2ull << 46 | 1ull << 44 | 1, false, &inv));
    CHECK(inv.lo == 0x4000 && inv.hi == 0x4000 + (64ull << 14) - 1);
    CHECK(a64_tlbi_decode_range(3ull << 46 | 2ull << 44 | 4ull << 39 | 1ull << 37 | 2, false, &inv));
    CHECK(inv.lo == 0x20000 && inv.hi == 0x20000 + (5ull << 11 << 16) - 1 && inv.ttl_level == 1 &&
          inv.ttl_granule == 16);
    CHECK(!a64_tlbi_decode_range(0x1234, false, &inv)); /* TG=0b00 reserved */
    /* TTBR1 addresses: BaseADDR bit 36 is VA[48] for 4K, sign-extended */
    CHECK(a64_tlbi_decode_range(1ull << 46 | (VA_B >> 12 & ((1ull << 37) - 1)), true, &inv));
    CHECK(inv.lo == VA_B);
    CHECK(a64_tlbi_decode_range(1ull << 46 | (VA_B >> 12 & ((1ull << 37) - 1)), false, &inv));
    CHECK(inv.lo == (VA_B & ((1ull << 49) - 1)));

    printf("tlb_inval: %d checks, %d failed\n", checks, fails);
    return fails != 0;
}
