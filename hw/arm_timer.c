/* SPDX-License-Identifier: MIT */
/*
 * Generic timer state machine: counters derived from virtual time, comparator deadlines armed
 * on the machine's deterministic event queue. Arm ARM D11.2 (the system counter), D11.3
 * (timers: TimerConditionMet = ENABLE && (count - offset) >= CVAL).
 */
#include "hw/arm_timer.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/snapshot.h"
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

/* Snapshot section "timerN": the registers, the output levels and the armed deadlines. */
static void arm_timer_save(void *opaque, struct snap_writer *w)
{
    struct a64_timers *t = opaque;
    snap_put_u32(w, t->cntfrq);
    for (int i = 0; i < GT_NUM; i++) {
        snap_put_u64(w, t->t[i].cval);
        snap_put_u32(w, t->t[i].ctl);
        snap_put_bool(w, t->t[i].level);
        snap_put_event(w, &t->t[i].ev);
    }
}

static void arm_timer_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct a64_timers *t = opaque;
    t->cntfrq = snap_get_u32(r);
    for (int i = 0; i < GT_NUM; i++) {
        t->t[i].cval = snap_get_u64(r);
        t->t[i].ctl = snap_get_u32(r);
        t->t[i].level = snap_get_bool(r); /* the GIC section restores the PPI level itself */
        snap_get_event(r, t->clock, &t->t[i].ev);
    }
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
    if (cpu->vcpu.machine) {
        char name[16];
        snprintf(name, sizeof(name), "timer%d", cpu->vcpu.index);
        snap_register(cpu->vcpu.machine, name, 1, arm_timer_save, arm_timer_load, t);
    }
}
