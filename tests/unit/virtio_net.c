/* SPDX-License-Identifier: MIT */
/* virtio-net against a loopback back-end (no host sockets): transmit strips the 12-byte
 * header, receive prepends it with num_buffers = 1, frames wait in the backlog while no
 * receive buffer is posted, a too-small buffer drops the frame, short transmits are dropped,
 * and the config space carries MAC and link status (VIRTIO 1.2 §5.1). */
#include "hw/net.h"
#include "hw/virtio_devices.h"
#include "tests/unit/virtio_driver.h"

#define RXQ_BASE (TD_RAM_BASE + 0x10000)
#define TXQ_BASE (TD_RAM_BASE + 0x20000)
#define RX_BUFS (TD_RAM_BASE + 0x200000)
#define TX_BUF (TD_RAM_BASE + 0x300000)
#define QN 8

static u8 sent[2048];
static size_t sent_len;
static int nsent;

static void fake_send(struct net_backend *nb, const u8 *frame, size_t len)
{
    memcpy(sent, frame, len < sizeof(sent) ? len : sizeof(sent));
    sent_len = len;
    nsent++;
}

static void fake_poll(struct net_backend *nb, int timeout_ms) {}

static u16 rx_avail, tx_avail;

static void queue_at(struct td *d, int q, u64 base)
{
    td_wr(d, VIRTIO_MMIO_QUEUE_SEL, (u32)q);
    td_wr(d, VIRTIO_MMIO_QUEUE_NUM, QN);
    td_wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, (u32)base);
    td_wr(d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (u32)(base + 0x1000));
    td_wr(d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (u32)(base + 0x2000));
    td_wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
}

static void post(struct td *d, int q, u64 base, u16 *avail, u16 desc, u64 addr, u32 len, bool w)
{
    td_set_desc(d, base, desc, addr, len, w ? VIRTQ_DESC_F_WRITE : 0, 0);
    as_dma_write(&d->m.as, base + 0x1000 + 4 + 2 * (*avail % QN), &desc, 2);
    (*avail)++;
    as_dma_write(&d->m.as, base + 0x1000 + 2, avail, 2);
    td_wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, (u32)q);
}

static u16 used_idx(struct td *d, u64 base)
{
    u16 i;
    as_dma_read(&d->m.as, base + 0x2000 + 2, &i, 2);
    return i;
}

static void used_ent(struct td *d, u64 base, u16 i, u32 *id, u32 *len)
{
    u32 e[2];
    as_dma_read(&d->m.as, base + 0x2000 + 4 + 8 * (i % QN), e, 8);
    *id = e[0];
    *len = e[1];
}

int main(void)
{
    struct td d;
    td_init(&d);
    struct net_backend nb = {.id = "fake", .send = fake_send, .poll = fake_poll};
    static const u8 mac[6] = {0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc};
    virtio_net_attach(d.t, &nb, mac);
    u8 cfg[8];
    for (int i = 0; i < 8; i++) {
        u64 v;
        as_read(&d.m.as, TD_MMIO_BASE + VIRTIO_MMIO_CONFIG + i, 1, &v);
        cfg[i] = (u8)v;
    }
    CHECK(!memcmp(cfg, mac, 6) && cfg[6] == 1 && cfg[7] == 0);
    u64 f = td_device_features(&d);
    CHECK((f >> 5 & 1) && (f >> 16 & 1) && (f >> 32 & 1));

    /* A frame before DRIVER_OK is dropped, not queued. */
    u8 frame[100];
    for (int i = 0; i < 100; i++)
        frame[i] = (u8)(i + 1);
    net_deliver(&nb, frame, 60);
    CHECK(nb.rx_dropped == 1);

    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1 | 1ull << 5 | 1ull << 16));
    queue_at(&d, 0, RXQ_BASE);
    queue_at(&d, 1, TXQ_BASE);
    td_driver_ok(&d);

    /* Transmit: header stripped. */
    u8 buf[12 + 64] = {0};
    memcpy(buf + 12, frame, 64);
    td_put(&d, TX_BUF, buf, sizeof(buf));
    post(&d, 1, TXQ_BASE, &tx_avail, 0, TX_BUF, sizeof(buf), false);
    CHECK(nsent == 1 && sent_len == 64 && !memcmp(sent, frame, 64));
    CHECK(used_idx(&d, TXQ_BASE) == 1);
    CHECK(d.irq_level == 1);
    td_wr(&d, VIRTIO_MMIO_INTERRUPT_ACK, 1);
    /* A transmit shorter than the header is consumed and dropped. */
    post(&d, 1, TXQ_BASE, &tx_avail, 1, TX_BUF, 5, false);
    CHECK(nsent == 1 && used_idx(&d, TXQ_BASE) == 2);

    /* Receive with no buffer posted: backlog; posting a buffer delivers it. */
    net_deliver(&nb, frame, 60);
    CHECK(used_idx(&d, RXQ_BASE) == 0);
    post(&d, 0, RXQ_BASE, &rx_avail, 0, RX_BUFS, 2048, true);
    CHECK(used_idx(&d, RXQ_BASE) == 1);
    u32 id, len;
    used_ent(&d, RXQ_BASE, 0, &id, &len);
    CHECK(id == 0 && len == 12 + 60);
    u8 rx[12 + 60];
    td_get(&d, RX_BUFS, rx, sizeof(rx));
    CHECK(rx[10] == 1 && rx[11] == 0 && rx[0] == 0 && !memcmp(rx + 12, frame, 60));
    /* Direct delivery into a posted buffer. */
    post(&d, 0, RXQ_BASE, &rx_avail, 1, RX_BUFS + 2048, 2048, true);
    net_deliver(&nb, frame + 1, 42);
    CHECK(used_idx(&d, RXQ_BASE) == 2);
    used_ent(&d, RXQ_BASE, 1, &id, &len);
    CHECK(id == 1 && len == 12 + 42);
    /* Too small a buffer: returned empty, frame dropped. */
    post(&d, 0, RXQ_BASE, &rx_avail, 2, RX_BUFS + 4096, 20, true);
    net_deliver(&nb, frame, 60);
    used_ent(&d, RXQ_BASE, 2, &id, &len);
    CHECK(used_idx(&d, RXQ_BASE) == 3 && id == 2 && len == 0);
    /* The backlog holds 32 frames; the 33rd is dropped. */
    u64 dropped = nb.rx_dropped;
    for (int i = 0; i < 33; i++)
        net_deliver(&nb, frame, 60);
    CHECK(nb.rx_dropped == dropped + 1);
    /* Reset empties it. */
    td_wr(&d, VIRTIO_MMIO_STATUS, 0);
    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1));
    rx_avail = 0;
    u8 zero[0x3000] = {0};
    td_put(&d, RXQ_BASE, zero, sizeof(zero));
    queue_at(&d, 0, RXQ_BASE);
    td_driver_ok(&d);
    post(&d, 0, RXQ_BASE, &rx_avail, 0, RX_BUFS, 2048, true);
    CHECK(used_idx(&d, RXQ_BASE) == 0);
    td_fini(&d);
    return td_result("virtio_net");
}
