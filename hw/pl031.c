/* SPDX-License-Identifier: MIT */
/* PL031 RTC (ARM DDI 0224 "PrimeCell Real Time Clock", §3 registers). The 1 Hz counter is
 * derived from virtual time, so a run reads the same dates at the same instruction counts; the
 * match interrupt is a vevent at the exact virtual second DR reaches MR. */
#include "hw/pl031.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/snapshot.h"
#include "core/replay.h"

#define RTCDR 0x00
#define RTCMR 0x04
#define RTCLR 0x08
#define RTCCR 0x0c
#define RTCIMSC 0x10
#define RTCRIS 0x14
#define RTCMIS 0x18
#define RTCICR 0x1c
#define RTC_PERIPH_ID 0xfe0

#define NS_PER_S 1000000000ull

/* RTCPeriphID0-3 and RTCPCellID0-3 (DDI 0224 §3.3.10-11). */
static const u8 pl031_id[8] = {0x31, 0x10, 0x04, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

struct pl031 {
    struct vclock *clock;
    struct irq_line irq;
    struct vevent alarm;
    u32 tick_offset; /* DR = tick_offset + whole virtual seconds */
    u32 mr, lr, cr;
    bool im, ris;
};

static u64 now_s(struct pl031 *rtc)
{
    return vclock_now_ns(rtc->clock) / NS_PER_S;
}

static u32 count(struct pl031 *rtc)
{
    return rtc->tick_offset + (u32)now_s(rtc);
}

static void update_irq(struct pl031 *rtc)
{
    irq_set(&rtc->irq, rtc->ris && rtc->im);
}

/* Arm the alarm for the virtual second at which DR becomes MR (counter wraps at 2^32). */
static void arm_alarm(struct pl031 *rtc)
{
    u32 delta = rtc->mr - count(rtc);
    if (delta == 0) {
        vevent_cancel(rtc->clock, &rtc->alarm);
        rtc->ris = true;
        update_irq(rtc);
        return;
    }
    vevent_arm(rtc->clock, &rtc->alarm, (now_s(rtc) + delta) * NS_PER_S);
}

static void alarm_fire(void *opaque, u64 now_ns)
{
    struct pl031 *rtc = opaque;
    rtc->ris = true;
    update_irq(rtc);
}

static enum dev_status pl031_read(void *dev, u64 off, unsigned size, u64 *val)
{
    struct pl031 *rtc = dev;
    switch (off) {
    case RTCDR: *val = count(rtc); break;
    case RTCMR: *val = rtc->mr; break;
    case RTCLR: *val = rtc->lr; break;
    case RTCCR: *val = rtc->cr; break;
    case RTCIMSC: *val = rtc->im; break;
    case RTCRIS: *val = rtc->ris; break;
    case RTCMIS: *val = rtc->ris && rtc->im; break;
    default:
        if (off >= RTC_PERIPH_ID && off < RTC_PERIPH_ID + 32 && !(off & 3)) {
            *val = pl031_id[(off - RTC_PERIPH_ID) / 4];
            break;
        }
        *val = 0;
        if (unlikely(log_mask & LOG_GUEST_ERRORS))
            log_printf("pl031: read of reserved offset %#llx\n", (unsigned long long)off);
    }
    return DEV_OK;
}

static enum dev_status pl031_write(void *dev, u64 off, unsigned size, u64 val)
{
    struct pl031 *rtc = dev;
    u32 v = (u32)val;
    switch (off) {
    case RTCLR:
        /* Loading sets the counter now; the alarm distance changes with it. */
        rtc->lr = v;
        rtc->tick_offset = v - (u32)now_s(rtc);
        arm_alarm(rtc);
        break;
    case RTCMR:
        rtc->mr = v;
        arm_alarm(rtc);
        break;
    case RTCCR:
        /* RTCStart: once set, writes have no effect until reset (DDI 0224 §3.3.4). The
         * counter itself always runs, as on QEMU. */
        rtc->cr |= v & 1;
        break;
    case RTCIMSC:
        rtc->im = v & 1;
        update_irq(rtc);
        break;
    case RTCICR:
        if (v & 1)
            rtc->ris = false;
        update_irq(rtc);
        break;
    default:
        if (unlikely(log_mask & LOG_GUEST_ERRORS))
            log_printf("pl031: write to read-only/reserved offset %#llx\n",
                       (unsigned long long)off);
    }
    return DEV_OK;
}

static const struct dev_ops pl031_ops = {.read = pl031_read, .write = pl031_write};

/* Snapshot section "pl031@BASE": the counter offset (so a guest clock based on the host's
 * time at start continues from the saved value), registers, interrupt and alarm. */
static void pl031_save(void *opaque, struct snap_writer *w)
{
    struct pl031 *rtc = opaque;
    snap_put_u32(w, rtc->tick_offset);
    snap_put_u32(w, rtc->mr);
    snap_put_u32(w, rtc->lr);
    snap_put_u32(w, rtc->cr);
    snap_put_bool(w, rtc->im);
    snap_put_bool(w, rtc->ris);
    snap_put_event(w, &rtc->alarm);
}

static void pl031_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct pl031 *rtc = opaque;
    rtc->tick_offset = snap_get_u32(r);
    rtc->mr = snap_get_u32(r);
    rtc->lr = snap_get_u32(r);
    rtc->cr = snap_get_u32(r);
    rtc->im = snap_get_bool(r);
    rtc->ris = snap_get_bool(r);
    snap_get_event(r, rtc->clock, &rtc->alarm);
}

struct pl031 *pl031_create(struct machine *m, u64 base, struct irq_line irq, u64 epoch_s)
{
    struct pl031 *rtc = calloc(1, sizeof(*rtc));
    if (!rtc)
        fatal("out of memory");
    rtc->clock = &m->clock;
    rtc->irq = irq;
    rtc->tick_offset = (u32)epoch_s - (u32)now_s(rtc);
    /* RTCCR resets to 0 on the bare cell (DDI 0224 §3.3.4), but boards boot with the RTC
     * started by firmware; QEMU's virt reads 1 here too, and guests expect it. */
    rtc->cr = 1;
    vevent_init(&rtc->alarm, "pl031.alarm", alarm_fire, rtc);
    as_add_mmio(&m->as, "pl031", base, PL031_SIZE, &pl031_ops, rtc);
    char name[32];
    snprintf(name, sizeof(name), "pl031@%llx", (unsigned long long)base);
    snap_register(m, name, 1, pl031_save, pl031_load, rtc);
    return rtc;
}

void pl031_destroy(struct pl031 *rtc)
{
    vevent_cancel(rtc->clock, &rtc->alarm);
    free(rtc);
}

bool pl031_parse_base(const char *spec, u64 *epoch_s)
{
    if (!spec) {
        *epoch_s = PL031_DEFAULT_EPOCH;
        return true;
    }
    if (!strcmp(spec, "utc") || !strcmp(spec, "localtime")) {
        /* The only host-time input: read once, here, through the input layer, which logs it
         * when recording and returns the logged value when replaying. localtime shows the
         * host's wall-clock time, so the zone offset is folded in. */
        time_t now = time(NULL);
        struct tm lt;
        u64 e = (u64)now;
        tzset();
        if (!strcmp(spec, "localtime") && localtime_r(&now, &lt))
            e += (u64)(s64)lt.tm_gmtoff;
        *epoch_s = replay_host_value("rtc-base", e);
        return true;
    }
    struct tm tm = {0};
    int n = 0;
    if (sscanf(spec, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3)
        return false;
    if (spec[n] == 'T' || spec[n] == ' ') {
        int n2 = 0;
        if (sscanf(spec + n + 1, "%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n2) != 3)
            return false;
        n += 1 + n2;
    }
    if (spec[n] == 'Z')
        n++;
    if (spec[n] || tm.tm_year < 1970 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
        tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        return false;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    time_t t = timegm(&tm);
    if (t < 0)
        return false;
    *epoch_s = (u64)t;
    return true;
}
