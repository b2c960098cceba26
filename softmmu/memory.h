/* SPDX-License-Identifier: MIT */
/*
 * The physical address space shared by every architecture: RAM, ROM and MMIO regions in a
 * sorted array (binary search, O(log n)), RAM backed by host memory so that the TLB fast path
 * can hand out host pointers. Accesses to unassigned space return BUS_UNASSIGNED; each CPU turns
 * that into what its hardware does (an external abort on Arm).
 */
#ifndef EMU_SOFTMMU_MEMORY_H
#define EMU_SOFTMMU_MEMORY_H

#include "core/types.h"
#include <stdio.h>

#include "hw/dev.h"

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ull << PAGE_SHIFT)

enum mr_kind { MR_RAM, MR_ROM, MR_MMIO };

enum bus_status {
    BUS_OK = 0,
    BUS_UNASSIGNED = 1, /* nothing decodes this address */
    BUS_DEVICE_ERROR = 2, /* the device signalled an error */
    BUS_READ_ONLY = 3,    /* write to ROM: ignored by hardware, reported for logs */
};

struct mem_region {
    u64 base, size;
    enum mr_kind kind;
    const char *name;
    u8 *host;                  /* RAM/ROM: host memory for [base, base+size) */
    void **code;               /* RAM/ROM: per 4K page, the CPU's decoded code, or NULL */
    const struct dev_ops *ops; /* MMIO */
    void *dev;
};

/* Called when a write reaches a page that holds decoded code (set by the CPU's code cache). */
typedef void (*code_write_fn)(void *opaque, u64 pa, unsigned size);

struct phys_as {
    struct mem_region *regions; /* sorted by base, non-overlapping */
    int nregions, capregions;
    int last_hit;               /* index of the region as_find() found last: most lookups repeat */
    code_write_fn code_write;
    void *code_write_opaque;
};

void as_init(struct phys_as *as);
void as_destroy(struct phys_as *as);

/* Add regions. Overlap with an existing region is an emu bug (boards wire statically).
 * RAM is allocated with mmap (zeroed, lazily committed). Returns the region. */
struct mem_region *as_add_ram(struct phys_as *as, const char *name, u64 base, u64 size);
struct mem_region *as_add_rom(struct phys_as *as, const char *name, u64 base, u64 size);
struct mem_region *as_add_mmio(struct phys_as *as, const char *name, u64 base, u64 size,
                               const struct dev_ops *ops, void *dev);

/* The region containing pa, or NULL. */
struct mem_region *as_find_slow(const struct phys_as *as, u64 pa);
static inline struct mem_region *as_find(const struct phys_as *as, u64 pa)
{
    struct mem_region *mr = &as->regions[as->last_hit];
    if (likely(as->nregions && pa - mr->base < mr->size))
        return mr;
    return as_find_slow(as, pa);
}

/* Accesses of 1, 2, 4 or 8 bytes, little-endian. A RAM access may not cross its region. */
enum bus_status as_read(struct phys_as *as, u64 pa, unsigned size, u64 *val);
enum bus_status as_write(struct phys_as *as, u64 pa, unsigned size, u64 val);

/* Host pointer for RAM (or ROM when !write) at pa, and how many bytes follow it in the same
 * region (*avail). NULL for MMIO/unassigned. Writers must call as_note_write() for pages that
 * hold code; the CPU fast path avoids this by never caching write pointers to code pages. */
u8 *as_host_ptr(const struct phys_as *as, u64 pa, bool write, u64 *avail);

/* Bulk copies between host buffers and guest physical memory (loaders, DMA). Return false,
 * copying nothing, if any part of the range is not RAM/ROM. as_dma_write notifies the code
 * cache of any page it touches. */
bool as_dma_read(struct phys_as *as, u64 pa, void *buf, u64 len);
bool as_dma_write(struct phys_as *as, u64 pa, const void *buf, u64 len);
/* Like as_dma_write, but may also fill ROM (firmware and image loaders). */
bool as_load_image(struct phys_as *as, u64 pa, const void *buf, u64 len);

/* Code-page tracking for the decoded-instruction cache. */
static inline void **mr_code_slot(const struct mem_region *mr, u64 pa)
{
    return &mr->code[(pa - mr->base) >> PAGE_SHIFT];
}
static inline bool mr_page_has_code(const struct mem_region *mr, u64 pa)
{
    return mr->code && mr->code[(pa - mr->base) >> PAGE_SHIFT];
}
/* A write reached a page with decoded code: tell the code cache (as->code_write). */
void as_note_write(struct phys_as *as, u64 pa, unsigned size);

/* `info mtree`: print the map to a FILE*. */

void as_print_mtree(const struct phys_as *as, FILE *out);

#endif
