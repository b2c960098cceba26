/* SPDX-License-Identifier: MIT */
/* Physical address space: region table, RAM allocation, access dispatch. */
#include "softmmu/memory.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/log.h"

void as_init(struct phys_as *as)
{
    *as = (struct phys_as){0};
}

void as_destroy(struct phys_as *as)
{
    for (int i = 0; i < as->nregions; i++) {
        struct mem_region *mr = &as->regions[i];
        if (mr->host)
            munmap(mr->host, mr->size);
        free(mr->code);
    }
    free(as->regions);
    *as = (struct phys_as){0};
}

static struct mem_region *insert(struct phys_as *as, struct mem_region r)
{
    if (r.size == 0 || r.base + r.size - 1 < r.base)
        emu_bug("region %s has a bad range", r.name);
    int i = 0;
    while (i < as->nregions && as->regions[i].base < r.base)
        i++;
    if ((i > 0 && as->regions[i - 1].base + as->regions[i - 1].size > r.base) ||
        (i < as->nregions && r.base + r.size > as->regions[i].base))
        emu_bug("region %s [%#llx, +%#llx) overlaps another", r.name,
                (unsigned long long)r.base, (unsigned long long)r.size);
    if (as->nregions == as->capregions) {
        as->capregions = as->capregions ? 2 * as->capregions : 16;
        as->regions = realloc(as->regions, sizeof(*as->regions) * as->capregions);
        if (!as->regions)
            fatal("out of memory");
    }
    memmove(&as->regions[i + 1], &as->regions[i], sizeof(r) * (as->nregions - i));
    as->last_hit = 0;
    as->regions[i] = r;
    as->nregions++;
    return &as->regions[i];
}

static struct mem_region *add_backed(struct phys_as *as, const char *name, u64 base, u64 size,
                                     enum mr_kind kind)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                   -1, 0);
    if (p == MAP_FAILED)
        fatal("cannot allocate %llu MiB of guest memory for %s", (unsigned long long)(size >> 20),
              name);
    void **code = calloc((size + PAGE_SIZE - 1) >> PAGE_SHIFT, sizeof(void *));
    if (!code)
        fatal("out of memory");
    return insert(as, (struct mem_region){.base = base, .size = size, .kind = kind, .name = name,
                                          .host = p, .code = code});
}

struct mem_region *as_add_ram(struct phys_as *as, const char *name, u64 base, u64 size)
{
    return add_backed(as, name, base, size, MR_RAM);
}

struct mem_region *as_add_rom(struct phys_as *as, const char *name, u64 base, u64 size)
{
    return add_backed(as, name, base, size, MR_ROM);
}

struct mem_region *as_add_mmio(struct phys_as *as, const char *name, u64 base, u64 size,
                               const struct dev_ops *ops, void *dev)
{
    return insert(as, (struct mem_region){.base = base, .size = size, .kind = MR_MMIO,
                                          .name = name, .ops = ops, .dev = dev});
}

struct mem_region *as_find_slow(const struct phys_as *as, u64 pa)
{
    int lo = 0, hi = as->nregions - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        struct mem_region *mr = &as->regions[mid];
        if (pa < mr->base)
            hi = mid - 1;
        else if (pa - mr->base >= mr->size)
            lo = mid + 1;
        else {
            ((struct phys_as *)as)->last_hit = mid;
            return mr;
        }
    }
    return NULL;
}

static u64 load_le(const u8 *p, unsigned size)
{
    switch (size) {
    case 1: return *p;
    case 2: { u16 v; memcpy(&v, p, 2); return v; }
    case 4: { u32 v; memcpy(&v, p, 4); return v; }
    default: { u64 v; memcpy(&v, p, 8); return v; }
    }
}

static void store_le(u8 *p, unsigned size, u64 v)
{
    switch (size) {
    case 1: *p = (u8)v; break;
    case 2: { u16 x = (u16)v; memcpy(p, &x, 2); break; }
    case 4: { u32 x = (u32)v; memcpy(p, &x, 4); break; }
    default: memcpy(p, &v, 8); break;
    }
}

enum bus_status as_read(struct phys_as *as, u64 pa, unsigned size, u64 *val)
{
    struct mem_region *mr = as_find(as, pa);
    if (!mr || pa - mr->base > mr->size - size) {
        *val = 0;
        return BUS_UNASSIGNED;
    }
    if (mr->kind == MR_MMIO) {
        if (mr->ops->read(mr->dev, pa - mr->base, size, val) != DEV_OK) {
            *val = 0;
            return BUS_DEVICE_ERROR;
        }
        return BUS_OK;
    }
    *val = load_le(mr->host + (pa - mr->base), size);
    return BUS_OK;
}

enum bus_status as_write(struct phys_as *as, u64 pa, unsigned size, u64 val)
{
    struct mem_region *mr = as_find(as, pa);
    if (!mr || pa - mr->base > mr->size - size)
        return BUS_UNASSIGNED;
    switch (mr->kind) {
    case MR_MMIO:
        return mr->ops->write(mr->dev, pa - mr->base, size, val) == DEV_OK ? BUS_OK
                                                                           : BUS_DEVICE_ERROR;
    case MR_ROM:
        return BUS_READ_ONLY;
    case MR_RAM:
        if (unlikely(mr_page_has_code(mr, pa)))
            as_note_write(as, pa, size);
        store_le(mr->host + (pa - mr->base), size, val);
        return BUS_OK;
    }
    return BUS_UNASSIGNED;
}

u8 *as_host_ptr(const struct phys_as *as, u64 pa, bool write, u64 *avail)
{
    struct mem_region *mr = as_find(as, pa);
    if (!mr || mr->kind == MR_MMIO || (write && mr->kind == MR_ROM))
        return NULL;
    if (avail)
        *avail = mr->size - (pa - mr->base);
    return mr->host + (pa - mr->base);
}

static bool dma(struct phys_as *as, u64 pa, void *buf, u64 len, bool write, bool loader)
{
    /* Validate the whole range first so that a failing DMA changes nothing. */
    for (u64 done = 0; done < len;) {
        struct mem_region *mr = as_find(as, pa + done);
        if (!mr || mr->kind == MR_MMIO || (write && mr->kind == MR_ROM && !loader))
            return false;
        u64 n = mr->size - (pa + done - mr->base);
        done += n < len - done ? n : len - done;
    }
    for (u64 done = 0; done < len;) {
        struct mem_region *mr = as_find(as, pa + done);
        u64 off = pa + done - mr->base, n = mr->size - off;
        if (n > len - done)
            n = len - done;
        if (write) {
            memcpy(mr->host + off, (const u8 *)buf + done, n);
            for (u64 pg = (pa + done) & ~(PAGE_SIZE - 1); pg < pa + done + n; pg += PAGE_SIZE) {
                if (!mr_page_has_code(mr, pg))
                    continue;
                u64 lo = pg > pa + done ? pg : pa + done;
                u64 hi = pg + PAGE_SIZE < pa + done + n ? pg + PAGE_SIZE : pa + done + n;
                as_note_write(as, lo, (unsigned)(hi - lo));
            }
        } else {
            memcpy((u8 *)buf + done, mr->host + off, n);
        }
        done += n;
    }
    return true;
}

bool as_dma_read(struct phys_as *as, u64 pa, void *buf, u64 len)
{
    return dma(as, pa, buf, len, false, false);
}

bool as_dma_write(struct phys_as *as, u64 pa, const void *buf, u64 len)
{
    return dma(as, pa, (void *)buf, len, true, false);
}

bool as_load_image(struct phys_as *as, u64 pa, const void *buf, u64 len)
{
    return dma(as, pa, (void *)buf, len, true, true);
}

void as_note_write(struct phys_as *as, u64 pa, unsigned size)
{
    if (as->code_write)
        as->code_write(as->code_write_opaque, pa, size);
}

void as_print_mtree(const struct phys_as *as, FILE *out)
{
    static const char *kinds[] = {"ram", "rom", "i/o"};
    fprintf(out, "address-space: system\n");
    for (int i = 0; i < as->nregions; i++) {
        const struct mem_region *mr = &as->regions[i];
        fprintf(out, "  %016llx-%016llx (prio 0, %s): %s\n", (unsigned long long)mr->base,
                (unsigned long long)(mr->base + mr->size - 1), kinds[mr->kind], mr->name);
    }
}
