/* SPDX-License-Identifier: MIT */
/* Network back-end interface: a front-end (virtio-net) sends guest frames with net_send();
 * every host-to-guest frame goes through net_deliver(), the single input point that
 * record/replay hooks (docs/DETERMINISM.md rule 4). */
#ifndef EMU_HW_NET_H
#define EMU_HW_NET_H

#include "core/types.h"

struct machine;
struct cfg_netdev;

/* The front-end's receive hook: returns false if it has no buffer (the frame is dropped). */
typedef bool (*net_receive_fn)(void *opaque, const u8 *frame, size_t len);

struct net_backend {
    const char *id;
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
/* Host-to-guest frame: the only path by which network input reaches the guest. */
void net_deliver(struct net_backend *nb, const u8 *frame, size_t len);

/* -netdev user: a libslirp stack (gateway 10.0.2.2, DHCP from 10.0.2.15, DNS 10.0.2.3).
 * fatal()/usage_error() on a bad hostfwd rule. */
struct net_backend *net_slirp_create(struct machine *m, const struct cfg_netdev *nd);

#endif
