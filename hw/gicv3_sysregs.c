/* SPDX-License-Identifier: MIT */
/*
 * The GICv3 system-register interface: ICC_* (physical, or ICV_* when HCR_EL2.IMO/FMO route
 * EL1 accesses to the virtual interface) and ICH_* (hypervisor control).
 * IHI 0069 12.1.6 (virtualisation of ICC registers), 12.2 (ICC_*), 12.4 (ICV_*), 12.5 (ICH_*).
 */
#include "hw/gicv3.h"

#include "core/log.h"
#include "cpu/arm64/sysreg.h"
#include "hw/virt_sysreg.h"

#define ICC_CTLR_CBPR 1u
#define ICC_CTLR_EOImode 2u
#define ICC_CTLR_RO ((u32)(GIC_PRI_BITS - 1) << 8 | 1u << 15) /* PRIbits, A3V; IDbits = 16 */

static struct gicv3_cpuif *cif(struct a64_cpu *cpu)
{
    return cpu->gic;
}

/* Is this EL1 access to a Group 1 (IMO) or Group 0 (FMO) register virtual? */
static bool virt1(struct a64_cpu *cpu)
{
    return cpu->el == 1 && (cpu->sr[SR_HCR_EL2] & HCR_EL2_IMO);
}
static bool virt0(struct a64_cpu *cpu)
{
    return cpu->el == 1 && (cpu->sr[SR_HCR_EL2] & HCR_EL2_FMO);
}
static bool virt_any(struct a64_cpu *cpu)
{
    return virt0(cpu) || virt1(cpu);
}

static int gic_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return cpu->gic ? A64_SR_OK : A64_SR_UNDEF;
}

/* ICC_SGI*R_EL1 writes at EL1 trap to EL2 when the interrupt is routed there (IHI 0069
 * 12.2.21: "HCR_EL2.IMO == 1 ... trapped to EL2"). */
static int sgi_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (!cpu->gic)
        return A64_SR_UNDEF;
    bool g0 = r->opaque != NULL;
    if (cpu->el == 1 && (g0 ? virt0(cpu) : virt_any(cpu)))
        virt_sysreg_trap(cpu, r, is_read, 2);
    return A64_SR_OK;
}

static void vmcr_set(struct gicv3_cpuif *c, unsigned shift, unsigned len, u64 v)
{
    c->ich_vmcr = (u32)deposit64(c->ich_vmcr, shift, len, v);
    gicv3_virt_update(c);
}

static u64 pmr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    struct gicv3_cpuif *c = cif(cpu);
    return virt_any(cpu) ? c->ich_vmcr >> ICH_VMCR_VPMR_SHIFT : c->pmr;
}
static void pmr_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    struct gicv3_cpuif *c = cif(cpu);
    if (virt_any(cpu)) {
        vmcr_set(c, ICH_VMCR_VPMR_SHIFT, 8, v & GIC_PRI_MASK);
        return;
    }
    c->pmr = (u8)v & GIC_PRI_MASK;
    gicv3_update_cpu(c);
}

static u64 iar_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    bool g1 = r->opaque == NULL;
    if (g1 ? virt1(cpu) : virt0(cpu))
        return gicv3_virt_ack(cif(cpu), g1);
    return gicv3_cpuif_ack(cif(cpu), g1);
}
static void eoir_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    bool g1 = r->opaque == NULL;
    if (g1 ? virt1(cpu) : virt0(cpu))
        gicv3_virt_eoi(cif(cpu), (u32)v & 0xffffff, g1);
    else
        gicv3_cpuif_eoi(cif(cpu), (u32)v & 0xffffff, g1);
}
static u64 hppir_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    if (g1 ? virt1(cpu) : virt0(cpu))
        return gicv3_virt_hppir(c, g1);
    gicv3_update_cpu(c);
    if (c->hppi == GIC_SPURIOUS)
        return GIC_SPURIOUS;
    return gicv3_irq(c->gic, c->index, c->hppi)->group1 == g1 ? (u64)c->hppi : GIC_SPURIOUS;
}
static void dir_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    if (virt_any(cpu))
        gicv3_virt_deactivate(cif(cpu), (u32)v & 0xffffff);
    else
        gicv3_cpuif_deactivate(cif(cpu), (u32)v & 0xffffff);
}
static u64 rpr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    struct gicv3_cpuif *c = cif(cpu);
    if (virt_any(cpu))
        return gicv3_running_priority(c->ich_ap0r, c->ich_ap1r);
    return gicv3_running_priority(c->ap0r, c->ap1r);
}

static u64 bpr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    if (g1 ? virt1(cpu) : virt0(cpu)) {
        u32 b0 = (c->ich_vmcr >> ICH_VMCR_VBPR0_SHIFT) & 7;
        if (g1 && (c->ich_vmcr & ICH_VMCR_VCBPR))
            return b0 + 1 > 7 ? 7 : b0 + 1;
        return g1 ? (c->ich_vmcr >> ICH_VMCR_VBPR1_SHIFT) & 7 : b0;
    }
    if (g1 && (c->ctlr & ICC_CTLR_CBPR))
        return c->bpr0 + 1u > 7 ? 7 : c->bpr0 + 1u;
    return g1 ? c->bpr1 : c->bpr0;
}
static void bpr_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    unsigned min = GIC_PRI_MIN_BPR0 + (g1 ? 1 : 0);
    unsigned b = (unsigned)v & 7;
    if (b < min)
        b = min;
    if (g1 ? virt1(cpu) : virt0(cpu)) {
        if (!(g1 && (c->ich_vmcr & ICH_VMCR_VCBPR)))
            vmcr_set(c, g1 ? ICH_VMCR_VBPR1_SHIFT : ICH_VMCR_VBPR0_SHIFT, 3, b);
        return;
    }
    if (g1 && (c->ctlr & ICC_CTLR_CBPR))
        return; /* BPR1 writes are ignored while CBPR makes BPR0 control both groups */
    if (g1)
        c->bpr1 = (u8)b;
    else
        c->bpr0 = (u8)b;
    gicv3_update_cpu(c);
}

static u64 ctlr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    struct gicv3_cpuif *c = cif(cpu);
    if (virt_any(cpu))
        return ICC_CTLR_RO | (c->ich_vmcr & ICH_VMCR_VCBPR ? ICC_CTLR_CBPR : 0) |
               (c->ich_vmcr & ICH_VMCR_VEOIM ? ICC_CTLR_EOImode : 0);
    return ICC_CTLR_RO | c->ctlr;
}
static void ctlr_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    struct gicv3_cpuif *c = cif(cpu);
    if (virt_any(cpu)) {
        c->ich_vmcr = (u32)deposit64(c->ich_vmcr, 4, 1, v & 1);
        vmcr_set(c, 9, 1, (v >> 1) & 1);
        return;
    }
    c->ctlr = (u32)v & (ICC_CTLR_CBPR | ICC_CTLR_EOImode);
    gicv3_update_cpu(c);
}

static u64 igrpen_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    if (g1 ? virt1(cpu) : virt0(cpu))
        return (c->ich_vmcr >> (g1 ? 1 : 0)) & 1;
    return g1 ? c->igrpen1 : c->igrpen0;
}
static void igrpen_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    if (g1 ? virt1(cpu) : virt0(cpu)) {
        vmcr_set(c, g1 ? 1 : 0, 1, v & 1);
        return;
    }
    if (g1)
        c->igrpen1 = v & 1;
    else
        c->igrpen0 = v & 1;
    gicv3_update_cpu(c);
}

static u64 ap_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    if (g1 ? virt1(cpu) : virt0(cpu))
        return g1 ? c->ich_ap1r : c->ich_ap0r;
    return g1 ? c->ap1r : c->ap0r;
}
static void ap_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    bool g1 = r->opaque == NULL;
    struct gicv3_cpuif *c = cif(cpu);
    if (g1 ? virt1(cpu) : virt0(cpu)) {
        *(g1 ? &c->ich_ap1r : &c->ich_ap0r) = (u32)v;
        gicv3_virt_update(c);
        return;
    }
    *(g1 ? &c->ap1r : &c->ap0r) = (u32)v;
    gicv3_update_cpu(c);
}

static void sgi1r_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    gicv3_send_sgi(cif(cpu), v, r->opaque == NULL);
}

/* SRE, DFB and DIB are RAO/WI: the memory-mapped CPU interface is not implemented. For the
 * EL2/EL3 registers, Enable is RAO too. */
static u64 sre_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return r->opaque ? 0xf : 0x7;
}
static void ignore_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
}

/* ICH_* */
static u64 ich_hcr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cif(cpu)->ich_hcr;
}
static void ich_hcr_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    /* En, UIE, LRENPIE, NPIE, VGrp*IE, TC/TALL0/TALL1/TSEI/TDIR (traps not modelled),
     * EOIcount [31:27] */
    cif(cpu)->ich_hcr = (u32)v & 0xf80077ffu;
    gicv3_virt_update(cif(cpu));
}
static u64 ich_vtr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    /* PRIbits and PREbits = 5 bits, A3V, nV4 (no direct injection), IDbits = 16,
     * ListRegs = GIC_NR_LR - 1 (IHI 0069 12.5.12) */
    return (u64)(GIC_PRI_BITS - 1) << 29 | (u64)(GIC_PRI_BITS - 1) << 26 | 1u << 21 |
           1u << 20 | (GIC_NR_LR - 1);
}
static u64 ich_misr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return gicv3_ich_misr(cif(cpu));
}
static u64 ich_eisr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return gicv3_ich_eisr(cif(cpu));
}
static u64 ich_elrsr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return gicv3_ich_elrsr(cif(cpu));
}
static u64 ich_vmcr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cif(cpu)->ich_vmcr;
}
static void ich_vmcr_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    struct gicv3_cpuif *c = cif(cpu);
    u32 vbpr0 = (u32)(v >> ICH_VMCR_VBPR0_SHIFT) & 7, vbpr1 = (u32)(v >> ICH_VMCR_VBPR1_SHIFT) & 7;
    if (vbpr0 < GIC_PRI_MIN_BPR0)
        vbpr0 = GIC_PRI_MIN_BPR0;
    if (vbpr1 < GIC_PRI_MIN_BPR0 + 1)
        vbpr1 = GIC_PRI_MIN_BPR0 + 1;
    /* VPMR keeps only the implemented priority bits; VFIQEn and VAckCtl are RES0/RAZ with
     * system-register-only virtual interfaces. */
    c->ich_vmcr = ((u32)v & ((u32)GIC_PRI_MASK << ICH_VMCR_VPMR_SHIFT)) | vbpr0 << 21 |
                  vbpr1 << 18 | ((u32)v & (ICH_VMCR_VEOIM | ICH_VMCR_VCBPR | ICH_VMCR_VENG0 |
                                          ICH_VMCR_VENG1));
    gicv3_virt_update(c);
}
static u64 ich_lr_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cif(cpu)->ich_lr[(u32)(r->enc & 7)];
}
static void ich_lr_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    /* Implemented fields: vINTID (16-bit INTIDs), pINTID/EOI [44:32], the implemented
     * priority bits, Group, HW, State; the rest is RES0 (IHI 0069 12.5.10). */
    u64 mask = 0xffffull | (0x1fffull << 32) | ((u64)GIC_PRI_MASK << 48) | (0xfull << 60);
    cif(cpu)->ich_lr[(u32)(r->enc & 7)] = v & mask;
    gicv3_virt_update(cif(cpu));
}
static u64 ich_ap_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return r->opaque ? cif(cpu)->ich_ap0r : cif(cpu)->ich_ap1r;
}
static void ich_ap_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    *(r->opaque ? &cif(cpu)->ich_ap0r : &cif(cpu)->ich_ap1r) = (u32)v;
    gicv3_virt_update(cif(cpu));
}

static const char grp0[] = "group 0";
#define SRA_WO1 (SRA_W1 | SRA_W2 | SRA_W3)
#define ICC(nm, o1, m, o2, acc, rd, wr, chk, op)                                               \
    {.name = nm, .enc = SR_ENC(3, o1, 12, m, o2), .access = acc, .slot = -1, .read = rd,       \
     .write = wr, .check = chk, .opaque = op, .min_el = (o1) == 4 ? 2 : (o1) == 6 ? 3 : 0}

static const struct a64_sysreg gicv3_rows[] = {
    {.name = "ICC_PMR_EL1", .enc = SR_ENC(3, 0, 4, 6, 0), .access = SRA_RW1, .slot = -1,
     .read = pmr_read, .write = pmr_write, .check = gic_check},
    ICC("ICC_IAR0_EL1", 0, 8, 0, SRA_RO1, iar_read, NULL, gic_check, grp0),
    ICC("ICC_EOIR0_EL1", 0, 8, 1, SRA_WO1, NULL, eoir_write, gic_check, grp0),
    ICC("ICC_HPPIR0_EL1", 0, 8, 2, SRA_RO1, hppir_read, NULL, gic_check, grp0),
    ICC("ICC_BPR0_EL1", 0, 8, 3, SRA_RW1, bpr_read, bpr_write, gic_check, grp0),
    ICC("ICC_AP0R0_EL1", 0, 8, 4, SRA_RW1, ap_read, ap_write, gic_check, grp0),
    ICC("ICC_AP1R0_EL1", 0, 9, 0, SRA_RW1, ap_read, ap_write, gic_check, NULL),
    ICC("ICC_DIR_EL1", 0, 11, 1, SRA_WO1, NULL, dir_write, gic_check, NULL),
    ICC("ICC_RPR_EL1", 0, 11, 3, SRA_RO1, rpr_read, NULL, gic_check, NULL),
    ICC("ICC_SGI1R_EL1", 0, 11, 5, SRA_WO1, NULL, sgi1r_write, sgi_check, NULL),
    /* ASGI1R: the alternate (other security state) Group 1 SGI; with DS == 1 Group 0/1 only,
     * so it generates Group 1 SGIs like SGI1R. */
    ICC("ICC_ASGI1R_EL1", 0, 11, 6, SRA_WO1, NULL, sgi1r_write, sgi_check, NULL),
    ICC("ICC_SGI0R_EL1", 0, 11, 7, SRA_WO1, NULL, sgi1r_write, sgi_check, grp0),
    ICC("ICC_IAR1_EL1", 0, 12, 0, SRA_RO1, iar_read, NULL, gic_check, NULL),
    ICC("ICC_EOIR1_EL1", 0, 12, 1, SRA_WO1, NULL, eoir_write, gic_check, NULL),
    ICC("ICC_HPPIR1_EL1", 0, 12, 2, SRA_RO1, hppir_read, NULL, gic_check, NULL),
    ICC("ICC_BPR1_EL1", 0, 12, 3, SRA_RW1, bpr_read, bpr_write, gic_check, NULL),
    ICC("ICC_CTLR_EL1", 0, 12, 4, SRA_RW1, ctlr_read, ctlr_write, gic_check, NULL),
    ICC("ICC_SRE_EL1", 0, 12, 5, SRA_RW1, sre_read, ignore_write, NULL, NULL),
    ICC("ICC_IGRPEN0_EL1", 0, 12, 6, SRA_RW1, igrpen_read, igrpen_write, gic_check, grp0),
    ICC("ICC_IGRPEN1_EL1", 0, 12, 7, SRA_RW1, igrpen_read, igrpen_write, gic_check, NULL),
    ICC("ICC_SRE_EL2", 4, 9, 5, SRA_RW2, sre_read, ignore_write, NULL, grp0),
    ICC("ICC_SRE_EL3", 6, 12, 5, SRA_RW3, sre_read, ignore_write, NULL, grp0),
    ICC("ICH_AP0R0_EL2", 4, 8, 0, SRA_RW2, ich_ap_read, ich_ap_write, gic_check, grp0),
    ICC("ICH_AP1R0_EL2", 4, 9, 0, SRA_RW2, ich_ap_read, ich_ap_write, gic_check, NULL),
    ICC("ICH_HCR_EL2", 4, 11, 0, SRA_RW2, ich_hcr_read, ich_hcr_write, gic_check, NULL),
    ICC("ICH_VTR_EL2", 4, 11, 1, SRA_R2 | SRA_R3, ich_vtr_read, NULL, gic_check, NULL),
    ICC("ICH_MISR_EL2", 4, 11, 2, SRA_R2 | SRA_R3, ich_misr_read, NULL, gic_check, NULL),
    ICC("ICH_EISR_EL2", 4, 11, 3, SRA_R2 | SRA_R3, ich_eisr_read, NULL, gic_check, NULL),
    ICC("ICH_ELRSR_EL2", 4, 11, 5, SRA_R2 | SRA_R3, ich_elrsr_read, NULL, gic_check, NULL),
    ICC("ICH_VMCR_EL2", 4, 11, 7, SRA_RW2, ich_vmcr_read, ich_vmcr_write, gic_check, NULL),
    ICC("ICH_LR0_EL2", 4, 12, 0, SRA_RW2, ich_lr_read, ich_lr_write, gic_check, NULL),
    ICC("ICH_LR1_EL2", 4, 12, 1, SRA_RW2, ich_lr_read, ich_lr_write, gic_check, NULL),
    ICC("ICH_LR2_EL2", 4, 12, 2, SRA_RW2, ich_lr_read, ich_lr_write, gic_check, NULL),
    ICC("ICH_LR3_EL2", 4, 12, 3, SRA_RW2, ich_lr_read, ich_lr_write, gic_check, NULL),
    {0},
};

void gicv3_register_sysregs(void)
{
    a64_sysreg_register(gicv3_rows);
}
