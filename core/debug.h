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
};

struct machine_debug {
    bool active; /* any breakpoint or step: step loops take the checking path */
    int nbp;
    u64 bp[DEBUG_MAX_BP];
    int nwp;
    struct debug_watch wp[DEBUG_MAX_WP];
    struct debug_cpu cpu[64]; /* indexed by vcpu index (MACHINE_MAX_CPUS) */
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

#endif
