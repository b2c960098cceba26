/* SPDX-License-Identifier: MIT */
/*
 * The virtual clock and its deterministic event queue.
 *
 * Guest time is derived from the global instruction count: every executed guest instruction
 * advances virtual time by 2^shift nanoseconds (-icount shift=N). When every vCPU waits for an
 * interrupt, time jumps to the next event. Host time never leaks into guest-visible values.
 * Events with equal deadlines fire in the order they were armed (a sequence number breaks
 * ties), so a run is reproducible bit for bit.
 */
#ifndef EMU_CORE_VCLOCK_H
#define EMU_CORE_VCLOCK_H

#include "core/types.h"

struct vclock;

typedef void (*vevent_fn)(void *opaque, u64 now_ns);

/* An event owned by a device; armed at most once at a time. */
struct vevent {
    vevent_fn fn;
    void *opaque;
    const char *name;  /* for snapshots, logs and `info events` */
    u64 deadline_ns;
    u64 seq;           /* arming order, breaks deadline ties */
    int heap_index;    /* -1 when not armed */
};

struct vclock {
    u64 icount;         /* instructions executed by all vCPUs so far */
    unsigned shift;     /* ns per instruction = 1 << shift */
    u64 idle_ns;        /* time skipped while every vCPU was idle */
    /* The running vCPU's progress, so that time read mid-run is exact: instructions executed
     * in this run = run_budget - *run_left. NULL between runs. */
    u64 *run_left;
    u64 run_budget;
    u64 seq;
    struct vevent **heap;
    int nheap, capheap;
};

void vclock_init(struct vclock *c, unsigned shift);
void vclock_destroy(struct vclock *c);

/* Instructions executed so far, including the running vCPU's progress. */
static inline u64 vclock_icount(const struct vclock *c)
{
    return c->icount + (c->run_left ? c->run_budget - *c->run_left : 0);
}

/* Current virtual time in nanoseconds. */
static inline u64 vclock_now_ns(const struct vclock *c)
{
    return (vclock_icount(c) << c->shift) + c->idle_ns;
}

void vevent_init(struct vevent *e, const char *name, vevent_fn fn, void *opaque);
/* Arm (or re-arm) the event at an absolute virtual time. Armed during a run, an event due
 * before the run's end shortens the run so that it fires at its exact instruction count. */
void vevent_arm(struct vclock *c, struct vevent *e, u64 deadline_ns);
void vevent_cancel(struct vclock *c, struct vevent *e);
static inline bool vevent_armed(const struct vevent *e) { return e->heap_index >= 0; }

/* Snapshot restore (core/snapshot.c): forget every armed event, then re-arm each one with its
 * saved deadline and arming sequence number, so that equal deadlines keep their order. */
void vclock_drop_events(struct vclock *c);
void vevent_restore(struct vclock *c, struct vevent *e, u64 deadline_ns, u64 seq);
/* Deadline of the earliest armed event, or UINT64_MAX. */
u64 vclock_next_deadline(const struct vclock *c);
/* Instructions that may run before the next event is due (at least 1), capped at max. */
u64 vclock_budget(const struct vclock *c, u64 max);
/* Fire every event whose deadline is <= now, in deadline then arming order; returns how many
 * fired. */
int vclock_run_due(struct vclock *c);
/* Bracket a vCPU run: vclock_begin_run points the clock at the vCPU's counter; vclock_end_run
 * adds the instructions executed to icount and returns how many there were. */
void vclock_begin_run(struct vclock *c, u64 *run_left, u64 budget);
u64 vclock_end_run(struct vclock *c);
/* End the current run now because the running vCPU stopped early (WFI/WFE, power-off, exit):
 * the rest of its budget is not counted as executed. (Setting *run_left = 0 directly instead
 * charges the whole budget, as if the vCPU had idled to the end of its quantum; that is
 * deterministic too, since a budget never crosses the next event, but it inflates icount.) */
static inline void vclock_stop_run(struct vclock *c)
{
    if (c->run_left) {
        c->run_budget -= *c->run_left;
        *c->run_left = 0;
    }
}
/* All vCPUs idle: jump virtual time to the next deadline. Returns false if nothing is armed. */
bool vclock_skip_to_next(struct vclock *c);

#endif
