/* SPDX-License-Identifier: MIT */
/* Unit test of the machine loop (core/machine.c) with fake vCPUs: quanta, exact event times,
 * idle skip, -max-insns, pause via the poll hook, power-off. */
#include "core/machine.h"

#include "check.h"

/* A fake vCPU: executes `left` instructions, then halts (WFI) until woken by an event. */
struct fake_cpu {
    struct vcpu vcpu;
    u64 left;         /* instructions before it halts; 0 = run forever */
    bool woken;       /* an event made work pending */
    bool off_at_halt; /* power off instead of halting */
};

static void fake_run(struct vcpu *v)
{
    struct fake_cpu *c = (struct fake_cpu *)v;
    while (v->run_left) {
        if (v->exit_request) {
            v->exit_request = false;
            if (v->machine->shutdown)
                break;
        }
        v->run_left--;
        if (c->left && --c->left == 0) {
            if (c->off_at_halt) {
                v->powered_off = true;
            } else {
                v->halted = true;
            }
            vclock_stop_run(&v->machine->clock);
        }
    }
}

static bool fake_has_work(struct vcpu *v)
{
    return ((struct fake_cpu *)v)->woken;
}

static void fake_dump(struct vcpu *v, FILE *out)
{
    fprintf(out, "fake%d\n", v->index);
}

static const struct vcpu_ops fake_ops = {"fake", fake_run, fake_has_work, fake_dump};

static struct fake_cpu cpus[2];
static int ncpus_wanted;

static void fake_init(struct machine *m, struct emu_config *cfg)
{
    for (int i = 0; i < ncpus_wanted; i++) {
        cpus[i] = (struct fake_cpu){.vcpu.ops = &fake_ops};
        machine_add_cpu(m, &cpus[i].vcpu);
    }
}

static const struct machine_type fake_type = {"fake", "test machine", NULL, NULL, NULL, 0,
                                              fake_init};

static struct machine m;
static struct emu_config cfg;

static void setup(int n, u64 max_insns)
{
    ncpus_wanted = n;
    cfg = (struct emu_config){.max_insns = max_insns, .smp = n};
    machine_init(&m, &fake_type, &cfg);
}

static u64 fired_at_icount, fired_at_ns;

static void on_event(void *opaque, u64 now)
{
    fired_at_icount = vclock_icount(&m.clock);
    fired_at_ns = now;
    if (opaque) {
        ((struct fake_cpu *)opaque)->woken = true;
        vcpu_kick(&((struct fake_cpu *)opaque)->vcpu);
    }
}

static void test_max_insns(void)
{
    setup(2, 12345);
    CHECK_EQ(machine_run(&m), 3);
    CHECK_EQ(m.clock.icount, 12345);
    CHECK_EQ(cpus[0].vcpu.icount + cpus[1].vcpu.icount, 12345);
    /* Round-robin quanta: both vCPUs ran, each in whole quanta but the last. */
    CHECK(cpus[0].vcpu.icount >= 6000 && cpus[1].vcpu.icount >= 6000);
}

static void test_event_exact(void)
{
    struct vevent e;
    setup(1, 5000);
    vevent_init(&e, "t", on_event, NULL);
    vevent_arm(&m.clock, &e, 1500); /* mid-quantum: the run is cut so it fires exactly */
    fired_at_icount = 0;
    CHECK_EQ(machine_run(&m), 3);
    CHECK_EQ(fired_at_icount, 1500);
    CHECK_EQ(fired_at_ns, 1500);
}

static void test_idle_skip(void)
{
    struct vevent e;
    setup(1, 1000);
    cpus[0].left = 100; /* halts after 100 instructions */
    vevent_init(&e, "wake", on_event, &cpus[0]);
    vevent_arm(&m.clock, &e, 1000000);
    CHECK_EQ(machine_run(&m), 3);
    CHECK_EQ(fired_at_icount, 100);   /* no instruction ran while it waited */
    CHECK_EQ(fired_at_ns, 1000000);   /* time jumped to the event */
    CHECK_EQ(m.clock.idle_ns, 1000000 - 100);
    CHECK_EQ(vclock_now_ns(&m.clock), 1000000 + 900);
}

static void test_power_off(void)
{
    setup(2, 0);
    cpus[0].left = 10, cpus[0].off_at_halt = true;
    cpus[1].left = 20, cpus[1].off_at_halt = true;
    CHECK_EQ(machine_run(&m), 0);
    CHECK_EQ(m.clock.icount, 30);
}

static int polls;

static void poll_hook(struct machine *mm, bool idle)
{
    polls++;
    CHECK(!mm->paused || idle); /* a stopped machine polls as idle */
    if (polls == 3)
        mm->paused = false;
}

static void test_pause(void)
{
    setup(1, 2000);
    m.poll = poll_hook;
    m.paused = true;
    polls = 0;
    CHECK_EQ(machine_run(&m), 3);
    CHECK(polls >= 3);
    CHECK_EQ(m.clock.icount, 2000);
    /* machine_request_shutdown keeps the first status. */
    machine_request_shutdown(&m, 7);
    CHECK_EQ(m.exit_status, 3);
}

int main(void)
{
    test_max_insns();
    test_event_exact();
    test_idle_skip();
    test_power_off();
    test_pause();
    return check_exit("machine");
}
