/* SPDX-License-Identifier: MIT */
/*
 * Character back-ends for serial devices: stdio (raw terminal, with the Ctrl-A escape keys
 * QEMU users know), a file, or null. Host input is queued here; the input layer
 * (core/replay.h) hands it to the front-end at round ends only, as much as the front-end
 * accepts, so that it reaches the guest at a point a recording can name.
 */
#ifndef EMU_HW_CHARDEV_H
#define EMU_HW_CHARDEV_H

#include <stdio.h>

#include "core/types.h"

struct machine;

#define CHARDEV_QUEUE 4096

struct chardev {
    int in_fd;           /* host input, or -1 */
    FILE *out;           /* host output, or NULL (null back-end) */
    int gate;            /* its core/output_gate.h stream */
    bool escapes;        /* Ctrl-A x / h / Ctrl-A are interpreted (stdio) */
    bool escape_pending; /* Ctrl-A seen */
    struct machine *m;
    /* front-end */
    bool (*can_receive)(void *fe);
    void (*receive)(void *fe, u8 c);
    void *fe;
    /* host input not yet delivered */
    u8 queue[CHARDEV_QUEUE];
    unsigned qhead, qlen;
};

/* Open a back-end from a -serial specification: "stdio", "mon:stdio", "null", "file:PATH".
 * NULL spec means stdio. fatal() on a bad specification or an unopenable file. */
struct chardev *chardev_open(const char *spec, struct machine *m);
void chardev_set_frontend(struct chardev *ch, bool (*can_receive)(void *),
                          void (*receive)(void *, u8), void *fe);
void chardev_write(struct chardev *ch, const u8 *buf, size_t len);
/* Read available host input into the queue (waiting up to timeout_ms when > 0). Nothing
 * reaches the front-end here: the input layer delivers at the round's end. */
void chardev_poll(struct chardev *ch, int timeout_ms);
/* Give queued host input to the front-end as far as it can accept it, bypassing the input
 * layer (unit tests). */
void chardev_deliver_input(struct chardev *ch);
/* Queue bytes as if typed on the host (used by chardev_poll and by tests). */
void chardev_queue_input(struct chardev *ch, const u8 *buf, size_t len);

#endif
