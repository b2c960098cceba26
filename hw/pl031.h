/* SPDX-License-Identifier: MIT */
/* ARM PrimeCell PL031 real-time clock (ARM DDI 0224), counting seconds of virtual time. */
#ifndef EMU_HW_PL031_H
#define EMU_HW_PL031_H

#include "hw/dev.h"

#define PL031_SIZE 0x1000
/* Default time base: 2026-01-01T00:00:00Z, so that runs are deterministic unless the user asks
 * for host time with -rtc base=utc. */
#define PL031_DEFAULT_EPOCH 1767225600ull

struct machine;
struct pl031;

/* Map the RTC at base; DR reads epoch_s at virtual time 0 and counts virtual seconds. */
struct pl031 *pl031_create(struct machine *m, u64 base, struct irq_line irq, u64 epoch_s);
void pl031_destroy(struct pl031 *rtc);
/* -rtc base=SPEC: "utc"/"localtime" (host clock, read now), an ISO 8601 date
 * "YYYY-MM-DD[THH:MM:SS]" (UTC), or NULL (the default epoch). False on a bad spec. */
bool pl031_parse_base(const char *spec, u64 *epoch_s);

#endif
