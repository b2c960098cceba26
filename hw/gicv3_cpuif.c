/* SPDX-License-Identifier: MIT */
/*
 * GICv3 physical CPU interface operations: acknowledge, priority drop, deactivation.
 * IHI 0069 4.1 (interrupt handling state machine), 4.8 (active priorities), 12.2
 * (ICC_IAR1_EL1, ICC_EOIR1_EL1, ICC_DIR_EL1).
 */
#include "core/log.h"
#include "hw/gicv3.h"

/* The active-priority bit of group priority prio (one bit per 8 priority values). */
static u32 ap_bit(u8 prio)
{
    return 1u << (prio >> (8 - GIC_PRI_BITS));
}

u32 gicv3_cpuif_ack(struct gicv3_cpuif *c, bool group1)
{
    gicv3_update_cpu(c);
    int intid = c->hppi;
    if (intid == GIC_SPURIOUS)
        return GIC_SPURIOUS;
    struct gic_irq *q = gicv3_irq(c->gic, c->index, intid);
    /* Acknowledge only what is signalled: group, PMR and running priority (IHI 0069 4.1.1). */
    if (q->group1 != group1 || q->priority >= c->pmr ||
        q->priority >= gicv3_running_priority(c->ap0r, c->ap1r))
        return GIC_SPURIOUS;
    q->latch = false;
    q->active = true;
    unsigned bpr = group1 && !(c->ctlr & 1) ? c->bpr1 : c->bpr0 + 1u;
    u8 gprio = (u8)(q->priority & (0xffu << bpr));
    if (group1)
        c->ap1r |= ap_bit(gprio);
    else
        c->ap0r |= ap_bit(gprio);
    if (unlikely(log_mask & LOG_DEV))
        log_printf("gic: cpu%d ack %d prio %#x\n", c->index, intid, q->priority);
    if (intid >= GIC_NR_PRIVATE)
        gicv3_update(c->gic);
    else
        gicv3_update_cpu(c);
    return (u32)intid;
}

void gicv3_cpuif_deactivate(struct gicv3_cpuif *c, u32 intid)
{
    struct gic_irq *q = gicv3_irq(c->gic, c->index, (int)intid);
    if (!q)
        return;
    q->active = false;
    if (intid >= GIC_NR_PRIVATE)
        gicv3_update(c->gic);
    else
        gicv3_update_cpu(c);
}

/* EOIR: drop the highest active priority; with ICC_CTLR_EL1.EOImode == 0 also deactivate. */
void gicv3_cpuif_eoi(struct gicv3_cpuif *c, u32 intid, bool group1)
{
    u32 *ap = group1 ? &c->ap1r : &c->ap0r;
    u32 all = c->ap0r | c->ap1r;
    if (all) {
        u32 top = all & -all;
        if (*ap & top)
            *ap &= ~top;
        else if (unlikely(log_mask & LOG_GUEST_ERRORS))
            log_printf("gic: cpu%d EOI of group %d while the top priority is the other group\n",
                       c->index, group1);
    }
    if (!(c->ctlr & 2))
        gicv3_cpuif_deactivate(c, intid);
    else
        gicv3_update_cpu(c);
}
