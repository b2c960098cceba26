/* SPDX-License-Identifier: MIT */
/*
 * GICv3 without security extensions (GICD_CTLR.DS == 1) and without an ITS: distributor,
 * one redistributor per vCPU, the ICC_* system-register CPU interface and the ICH_* virtual
 * interface. Arm GIC Architecture Specification IHI 0069 (GICv3/v4), chapters 4, 8, 12.
 */
#ifndef EMU_HW_GICV3_H
#define EMU_HW_GICV3_H

#include "core/types.h"
#include "hw/dev.h"

struct a64_cpu;

#define GIC_NR_SGI 16
#define GIC_NR_PRIVATE 32              /* SGIs and PPIs, banked per redistributor */
#define GIC_NR_IRQS 288                /* INTIDs 0..287: 256 SPIs, ITLinesNumber = 8 */
#define GIC_SPURIOUS 1023
#define GIC_MAX_CPUS 64
#define GIC_PRI_BITS 5                 /* implemented priority bits (ICC_CTLR_EL1.PRIbits + 1) */
#define GIC_PRI_MASK 0xf8u
#define GIC_NR_LR 4                    /* list registers (ICH_VTR_EL2.ListRegs + 1) */
#define GIC_PRI_MIN_BPR0 (7 - GIC_PRI_BITS) /* BPR0 reset and minimum: 2 with 5 bits */

#define GICD_SIZE 0x10000
#define GICR_SIZE 0x20000              /* RD_base + SGI_base frames per redistributor */

/* GICD_CTLR with DS == 1 (IHI 0069 8.9.4) */
#define GICD_CTLR_EnableGrp0 (1u << 0)
#define GICD_CTLR_EnableGrp1 (1u << 1)
#define GICD_CTLR_ARE (1u << 4)
#define GICD_CTLR_DS (1u << 6)
#define GICD_CTLR_RWP (1u << 31)

/* ICH_LR<n>_EL2 fields (IHI 0069 12.5.10) */
#define ICH_LR_VINTID_MASK 0xffffffffull
#define ICH_LR_PINTID_SHIFT 32
#define ICH_LR_PRIORITY_SHIFT 48
#define ICH_LR_GROUP (1ull << 60)
#define ICH_LR_HW (1ull << 61)
#define ICH_LR_STATE_SHIFT 62
#define ICH_LR_EOI (1ull << 41) /* when HW == 0: maintenance interrupt on EOI */
enum { ICH_LR_INVALID = 0, ICH_LR_PENDING = 1, ICH_LR_ACTIVE = 2, ICH_LR_PENDING_ACTIVE = 3 };

/* ICH_HCR_EL2 (IHI 0069 12.5.4) */
#define ICH_HCR_En (1u << 0)
#define ICH_HCR_UIE (1u << 1)
#define ICH_HCR_LRENPIE (1u << 2)
#define ICH_HCR_NPIE (1u << 3)
#define ICH_HCR_VGrp0EIE (1u << 4)
#define ICH_HCR_VGrp0DIE (1u << 5)
#define ICH_HCR_VGrp1EIE (1u << 6)
#define ICH_HCR_VGrp1DIE (1u << 7)
#define ICH_HCR_EOIcount_SHIFT 27

/* ICH_MISR_EL2 (IHI 0069 12.5.8) */
#define ICH_MISR_EOI (1u << 0)
#define ICH_MISR_U (1u << 1)
#define ICH_MISR_LRENP (1u << 2)
#define ICH_MISR_NP (1u << 3)
#define ICH_MISR_VGrp0E (1u << 4)
#define ICH_MISR_VGrp0D (1u << 5)
#define ICH_MISR_VGrp1E (1u << 6)
#define ICH_MISR_VGrp1D (1u << 7)

/* ICH_VMCR_EL2 (IHI 0069 12.5.13) */
#define ICH_VMCR_VENG0 (1u << 0)
#define ICH_VMCR_VENG1 (1u << 1)
#define ICH_VMCR_VAckCtl (1u << 2)
#define ICH_VMCR_VFIQEn (1u << 3)
#define ICH_VMCR_VCBPR (1u << 4)
#define ICH_VMCR_VEOIM (1u << 9)
#define ICH_VMCR_VBPR1_SHIFT 18
#define ICH_VMCR_VBPR0_SHIFT 21
#define ICH_VMCR_VPMR_SHIFT 24

/* The GIC maintenance interrupt and its PPI on the virt board. */
#define GIC_PPI_MAINT 25

/* One interrupt's state, as the distributor (SPIs) or a redistributor (SGIs/PPIs) holds it. */
struct gic_irq {
    u8 priority;
    bool group1;   /* IGROUPR: 1 = Group 1 (IRQ), 0 = Group 0 (FIQ) with DS == 1 */
    bool enabled;
    bool latch;    /* pending latch: edge seen, or ISPENDR write */
    bool level;    /* input line level (level-sensitive interrupts are pending while high) */
    bool active;
    bool edge;     /* ICFGR: 1 = edge-triggered */
    u64 route;     /* GICD_IROUTER (SPIs): Aff3.Aff2.Aff1.Aff0 and IRM (bit 31) */
};

/* The CPU interface of one PE: ICC_* (physical) and ICH_* (virtual) state. */
struct gicv3_cpuif {
    struct gicv3 *gic;
    struct a64_cpu *cpu;
    int index;
    u64 affinity;          /* MPIDR_EL1 affinity fields, Aff3 at [39:32] */

    /* redistributor */
    struct gic_irq priv[GIC_NR_PRIVATE];
    u32 gicr_ctlr, gicr_waker;

    /* ICC_* */
    u8 pmr;
    u8 bpr0, bpr1;
    u32 ctlr;              /* ICC_CTLR_EL1 writable bits: CBPR (0), EOImode (1) */
    bool igrpen0, igrpen1;
    u32 ap0r, ap1r;        /* active priorities: bit n = group priority n << 3 */
    int hppi;              /* highest-priority pending interrupt that may be signalled */

    /* ICH_* (virtualisation) */
    u32 ich_hcr, ich_vmcr;
    u64 ich_lr[GIC_NR_LR];
    u32 ich_ap0r, ich_ap1r;
    struct irq_line maint; /* the maintenance interrupt output (PPI 25 of this PE) */
};

struct gicv3 {
    int ncpus;
    u32 ctlr;
    struct gic_irq spi[GIC_NR_IRQS - GIC_NR_PRIVATE];
    struct gicv3_cpuif cpu[GIC_MAX_CPUS];
    /* Raise or lower a CPU's IRQ/FIQ/VIRQ/VFIQ input (line is an A64_*_LINE bit). */
    void (*set_cpu_line)(struct gicv3_cpuif *c, u32 line, bool level);
};

extern const struct dev_ops gicv3_dist_ops;
extern const struct dev_ops gicv3_redist_ops; /* dev = struct gicv3, one region for all */

/* Set up a GIC with ncpus redistributors; cpus[i]->gic must then point at &gic->cpu[i].
 * affinity[i] is CPU i's MPIDR_EL1 (only its affinity fields are used). */
void gicv3_init(struct gicv3 *g, int ncpus, const u64 *affinity);
void gicv3_reset(struct gicv3 *g);
/* Input lines: n is an INTID >= 32 for SPIs (struct irq_line with ctl = gic). */
void gicv3_set_spi(void *gic, int n, int level);
/* PPI input of one PE (timers, PMU, maintenance): ctl = struct gicv3_cpuif. */
void gicv3_set_ppi(void *cpuif, int n, int level);

/* Shared logic between the distributor, redistributors and CPU interfaces (gicv3_core.c). */
struct gic_irq *gicv3_irq(struct gicv3 *g, int cpu, int intid);
bool gic_irq_pending(const struct gic_irq *q);
void gicv3_update(struct gicv3 *g);           /* recompute every PE's outputs */
void gicv3_update_cpu(struct gicv3_cpuif *c); /* recompute one PE's outputs */
/* Send SGI intid from PE src as ICC_SGI1R_EL1/ICC_SGI0R_EL1 value v describes. */
void gicv3_send_sgi(struct gicv3_cpuif *src, u64 v, bool group1);
/* CPU-interface operations (gicv3_cpuif.c), exposed for unit tests. */
u32 gicv3_cpuif_ack(struct gicv3_cpuif *c, bool group1);
void gicv3_cpuif_eoi(struct gicv3_cpuif *c, u32 intid, bool group1);
void gicv3_cpuif_deactivate(struct gicv3_cpuif *c, u32 intid);
u8 gicv3_running_priority(u32 ap0r, u32 ap1r);
/* Virtual interface outputs (gicv3_virt.c). */
void gicv3_virt_update(struct gicv3_cpuif *c);
u32 gicv3_ich_misr(const struct gicv3_cpuif *c);
u32 gicv3_ich_eisr(const struct gicv3_cpuif *c);
u32 gicv3_ich_elrsr(const struct gicv3_cpuif *c);
/* ICV_* operations at EL1 when HCR_EL2.IMO/FMO route them to the virtual interface. */
u32 gicv3_virt_ack(struct gicv3_cpuif *c, bool group1);
void gicv3_virt_eoi(struct gicv3_cpuif *c, u32 vintid, bool group1);
void gicv3_virt_deactivate(struct gicv3_cpuif *c, u32 vintid);
u32 gicv3_virt_hppir(const struct gicv3_cpuif *c, bool group1);

/* Register the snapshot section "gicv3" (gicv3_snap.c). */
struct machine;
void gicv3_snap_register(struct machine *m, struct gicv3 *g);

/* Register the ICC_* and ICH_* system registers (gicv3_sysregs.c). */
void gicv3_register_sysregs(void);

#endif
