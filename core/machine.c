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

int machine_run(struct machine *m)
{
    struct vclock *c = &m->clock;
    u64 limit = m->cfg->max_insns;
    while (!m->shutdown) {
        if (m->paused) {
            /* Stopped by the monitor: only host input (which may say `cont`) is serviced. */
            if (m->poll)
                m->poll(m, true);
            else
                m->paused = false;
            continue;
        }
        bool ran = false;
        for (int i = 0; i < m->ncpus && !m->shutdown && !m->paused; i++) {
            struct vcpu *v = m->cpus[i];
            if (!runnable(v))
                continue;
            ran = true;
            u64 budget = vclock_budget(c, m->quantum);
            if (limit && budget > limit - c->icount)
                budget = limit - c->icount;
            /* Re-check interrupts at the start of every run: a device event fired between runs
             * (vclock_run_due) may have raised a line, and its kick must not be lost. */
            v->exit_request = true;
            m->running = v;
            vclock_begin_run(c, &v->run_left, budget);
            v->ops->run(v);
            v->icount += vclock_end_run(c);
            m->running = NULL;
            vclock_run_due(c);
            if (limit && c->icount >= limit) {
                log_printf("emu: instruction limit %llu reached\n", (unsigned long long)limit);
                machine_request_shutdown(m, 3);
            }
        }
        if (m->poll)
            m->poll(m, !ran);
        if (!ran && !m->shutdown) {
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
    }
    return m->exit_status;
}
