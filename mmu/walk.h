/* SPDX-License-Identifier: MIT */
/*
 * The page-table walker, parameterised by format. A format says how wide a descriptor is, how
 * many input bits each level resolves and how to read one descriptor (invalid, next table,
 * leaf); the walk loop is shared by every format (Arm VMSAv8-64 stage 1 and stage 2 now; x86
 * 2-level, PAE, 4/5-level and EPT fit the same shape: desc_bytes 4/8, stride 10/9).
 */
#ifndef EMU_MMU_WALK_H
#define EMU_MMU_WALK_H

#include "core/types.h"

#define MMU_MAX_LEVELS 6

enum mmu_fault_kind {
    MMU_FAULT_NONE = 0,
    MMU_FAULT_TRANSLATION,
    MMU_FAULT_ADDRESS_SIZE,
    MMU_FAULT_ACCESS_FLAG,
    MMU_FAULT_PERMISSION,
    MMU_FAULT_EXTERNAL,   /* synchronous external abort on a table walk */
    MMU_FAULT_ALIGNMENT,
};

struct mmu_fault {
    enum mmu_fault_kind kind;
    s8 level;        /* lookup level the fault belongs to */
    u8 stage;        /* 1 or 2 */
    bool s1ptw;      /* stage-2 fault on a stage-1 table walk */
    u64 ipa;         /* stage-2 faults: the faulting IPA (HPFAR_EL2) */
};

enum mmu_desc_kind { MMU_DESC_INVALID, MMU_DESC_TABLE, MMU_DESC_LEAF, MMU_DESC_FAULT };

struct mmu_walk;

struct mmu_format {
    const char *name;
    unsigned desc_bytes;
    /* Classify desc found at level. TABLE: *next = next table address; LEAF: *next = output
     * address of the block/page (aligned); FAULT: the format stored w->fault (e.g. an address
     * size fault). May accumulate hierarchical attributes in w->table_attrs. */
    enum mmu_desc_kind (*decode)(struct mmu_walk *w, u64 desc, int level, u64 *next);
};

/* Reads one descriptor at table address addr (which may itself need translating: stage 2
 * under stage 1, EPT under x86 paging). Returns false after storing w->fault. */
typedef bool (*mmu_read_desc_fn)(struct mmu_walk *w, u64 addr, u64 *val);

struct mmu_walk {
    /* in */
    const struct mmu_format *fmt;
    u64 ia;               /* input address, already range-checked */
    u64 table;            /* starting table address */
    int start_level, last_level;
    unsigned page_shift;  /* granule */
    unsigned stride;      /* input bits per level below the start level */
    unsigned ia_bits;     /* the start level resolves bits [ia_bits-1 : its shift] */
    unsigned oa_bits;     /* output address size (address size faults) */
    const void *params;   /* the format's own parameters */
    mmu_read_desc_fn read_desc;
    void *opaque;
    /* out */
    u64 oa;               /* output address of the input address (leaf base | offset) */
    u64 leaf_desc;
    int leaf_level;
    unsigned leaf_shift;  /* log2 of the block/page size */
    u64 table_attrs;      /* accumulated by the format */
    struct mmu_fault fault;
    int nsteps;           /* descriptors read, for -d mmu and the `walk` command */
    struct { u64 addr, val; int level; } step[MMU_MAX_LEVELS];
};

/* The shift of the input-address field level resolves. */
static inline unsigned mmu_level_shift(const struct mmu_walk *w, int level)
{
    return w->page_shift + (unsigned)(w->last_level - level) * w->stride;
}

/* Walk from w->table. Returns true with w->oa etc. set, or false with w->fault set. */
bool mmu_walk(struct mmu_walk *w);

#endif
