/* SPDX-License-Identifier: MIT */
/* Network back-end interface: a front-end (virtio-net) sends guest frames with net_send();
 * a back-end queues host-to-guest frames with net_host_input(), and the input layer
 * (core/replay.h) hands them to the front-end at round ends only (docs/DETERMINISM.md). */
#ifndef EMU_HW_NET_H
#define EMU_HW_NET_H

#include "core/types.h"

struct machine;
struct cfg_netdev;

/* The front-end's receive hook: returns false if it has no buffer (the frame is dropped). */
typedef bool (*net_receive_fn)(void *opaque, const u8 *frame, size_t len);

/* A host-to-guest frame waiting for the next round's end. */
struct net_frame {
    struct net_frame *next;
    size_t len;
    u8 data[];
};

#define NET_HOST_QUEUE 512 /* frames; more are dropped (TCP recovers) */

struct net_backend {
    const char *id;
    struct net_frame *rxq, **rxq_tail; /* host input not yet delivered */
    unsigned rxq_len;
    net_receive_fn receive;
    void *receive_opaque;
    /* Guest-to-host frame. */
    void (*send)(struct net_backend *nb, const u8 *frame, size_t len);
    /* Service host sockets and timers; may block up to timeout_ms (0: do not block). */
    void (*poll)(struct net_backend *nb, int timeout_ms);
    u64 rx_frames, tx_frames, rx_dropped;
};

void net_set_receiver(struct net_backend *nb, net_receive_fn fn, void *opaque);
static inline void net_send(struct net_backend *nb, const u8 *frame, size_t len)
{
    nb->tx_frames++;
    nb->send(nb, frame, len);
}
/* A host-to-guest frame from the back-end: queued until the input layer delivers it. */
void net_host_input(struct net_backend *nb, const u8 *frame, size_t len);
/* Give a frame to the front-end now (the input layer, unit tests). */
void net_deliver(struct net_backend *nb, const u8 *frame, size_t len);
/* Give every queued host frame to the front-end now, bypassing the input layer (unit tests). */
void net_deliver_queued(struct net_backend *nb);

/* -netdev user: a libslirp stack (gateway 10.0.2.2, DHCP from 10.0.2.15, DNS 10.0.2.3).
 * fatal()/usage_error() on a bad hostfwd rule. */
struct net_backend *net_slirp_create(struct machine *m, const struct cfg_netdev *nd);

#endif
