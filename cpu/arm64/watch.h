/* SPDX-License-Identifier: MIT */
/* Debugger watchpoints on the data access slow path (core/debug.h). While any is set the fast
 * path is not filled, so every data access reaches a64_watch_check(). */
#ifndef EMU_CPU_ARM64_WATCH_H
#define EMU_CPU_ARM64_WATCH_H

#include "core/debug.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"

static inline bool a64_watch_active(const struct a64_cpu *cpu)
{
    const struct machine_debug *d = cpu->vcpu.machine->debug;
    return d && d->nwp;
}

/* A data access that passed its translation and permission checks: if it hits a watchpoint,
 * stop before the instruction completes (it is not counted and will execute again on resume,
 * as with the Arm watchpoint debug exception, D2.10). Does not return then. */
void a64_watch_check(struct a64_cpu *cpu, u64 va, unsigned size, bool write);

#endif
