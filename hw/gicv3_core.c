/* SPDX-License-Identifier: MIT */
/*
 * GICv3 interrupt state shared by the distributor, redistributors and CPU interfaces: which
 * interrupt each PE should be signalled, and SGI generation. IHI 0069 4.1 (interrupt
 * lifecycle), 4.8 (priority and preemption), 5.1 (affinity routing), 12.2.21 (ICC_SGI1R_EL1).
 */
#include <string.h>

#include "core/log.h"
#include "cpu/arm64/cpu.h"
#include "hw/gicv3.h"

struct gic_irq *gicv3_irq(struct gicv3 *g, int cpu, int intid)
{
    if (intid < GIC_NR_PRIVATE)
        return &g->cpu[cpu].priv[intid];
    if (intid < GIC_NR_IRQS)
        return &g->spi[intid - GIC_NR_PRIVATE];
    return NULL;
}

/* A level-sensitive interrupt is pending while its input is high, or after a write to
 * ISPENDR (IHI 0069 4.1.1); an edge-triggered one only through its latch. */
bool gic_irq_pending(const struct gic_irq *q)
{
    return q->latch || (!q->edge && q->level);
}

u8 gicv3_running_priority(u32 ap0r, u32 ap1r)
{
    u32 ap = ap0r | ap1r;
    return ap ? (u8)(__builtin_ctz(ap) << (8 - GIC_PRI_BITS)) : 0xff;
}

/* The group priority an interrupt of priority prio would preempt with (IHI 0069 4.8.5). */
static u8 group_priority(const struct gicv3_cpuif *c, u8 prio, bool group1)
{
    unsigned bpr = c->bpr0 + 1;
    if (group1 && !(c->ctlr & 1)) /* ICC_CTLR_EL1.CBPR == 0: Group 1 uses BPR1 */
        bpr = c->bpr1;
    return (u8)(prio & (0xffu << bpr));
}

/* Does SPI q target PE c? IRM == 1 (1 of N) goes to the lowest-numbered PE. */
static bool spi_targets(const struct gicv3 *g, const struct gic_irq *q, const struct gicv3_cpuif *c)
{
    if (q->route & (1ull << 31))
        return c->index == 0;
    u64 aff = (q->route & 0xffffff) | ((q->route >> 32 & 0xff) << 32);
    return aff == c->affinity;
}

static bool group_enabled(const struct gicv3 *g, const struct gicv3_cpuif *c, bool group1)
{
    if (group1)
        return (g->ctlr & GICD_CTLR_EnableGrp1) && c->igrpen1;
    return (g->ctlr & GICD_CTLR_EnableGrp0) && c->igrpen0;
}

static void consider(const struct gicv3 *g, const struct gicv3_cpuif *c, const struct gic_irq *q,
                     int intid, int *best, u8 *best_prio)
{
    if (!q->enabled || q->active || !gic_irq_pending(q) || !group_enabled(g, c, q->group1))
        return;
    if (q->priority < *best_prio) {
        *best = intid;
        *best_prio = q->priority;
    }
}

void gicv3_update_cpu(struct gicv3_cpuif *c)
{
    struct gicv3 *g = c->gic;
    int best = GIC_SPURIOUS;
    u8 best_prio = 0xff;
    for (int i = 0; i < GIC_NR_PRIVATE; i++)
        consider(g, c, &c->priv[i], i, &best, &best_prio);
    for (int i = GIC_NR_PRIVATE; i < GIC_NR_IRQS; i++) {
        const struct gic_irq *q = &g->spi[i - GIC_NR_PRIVATE];
        if (q->enabled && spi_targets(g, q, c))
            consider(g, c, q, i, &best, &best_prio);
    }
    c->hppi = best;
    bool irq = false, fiq = false;
    if (best != GIC_SPURIOUS) {
        const struct gic_irq *q = gicv3_irq(g, c->index, best);
        u8 rpr = gicv3_running_priority(c->ap0r, c->ap1r);
        if (q->priority < c->pmr && group_priority(c, q->priority, q->group1) < rpr) {
            irq = q->group1;
            fiq = !q->group1;
        }
    }
    if (g->set_cpu_line) {
        g->set_cpu_line(c, A64_IRQ_LINE, irq);
        g->set_cpu_line(c, A64_FIQ_LINE, fiq);
    }
}

void gicv3_update(struct gicv3 *g)
{
    for (int i = 0; i < g->ncpus; i++)
        gicv3_update_cpu(&g->cpu[i]);
}

void gicv3_set_spi(void *gic, int n, int level)
{
    struct gicv3 *g = gic;
    if (n < GIC_NR_PRIVATE || n >= GIC_NR_IRQS)
        emu_bug("GIC: SPI input %d out of range", n);
    struct gic_irq *q = &g->spi[n - GIC_NR_PRIVATE];
    if (q->edge && level && !q->level)
        q->latch = true;
    q->level = level;
    gicv3_update(g);
}

void gicv3_set_ppi(void *cpuif, int n, int level)
{
    struct gicv3_cpuif *c = cpuif;
    struct gic_irq *q = &c->priv[n];
    if (q->edge && level && !q->level)
        q->latch = true;
    q->level = level;
    gicv3_update_cpu(c);
}

/* ICC_SGI1R_EL1 / ICC_SGI0R_EL1 (IHI 0069 12.2.21): TargetList[15:0], Aff1[23:16],
 * INTID[27:24], Aff2[39:32], IRM[40], RS[47:44], Aff3[55:48]. */
void gicv3_send_sgi(struct gicv3_cpuif *src, u64 v, bool group1)
{
    struct gicv3 *g = src->gic;
    int intid = (int)extract64(v, 24, 4);
    bool irm = extract64(v, 40, 1);
    u64 aff321 = (extract64(v, 48, 8) << 32) | (extract64(v, 32, 8) << 16) |
                 (extract64(v, 16, 8) << 8);
    unsigned rs = (unsigned)extract64(v, 44, 4);
    u32 targets = (u32)extract64(v, 0, 16);
    for (int i = 0; i < g->ncpus; i++) {
        struct gicv3_cpuif *c = &g->cpu[i];
        if (irm) {
            if (c == src)
                continue;
        } else {
            u64 aff0 = c->affinity & 0xff;
            if ((c->affinity & ~0xffull) != aff321 || aff0 / 16 != rs ||
                !(targets & (1u << (aff0 % 16))))
                continue;
        }
        struct gic_irq *q = &c->priv[intid];
        /* With DS == 1 an SGI is forwarded only if its configured group matches. */
        if (q->group1 != group1)
            continue;
        q->latch = true;
        if (unlikely(log_mask & LOG_DEV))
            log_printf("gic: cpu%d SGI %d -> cpu%d\n", src->index, intid, i);
        gicv3_update_cpu(c);
    }
}

void gicv3_reset(struct gicv3 *g)
{
    g->ctlr = GICD_CTLR_DS | GICD_CTLR_ARE;
    memset(g->spi, 0, sizeof(g->spi));
    for (int i = 0; i < g->ncpus; i++) {
        struct gicv3_cpuif *c = &g->cpu[i];
        memset(c->priv, 0, sizeof(c->priv));
        for (int n = 0; n < GIC_NR_SGI; n++)
            c->priv[n].edge = true; /* SGIs are edge-triggered (GICR_ICFGR0 is RAO/WI) */
        c->gicr_ctlr = 0;
        c->gicr_waker = 0x6; /* ProcessorSleep, ChildrenAsleep */
        c->pmr = 0;
        c->bpr0 = GIC_PRI_MIN_BPR0;
        c->bpr1 = GIC_PRI_MIN_BPR0 + 1;
        c->ctlr = 0;
        c->igrpen0 = c->igrpen1 = false;
        c->ap0r = c->ap1r = 0;
        c->hppi = GIC_SPURIOUS;
        c->ich_hcr = c->ich_vmcr = 0;
        memset(c->ich_lr, 0, sizeof(c->ich_lr));
        c->ich_ap0r = c->ich_ap1r = 0;
    }
    gicv3_update(g);
    for (int i = 0; i < g->ncpus; i++)
        gicv3_virt_update(&g->cpu[i]);
}

void gicv3_init(struct gicv3 *g, int ncpus, const u64 *affinity)
{
    if (ncpus > GIC_MAX_CPUS)
        fatal("GICv3: at most %d CPUs", GIC_MAX_CPUS);
    g->ncpus = ncpus;
    for (int i = 0; i < ncpus; i++) {
        g->cpu[i].gic = g;
        g->cpu[i].index = i;
        /* Only the affinity fields of MPIDR_EL1: Aff3 [39:32], Aff2..Aff0 [23:0]. */
        g->cpu[i].affinity = affinity[i] & 0xff00ffffffull;
    }
    gicv3_reset(g);
}
