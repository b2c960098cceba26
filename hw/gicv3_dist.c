/* SPDX-License-Identifier: MIT */
/*
 * GICv3 distributor and redistributor MMIO frames, with affinity routing always enabled and
 * security disabled (GICD_CTLR.ARE = DS = 1). IHI 0069 chapter 12.9 (GICD_*), 12.10/12.11
 * (GICR_* in the RD_base and SGI_base frames).
 */
#include "core/log.h"
#include "hw/gicv3.h"

enum {
    GICD_CTLR = 0x0000, GICD_TYPER = 0x0004, GICD_IIDR = 0x0008, GICD_TYPER2 = 0x000c,
    GICD_IGROUPR = 0x0080, GICD_ISENABLER = 0x0100, GICD_ICENABLER = 0x0180,
    GICD_ISPENDR = 0x0200, GICD_ICPENDR = 0x0280, GICD_ISACTIVER = 0x0300,
    GICD_ICACTIVER = 0x0380, GICD_IPRIORITYR = 0x0400, GICD_ICFGR = 0x0c00,
    GICD_IGRPMODR = 0x0d00, GICD_IROUTER = 0x6000, GICD_PIDR2 = 0xffe8,
    GICR_CTLR = 0x0000, GICR_IIDR = 0x0004, GICR_TYPER = 0x0008, GICR_WAKER = 0x0014,
    GICR_SGI_BASE = 0x10000,
};

#define GIC_IIDR 0x0300043bu /* JEP106 Arm (0x43b), as QEMU's model reports */
#define GIC_PIDR2 0x3bu      /* ArchRev 3: GICv3 */

/* The PeriphID/ComponentID block at 0xffd0..0xfffc (Linux only checks PIDR2.ArchRev). */
static u32 gic_id_reg(u64 off)
{
    static const u8 ids[12] = {0x44, 0, 0, 0, 0x92, 0xb4, GIC_PIDR2, 0, 0x0d, 0xf0, 0x05, 0xb1};
    return off >= 0xffd0 && off < 0x10000 ? ids[(off - 0xffd0) / 4] : 0;
}

/*
 * The per-interrupt register arrays at 0x080..0xd7f, identical in the distributor (INTIDs
 * >= 32) and in a redistributor's SGI_base frame (INTIDs 0..31). Returns false if off is
 * not in such an array.
 */
static bool irq_reg_read(struct gicv3 *g, int cpu, u64 off, unsigned size, u64 *val)
{
    if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + GIC_NR_IRQS) {
        u64 v = 0;
        for (unsigned b = 0; b < size; b++) {
            struct gic_irq *q = gicv3_irq(g, cpu, (int)(off - GICD_IPRIORITYR + b));
            v |= (u64)(q ? q->priority : 0) << (8 * b);
        }
        *val = v;
        return true;
    }
    if (off >= GICD_ICFGR && off < GICD_ICFGR + GIC_NR_IRQS / 4) {
        int first = (int)(off - GICD_ICFGR) * 4;
        u32 v = 0;
        for (int i = 0; i < 16; i++) {
            struct gic_irq *q = gicv3_irq(g, cpu, first + i);
            if (q && q->edge)
                v |= 2u << (2 * i);
        }
        *val = v;
        return true;
    }
    if (off < GICD_IGROUPR || off >= GICD_IPRIORITYR)
        return off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80 ? (*val = 0, true) : false;
    u64 base = off & ~0x7full;
    int first = (int)(off - base) * 8;
    u32 v = 0;
    for (int i = 0; i < 32; i++) {
        struct gic_irq *q = gicv3_irq(g, cpu, first + i);
        if (!q)
            break;
        bool bit = false;
        switch (base) {
        case GICD_IGROUPR: bit = q->group1; break;
        case GICD_ISENABLER:
        case GICD_ICENABLER: bit = q->enabled; break;
        case GICD_ISPENDR:
        case GICD_ICPENDR: bit = gic_irq_pending(q); break;
        case GICD_ISACTIVER:
        case GICD_ICACTIVER: bit = q->active; break;
        }
        v |= (u32)bit << i;
    }
    *val = v;
    return true;
}

static bool irq_reg_write(struct gicv3 *g, int cpu, u64 off, unsigned size, u64 val)
{
    if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + GIC_NR_IRQS) {
        for (unsigned b = 0; b < size; b++) {
            struct gic_irq *q = gicv3_irq(g, cpu, (int)(off - GICD_IPRIORITYR + b));
            if (q)
                q->priority = (u8)(val >> (8 * b)) & GIC_PRI_MASK;
        }
        return true;
    }
    if (off >= GICD_ICFGR && off < GICD_ICFGR + GIC_NR_IRQS / 4) {
        int first = (int)(off - GICD_ICFGR) * 4;
        for (int i = 0; i < 16; i++) {
            struct gic_irq *q = gicv3_irq(g, cpu, first + i);
            if (q && first + i >= GIC_NR_SGI) /* SGI configuration is read-only */
                q->edge = (val >> (2 * i + 1)) & 1;
        }
        return true;
    }
    if (off < GICD_IGROUPR || off >= GICD_IPRIORITYR)
        return off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 0x80;
    u64 base = off & ~0x7full;
    int first = (int)(off - base) * 8;
    for (int i = 0; i < 32; i++) {
        struct gic_irq *q = gicv3_irq(g, cpu, first + i);
        bool bit = (val >> i) & 1;
        if (!q)
            break;
        switch (base) {
        case GICD_IGROUPR: q->group1 = bit; break;
        case GICD_ISENABLER: q->enabled |= bit; break;
        case GICD_ICENABLER: q->enabled &= !bit; break;
        case GICD_ISPENDR: q->latch |= bit; break;
        /* ICPENDR clears the latch; a level-sensitive input that is still high keeps the
         * interrupt pending (IHI 0069 4.1.1). */
        case GICD_ICPENDR: q->latch &= !bit; break;
        case GICD_ISACTIVER: q->active |= bit; break;
        case GICD_ICACTIVER: q->active &= !bit; break;
        }
    }
    return true;
}

static enum dev_status dist_read(void *dev, u64 off, unsigned size, u64 *val)
{
    struct gicv3 *g = dev;
    *val = 0;
    if (off >= GICD_IROUTER + 8 * GIC_NR_PRIVATE && off < GICD_IROUTER + 8 * GIC_NR_IRQS) {
        u64 r = g->spi[(off - GICD_IROUTER) / 8 - GIC_NR_PRIVATE].route;
        *val = (off & 4) ? r >> 32 : (size == 8 ? r : (u32)r);
        return DEV_OK;
    }
    if (off >= GICD_IGROUPR && off < GICD_IGROUPR + 0xd80) {
        /* Affinity routing: the distributor's view of INTIDs 0..31 is RAZ/WI. */
        if ((off & 0x7f) < 4 && off < GICD_IPRIORITYR)
            return DEV_OK;
        if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + GIC_NR_PRIVATE)
            return DEV_OK;
        if (off >= GICD_ICFGR && off < GICD_ICFGR + 8)
            return DEV_OK;
        irq_reg_read(g, 0, off, size, val);
        return DEV_OK;
    }
    switch (off) {
    case GICD_CTLR: *val = g->ctlr; break;
    /* ITLinesNumber = 8 (288 INTIDs), IDbits = 9 (10-bit INTIDs), A3V, No1N */
    case GICD_TYPER:
        *val = (GIC_NR_IRQS / 32 - 1) | (9u << 19) | (1u << 24) | (1u << 25);
        break;
    case GICD_IIDR: *val = GIC_IIDR; break;
    case GICD_TYPER2: break;
    default:
        *val = gic_id_reg(off);
        if (!*val && unlikely(log_mask & LOG_UNIMP))
            log_printf("gicd: read of unimplemented register %#llx\n", (unsigned long long)off);
    }
    return DEV_OK;
}

static enum dev_status dist_write(void *dev, u64 off, unsigned size, u64 val)
{
    struct gicv3 *g = dev;
    if (off >= GICD_IROUTER + 8 * GIC_NR_PRIVATE && off < GICD_IROUTER + 8 * GIC_NR_IRQS) {
        struct gic_irq *q = &g->spi[(off - GICD_IROUTER) / 8 - GIC_NR_PRIVATE];
        const u64 mask = 0xff00ffffffull | (1ull << 31);
        if (size == 8)
            q->route = val & mask;
        else if (off & 4)
            q->route = deposit64(q->route, 32, 32, val) & mask;
        else
            q->route = deposit64(q->route, 0, 32, val) & mask;
    } else if (off >= GICD_IGROUPR && off < GICD_IGROUPR + 0xd80) {
        if (!((off & 0x7f) < 4 && off < GICD_IPRIORITYR) &&
            !(off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + GIC_NR_PRIVATE) &&
            !(off >= GICD_ICFGR && off < GICD_ICFGR + 8))
            irq_reg_write(g, 0, off, size, val);
    } else if (off == GICD_CTLR) {
        /* ARE and DS are RAO/WI: no security, affinity routing only. */
        g->ctlr = ((u32)val & (GICD_CTLR_EnableGrp0 | GICD_CTLR_EnableGrp1)) | GICD_CTLR_ARE |
                  GICD_CTLR_DS;
    } else if (unlikely(log_mask & LOG_UNIMP)) {
        log_printf("gicd: write to read-only/unimplemented register %#llx\n",
                   (unsigned long long)off);
    }
    gicv3_update(g);
    return DEV_OK;
}

const struct dev_ops gicv3_dist_ops = {.read = dist_read, .write = dist_write};

static enum dev_status redist_read(void *dev, u64 off, unsigned size, u64 *val)
{
    struct gicv3 *g = dev;
    int cpu = (int)(off / GICR_SIZE);
    struct gicv3_cpuif *c = &g->cpu[cpu];
    off %= GICR_SIZE;
    *val = 0;
    if (cpu >= g->ncpus)
        return DEV_OK;
    if (off >= GICR_SGI_BASE) {
        off -= GICR_SGI_BASE;
        bool first_word = (off & 0x7f) < 4 && off >= GICD_IGROUPR && off < GICD_IPRIORITYR;
        bool prio = off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + GIC_NR_PRIVATE;
        bool cfg = off >= GICD_ICFGR && off < GICD_ICFGR + 8;
        if (first_word || prio || cfg || (off >= GICD_IGRPMODR && off < GICD_IGRPMODR + 4))
            irq_reg_read(g, cpu, off, size, val);
        return DEV_OK;
    }
    u64 aff = c->affinity;
    switch (off) {
    case GICR_CTLR: *val = c->gicr_ctlr; break;
    case GICR_IIDR: *val = GIC_IIDR; break;
    case GICR_TYPER:
    case GICR_TYPER + 4: {
        /* Affinity_Value = Aff3.Aff2.Aff1.Aff0, Processor_Number, Last (IHI 0069 12.11.36) */
        u64 aff32 = ((aff >> 32 & 0xff) << 24) | (aff & 0xffffff);
        u64 t = (aff32 << 32) | ((u64)cpu << 8) | (cpu == g->ncpus - 1 ? 1u << 4 : 0);
        *val = off == GICR_TYPER ? (size == 8 ? t : (u32)t) : t >> 32;
        break;
    }
    case GICR_WAKER: *val = c->gicr_waker; break;
    default: *val = gic_id_reg(off);
    }
    return DEV_OK;
}

static enum dev_status redist_write(void *dev, u64 off, unsigned size, u64 val)
{
    struct gicv3 *g = dev;
    int cpu = (int)(off / GICR_SIZE);
    if (cpu >= g->ncpus)
        return DEV_OK;
    struct gicv3_cpuif *c = &g->cpu[cpu];
    off %= GICR_SIZE;
    if (off >= GICR_SGI_BASE) {
        off -= GICR_SGI_BASE;
        bool first_word = (off & 0x7f) < 4 && off >= GICD_IGROUPR && off < GICD_IPRIORITYR;
        bool prio = off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + GIC_NR_PRIVATE;
        bool cfg = off >= GICD_ICFGR && off < GICD_ICFGR + 8;
        if (first_word || prio || cfg)
            irq_reg_write(g, cpu, off, size, val);
    } else if (off == GICR_WAKER) {
        /* ChildrenAsleep follows ProcessorSleep at once: there is no wake-up latency. */
        bool sleep = val & 2;
        c->gicr_waker = sleep ? 6 : 0;
    } else if (off == GICR_CTLR) {
        c->gicr_ctlr = 0; /* no LPIs */
    }
    gicv3_update_cpu(c);
    return DEV_OK;
}

const struct dev_ops gicv3_redist_ops = {.read = redist_read, .write = redist_write};
