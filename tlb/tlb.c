/* SPDX-License-Identifier: MIT */
/*
 * The tagged TLB: one set-associative array per page/block size in use, indexed by the input
 * address shifted by that size. Invalidation by address probes the sets it can touch; the rest
 * scan every entry (a few thousand, only on invalidation).
 */
#include "tlb/tlb.h"

#include <string.h>

void tlb_init(struct tlb *t)
{
    memset(t, 0, sizeof(*t));
}

/* The set of an entry: its page number mixed with its regime and VMID. The ASID is left out
 * on purpose: Linux's most frequent invalidations name a VA for every ASID (TLBI VAAE1IS,
 * VAALE1IS for kernel mappings), and with the ASID out of the set index such an invalidation
 * probes one set per page instead of scanning the whole TLB. */
static inline u32 set_of(u64 va, unsigned shift, u8 regime, u16 vmid)
{
    u64 n = va >> shift;
    u64 k = (u64)regime * 0x9e3779b1u + (u64)vmid * 0x85ebca6bu;
    n ^= k ^ (k >> 13);
    return (u32)((n ^ (n >> 9) ^ (n >> 18)) & (TLB_SETS - 1));
}

static inline bool tags_match(const struct tlb_entry *e, u8 regime, u16 vmid, u16 asid)
{
    return e->valid && e->regime == regime && e->vmid == vmid && (e->global || e->asid == asid);
}

const struct tlb_entry *tlb_lookup(struct tlb *t, u8 regime, u16 vmid, u16 asid, u64 va)
{
    for (int c = 0; c < TLB_MAX_CLASSES; c++) {
        unsigned sh = t->class_shift[c];
        if (!sh)
            continue;
        u64 page = va >> sh;
        struct tlb_entry *set = t->e[c][set_of(va, sh, regime, vmid)];
        for (int w = 0; w < TLB_WAYS; w++)
            if (tags_match(&set[w], regime, vmid, asid) && set[w].va >> sh == page) {
                t->stats.hits++;
                return &set[w];
            }
    }
    t->stats.misses++;
    return NULL;
}

static int class_for(struct tlb *t, unsigned shift)
{
    int free_c = -1;
    for (int c = 0; c < TLB_MAX_CLASSES; c++) {
        if (t->class_shift[c] == shift)
            return c;
        if (!t->class_shift[c] && free_c < 0)
            free_c = c;
    }
    if (free_c >= 0)
        t->class_shift[free_c] = (u8)shift;
    return free_c;
}

bool tlb_insert(struct tlb *t, const struct tlb_entry *ne, tlb_removed_fn cb, void *opaque)
{
    int c = class_for(t, ne->size_shift);
    if (c < 0)
        return false; /* more sizes than classes: not caching is always allowed */
    struct tlb_entry *set =
        t->e[c][set_of(ne->va, ne->size_shift, ne->regime, ne->vmid)];
    int slot = -1;
    for (int w = 0; w < TLB_WAYS; w++) {
        struct tlb_entry *e = &set[w];
        if (e->valid && e->regime == ne->regime && e->vmid == ne->vmid && e->va == ne->va &&
            e->global == ne->global && (e->global || e->asid == ne->asid)) {
            slot = w;
            break;
        }
        if (!e->valid && slot < 0)
            slot = w;
    }
    if (slot < 0) {
        slot = (int)(t->victim++ % TLB_WAYS);
        t->stats.evictions++;
    }
    if (set[slot].valid) {
        if (cb)
            cb(opaque, &set[slot]);
        t->nvalid--; /* (an eviction, too: nvalid counts valid entries exactly) */
    }
    set[slot] = *ne;
    set[slot].valid = true;
    t->nvalid++;
    t->stats.fills++;
    return true;
}

static bool overlaps(u64 base, unsigned shift, u64 lo, u64 hi)
{
    u64 end = base + ((1ull << shift) - 1);
    return base <= hi && end >= lo;
}

bool tlb_inv_matches(const struct tlb_inv *inv, const struct tlb_entry *e)
{
    if (!e->valid)
        return false;
    if (inv->match_regime && e->regime != inv->regime)
        return false;
    if (inv->match_vmid && e->vmid != inv->vmid)
        return false;
    if (inv->match_asid && (e->global ? inv->keep_global : e->asid != inv->asid))
        return false;
    if (inv->match_va && !overlaps(e->va, e->size_shift, inv->lo, inv->hi))
        return false;
    if (inv->match_ipa) {
        if (e->ipa == TLB_NO_IPA)
            return false;
        /* A combined entry may be smaller than the stage-2 block; the IPA it cached is the
         * part of its size that this entry covers. */
        if (!overlaps(e->ipa, e->size_shift, inv->lo, inv->hi))
            return false;
    }
    /* TTL (FEAT_TTL): a level hint for the granule it names; a hint for another granule
     * does not narrow the invalidation (removing more is always allowed). */
    if (inv->ttl_level >= 0) {
        u8 lvl = inv->match_ipa ? e->s2_level : e->level;
        u8 gran = inv->match_ipa ? e->s2_granule : e->granule;
        if (gran == inv->ttl_granule && lvl != inv->ttl_level)
            return false;
    }
    return true;
}

/* Largest number of pages probed set by set before a full scan is cheaper. */
#define PROBE_LIMIT 64

unsigned tlb_invalidate(struct tlb *t, const struct tlb_inv *inv, tlb_removed_fn cb,
                        void *opaque)
{
    unsigned n = 0;
    t->stats.inv_ops[inv->kind]++;
    for (int c = 0; c < TLB_MAX_CLASSES; c++) {
        unsigned sh = t->class_shift[c];
        if (!sh)
            continue;
        u64 first = 0, count = TLB_SETS;
        /* Probing needs the tags that choose the set: regime and VMID. Otherwise scan. */
        bool probe = inv->match_va && inv->match_regime && inv->match_vmid &&
                     ((inv->hi >> sh) - (inv->lo >> sh)) < PROBE_LIMIT;
        if (probe) {
            first = inv->lo >> sh;
            count = (inv->hi >> sh) - first + 1;
        }
        for (u64 i = 0; i < count; i++) {
            struct tlb_entry *set =
                t->e[c][probe ? set_of((first + i) << sh, sh, inv->regime, inv->vmid) : i];
            for (int w = 0; w < TLB_WAYS; w++) {
                if (!tlb_inv_matches(inv, &set[w]))
                    continue;
                if (cb)
                    cb(opaque, &set[w]);
                set[w].valid = false;
                t->nvalid--;
                n++;
            }
        }
    }
    /* Free size classes that became empty so that others can use them. */
    if (!t->nvalid)
        memset(t->class_shift, 0, sizeof(t->class_shift));
    t->stats.inv_removed[inv->kind] += n;
    return n;
}

void tlb_for_each(const struct tlb *t, tlb_each_fn fn, void *opaque)
{
    for (int c = 0; c < TLB_MAX_CLASSES; c++)
        for (int s = 0; s < TLB_SETS; s++)
            for (int w = 0; w < TLB_WAYS; w++)
                if (t->e[c][s][w].valid)
                    fn(opaque, &t->e[c][s][w]);
}

const char *tlb_inv_kind_name(enum tlb_inv_kind k)
{
    static const char *const names[TLB_INV__COUNT] = {
        [TLB_INV_ALL] = "all",     [TLB_INV_REGIME] = "regime",
        [TLB_INV_VMID] = "vmid",   [TLB_INV_ASID] = "asid",
        [TLB_INV_VA] = "va",       [TLB_INV_VA_RANGE] = "va-range",
        [TLB_INV_IPA] = "ipa",     [TLB_INV_IPA_RANGE] = "ipa-range",
    };
    return k < TLB_INV__COUNT ? names[k] : "?";
}

void tlb_print_stats(const struct tlb_stats *s, FILE *out)
{
    u64 look = s->hits + s->misses;
    fprintf(out, "lookups %llu  hits %llu  misses %llu  hit-rate %.2f%%  fills %llu  evictions %llu\n",
            (unsigned long long)look, (unsigned long long)s->hits, (unsigned long long)s->misses,
            look ? 100.0 * (double)s->hits / (double)look : 0.0, (unsigned long long)s->fills,
            (unsigned long long)s->evictions);
    for (int k = 0; k < TLB_INV__COUNT; k++)
        fprintf(out, "  inv %-10s ops %-10llu removed %llu\n", tlb_inv_kind_name(k),
                (unsigned long long)s->inv_ops[k], (unsigned long long)s->inv_removed[k]);
}
