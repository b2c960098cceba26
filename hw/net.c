/* SPDX-License-Identifier: MIT */
/* The network back-end glue shared by every back-end: the receive funnel. */
#include "hw/net.h"

#include "core/log.h"

void net_set_receiver(struct net_backend *nb, net_receive_fn fn, void *opaque)
{
    nb->receive = fn;
    nb->receive_opaque = opaque;
}

void net_deliver(struct net_backend *nb, const u8 *frame, size_t len)
{
    if (unlikely(log_mask & LOG_DEV))
        log_printf("net %s: %zu-byte frame to the guest\n", nb->id ? nb->id : "?", len);
    if (nb->receive && nb->receive(nb->receive_opaque, frame, len))
        nb->rx_frames++;
    else
        nb->rx_dropped++;
}
