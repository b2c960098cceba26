/* SPDX-License-Identifier: MIT */
/*
 * Debug execution control shared by the gdbstub and the CPU step loops: breakpoints, single
 * step, per-vCPU hold, and the stop a vCPU reports. Arch-neutral; a step loop consults it only
 * in its slow (tracing) variant, chosen at run() entry when machine->debug->active is set.
 */
#ifndef EMU_CORE_DEBUG_H
#define EMU_CORE_DEBUG_H

#include "core/types.h"

#define DEBUG_MAX_BP 64

enum debug_stop {
    DEBUG_STOP_NONE = 0,
    DEBUG_STOP_BREAK,  /* reached a breakpoint address, instruction not executed */
    DEBUG_STOP_STEP,   /* executed one instruction (or took an exception/interrupt) */
    DEBUG_STOP_INTR,   /* the debugger interrupted (Ctrl-C) */
    DEBUG_STOP_WATCH,  /* an access hit a watchpoint; the instruction did not execute */
    DEBUG_STOP_TARGET, /* the machine loop reached a position target (debug_target) */
};

enum debug_watch_kind { DEBUG_WATCH_WRITE = 2, DEBUG_WATCH_READ = 3, DEBUG_WATCH_ACCESS = 4 };

struct debug_watch {
    u64 addr, len;
    u8 kind; /* enum debug_watch_kind, the Z packet type */
};

#define DEBUG_MAX_WP 16

struct debug_cpu {
    bool step;        /* stop after one instruction */
    bool hold;        /* not scheduled (another vCPU is being stepped) */
    bool skip_bp;     /* the first instruction of this resume ignores a breakpoint at pc */
    u8 stop;          /* enum debug_stop, set by the step loop */
    u64 stop_addr;    /* breakpoint: pc; watchpoint: the watchpoint's address */
    u8 stop_watch;    /* the watchpoint's kind */
    bool skip_watch;  /* the first instruction of this resume ignores watchpoints */
    bool watch_off;   /* ... and this is that instruction */
    u64 step_left;    /* step loop scratch: run_left when a step began */
    bool stop_next;   /* stop at this vCPU's next instruction boundary, before anything */
    u64 watch_hit_at; /* global icount of the instruction whose watch hit was counted */
};

/* A position for the machine loop to stop at (reverse execution, replays): it pauses at the
 * top of an iteration once the global instruction count has reached icount and vCPU cpu (if
 * >= 0) has executed cpu_icount instructions. Runs are cut so that neither is overshot; a cut
 * turn stays open (core/machine.c), so stopping here changes nothing the guest computes. */
struct debug_target {
    bool armed;
    u64 icount;       /* global (vclock.icount) */
    int cpu;          /* -1: only the global count */
    u64 cpu_icount;
    bool then_next;   /* once reached, stop at cpu's next instruction boundary instead */
};

struct machine_debug {
    bool active; /* any breakpoint or step: step loops take the checking path */
    int nbp;
    u64 bp[DEBUG_MAX_BP];
    int nwp;
    struct debug_watch wp[DEBUG_MAX_WP];
    struct debug_cpu cpu[64]; /* indexed by vcpu index (MACHINE_MAX_CPUS) */
    struct debug_target target;
    /* Counting mode (reverse-continue's replays): breakpoint and watchpoint hits are counted
     * instead of stopping, except hit number stop_hit (1-based; 0: none) which stops. */
    bool counting;
    u64 hits, stop_hit;
};

/* The watchpoint an access of size bytes at va hits (write: a store), or NULL. */
static inline const struct debug_watch *debug_watch_hit(const struct machine_debug *d, u64 va,
                                                        unsigned size, bool write)
{
    for (int i = 0; i < d->nwp; i++) {
        const struct debug_watch *w = &d->wp[i];
        bool kind_ok = w->kind == DEBUG_WATCH_ACCESS || (w->kind == DEBUG_WATCH_WRITE) == write;
        if (kind_ok && va < w->addr + w->len && w->addr < va + size)
            return w;
    }
    return NULL;
}

static inline bool debug_bp_at(const struct machine_debug *d, u64 pc)
{
    for (int i = 0; i < d->nbp; i++)
        if (d->bp[i] == pc)
            return true;
    return false;
}

bool debug_bp_insert(struct machine_debug *d, u64 addr);
bool debug_bp_remove(struct machine_debug *d, u64 addr);
bool debug_watch_insert(struct machine_debug *d, u64 addr, u64 len, u8 kind);
bool debug_watch_remove(struct machine_debug *d, u64 addr, u64 len, u8 kind);
/* Recompute d->active after a change. */
void debug_update_active(struct machine_debug *d, int ncpus);

/* A breakpoint or watchpoint hit: true if it is only counted (counting mode) and execution
 * goes on, false if it stops. */
bool debug_hit_passes(struct machine_debug *d);

struct machine;
struct vcpu;
/* Machine-loop hooks (core/machine.c): cap a run's budget so it does not pass the target, and
 * at the top of each loop iteration pause the machine if the target is reached. */
u64 debug_cap_budget(const struct machine_debug *d, const struct vcpu *v, u64 icount,
                     u64 budget);
void debug_check_target(struct machine *m);

#endif
