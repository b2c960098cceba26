/* SPDX-License-Identifier: MIT */
/*
 * The execution loop. One host thread steps every vCPU round-robin in fixed instruction
 * quanta; device events fire between quanta at exact virtual times. Nothing here looks at
 * host time, so the same inputs give the same run.
 */
#include "core/machine.h"

#include <string.h>

#include "core/debug.h"
#include "core/log.h"

const struct machine_type *machine_find(const char *name)
{
    for (int i = 0; machine_types[i]; i++)
        if (!strcmp(machine_types[i]->name, name))
            return machine_types[i];
    return NULL;
}

void machine_list(void)
{
    printf("Supported machines are:\n");
    for (int i = 0; machine_types[i]; i++) {
        printf("  %-16s %s\n", machine_types[i]->name, machine_types[i]->desc);
        for (const struct machine_prop_desc *p = machine_types[i]->props; p && p->name; p++)
            printf("      ,%-20s %s\n", p->name, p->help);
    }
}

void machine_init(struct machine *m, const struct machine_type *t, struct emu_config *cfg)
{
    memset(m, 0, sizeof(*m));
    m->type = t;
    m->cfg = cfg;
    m->quantum = 1000;
    as_init(&m->as);
    vclock_init(&m->clock, (unsigned)cfg->icount_shift);
    t->init(m, cfg);
}

void machine_add_cpu(struct machine *m, struct vcpu *v)
{
    if (m->ncpus == MACHINE_MAX_CPUS)
        fatal("too many CPUs (at most %d)", MACHINE_MAX_CPUS);
    v->machine = m;
    v->index = m->ncpus;
    m->cpus[m->ncpus++] = v;
}

void machine_request_shutdown(struct machine *m, int status)
{
    if (!m->shutdown)
        m->exit_status = status;
    m->shutdown = true;
    for (int i = 0; i < m->ncpus; i++)
        m->cpus[i]->exit_request = true;
    if (m->running)
        vclock_stop_run(&m->clock); /* the rest of the quantum is not executed */
}

static bool runnable(struct vcpu *v)
{
    if (v->powered_off)
        return false;
    if (v->machine->debug && v->machine->debug->cpu[v->index].hold)
        return false; /* the debugger steps another vCPU */
    if (v->halted && v->ops->has_work(v))
        v->halted = false;
    return !v->halted;
}

/* One run of the vCPU whose turn it is, then the device events it reached. */
static void run_turn(struct machine *m, struct vcpu *v)
{
    struct vclock *c = &m->clock;
    u64 limit = m->cfg->max_insns;
    u64 budget = vclock_budget(c, m->turn_left);
    if (limit && budget > limit - c->icount)
        budget = limit - c->icount;
    if (m->debug)
        budget = debug_cap_budget(m->debug, v, c->icount, budget); /* a stop position */
    /* Re-check interrupts at the start of every run: a device event fired between runs
     * (vclock_run_due) may have raised a line, and its kick must not be lost. Checking
     * again when nothing changed is a no-op, so splitting a turn into several runs (a
     * debugger stop, a budget cut by an event later cancelled) changes nothing. */
    v->exit_request = true;
    m->running = v;
    m->round_ran = true;
    vclock_begin_run(c, &v->run_left, budget);
    v->ops->run(v);
    u64 n = vclock_end_run(c);
    v->icount += n;
    m->turn_left -= n < m->turn_left ? n : m->turn_left;
    m->running = NULL;
    int fired = vclock_run_due(c);
    if (limit && c->icount >= limit) {
        log_printf("emu: instruction limit %llu reached\n", (unsigned long long)limit);
        machine_request_shutdown(m, 3);
    }
    /* The turn ends on guest-determined conditions only, never on why run() returned, so
     * that a debugger stop in the middle of a turn is invisible to the guest. */
    if (m->turn_left == 0 || fired || v->halted || v->powered_off) {
        m->turn_left = 0;
        m->sched_cpu++;
    }
}

/* Between rounds: host input, the monitor and the debugger; the idle skip. */
static void round_end(struct machine *m)
{
    struct vclock *c = &m->clock;
    if (m->poll)
        m->poll(m, !m->round_ran);
    if (m->paused || m->shutdown || !machine_at_round_end(m))
        return; /* resumed later at this same round end: the poll is repeated, not the skip;
                 * or a snapshot loaded by the poll put the schedule elsewhere */
    bool ran = m->round_ran; /* after the poll: a snapshot it loaded has its own */
    if (!ran) {
        /* Every vCPU waits: jump virtual time to the next event. */
        if (!vclock_skip_to_next(c)) {
            bool any_on = false;
            for (int i = 0; i < m->ncpus; i++)
                any_on |= !m->cpus[i]->powered_off;
            if (!any_on) {
                log_printf("emu: every CPU is powered off\n");
                machine_request_shutdown(m, 0);
            } else if (!m->poll) {
                fatal("every CPU waits for an interrupt and no event is pending: guest hung");
            }
        }
        vclock_run_due(c);
    }
    m->sched_cpu = 0;
    m->turn_left = 0;
    m->round_ran = false;
    m->rounds++;
}

int machine_run(struct machine *m)
{
    while (!m->shutdown) {
        if (m->paused) {
            /* Stopped by the monitor or the debugger: only host input (which may say `cont`)
             * is serviced; the schedule resumes where it stopped. */
            if (m->poll)
                m->poll(m, true);
            else
                m->paused = false;
            continue;
        }
        if (m->debug && m->debug->target.armed) {
            debug_check_target(m); /* a stop position (reverse execution) reached? */
            if (m->paused)
                continue;
        }
        if (m->sched_cpu >= m->ncpus) {
            round_end(m);
            continue;
        }
        struct vcpu *v = m->cpus[m->sched_cpu];
        if (!runnable(v)) {
            m->turn_left = 0; /* a vCPU held by the debugger mid-turn loses the rest */
            m->sched_cpu++;
            continue;
        }
        if (m->turn_left == 0)
            m->turn_left = m->quantum;
        run_turn(m, v);
    }
    return m->exit_status;
}
