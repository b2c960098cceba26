/* SPDX-License-Identifier: MIT */
/* The network back-end glue shared by every back-end: the host-side receive queue and the
 * input channel through which its frames reach the guest. */
#include "hw/net.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/replay.h"

/* The input layer's take(): one queued frame to the front-end. */
static size_t net_take(void *opaque, u8 *buf, size_t cap)
{
    struct net_backend *nb = opaque;
    struct net_frame *f = nb->rxq;
    if (!f)
        return 0;
    nb->rxq = f->next;
    if (!nb->rxq)
        nb->rxq_tail = &nb->rxq;
    nb->rxq_len--;
    size_t n = f->len <= cap ? f->len : 0;
    memcpy(buf, f->data, n);
    if (n)
        net_deliver(nb, f->data, n);
    else
        nb->rx_dropped++;
    free(f);
    return n;
}

void net_deliver_queued(struct net_backend *nb)
{
    static u8 buf[65536];
    while (nb->rxq)
        net_take(nb, buf, sizeof(buf));
}

static bool net_replay(void *opaque, const u8 *buf, size_t len)
{
    net_deliver(opaque, buf, len);
    return true; /* a frame the front-end drops was dropped in the recording too */
}

void net_set_receiver(struct net_backend *nb, net_receive_fn fn, void *opaque)
{
    nb->receive = fn;
    nb->receive_opaque = opaque;
    replay_channel_add(REPLAY_NET, nb->id ? nb->id : "net", net_take, net_replay, nb);
}

void net_host_input(struct net_backend *nb, const u8 *frame, size_t len)
{
    if (nb->rxq_len >= NET_HOST_QUEUE) {
        nb->rx_dropped++;
        return;
    }
    struct net_frame *f = malloc(sizeof(*f) + len);
    if (!f)
        fatal("out of memory");
    f->next = NULL;
    f->len = len;
    memcpy(f->data, frame, len);
    if (!nb->rxq_tail)
        nb->rxq_tail = &nb->rxq;
    *nb->rxq_tail = f;
    nb->rxq_tail = &f->next;
    nb->rxq_len++;
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
