/* SPDX-License-Identifier: MIT */
/* Unit tests of the GICv3 model: distributor/redistributor registers, acknowledge/EOI,
 * priorities, SGI routing, list registers and the maintenance interrupt (IHI 0069). */
#include <stdio.h>
#include <stdlib.h>

#include "cpu/arm64/cpu.h"
#include "hw/gicv3.h"

static int failures;
#define CHECK(c)                                                                               \
    do {                                                                                       \
        if (!(c)) {                                                                            \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                \
            failures++;                                                                        \
        }                                                                                      \
    } while (0)

static u32 lines[4];
static void set_line(struct gicv3_cpuif *c, u32 line, bool level)
{
    lines[c->index] = level ? lines[c->index] | line : lines[c->index] & ~line;
}
static int maint_level[4];
static void set_maint(void *ctl, int n, int level)
{
    maint_level[n] = level;
}

static u64 rd(const struct dev_ops *ops, struct gicv3 *g, u64 off, unsigned size)
{
    u64 v;
    ops->read(g, off, size, &v);
    return v;
}
static void wr(const struct dev_ops *ops, struct gicv3 *g, u64 off, unsigned size, u64 v)
{
    ops->write(g, off, size, v);
}

static struct gicv3 g;

static void setup(int ncpus)
{
    u64 aff[4] = {0, 1, 2, 3};
    g.set_cpu_line = set_line;
    for (int i = 0; i < 4; i++) {
        lines[i] = 0;
        g.cpu[i].maint = (struct irq_line){set_maint, NULL, i};
    }
    gicv3_init(&g, ncpus, aff);
    wr(&gicv3_dist_ops, &g, 0, 4, GICD_CTLR_EnableGrp1 | GICD_CTLR_EnableGrp0);
    for (int i = 0; i < ncpus; i++) {
        g.cpu[i].pmr = 0xf0;
        g.cpu[i].igrpen1 = true;
    }
}

static void test_id_registers(void)
{
    setup(2);
    CHECK((rd(&gicv3_dist_ops, &g, 0xffe8, 4) >> 4 & 0xf) == 3);
    CHECK((rd(&gicv3_dist_ops, &g, 0x0, 4) & (GICD_CTLR_ARE | GICD_CTLR_DS)) ==
          (GICD_CTLR_ARE | GICD_CTLR_DS));
    wr(&gicv3_dist_ops, &g, 0, 4, 0);
    CHECK(rd(&gicv3_dist_ops, &g, 0x0, 4) == (GICD_CTLR_ARE | GICD_CTLR_DS));
    CHECK((rd(&gicv3_dist_ops, &g, 0x4, 4) & 0x1f) == 8);
    /* GICR_TYPER: Last only on the final redistributor, Processor_Number, affinity */
    u64 t0 = rd(&gicv3_redist_ops, &g, 0x8, 8), t1 = rd(&gicv3_redist_ops, &g, GICR_SIZE + 8, 8);
    CHECK(!(t0 & 0x10) && (t1 & 0x10));
    CHECK((t1 >> 8 & 0xffff) == 1 && (t1 >> 32) == 1);
    CHECK((rd(&gicv3_redist_ops, &g, 0xffe8, 4) >> 4 & 0xf) == 3);
    /* WAKER: ChildrenAsleep follows ProcessorSleep */
    CHECK(rd(&gicv3_redist_ops, &g, 0x14, 4) == 6);
    wr(&gicv3_redist_ops, &g, 0x14, 4, 0);
    CHECK(rd(&gicv3_redist_ops, &g, 0x14, 4) == 0);
}

static void test_spi_level_ack_eoi(void)
{
    setup(2);
    int spi = 33;
    wr(&gicv3_dist_ops, &g, 0x80 + 4, 4, 1u << 1);         /* IGROUPR1: group 1 */
    wr(&gicv3_dist_ops, &g, 0x400 + spi, 1, 0x80);         /* priority */
    wr(&gicv3_dist_ops, &g, 0x6000 + 8 * spi, 8, 1);       /* route to cpu 1 */
    gicv3_set_spi(&g, spi, 1);
    CHECK(lines[1] == 0); /* not enabled yet */
    CHECK(rd(&gicv3_dist_ops, &g, 0x200 + 4, 4) == 2);     /* but pending */
    wr(&gicv3_dist_ops, &g, 0x100 + 4, 4, 1u << 1);        /* ISENABLER1 */
    CHECK(lines[1] == A64_IRQ_LINE && lines[0] == 0);
    CHECK(gicv3_cpuif_ack(&g.cpu[0], true) == GIC_SPURIOUS);
    CHECK(gicv3_cpuif_ack(&g.cpu[1], true) == (u32)spi);
    CHECK(lines[1] == 0); /* active, line still high: not signalled again */
    CHECK(gicv3_running_priority(g.cpu[1].ap0r, g.cpu[1].ap1r) == 0x80);
    CHECK(rd(&gicv3_dist_ops, &g, 0x300 + 4, 4) == 2);     /* ISACTIVER */
    gicv3_cpuif_eoi(&g.cpu[1], (u32)spi, true);
    CHECK(rd(&gicv3_dist_ops, &g, 0x300 + 4, 4) == 0);
    CHECK(lines[1] == A64_IRQ_LINE); /* level still high: pending again */
    gicv3_set_spi(&g, spi, 0);
    CHECK(lines[1] == 0);
    /* ICPENDR cannot clear a level input that is high */
    gicv3_set_spi(&g, spi, 1);
    wr(&gicv3_dist_ops, &g, 0x280 + 4, 4, 1u << 1);
    CHECK(lines[1] == A64_IRQ_LINE);
}

static void test_priority_and_preemption(void)
{
    setup(1);
    struct gicv3_cpuif *c = &g.cpu[0];
    /* PPIs 20 (prio 0xa0) and 21 (prio 0x40), level */
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x80, 4, ~0u);
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x400 + 20, 1, 0xa0);
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x400 + 21, 1, 0x40);
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x100, 4, 3u << 20);
    gicv3_set_ppi(c, 20, 1);
    CHECK(gicv3_cpuif_ack(c, true) == 20);
    CHECK(lines[0] == 0);
    gicv3_set_ppi(c, 21, 1); /* higher priority: preempts */
    CHECK(lines[0] == A64_IRQ_LINE);
    CHECK(gicv3_cpuif_ack(c, true) == 21);
    /* PMR masks */
    gicv3_set_ppi(c, 20, 0);
    gicv3_cpuif_eoi(c, 21, true);
    gicv3_cpuif_eoi(c, 20, true);
    CHECK(c->ap1r == 0);
    c->pmr = 0x40;
    gicv3_update_cpu(c);
    CHECK(lines[0] == 0); /* 21 (0x40) is not below PMR */
    c->pmr = 0x48;
    gicv3_update_cpu(c);
    CHECK(lines[0] == A64_IRQ_LINE);
    /* EOImode 1: EOI only drops priority, DIR deactivates */
    c->ctlr = 2;
    CHECK(gicv3_cpuif_ack(c, true) == 21);
    gicv3_cpuif_eoi(c, 21, true);
    CHECK(c->ap1r == 0 && c->priv[21].active);
    gicv3_cpuif_deactivate(c, 21);
    CHECK(!c->priv[21].active);
    /* Group 0 goes to FIQ */
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x80, 4, 0);
    c->igrpen0 = true;
    gicv3_update_cpu(c);
    CHECK(lines[0] == A64_FIQ_LINE);
    CHECK(gicv3_cpuif_ack(c, true) == GIC_SPURIOUS);
    CHECK(gicv3_cpuif_ack(c, false) == 21);
}

static void test_sgi(void)
{
    setup(3);
    for (int i = 0; i < 3; i++) {
        wr(&gicv3_redist_ops, &g, i * GICR_SIZE + 0x10000 + 0x80, 4, ~0u);
        wr(&gicv3_redist_ops, &g, i * GICR_SIZE + 0x10000 + 0x100, 4, 0xffff);
    }
    /* SGI 5 to cpu 2 (TargetList bit 2) */
    gicv3_send_sgi(&g.cpu[0], (5ull << 24) | 4, true);
    CHECK(lines[2] == A64_IRQ_LINE && lines[1] == 0 && lines[0] == 0);
    CHECK(gicv3_cpuif_ack(&g.cpu[2], true) == 5);
    gicv3_cpuif_eoi(&g.cpu[2], 5, true);
    CHECK(lines[2] == 0); /* edge: consumed */
    /* IRM: everyone but self */
    gicv3_send_sgi(&g.cpu[1], (7ull << 24) | (1ull << 40), true);
    CHECK(lines[0] && !lines[1] && lines[2]);
    /* ICFGR0 is read-only edge for SGIs */
    CHECK(rd(&gicv3_redist_ops, &g, 0x10000 + 0xc00, 4) == 0xaaaaaaaa);
    /* Affinity comes from MPIDR_EL1 without its RES1 bit 31 (and routes SPIs too) */
    u64 mpidr[2] = {0x80000000ull, 0x80000001ull};
    gicv3_init(&g, 2, mpidr);
    wr(&gicv3_dist_ops, &g, 0, 4, GICD_CTLR_EnableGrp1);
    g.cpu[1].pmr = 0xf0;
    g.cpu[1].igrpen1 = true;
    wr(&gicv3_redist_ops, &g, GICR_SIZE + 0x10000 + 0x80, 4, ~0u);
    wr(&gicv3_redist_ops, &g, GICR_SIZE + 0x10000 + 0x100, 4, 0xffff);
    lines[1] = 0;
    gicv3_send_sgi(&g.cpu[0], (2ull << 24) | 2, true);
    CHECK(lines[1] == A64_IRQ_LINE);
    CHECK((rd(&gicv3_redist_ops, &g, GICR_SIZE + 8, 8) >> 32) == 1);
    /* Wrong Aff1: nobody */
    setup(2);
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x80, 4, ~0u);
    wr(&gicv3_redist_ops, &g, 0x10000 + 0x100, 4, 0xffff);
    gicv3_send_sgi(&g.cpu[1], (1ull << 24) | (1ull << 16) | 1, true);
    CHECK(lines[0] == 0);
}

static void test_virtual_interface(void)
{
    setup(1);
    struct gicv3_cpuif *c = &g.cpu[0];
    c->ich_hcr = ICH_HCR_En;
    c->ich_vmcr = ICH_VMCR_VENG1 | (0xf0u << ICH_VMCR_VPMR_SHIFT) | (3u << ICH_VMCR_VBPR1_SHIFT);
    c->ich_lr[0] = ((u64)ICH_LR_PENDING << 62) | ICH_LR_GROUP | (0xa0ull << 48) | ICH_LR_EOI | 27;
    gicv3_virt_update(c);
    CHECK(lines[0] == A64_VIRQ_LINE);
    CHECK(gicv3_virt_hppir(c, true) == 27);
    CHECK(gicv3_virt_ack(c, true) == 27);
    CHECK(lines[0] == 0);
    CHECK((c->ich_lr[0] >> 62) == ICH_LR_ACTIVE);
    CHECK(gicv3_ich_elrsr(c) == 0xe);
    gicv3_virt_eoi(c, 27, true);
    CHECK((c->ich_lr[0] >> 62) == ICH_LR_INVALID);
    CHECK(gicv3_ich_eisr(c) == 1 && (gicv3_ich_misr(c) & ICH_MISR_EOI));
    CHECK(maint_level[0] == 1);
    c->ich_lr[0] = 0;
    gicv3_virt_update(c);
    CHECK(maint_level[0] == 0);
    /* EOI without a matching LR increments EOIcount */
    gicv3_virt_eoi(c, 99, true);
    CHECK((c->ich_hcr >> ICH_HCR_EOIcount_SHIFT) == 1);
    /* Underflow maintenance */
    c->ich_hcr = ICH_HCR_En | ICH_HCR_UIE;
    gicv3_virt_update(c);
    CHECK(maint_level[0] == 1 && (gicv3_ich_misr(c) & ICH_MISR_U));
    /* HW: deactivating the virtual interrupt deactivates the physical one */
    c->ich_hcr = ICH_HCR_En;
    c->priv[27].active = true;
    c->ich_lr[1] = ((u64)ICH_LR_ACTIVE << 62) | ICH_LR_GROUP | ICH_LR_HW | (27ull << 32) | 27;
    gicv3_virt_deactivate(c, 27);
    CHECK(!c->priv[27].active && c->ich_lr[1] >> 62 == 0);
    /* Disabled interface: no virtual interrupt */
    c->ich_hcr = 0;
    c->ich_lr[2] = ((u64)ICH_LR_PENDING << 62) | ICH_LR_GROUP | 30;
    gicv3_virt_update(c);
    CHECK(lines[0] == 0);
}

int main(void)
{
    test_id_registers();
    test_spi_level_ack_eoi();
    test_priority_and_preemption();
    test_sgi();
    test_virtual_interface();
    printf("%s: %s\n", __FILE__, failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
