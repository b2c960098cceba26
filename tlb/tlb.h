/* SPDX-License-Identifier: MIT */
/*
 * The architectural TLB: an architecture-neutral, tagged, set-associative cache of completed
 * translations (Arm ARM D8.13 "Translation Lookaside Buffers"; later also x86 PCID/VPID).
 * Entries carry every tag an invalidation can select on, so a context switch flushes nothing.
 */
#ifndef EMU_TLB_TLB_H
#define EMU_TLB_TLB_H

#include <stdio.h>

#include "core/types.h"

#define TLB_SETS 512 /* per size class; power of two */
#define TLB_WAYS 8 /* the same VA in several address spaces shares a set */
#define TLB_MAX_CLASSES 8 /* distinct page/block sizes present at once */

/* One cached translation. va/ipa/pa are aligned to 1 << size_shift. The architecture-specific
 * permissions and attributes ride along in `arch` (cpu/arm64/mmu.h packs them). */
struct tlb_entry {
    u64 va;        /* input address of the regime (VA, or IPA for a stage-2-only entry) */
    u64 ipa;       /* intermediate address when a stage 2 took part, else TLB_NO_IPA */
    u64 pa;
    u64 arch;      /* architecture payload */
    u16 asid;
    u16 vmid;
    u8 regime;     /* architecture's regime number */
    u8 size_shift; /* log2 of the cached size (page or block) */
    u8 level;      /* stage-1 (or only-stage) lookup level of the leaf, for TTL */
    u8 s2_level;   /* stage-2 leaf level, for IPAS2 TTL; 0xff when no stage 2 */
    u8 granule;    /* log2 of the translation granule, for TTL */
    u8 s2_granule;
    bool valid;
    bool global;   /* not ASID-tagged (nG=0, or a regime without ASIDs) */
};

#define TLB_NO_IPA (~0ull)

/* Invalidation kinds, for the statistics (one counter each) and the -d tlb log. */
enum tlb_inv_kind {
    TLB_INV_ALL,       /* every entry */
    TLB_INV_REGIME,    /* every entry of a regime (ALLE2, ALLE3) */
    TLB_INV_VMID,      /* regime + VMID (VMALLE1, VMALLS12E1), ALLE1 = regime only */
    TLB_INV_ASID,      /* regime + VMID + ASID, non-global entries */
    TLB_INV_VA,        /* regime + VMID + VA (+ASID or all ASIDs) */
    TLB_INV_VA_RANGE,
    TLB_INV_IPA,       /* regime + VMID + IPA: entries that used a stage 2 */
    TLB_INV_IPA_RANGE,
    TLB_INV__COUNT
};

/* What an invalidation selects. An entry is removed if it matches every selected field. */
struct tlb_inv {
    enum tlb_inv_kind kind;
    u8 regime;
    bool match_regime;
    bool match_vmid;
    u16 vmid;
    bool match_asid;     /* entries with this ASID; global entries match too (TLBI VAE1
                          * removes a global entry for the VA) unless keep_global */
    bool keep_global;    /* ASIDE1: global entries survive */
    u16 asid;
    bool match_va;       /* entries overlapping [lo, hi] in their input address (va) */
    bool match_ipa;      /* entries overlapping [lo, hi] in their ipa */
    u64 lo, hi;          /* inclusive */
    bool last_level;     /* *LE forms: only leaf entries (all ours are leaves; kept for logs) */
    int ttl_level;       /* -1: any; else only entries whose level (s2_level for IPA) is this */
    u8 ttl_granule;      /* log2 granule the TTL hint was given for; 0 = none */
};

struct tlb_stats {
    u64 hits, misses, fills, evictions;
    u64 inv_ops[TLB_INV__COUNT];     /* operations of each kind */
    u64 inv_removed[TLB_INV__COUNT]; /* entries they removed */
};

struct tlb {
    struct tlb_entry e[TLB_MAX_CLASSES][TLB_SETS][TLB_WAYS];
    u8 class_shift[TLB_MAX_CLASSES]; /* size_shift of each class in use, 0 = free */
    u32 victim;                      /* round-robin replacement */
    u32 nvalid;
    struct tlb_stats stats;
};

void tlb_init(struct tlb *t);
/* Lookup of an input address under the given tags; counts a hit or miss. A global entry
 * matches any ASID. NULL on a miss. */
const struct tlb_entry *tlb_lookup(struct tlb *t, u8 regime, u16 vmid, u16 asid, u64 va);
/* Called (if not NULL) for each entry that leaves the TLB, before it goes: the fast path
 * uses it to drop host pointers, which must never outlive their TLB entry (a TLBI only finds
 * what the TLB still holds). */
typedef void (*tlb_removed_fn)(void *opaque, const struct tlb_entry *e);
/* Insert a completed translation (e->valid is set by the TLB); replaces an existing entry for
 * the same tags and address. Calls cb for an entry it replaces or evicts. Returns false if the
 * translation could not be cached (more page sizes in use than size classes). */
bool tlb_insert(struct tlb *t, const struct tlb_entry *e, tlb_removed_fn cb, void *opaque);
/* Remove what inv selects; returns the number of entries removed; calls cb for each. */
unsigned tlb_invalidate(struct tlb *t, const struct tlb_inv *inv, tlb_removed_fn cb,
                        void *opaque);
/* Does entry e match inv? (exposed for the unit tests and the -d tlb log) */
bool tlb_inv_matches(const struct tlb_inv *inv, const struct tlb_entry *e);

/* Iterate over the valid entries (info tlb). */
typedef void (*tlb_each_fn)(void *opaque, const struct tlb_entry *e);
void tlb_for_each(const struct tlb *t, tlb_each_fn fn, void *opaque);

const char *tlb_inv_kind_name(enum tlb_inv_kind k);
void tlb_print_stats(const struct tlb_stats *s, FILE *out);

#endif
