/* SPDX-License-Identifier: MIT */
/* virtio-net device (VIRTIO 1.2 §5.1): one receive and one transmit queue, MAC and link status
 * in config space, no offloads. Frames carry the 12-byte struct virtio_net_hdr (§5.1.6). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/snapshot.h"
#include "hw/net.h"
#include "hw/virtio.h"
#include "hw/virtio_devices.h"
#include "hw/virtio_mmio.h"

/* Feature bits (§5.1.3). */
#define VIRTIO_NET_F_MAC 5
#define VIRTIO_NET_F_STATUS 16
#define VIRTIO_NET_S_LINK_UP 1

#define VIRTIO_NET_HDR_LEN 12 /* with num_buffers: always so for VERSION_1 (§5.1.6) */
#define VIRTIO_NET_QUEUE_SIZE 256
#define VIRTIO_NET_RXQ 0
#define VIRTIO_NET_TXQ 1
#define VIRTIO_NET_MAX_FRAME 65536
/* Frames that arrive while the guest has no receive buffer wait here (the rest are dropped;
 * TCP recovers). */
#define VIRTIO_NET_BACKLOG 32
#define VIRTIO_NET_BACKLOG_FRAME 1536

struct virtio_net {
    struct virtio_dev vd;
    struct net_backend *nb;
    u8 config[8]; /* mac[6], status (le16) */
    u8 frame[VIRTIO_NET_HDR_LEN + VIRTIO_NET_MAX_FRAME];
    struct {
        u16 len;
        u8 data[VIRTIO_NET_BACKLOG_FRAME];
    } backlog[VIRTIO_NET_BACKLOG];
    int bl_head, bl_count;
};

static u64 net_features(struct virtio_dev *vd)
{
    return (1ull << VIRTIO_NET_F_MAC) | (1ull << VIRTIO_NET_F_STATUS) |
           (1ull << VIRTIO_RING_F_INDIRECT_DESC);
}

static u64 net_config_read(struct virtio_dev *vd, u32 off, unsigned size)
{
    struct virtio_net *s = (struct virtio_net *)vd;
    u64 v = 0;
    memcpy(&v, s->config + off, size);
    return v;
}

/* Put one frame into the next receive buffer. False if the guest has none posted. */
static bool rx_one(struct virtio_net *s, const u8 *frame, size_t len)
{
    struct virtio_dev *vd = &s->vd;
    struct virtq_elem e;
    if (!(vd->status & VIRTIO_STATUS_DRIVER_OK) || !virtq_has_avail(vd, VIRTIO_NET_RXQ))
        return false;
    if (virtq_pop(vd, VIRTIO_NET_RXQ, &e) != 1)
        return false;
    u8 hdr[VIRTIO_NET_HDR_LEN] = {0};
    hdr[10] = 1; /* num_buffers */
    if (e.write_len < VIRTIO_NET_HDR_LEN + len) {
        /* Too small for the frame: return the buffer empty-handed and drop the frame. */
        if (unlikely(log_mask & LOG_GUEST_ERRORS))
            log_printf("virtio-net: %llu-byte receive buffer for a %zu-byte frame\n",
                       (unsigned long long)e.write_len, len);
        virtq_push(vd, VIRTIO_NET_RXQ, &e, 0);
        virtq_notify(vd, VIRTIO_NET_RXQ);
        return true;
    }
    virtq_elem_write(vd, &e, 0, hdr, sizeof(hdr));
    virtq_elem_write(vd, &e, sizeof(hdr), frame, len);
    virtq_push(vd, VIRTIO_NET_RXQ, &e, (u32)(sizeof(hdr) + len));
    virtq_notify(vd, VIRTIO_NET_RXQ);
    return true;
}

static void rx_flush_backlog(struct virtio_net *s)
{
    while (s->bl_count) {
        int i = s->bl_head;
        if (!rx_one(s, s->backlog[i].data, s->backlog[i].len))
            return;
        s->bl_head = (s->bl_head + 1) % VIRTIO_NET_BACKLOG;
        s->bl_count--;
    }
}

static bool net_receive(void *opaque, const u8 *frame, size_t len)
{
    struct virtio_net *s = opaque;
    rx_flush_backlog(s);
    if (!s->bl_count && rx_one(s, frame, len))
        return true;
    if (s->bl_count == VIRTIO_NET_BACKLOG || len > VIRTIO_NET_BACKLOG_FRAME ||
        !(s->vd.status & VIRTIO_STATUS_DRIVER_OK))
        return false;
    int i = (s->bl_head + s->bl_count++) % VIRTIO_NET_BACKLOG;
    s->backlog[i].len = (u16)len;
    memcpy(s->backlog[i].data, frame, len);
    return true;
}

static void tx_all(struct virtio_net *s)
{
    struct virtio_dev *vd = &s->vd;
    struct virtq_elem e;
    bool any = false;
    while (virtq_pop(vd, VIRTIO_NET_TXQ, &e) == 1) {
        u64 len = e.read_len;
        if (len >= VIRTIO_NET_HDR_LEN && len <= sizeof(s->frame)) {
            virtq_elem_read(vd, &e, 0, s->frame, len);
            net_send(s->nb, s->frame + VIRTIO_NET_HDR_LEN, len - VIRTIO_NET_HDR_LEN);
        } else if (unlikely(log_mask & LOG_GUEST_ERRORS)) {
            log_printf("virtio-net: dropped a %llu-byte transmit buffer\n",
                       (unsigned long long)len);
        }
        virtq_push(vd, VIRTIO_NET_TXQ, &e, 0);
        any = true;
    }
    if (any)
        virtq_notify(vd, VIRTIO_NET_TXQ);
}

static void net_queue_notify(struct virtio_dev *vd, int q)
{
    struct virtio_net *s = (struct virtio_net *)vd;
    if (q == VIRTIO_NET_TXQ)
        tx_all(s);
    else
        rx_flush_backlog(s);
}

static void net_reset(struct virtio_dev *vd)
{
    struct virtio_net *s = (struct virtio_net *)vd;
    s->bl_head = s->bl_count = 0;
}

/* The config space (MAC, link status) and the frames received while the guest had no buffer.
 * The back-end's host connections are not state a snapshot can carry (net_slirp.c). */
static void net_snap_save(struct virtio_dev *vd, struct snap_writer *w)
{
    struct virtio_net *s = (struct virtio_net *)vd;
    snap_put_bytes(w, s->config, sizeof(s->config));
    snap_put_u32(w, (u32)s->bl_count);
    for (int k = 0; k < s->bl_count; k++) {
        int i = (s->bl_head + k) % VIRTIO_NET_BACKLOG;
        snap_put_u16(w, s->backlog[i].len);
        snap_put_bytes(w, s->backlog[i].data, s->backlog[i].len);
    }
}

static void net_snap_load(struct virtio_dev *vd, struct snap_reader *r)
{
    struct virtio_net *s = (struct virtio_net *)vd;
    snap_get_bytes(r, s->config, sizeof(s->config));
    u32 n = snap_get_u32(r);
    if (!snap_failed(r) && n > VIRTIO_NET_BACKLOG) {
        snap_fail(r, "%u backlog frames, at most %d", n, VIRTIO_NET_BACKLOG);
        return;
    }
    s->bl_head = 0;
    s->bl_count = 0;
    for (u32 i = 0; i < n && !snap_failed(r); i++) {
        u16 len = snap_get_u16(r);
        if (len > VIRTIO_NET_BACKLOG_FRAME) {
            snap_fail(r, "backlog frame of %u bytes", len);
            return;
        }
        s->backlog[i].len = len;
        snap_get_bytes(r, s->backlog[i].data, len);
        s->bl_count++;
    }
}

static const struct virtio_device_ops virtio_net_ops = {
    .name = "virtio-net",
    .device_id = VIRTIO_ID_NET,
    .num_queues = 2,
    .queue_max = VIRTIO_NET_QUEUE_SIZE,
    .config_size = 8,
    .features = net_features,
    .config_read = net_config_read,
    .queue_notify = net_queue_notify,
    .reset = net_reset,
    .snap_save = net_snap_save,
    .snap_load = net_snap_load,
};

void virtio_net_attach(struct virtio_mmio *t, struct net_backend *nb, const u8 mac[6])
{
    struct virtio_net *s = calloc(1, sizeof(*s));
    if (!s)
        fatal("out of memory");
    s->nb = nb;
    memcpy(s->config, mac, 6);
    s->config[6] = VIRTIO_NET_S_LINK_UP;
    net_set_receiver(nb, net_receive, s);
    virtio_mmio_attach(t, &s->vd, &virtio_net_ops);
}
