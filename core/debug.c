/* SPDX-License-Identifier: MIT */
/* Breakpoint list of the debug execution control (core/debug.h). */
#include "core/debug.h"

#include "core/machine.h"

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
    for (int i = 0; i < ncpus; i++)
        d->active |= d->cpu[i].stop_next;
}

bool debug_hit_passes(struct machine_debug *d)
{
    if (!d->counting)
        return false;
    return ++d->hits != d->stop_hit;
}

u64 debug_cap_budget(const struct machine_debug *d, const struct vcpu *v, u64 icount, u64 budget)
{
    const struct debug_target *t = &d->target;
    if (!t->armed)
        return budget;
    if (t->icount > icount && budget > t->icount - icount)
        budget = t->icount - icount;
    if (t->cpu == v->index && t->cpu_icount > v->icount && budget > t->cpu_icount - v->icount)
        budget = t->cpu_icount - v->icount;
    return budget;
}

void debug_check_target(struct machine *m)
{
    struct machine_debug *d = m->debug;
    struct debug_target *t = &d->target;
    if (!t->armed || m->clock.icount < t->icount)
        return;
    if (t->cpu >= 0 && m->cpus[t->cpu]->icount < t->cpu_icount)
        return;
    t->armed = false;
    if (t->then_next) {
        d->cpu[t->cpu].stop_next = true;
        debug_update_active(d, m->ncpus);
        return;
    }
    d->cpu[t->cpu >= 0 ? t->cpu : 0].stop = DEBUG_STOP_TARGET;
    m->paused = true;
}
