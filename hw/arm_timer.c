/* SPDX-License-Identifier: MIT */
/*
 * Generic timer state machine: counters derived from virtual time, comparator deadlines armed
 * on the machine's deterministic event queue. Arm ARM D11.2 (the system counter), D11.3
 * (timers: TimerConditionMet = ENABLE && (count - offset) >= CVAL).
 */
#include "hw/arm_timer.h"

#include <string.h>

#include "core/log.h"
#include "cpu/arm64/cpu.h"

static const char *const timer_names[GT_NUM] = {"cntp", "cntv", "cnthp", "cnthv"};

u64 arm_timer_count(const struct a64_timers *t)
{
    return vclock_now_ns(t->clock) / GT_NS_PER_TICK;
}

u64 arm_timer_offset(const struct a64_timers *t, enum gt_timer i)
{
    return i == GT_VIRT ? t->cpu->sr[SR_CNTVOFF_EL2] : 0;
}

void arm_timer_update(struct a64_timers *t, enum gt_timer i)
{
    struct gt_timer_state *s = &t->t[i];
    u64 off = arm_timer_offset(t, i);
    u64 count = arm_timer_count(t) - off;
    bool enabled = s->ctl & CNT_CTL_ENABLE;
    bool met = enabled && count >= s->cval;
    bool level = met && !(s->ctl & CNT_CTL_IMASK);
    if (level != s->level) {
        s->level = level;
        if (unlikely(log_mask & LOG_DEV))
            log_printf("timer: cpu%d %s output %d at count %llu\n", t->cpu->vcpu.index,
                       timer_names[i], level, (unsigned long long)(count + off));
        irq_set(&s->out, level);
    }
    /* Arm the event for the tick at which the condition becomes true; a compare value that
     * the 64-bit count never reaches in nanoseconds is never armed. */
    u64 ticks = s->cval + off;
    if (enabled && !met && ticks >= s->cval && ticks <= UINT64_MAX / GT_NS_PER_TICK)
        vevent_arm(t->clock, &s->ev, ticks * GT_NS_PER_TICK);
    else
        vevent_cancel(t->clock, &s->ev);
}


static void fire_phys(void *o, u64 now) { arm_timer_update(o, GT_PHYS); }
static void fire_virt(void *o, u64 now) { arm_timer_update(o, GT_VIRT); }
static void fire_hyp(void *o, u64 now) { arm_timer_update(o, GT_HYP); }
static void fire_hypvirt(void *o, u64 now) { arm_timer_update(o, GT_HYPVIRT); }

void arm_timer_reset(struct a64_timers *t)
{
    for (int i = 0; i < GT_NUM; i++) {
        struct gt_timer_state *s = &t->t[i];
        vevent_cancel(t->clock, &s->ev);
        s->cval = 0;
        s->ctl = 0; /* ENABLE resets to 0 (Arm ARM D17.10: "On a Warm reset ... 0") */
        if (s->level) {
            s->level = false;
            irq_set(&s->out, 0);
        }
    }
    t->cntfrq = GT_CNTFRQ;
}

void arm_timer_init(struct a64_timers *t, struct a64_cpu *cpu, struct vclock *clock, bool el2)
{
    static const vevent_fn fns[GT_NUM] = {fire_phys, fire_virt, fire_hyp, fire_hypvirt};
    memset(t, 0, sizeof(*t));
    t->cpu = cpu;
    t->clock = clock;
    t->el2 = el2;
    for (int i = 0; i < GT_NUM; i++)
        vevent_init(&t->t[i].ev, timer_names[i], fns[i], t);
    cpu->timers = t;
    arm_timer_reset(t);
}
