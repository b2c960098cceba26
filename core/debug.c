/* SPDX-License-Identifier: MIT */
/* Breakpoint list of the debug execution control (core/debug.h). */
#include "core/debug.h"

bool debug_bp_insert(struct machine_debug *d, u64 addr)
{
    if (debug_bp_at(d, addr))
        return true;
    if (d->nbp == DEBUG_MAX_BP)
        return false;
    d->bp[d->nbp++] = addr;
    return true;
}

bool debug_bp_remove(struct machine_debug *d, u64 addr)
{
    for (int i = 0; i < d->nbp; i++) {
        if (d->bp[i] == addr) {
            d->bp[i] = d->bp[--d->nbp];
            return true;
        }
    }
    return false;
}

bool debug_watch_insert(struct machine_debug *d, u64 addr, u64 len, u8 kind)
{
    if (d->nwp == DEBUG_MAX_WP)
        return false;
    d->wp[d->nwp++] = (struct debug_watch){addr, len, kind};
    return true;
}

bool debug_watch_remove(struct machine_debug *d, u64 addr, u64 len, u8 kind)
{
    for (int i = 0; i < d->nwp; i++) {
        if (d->wp[i].addr == addr && d->wp[i].len == len && d->wp[i].kind == kind) {
            d->wp[i] = d->wp[--d->nwp];
            return true;
        }
    }
    return false;
}

void debug_update_active(struct machine_debug *d, int ncpus)
{
    bool step = false;
    for (int i = 0; i < ncpus; i++)
        step |= d->cpu[i].step;
    d->active = d->nbp > 0 || d->nwp > 0 || step;
}
