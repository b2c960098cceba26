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
};

struct debug_cpu {
    bool step;        /* stop after one instruction */
    bool hold;        /* not scheduled (another vCPU is being stepped) */
    bool skip_bp;     /* the first instruction of this resume ignores a breakpoint at pc */
    u8 stop;          /* enum debug_stop, set by the step loop */
    u64 stop_addr;
    u64 step_left;    /* step loop scratch: run_left when a step began */
};

struct machine_debug {
    bool active; /* any breakpoint or step: step loops take the checking path */
    int nbp;
    u64 bp[DEBUG_MAX_BP];
    struct debug_cpu cpu[64]; /* indexed by vcpu index (MACHINE_MAX_CPUS) */
};

static inline bool debug_bp_at(const struct machine_debug *d, u64 pc)
{
    for (int i = 0; i < d->nbp; i++)
        if (d->bp[i] == pc)
            return true;
    return false;
}

bool debug_bp_insert(struct machine_debug *d, u64 addr);
bool debug_bp_remove(struct machine_debug *d, u64 addr);
/* Recompute d->active after a change. */
void debug_update_active(struct machine_debug *d, int ncpus);

#endif
