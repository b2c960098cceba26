/* SPDX-License-Identifier: MIT */
/* Unit test of the machine loop's stop positions (core/debug.h struct debug_target): a global
 * or per-vCPU instruction count is reached exactly, the cut turn stays open, and a run with
 * such stops interleaves the vCPUs exactly as one without. Fake vCPUs that never halt. */
#include "core/debug.h"
#include "core/machine.h"

#include "check.h"

static void fake_run(struct vcpu *v)
{
    while (v->run_left) {
        v->exit_request = false;
        v->run_left--;
    }
}

static bool fake_has_work(struct vcpu *v)
{
    return false;
}

static void fake_dump(struct vcpu *v, FILE *out)
{
    fprintf(out, "fake%d\n", v->index);
}

static const struct vcpu_ops fake_ops = {"fake", fake_run, fake_has_work, fake_dump};
static struct vcpu cpus[2];

static void fake_init(struct machine *m, struct emu_config *cfg)
{
    for (int i = 0; i < 2; i++) {
        cpus[i] = (struct vcpu){.ops = &fake_ops};
        machine_add_cpu(m, &cpus[i]);
    }
}

static const struct machine_type fake_type = {"fake", "test machine", NULL, NULL, NULL, 0,
                                              fake_init};
static struct machine m;
static struct emu_config cfg;
static struct machine_debug dbg;

/* The stops the poll hook saw, and the targets it arms one after the other. */
struct stop {
    u64 icount, cpu0, cpu1;
    int who;
    int sched_cpu;
    u64 turn_left;
};
static struct stop seen[8];
static int nseen;
static const struct debug_target *plan;
static int nplan;

static void arm_next(void)
{
    if (nseen < nplan)
        dbg.target = plan[nseen];
}

static void poll_hook(struct machine *mm, bool idle)
{
    if (!mm->paused)
        return;
    int who = dbg.cpu[1].stop == DEBUG_STOP_TARGET;
    CHECK_EQ(dbg.cpu[who].stop, DEBUG_STOP_TARGET);
    seen[nseen++] = (struct stop){mm->clock.icount, cpus[0].icount, cpus[1].icount, who,
                                  mm->sched_cpu, mm->turn_left};
    dbg.cpu[who].stop = DEBUG_STOP_NONE;
    arm_next();
    mm->paused = false;
}

static void run(const struct debug_target *p, int n)
{
    cfg = (struct emu_config){.max_insns = 10000, .smp = 2};
    machine_init(&m, &fake_type, &cfg);
    dbg = (struct machine_debug){0};
    m.debug = &dbg;
    m.poll = poll_hook;
    nseen = 0;
    plan = p;
    nplan = n;
    arm_next();
    CHECK_EQ(machine_run(&m), 3); /* the instruction limit */
    CHECK_EQ(m.clock.icount, 10000);
}

int main(void)
{
    /* Uninterrupted: cpu0 takes 5 quanta of 1000, cpu1 5. */
    run(NULL, 0);
    u64 plain0 = cpus[0].icount, plain1 = cpus[1].icount;
    CHECK_EQ(plain0, 5000);
    CHECK_EQ(plain1, 5000);

    static const struct debug_target plan1[] = {
        {.armed = true, .icount = 2500, .cpu = -1},            /* mid-quantum of cpu0 */
        {.armed = true, .icount = 0, .cpu = 1, .cpu_icount = 1700},
        {.armed = true, .icount = 4000, .cpu = -1},            /* exactly at a turn's end */
        {.armed = true, .icount = 6001, .cpu = 1, .cpu_icount = 3500},
    };
    run(plan1, 4);
    CHECK_EQ(nseen, 4);
    /* 1000 of cpu0, 1000 of cpu1, then 500 of cpu0's second turn: that turn stays open. */
    CHECK_EQ(seen[0].icount, 2500);
    CHECK_EQ(seen[0].cpu0, 1500);
    CHECK_EQ(seen[0].cpu1, 1000);
    CHECK_EQ(seen[0].sched_cpu, 0);
    CHECK_EQ(seen[0].turn_left, 500);
    CHECK_EQ(seen[0].who, 0);
    /* cpu1's count reached exactly, mid-turn; the stop is reported for cpu1. */
    CHECK_EQ(seen[1].who, 1);
    CHECK_EQ(seen[1].cpu1, 1700);
    CHECK_EQ(seen[1].cpu0, 2000);
    CHECK_EQ(seen[1].icount, 3700);
    CHECK_EQ(seen[1].sched_cpu, 1);
    CHECK_EQ(seen[1].turn_left, 300);
    CHECK_EQ(seen[2].icount, 4000);
    /* Both conditions: the global count (in cpu0's turn) first, then cpu1's in its turn. */
    CHECK_EQ(seen[3].icount, 7500);
    CHECK_EQ(seen[3].cpu1, 3500);
    CHECK_EQ(seen[3].who, 1);
    /* The stops changed nothing: the same interleaving to the end. */
    CHECK_EQ(cpus[0].icount, plain0);
    CHECK_EQ(cpus[1].icount, plain1);

    /* then_next: reaching the target arms a stop at that vCPU's next boundary (the step loop's
     * job) instead of pausing. */
    static const struct debug_target plan2[] = {
        {.armed = true, .icount = 0, .cpu = 1, .cpu_icount = 500, .then_next = true},
    };
    run(plan2, 1);
    CHECK_EQ(nseen, 0);
    CHECK(dbg.cpu[1].stop_next);
    CHECK(dbg.active);
    CHECK(!dbg.target.armed);
    return check_exit("debug_target");
}
