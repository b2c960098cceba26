/* SPDX-License-Identifier: MIT */
/*
 * The Arm generic timer of one PE: the system counter (derived from the machine's virtual
 * clock), the EL1 physical and virtual timers and the EL2 physical and virtual timers, each a
 * level-sensitive PPI. Arm ARM D11 (the generic timer in AArch64 state).
 */
#ifndef EMU_HW_ARM_TIMER_H
#define EMU_HW_ARM_TIMER_H

#include "core/vclock.h"
#include "hw/dev.h"

struct a64_cpu;

/* 62.5 MHz as QEMU's virt board: one counter tick every 16 ns of virtual time. */
#define GT_CNTFRQ 62500000u
#define GT_NS_PER_TICK 16u

enum gt_timer { GT_PHYS, GT_VIRT, GT_HYP, GT_HYPVIRT, GT_NUM };

/* CNTx_CTL_EL0 bits (Arm ARM D17.10) */
#define CNT_CTL_ENABLE (1u << 0)
#define CNT_CTL_IMASK (1u << 1)
#define CNT_CTL_ISTATUS (1u << 2)

struct gt_timer_state {
    u64 cval;
    u32 ctl;              /* ENABLE and IMASK; ISTATUS is computed */
    bool level;           /* output to the interrupt controller */
    struct vevent ev;     /* fires when the count reaches cval */
    struct irq_line out;
};

struct a64_timers {
    struct a64_cpu *cpu;
    struct vclock *clock;
    bool el2;             /* EL2 implemented: CNTHCTL_EL2 controls EL0/EL1 access */
    u32 cntfrq;
    struct gt_timer_state t[GT_NUM];
};

/* Attach timers to cpu (cpu->timers = t); outputs are wired by the board afterwards. */
void arm_timer_init(struct a64_timers *t, struct a64_cpu *cpu, struct vclock *clock, bool el2);
void arm_timer_reset(struct a64_timers *t);
/* The physical count CNTPCT_EL0 now. */
u64 arm_timer_count(const struct a64_timers *t);
/* Re-evaluate timer i's output and deadline (after a register or CNTVOFF change). */
void arm_timer_update(struct a64_timers *t, enum gt_timer i);
/* The offset timer i compares against (CNTVOFF_EL2 for the EL1 virtual timer). */
u64 arm_timer_offset(const struct a64_timers *t, enum gt_timer i);

void arm_timer_register_sysregs(void);

#endif
