/* SPDX-License-Identifier: MIT */
/*
 * GICv3 virtual CPU interface: list registers, the virtual interrupt signalled to EL1 and the
 * maintenance interrupt. IHI 0069 chapter 6 (virtual interrupt handling), 12.4 (ICV_*),
 * 12.5 (ICH_*).
 */
#include "core/log.h"
#include "cpu/arm64/cpu.h"
#include "hw/gicv3.h"

static unsigned lr_state(u64 lr)
{
    return (unsigned)(lr >> ICH_LR_STATE_SHIFT);
}
static u8 lr_prio(u64 lr)
{
    return (u8)(lr >> ICH_LR_PRIORITY_SHIFT) & GIC_PRI_MASK;
}

static unsigned vbpr(const struct gicv3_cpuif *c, bool group1)
{
    unsigned b0 = (c->ich_vmcr >> ICH_VMCR_VBPR0_SHIFT) & 7;
    unsigned b1 = (c->ich_vmcr >> ICH_VMCR_VBPR1_SHIFT) & 7;
    if (group1 && !(c->ich_vmcr & ICH_VMCR_VCBPR))
        return b1;
    return b0 + 1;
}

static u32 ap_bit(u8 prio)
{
    return 1u << (prio >> (8 - GIC_PRI_BITS));
}

/* The highest-priority pending LR whose group is enabled, or -1. */
static int virt_hppi_lr(const struct gicv3_cpuif *c)
{
    int best = -1;
    u8 best_prio = 0xff;
    for (int i = 0; i < GIC_NR_LR; i++) {
        u64 lr = c->ich_lr[i];
        if (lr_state(lr) != ICH_LR_PENDING)
            continue;
        bool g1 = lr & ICH_LR_GROUP;
        if (!(c->ich_vmcr & (g1 ? ICH_VMCR_VENG1 : ICH_VMCR_VENG0)))
            continue;
        if (best < 0 || lr_prio(lr) < best_prio) {
            best = i;
            best_prio = lr_prio(lr);
        }
    }
    return best;
}

/* Could LR n be signalled now (VPMR and virtual running priority)? */
static bool virt_signalled(const struct gicv3_cpuif *c, int n)
{
    if (n < 0 || !(c->ich_hcr & ICH_HCR_En))
        return false;
    u64 lr = c->ich_lr[n];
    u8 vpmr = (u8)(c->ich_vmcr >> ICH_VMCR_VPMR_SHIFT);
    u8 g = (u8)(lr_prio(lr) & (0xffu << vbpr(c, lr & ICH_LR_GROUP)));
    return lr_prio(lr) < vpmr && g < gicv3_running_priority(c->ich_ap0r, c->ich_ap1r);
}

u32 gicv3_ich_misr(const struct gicv3_cpuif *c)
{
    u32 m = 0, h = c->ich_hcr, v = c->ich_vmcr;
    int valid = 0;
    bool any_pending = false, eoi = false;
    for (int i = 0; i < GIC_NR_LR; i++) {
        u64 lr = c->ich_lr[i];
        valid += lr_state(lr) != ICH_LR_INVALID;
        any_pending |= lr_state(lr) == ICH_LR_PENDING;
        eoi |= lr_state(lr) == ICH_LR_INVALID && !(lr & ICH_LR_HW) && (lr & ICH_LR_EOI);
    }
    if (eoi)
        m |= ICH_MISR_EOI;
    if ((h & ICH_HCR_UIE) && valid <= 1)
        m |= ICH_MISR_U;
    if ((h & ICH_HCR_LRENPIE) && (h >> ICH_HCR_EOIcount_SHIFT))
        m |= ICH_MISR_LRENP;
    if ((h & ICH_HCR_NPIE) && !any_pending)
        m |= ICH_MISR_NP;
    if ((h & ICH_HCR_VGrp0EIE) && (v & ICH_VMCR_VENG0))
        m |= ICH_MISR_VGrp0E;
    if ((h & ICH_HCR_VGrp0DIE) && !(v & ICH_VMCR_VENG0))
        m |= ICH_MISR_VGrp0D;
    if ((h & ICH_HCR_VGrp1EIE) && (v & ICH_VMCR_VENG1))
        m |= ICH_MISR_VGrp1E;
    if ((h & ICH_HCR_VGrp1DIE) && !(v & ICH_VMCR_VENG1))
        m |= ICH_MISR_VGrp1D;
    return m;
}

void gicv3_virt_update(struct gicv3_cpuif *c)
{
    int n = virt_hppi_lr(c);
    bool sig = virt_signalled(c, n);
    bool g1 = n >= 0 && (c->ich_lr[n] & ICH_LR_GROUP);
    if (c->gic->set_cpu_line) {
        c->gic->set_cpu_line(c, A64_VIRQ_LINE, sig && g1);
        c->gic->set_cpu_line(c, A64_VFIQ_LINE, sig && !g1);
    }
    irq_set(&c->maint, (c->ich_hcr & ICH_HCR_En) && gicv3_ich_misr(c) != 0);
}

u32 gicv3_virt_ack(struct gicv3_cpuif *c, bool group1)
{
    int n = virt_hppi_lr(c);
    if (!virt_signalled(c, n) || !(c->ich_lr[n] & ICH_LR_GROUP) != !group1)
        return GIC_SPURIOUS;
    u64 lr = c->ich_lr[n];
    c->ich_lr[n] = deposit64(lr, ICH_LR_STATE_SHIFT, 2, ICH_LR_ACTIVE);
    u8 g = (u8)(lr_prio(lr) & (0xffu << vbpr(c, group1)));
    if (group1)
        c->ich_ap1r |= ap_bit(g);
    else
        c->ich_ap0r |= ap_bit(g);
    gicv3_virt_update(c);
    return (u32)(lr & ICH_LR_VINTID_MASK);
}

void gicv3_virt_deactivate(struct gicv3_cpuif *c, u32 vintid)
{
    for (int i = 0; i < GIC_NR_LR; i++) {
        u64 lr = c->ich_lr[i];
        if ((lr & ICH_LR_VINTID_MASK) != vintid || !(lr_state(lr) & ICH_LR_ACTIVE))
            continue;
        c->ich_lr[i] = lr & ~(2ull << ICH_LR_STATE_SHIFT);
        /* HW == 1: the physical interrupt pINTID is deactivated too (IHI 0069 6.2.1). */
        if (lr & ICH_LR_HW) {
            u32 pintid = (u32)extract64(lr, ICH_LR_PINTID_SHIFT, 13);
            if (pintid < GIC_NR_IRQS)
                gicv3_cpuif_deactivate(c, pintid);
        }
        gicv3_virt_update(c);
        return;
    }
    /* No matching list register: count it for the hypervisor (ICH_HCR_EL2.EOIcount). */
    c->ich_hcr += 1u << ICH_HCR_EOIcount_SHIFT;
    gicv3_virt_update(c);
}

void gicv3_virt_eoi(struct gicv3_cpuif *c, u32 vintid, bool group1)
{
    u32 *ap = group1 ? &c->ich_ap1r : &c->ich_ap0r;
    u32 all = c->ich_ap0r | c->ich_ap1r;
    if (all && (*ap & (all & -all)))
        *ap &= ~(all & -all);
    if (!(c->ich_vmcr & ICH_VMCR_VEOIM))
        gicv3_virt_deactivate(c, vintid);
    else
        gicv3_virt_update(c);
}

u32 gicv3_virt_hppir(const struct gicv3_cpuif *c, bool group1)
{
    int n = virt_hppi_lr(c);
    if (n < 0 || !(c->ich_lr[n] & ICH_LR_GROUP) != !group1)
        return GIC_SPURIOUS;
    return (u32)(c->ich_lr[n] & ICH_LR_VINTID_MASK);
}

u32 gicv3_ich_eisr(const struct gicv3_cpuif *c)
{
    u32 m = 0;
    for (int i = 0; i < GIC_NR_LR; i++) {
        u64 lr = c->ich_lr[i];
        if (lr_state(lr) == ICH_LR_INVALID && !(lr & ICH_LR_HW) && (lr & ICH_LR_EOI))
            m |= 1u << i;
    }
    return m;
}

u32 gicv3_ich_elrsr(const struct gicv3_cpuif *c)
{
    u32 m = 0;
    for (int i = 0; i < GIC_NR_LR; i++) {
        u64 lr = c->ich_lr[i];
        if (lr_state(lr) == ICH_LR_INVALID && ((lr & ICH_LR_HW) || !(lr & ICH_LR_EOI)))
            m |= 1u << i;
    }
    return m;
}
