/* SPDX-License-Identifier: MIT */
/*
 * Snapshot section "gicv3": distributor, redistributors, ICC_* CPU interfaces and ICH_*
 * virtual interfaces. The outputs to the CPUs (hppi, the IRQ/FIQ lines) are recomputed.
 */
#include "core/snapshot.h"
#include "hw/gicv3.h"

#define GICV3_SNAP_VERSION 1

static void put_irq(struct snap_writer *w, const struct gic_irq *q)
{
    snap_put_u8(w, q->priority);
    snap_put_u8(w, (u8)(q->group1 | q->enabled << 1 | q->latch << 2 | q->level << 3 |
                        q->active << 4 | q->edge << 5));
    snap_put_u64(w, q->route);
}

static void get_irq(struct snap_reader *r, struct gic_irq *q)
{
    q->priority = snap_get_u8(r);
    u8 f = snap_get_u8(r);
    if (f >> 6)
        snap_fail(r, "bad interrupt flags %#x", f);
    q->group1 = f & 1;
    q->enabled = f >> 1 & 1;
    q->latch = f >> 2 & 1;
    q->level = f >> 3 & 1;
    q->active = f >> 4 & 1;
    q->edge = f >> 5 & 1;
    q->route = snap_get_u64(r);
}

static void gicv3_save(void *opaque, struct snap_writer *w)
{
    struct gicv3 *g = opaque;
    snap_put_u32(w, (u32)g->ncpus);
    snap_put_u32(w, g->ctlr);
    for (int i = 0; i < GIC_NR_IRQS - GIC_NR_PRIVATE; i++)
        put_irq(w, &g->spi[i]);
    for (int c = 0; c < g->ncpus; c++) {
        const struct gicv3_cpuif *ci = &g->cpu[c];
        for (int i = 0; i < GIC_NR_PRIVATE; i++)
            put_irq(w, &ci->priv[i]);
        snap_put_u32(w, ci->gicr_ctlr);
        snap_put_u32(w, ci->gicr_waker);
        snap_put_u8(w, ci->pmr);
        snap_put_u8(w, ci->bpr0);
        snap_put_u8(w, ci->bpr1);
        snap_put_u32(w, ci->ctlr);
        snap_put_bool(w, ci->igrpen0);
        snap_put_bool(w, ci->igrpen1);
        snap_put_u32(w, ci->ap0r);
        snap_put_u32(w, ci->ap1r);
        snap_put_u32(w, ci->ich_hcr);
        snap_put_u32(w, ci->ich_vmcr);
        for (int l = 0; l < GIC_NR_LR; l++)
            snap_put_u64(w, ci->ich_lr[l]);
        snap_put_u32(w, ci->ich_ap0r);
        snap_put_u32(w, ci->ich_ap1r);
    }
}

static void gicv3_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct gicv3 *g = opaque;
    u32 n = snap_get_u32(r);
    if (!snap_failed(r) && n != (u32)g->ncpus) {
        snap_fail(r, "%u redistributors saved, the GIC has %d", n, g->ncpus);
        return;
    }
    g->ctlr = snap_get_u32(r);
    for (int i = 0; i < GIC_NR_IRQS - GIC_NR_PRIVATE; i++)
        get_irq(r, &g->spi[i]);
    for (int c = 0; c < g->ncpus; c++) {
        struct gicv3_cpuif *ci = &g->cpu[c];
        for (int i = 0; i < GIC_NR_PRIVATE; i++)
            get_irq(r, &ci->priv[i]);
        ci->gicr_ctlr = snap_get_u32(r);
        ci->gicr_waker = snap_get_u32(r);
        ci->pmr = snap_get_u8(r);
        ci->bpr0 = snap_get_u8(r);
        ci->bpr1 = snap_get_u8(r);
        ci->ctlr = snap_get_u32(r);
        ci->igrpen0 = snap_get_bool(r);
        ci->igrpen1 = snap_get_bool(r);
        ci->ap0r = snap_get_u32(r);
        ci->ap1r = snap_get_u32(r);
        ci->ich_hcr = snap_get_u32(r);
        ci->ich_vmcr = snap_get_u32(r);
        for (int l = 0; l < GIC_NR_LR; l++)
            ci->ich_lr[l] = snap_get_u64(r);
        ci->ich_ap0r = snap_get_u32(r);
        ci->ich_ap1r = snap_get_u32(r);
    }
    if (snap_failed(r))
        return;
    for (int c = 0; c < g->ncpus; c++)
        gicv3_virt_update(&g->cpu[c]);
    gicv3_update(g);
}

void gicv3_snap_register(struct machine *m, struct gicv3 *g)
{
    snap_register(m, "gicv3", GICV3_SNAP_VERSION, gicv3_save, gicv3_load, g);
}
