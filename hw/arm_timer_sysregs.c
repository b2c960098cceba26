/* SPDX-License-Identifier: MIT */
/*
 * Generic timer system registers: counters, CTL/CVAL/TVAL of the four timers, the access
 * controls CNTKCTL_EL1 / CNTHCTL_EL2 with their traps, CNTVOFF_EL2, and the VHE redirections
 * (CNTP_* / CNTV_* at EL2 with HCR_EL2.E2H reach CNTHP_* / CNTHV_*; the _EL02 and _EL12
 * aliases reach the EL1 registers). Arm ARM D17.10 (generic timer registers), D5.6 (VHE).
 */
#include "core/log.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/sysreg.h"
#include "hw/arm_timer.h"
#include "hw/virt_sysreg.h"

/* CNTKCTL_EL1 and CNTHCTL_EL2 (E2H == 1 layout) EL0 controls, CNTHCTL_EL2 EL1 controls. */
#define CNTKCTL_EL0PCTEN (1u << 0)
#define CNTKCTL_EL0VCTEN (1u << 1)
#define CNTKCTL_EL0VTEN (1u << 8)
#define CNTKCTL_EL0PTEN (1u << 9)
#define CNTHCTL_EL1PCTEN_E2H0 (1u << 0)
#define CNTHCTL_EL1PCEN_E2H0 (1u << 1)
#define CNTHCTL_EL1PCTEN_E2H1 (1u << 10)
#define CNTHCTL_EL1PTEN_E2H1 (1u << 11)

enum gt_kind { GT_CTL, GT_CVAL, GT_TVAL };
struct gt_reg {
    u8 timer;   /* enum gt_timer */
    u8 kind;    /* enum gt_kind */
    bool el0;   /* the _EL0 encoding: redirected under VHE, subject to EL0/EL1 traps */
};

static u64 cntkctl(const struct a64_cpu *cpu)
{
    return cpu->sr[SR_CNTKCTL_EL1];
}
static u64 cnthctl(const struct a64_cpu *cpu)
{
    return cpu->sr[SR_CNTHCTL_EL2];
}
static bool el2_on(const struct a64_cpu *cpu)
{
    return a64_el2_enabled(cpu);
}

/* EL0 access control of CNTKCTL_EL1 (or CNTHCTL_EL2 in the VHE host): trap when bit is 0. */
static void check_el0(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read, u32 bits)
{
    if (cpu->el != 0)
        return;
    if (el2_on(cpu) && virt_host_el20(cpu)) {
        if (!(cnthctl(cpu) & bits))
            virt_sysreg_trap(cpu, r, is_read, 2);
    } else if (!(cntkctl(cpu) & bits)) {
        bool tge = el2_on(cpu) && (cpu->sr[SR_HCR_EL2] & HCR_EL2_TGE);
        virt_sysreg_trap(cpu, r, is_read, tge ? 2 : 1);
    }
}

/* EL0/EL1 access to the physical counter or timer when EL2 controls it (CNTHCTL_EL2). */
static void check_el1_phys(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read,
                           bool timer)
{
    if (cpu->el > 1 || !el2_on(cpu) || virt_host_el20(cpu))
        return;
    u64 h = cnthctl(cpu);
    bool ok = virt_e2h(cpu) ? h & (timer ? CNTHCTL_EL1PTEN_E2H1 : CNTHCTL_EL1PCTEN_E2H1)
                            : h & (timer ? CNTHCTL_EL1PCEN_E2H0 : CNTHCTL_EL1PCTEN_E2H0);
    if (!ok)
        virt_sysreg_trap(cpu, r, is_read, 2);
}

static int frq_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (!cpu->timers)
        return A64_SR_UNDEF;
    check_el0(cpu, r, is_read, CNTKCTL_EL0PCTEN | CNTKCTL_EL0VCTEN);
    return A64_SR_OK;
}
static u64 frq_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return cpu->timers->cntfrq;
}
static void frq_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->timers->cntfrq = (u32)v;
}

static int pct_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (!cpu->timers)
        return A64_SR_UNDEF;
    check_el0(cpu, r, is_read, CNTKCTL_EL0PCTEN);
    check_el1_phys(cpu, r, is_read, false);
    return A64_SR_OK;
}
static u64 pct_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return arm_timer_count(cpu->timers);
}

static int vct_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (!cpu->timers)
        return A64_SR_UNDEF;
    check_el0(cpu, r, is_read, CNTKCTL_EL0VCTEN);
    return A64_SR_OK;
}
/* CNTVOFF_EL2 is treated as zero in the VHE host (HCR_EL2.{E2H,TGE} == {1,1}). */
static u64 vct_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    u64 off = el2_on(cpu) && virt_host_el20(cpu) ? 0 : cpu->sr[SR_CNTVOFF_EL2];
    return arm_timer_count(cpu->timers) - off;
}

/* Which timer a row reaches from the current EL. */
static enum gt_timer gt_target(const struct a64_cpu *cpu, const struct gt_reg *g)
{
    if (g->el0 && el2_on(cpu) && virt_e2h(cpu) &&
        (cpu->el == 2 || (cpu->el == 0 && virt_host_el20(cpu))))
        return g->timer == GT_PHYS ? GT_HYP : GT_HYPVIRT;
    return (enum gt_timer)g->timer;
}

static int timer_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    const struct gt_reg *g = r->opaque;
    if (!cpu->timers)
        return A64_SR_UNDEF;
    if (g->el0) {
        bool phys = g->timer == GT_PHYS;
        check_el0(cpu, r, is_read, phys ? CNTKCTL_EL0PTEN : CNTKCTL_EL0VTEN);
        if (phys)
            check_el1_phys(cpu, r, is_read, true);
    }
    return A64_SR_OK;
}

/* The EL2 timers exist only with EL2. */
static int el2_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    return cpu->timers && cpu->have_el2 ? A64_SR_OK : A64_SR_UNDEF;
}

/* The _EL02 aliases exist only at EL2 with HCR_EL2.E2H == 1 (and at EL3). */
static int el02_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    if (!cpu->timers || (cpu->el == 2 && !virt_e2h(cpu)))
        return A64_SR_UNDEF;
    return A64_SR_OK;
}

static u64 timer_read(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    const struct gt_reg *g = r->opaque;
    struct a64_timers *t = cpu->timers;
    enum gt_timer i = gt_target(cpu, g);
    struct gt_timer_state *s = &t->t[i];
    u64 count = arm_timer_count(t) - arm_timer_offset(t, i);
    switch (g->kind) {
    case GT_CTL: {
        bool met = (s->ctl & CNT_CTL_ENABLE) && count >= s->cval;
        return s->ctl | (met ? CNT_CTL_ISTATUS : 0);
    }
    case GT_CVAL:
        return s->cval;
    default: /* TVAL: (CVAL - count)[31:0], bits [63:32] RES0 */
        return (u32)(s->cval - count);
    }
}

static void timer_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    const struct gt_reg *g = r->opaque;
    struct a64_timers *t = cpu->timers;
    enum gt_timer i = gt_target(cpu, g);
    struct gt_timer_state *s = &t->t[i];
    switch (g->kind) {
    case GT_CTL:
        s->ctl = (u32)v & (CNT_CTL_ENABLE | CNT_CTL_IMASK);
        break;
    case GT_CVAL:
        s->cval = v;
        break;
    default: /* TVAL: CVAL = count + SignExtend(TVAL[31:0]) */
        s->cval = arm_timer_count(t) - arm_timer_offset(t, i) + (u64)(s64)(s32)(u32)v;
        break;
    }
    arm_timer_update(t, i);
}

static void cntvoff_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->sr[SR_CNTVOFF_EL2] = v;
    if (cpu->timers)
        arm_timer_update(cpu->timers, GT_VIRT);
}

#define GT_REGS(tmr, el0)                                                                      \
    {{tmr, GT_CTL, el0}, {tmr, GT_CVAL, el0}, {tmr, GT_TVAL, el0}}
static const struct gt_reg cntp[3] = GT_REGS(GT_PHYS, true), cntv[3] = GT_REGS(GT_VIRT, true),
                           cntp02[3] = GT_REGS(GT_PHYS, false),
                           cntv02[3] = GT_REGS(GT_VIRT, false),
                           cnthp[3] = GT_REGS(GT_HYP, false),
                           cnthv[3] = GT_REGS(GT_HYPVIRT, false);

#define TIMER_ROW(nm, o1, m, o2, acc, chk, g)                                                  \
    {.name = nm, .enc = SR_ENC(3, o1, 14, m, o2), .access = acc, .slot = -1,                   \
     .read = timer_read, .write = timer_write, .check = chk, .opaque = g}
#define TIMER_SET(pfx, sfx, o1, m, acc, chk, arr)                                              \
    TIMER_ROW(pfx "_TVAL_" sfx, o1, m, 0, acc, chk, &arr[GT_TVAL]),                            \
        TIMER_ROW(pfx "_CTL_" sfx, o1, m, 1, acc, chk, &arr[GT_CTL]),                          \
        TIMER_ROW(pfx "_CVAL_" sfx, o1, m, 2, acc, chk, &arr[GT_CVAL])

static const struct a64_sysreg timer_rows[] = {
    {.name = "CNTFRQ_EL0", .enc = SR_ENC(3, 3, 14, 0, 0), .access = SRA_RO0 | SRA_W3,
     .slot = -1, .read = frq_read, .write = frq_write, .check = frq_check},
    {.name = "CNTPCT_EL0", .enc = SR_ENC(3, 3, 14, 0, 1), .access = SRA_RO0, .slot = -1,
     .read = pct_read, .check = pct_check},
    {.name = "CNTVCT_EL0", .enc = SR_ENC(3, 3, 14, 0, 2), .access = SRA_RO0, .slot = -1,
     .read = vct_read, .check = vct_check},
    /* CNTKCTL_EL1: EL0PCTEN, EL0VCTEN, EVNTEN, EVNTDIR, EVNTI, EL0VTEN, EL0PTEN. At EL2 with
     * E2H it is CNTHCTL_EL2 (D5.6.2), which then has the same EL0 layout plus EL1PCTEN and
     * EL1PTEN at bits 10 and 11. */
    {.name = "CNTKCTL_EL1", .enc = SR_ENC(3, 0, 14, 1, 0), .access = SRA_RW1,
     .slot = SR_CNTKCTL_EL1, .res0 = ~0x3ffull, .e2h_redirect = "CNTHCTL_EL2"},
    {.name = "CNTKCTL_EL12", .enc = SR_ENC(3, 5, 14, 1, 0), .access = SRA_RW2, .slot = -1,
     .e2h_alias = true, .e2h_redirect = "CNTKCTL_EL1", .min_el = 2},
    /* Reset UNKNOWN; emu starts with EL1 access to the physical counter and timer allowed. */
    {.name = "CNTHCTL_EL2", .enc = SR_ENC(3, 4, 14, 1, 0), .access = SRA_RW2,
     .slot = SR_CNTHCTL_EL2, .reset = 3, .res0 = ~0x3ffffull, .min_el = 2},
    {.name = "CNTVOFF_EL2", .enc = SR_ENC(3, 4, 14, 0, 3), .access = SRA_RW2,
     .slot = SR_CNTVOFF_EL2, .write = cntvoff_write, .min_el = 2},
    TIMER_SET("CNTP", "EL0", 3, 2, SRA_RW0, timer_check, cntp),
    TIMER_SET("CNTV", "EL0", 3, 3, SRA_RW0, timer_check, cntv),
    TIMER_SET("CNTHP", "EL2", 4, 2, SRA_RW2, el2_check, cnthp),
    TIMER_SET("CNTHV", "EL2", 4, 3, SRA_RW2, el2_check, cnthv),
    TIMER_SET("CNTP", "EL02", 5, 2, SRA_RW2, el02_check, cntp02),
    TIMER_SET("CNTV", "EL02", 5, 3, SRA_RW2, el02_check, cntv02),
    {0},
};

void arm_timer_register_sysregs(void)
{
    a64_sysreg_register(timer_rows);
}
