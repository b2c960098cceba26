/* SPDX-License-Identifier: MIT */
/* PL031: DR from a fixed base advancing with virtual time, LR, the match interrupt at the exact
 * virtual second, interrupt mask/clear, ID registers, and -rtc base= parsing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "hw/pl031.h"

#define BASE 0x09010000ull
static int failures, irq_level;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static void set_irq(void *ctl, int n, int level) { irq_level = level; }

static u32 rd(struct machine *m, u64 off)
{
    u64 v;
    as_read(&m->as, BASE + off, 4, &v);
    return (u32)v;
}

static void wr(struct machine *m, u64 off, u32 v) { as_write(&m->as, BASE + off, 4, v); }

/* Advance virtual time the way the machine loop does while every vCPU is idle. */
static void advance_to(struct machine *m, u64 ns)
{
    while (vclock_next_deadline(&m->clock) <= ns) {
        vclock_skip_to_next(&m->clock);
        vclock_run_due(&m->clock);
    }
    m->clock.idle_ns += ns - vclock_now_ns(&m->clock);
}

int main(void)
{
    static struct machine m;
    as_init(&m.as);
    vclock_init(&m.clock, 0);
    u64 epoch;
    CHECK(pl031_parse_base(NULL, &epoch) && epoch == PL031_DEFAULT_EPOCH);
    CHECK(pl031_parse_base("2026-01-01T00:00:00", &epoch) && epoch == 1767225600);
    CHECK(pl031_parse_base("2000-03-01", &epoch) && epoch == 951868800);
    CHECK(pl031_parse_base("utc", &epoch) && epoch > 1600000000);
    u64 lt;
    setenv("TZ", "UTC+3", 1);
    CHECK(pl031_parse_base("localtime", &lt) && pl031_parse_base("utc", &epoch));
    CHECK(epoch - lt >= 3 * 3600 - 2 && epoch - lt <= 3 * 3600 + 2);
    CHECK(!pl031_parse_base("yesterday", &epoch));
    CHECK(!pl031_parse_base("2026-13-01", &epoch));
    CHECK(!pl031_parse_base("2026-01-01T25:00:00", &epoch));

    pl031_create(&m, BASE, (struct irq_line){set_irq, NULL, 2}, PL031_DEFAULT_EPOCH);
    CHECK(rd(&m, 0x00) == PL031_DEFAULT_EPOCH);
    CHECK(rd(&m, 0xfe0) == 0x31 && rd(&m, 0xfe4) == 0x10 && rd(&m, 0xfe8) == 0x04);
    CHECK(rd(&m, 0xff0) == 0x0d && rd(&m, 0xff4) == 0xf0 && rd(&m, 0xff8) == 0x05 &&
          rd(&m, 0xffc) == 0xb1);
    advance_to(&m, 2500000000ull); /* 2.5 s */
    CHECK(rd(&m, 0x00) == PL031_DEFAULT_EPOCH + 2);
    /* LR sets the counter. */
    wr(&m, 0x08, 1000);
    CHECK(rd(&m, 0x08) == 1000 && rd(&m, 0x00) == 1000);
    advance_to(&m, 3000000000ull);
    CHECK(rd(&m, 0x00) == 1001);
    /* Match at 1005: raw status at exactly 7 s, the line only when unmasked. */
    wr(&m, 0x04, 1005);
    CHECK(rd(&m, 0x04) == 1005);
    advance_to(&m, 6999999999ull);
    CHECK(rd(&m, 0x14) == 0);
    advance_to(&m, 7000000000ull);
    CHECK(rd(&m, 0x00) == 1005);
    CHECK(rd(&m, 0x14) == 1 && rd(&m, 0x18) == 0 && irq_level == 0);
    wr(&m, 0x10, 1);
    CHECK(rd(&m, 0x18) == 1 && irq_level == 1);
    wr(&m, 0x1c, 1);
    CHECK(rd(&m, 0x14) == 0 && irq_level == 0);
    /* Match equal to the current count fires at once. */
    wr(&m, 0x04, rd(&m, 0x00));
    CHECK(irq_level == 1);
    wr(&m, 0x1c, 1);
    /* CR: started at reset (as on QEMU) and RTCStart sticks. */
    CHECK(rd(&m, 0x0c) == 1);
    wr(&m, 0x0c, 0);
    CHECK(rd(&m, 0x0c) == 1);
    if (failures)
        printf("pl031: %d checks failed\n", failures);
    return failures ? 1 : 0;
}
