/* SPDX-License-Identifier: MIT */
/* Unit test of core/vclock.c: event order, cancel, re-arm, budgets, mid-run arming, idle skip. */
#include "core/vclock.h"

#include "check.h"

static int fired[64], nfired;

static void record(void *opaque, u64 now)
{
    fired[nfired++] = (int)(long)opaque;
}

static void reset_log(void)
{
    nfired = 0;
}

/* Pretend a vCPU executed n instructions outside any run. */
static void advance(struct vclock *c, u64 n)
{
    u64 left;
    vclock_begin_run(c, &left, n);
    left = 0;
    vclock_end_run(c);
}

static void test_order(void)
{
    struct vclock c;
    struct vevent e[5];
    vclock_init(&c, 0);
    for (long i = 0; i < 5; i++)
        vevent_init(&e[i], "e", record, (void *)i);
    vevent_arm(&c, &e[0], 30);
    vevent_arm(&c, &e[1], 10);
    vevent_arm(&c, &e[2], 20);
    vevent_arm(&c, &e[3], 20); /* equal deadlines fire in arming order */
    vevent_arm(&c, &e[4], 20);
    CHECK_EQ(vclock_next_deadline(&c), 10);
    reset_log();
    advance(&c, 15);
    vclock_run_due(&c);
    CHECK_EQ(nfired, 1);
    CHECK_EQ(fired[0], 1);
    advance(&c, 100);
    vclock_run_due(&c);
    CHECK_EQ(nfired, 5);
    CHECK_EQ(fired[1], 2);
    CHECK_EQ(fired[2], 3);
    CHECK_EQ(fired[3], 4);
    CHECK_EQ(fired[4], 0);
    CHECK(!vevent_armed(&e[0]));
    CHECK_EQ(vclock_next_deadline(&c), UINT64_MAX);
    vclock_destroy(&c);
}

static void test_fifo_many(void)
{
    struct vclock c;
    static struct vevent e[40];
    vclock_init(&c, 0);
    /* Many equal deadlines interleaved with others: ties still fire in arming order. */
    for (long i = 0; i < 40; i++) {
        vevent_init(&e[i], "e", record, (void *)i);
        vevent_arm(&c, &e[i], i % 2 ? 100 : 50);
    }
    reset_log();
    advance(&c, 100);
    vclock_run_due(&c);
    CHECK_EQ(nfired, 40);
    for (int i = 0; i < 20; i++) {
        CHECK_EQ(fired[i], 2 * i);
        CHECK_EQ(fired[20 + i], 2 * i + 1);
    }
    vclock_destroy(&c);
}

static void test_cancel_rearm(void)
{
    struct vclock c;
    struct vevent a, b, d;
    vclock_init(&c, 0);
    vevent_init(&a, "a", record, (void *)1);
    vevent_init(&b, "b", record, (void *)2);
    vevent_init(&d, "d", record, (void *)3);
    vevent_arm(&c, &a, 10);
    vevent_arm(&c, &b, 20);
    vevent_arm(&c, &d, 30);
    vevent_cancel(&c, &a);
    vevent_cancel(&c, &a); /* twice is harmless */
    CHECK(!vevent_armed(&a));
    CHECK_EQ(vclock_next_deadline(&c), 20);
    vevent_arm(&c, &d, 5); /* re-arm moves it; it fires once */
    vevent_arm(&c, &b, 20); /* re-arm at the same time: now after nothing else */
    reset_log();
    advance(&c, 40);
    vclock_run_due(&c);
    CHECK_EQ(nfired, 2);
    CHECK_EQ(fired[0], 3);
    CHECK_EQ(fired[1], 2);
    vclock_destroy(&c);
}

static void test_budget(void)
{
    struct vclock c;
    struct vevent e;
    vclock_init(&c, 0);
    vevent_init(&e, "e", record, NULL);
    CHECK_EQ(vclock_budget(&c, 1000), 1000); /* nothing armed */
    vevent_arm(&c, &e, 7);
    CHECK_EQ(vclock_budget(&c, 1000), 7);
    CHECK_EQ(vclock_budget(&c, 3), 3);
    advance(&c, 7);
    CHECK_EQ(vclock_budget(&c, 1000), 1); /* due now: at least one instruction */
    vclock_destroy(&c);

    vclock_init(&c, 2); /* 4 ns per instruction */
    vevent_init(&e, "e", record, NULL);
    vevent_arm(&c, &e, 9);
    CHECK_EQ(vclock_budget(&c, 1000), 3); /* ceil(9 / 4) */
    advance(&c, 2);
    CHECK_EQ(vclock_now_ns(&c), 8);
    CHECK_EQ(vclock_budget(&c, 1000), 1);
    vclock_destroy(&c);
}

static void test_arm_during_run(void)
{
    struct vclock c;
    struct vevent e;
    u64 left;
    vclock_init(&c, 0);
    vevent_init(&e, "e", record, (void *)7);
    vclock_begin_run(&c, &left, 1000);
    left -= 10; /* 10 instructions executed */
    CHECK_EQ(vclock_icount(&c), 10);
    CHECK_EQ(vclock_now_ns(&c), 10);
    vevent_arm(&c, &e, 15); /* a device armed a timer 5 ns from now */
    CHECK_EQ(left, 5);
    vevent_arm(&c, &e, 500); /* later deadlines do not lengthen the run again */
    CHECK_EQ(left, 5);
    vevent_arm(&c, &e, 15);
    left = 0;
    CHECK_EQ(vclock_end_run(&c), 15);
    CHECK_EQ(c.icount, 15);
    reset_log();
    vclock_run_due(&c);
    CHECK_EQ(nfired, 1); /* fires at its exact instruction count */

    vclock_begin_run(&c, &left, 100);
    left -= 3;
    vevent_arm(&c, &e, 1); /* already due: stop at once */
    CHECK_EQ(left, 0);
    CHECK_EQ(vclock_end_run(&c), 3);
    vclock_destroy(&c);
}

static void test_idle_skip(void)
{
    struct vclock c;
    struct vevent e;
    vclock_init(&c, 0);
    vevent_init(&e, "e", record, (void *)9);
    CHECK(!vclock_skip_to_next(&c)); /* nothing armed: nothing to wait for */
    advance(&c, 15);
    vevent_arm(&c, &e, 1000);
    CHECK(vclock_skip_to_next(&c));
    CHECK_EQ(vclock_now_ns(&c), 1000);
    CHECK_EQ(c.idle_ns, 985);
    CHECK_EQ(c.icount, 15); /* no instructions were executed */
    reset_log();
    vclock_run_due(&c);
    CHECK_EQ(nfired, 1);
    vclock_destroy(&c);
}

int main(void)
{
    test_order();
    test_fifo_many();
    test_cancel_rearm();
    test_budget();
    test_arm_during_run();
    test_idle_skip();
    return check_exit("vclock");
}
