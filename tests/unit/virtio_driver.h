/* SPDX-License-Identifier: MIT */
/* A minimal virtio-mmio driver for host unit tests: a phys_as with RAM and one transport, set
 * up the way a guest would (VIRTIO 1.2 §3.1.1, §4.2.3), without a CPU. */
#ifndef EMU_TESTS_VIRTIO_DRIVER_H
#define EMU_TESTS_VIRTIO_DRIVER_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "hw/virtio.h"
#include "hw/virtio_mmio.h"

#define TD_RAM_BASE 0x40000000ull
#define TD_RAM_SIZE (16ull << 20)
#define TD_MMIO_BASE 0x0a000000ull
#define TD_DESC (TD_RAM_BASE + 0x1000)
#define TD_AVAIL (TD_RAM_BASE + 0x3000)
#define TD_USED (TD_RAM_BASE + 0x4000)
#define TD_BUF (TD_RAM_BASE + 0x100000) /* data buffers */

static int td_failures;
#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (!(cond)) {                                                              \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                  \
            td_failures++;                                                          \
        }                                                                           \
    } while (0)

struct td {
    struct machine m;
    struct virtio_mmio *t;
    int irq_level;
    u16 num;
    u16 avail_idx;
};

struct td_buf {
    u64 addr;
    u32 len;
    bool write;
};

static inline void td_irq(void *ctl, int n, int level)
{
    ((struct td *)ctl)->irq_level = level;
}

static inline u32 td_rd(struct td *d, u64 off)
{
    u64 v;
    as_read(&d->m.as, TD_MMIO_BASE + off, 4, &v);
    return (u32)v;
}

static inline void td_wr(struct td *d, u64 off, u32 v)
{
    as_write(&d->m.as, TD_MMIO_BASE + off, 4, v);
}

static inline void td_init(struct td *d)
{
    memset(d, 0, sizeof(*d));
    as_init(&d->m.as);
    vclock_init(&d->m.clock, 0);
    as_add_ram(&d->m.as, "ram", TD_RAM_BASE, TD_RAM_SIZE);
    d->t = virtio_mmio_create(&d->m, TD_MMIO_BASE, (struct irq_line){td_irq, d, 0});
}

static inline void td_fini(struct td *d)
{
    as_destroy(&d->m.as);
    vclock_destroy(&d->m.clock);
    virtio_mmio_destroy(d->t);
}

/* §3.1.1 steps 1-6. Returns whether the device accepted the features. */
static inline bool td_negotiate(struct td *d, u64 features)
{
    td_wr(d, VIRTIO_MMIO_STATUS, 0);
    td_wr(d, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE);
    td_wr(d, VIRTIO_MMIO_STATUS, VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER);
    td_wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 0);
    td_wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (u32)features);
    td_wr(d, VIRTIO_MMIO_DRIVER_FEATURES_SEL, 1);
    td_wr(d, VIRTIO_MMIO_DRIVER_FEATURES, (u32)(features >> 32));
    td_wr(d, VIRTIO_MMIO_STATUS,
          VIRTIO_STATUS_ACKNOWLEDGE | VIRTIO_STATUS_DRIVER | VIRTIO_STATUS_FEATURES_OK);
    return td_rd(d, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_FEATURES_OK;
}

static inline u64 td_device_features(struct td *d)
{
    td_wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 0);
    u64 f = td_rd(d, VIRTIO_MMIO_DEVICE_FEATURES);
    td_wr(d, VIRTIO_MMIO_DEVICE_FEATURES_SEL, 1);
    return f | (u64)td_rd(d, VIRTIO_MMIO_DEVICE_FEATURES) << 32;
}

/* Queue q at the fixed TD_DESC/TD_AVAIL/TD_USED areas (one queue at a time). */
static inline void td_queue(struct td *d, int q, u16 num)
{
    u8 zero[0x4000] = {0};
    as_dma_write(&d->m.as, TD_DESC, zero, sizeof(zero));
    td_wr(d, VIRTIO_MMIO_QUEUE_SEL, (u32)q);
    td_wr(d, VIRTIO_MMIO_QUEUE_NUM, num);
    td_wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, (u32)TD_DESC);
    td_wr(d, VIRTIO_MMIO_QUEUE_DESC_HIGH, (u32)(TD_DESC >> 32));
    td_wr(d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (u32)TD_AVAIL);
    td_wr(d, VIRTIO_MMIO_QUEUE_DRIVER_HIGH, 0);
    td_wr(d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (u32)TD_USED);
    td_wr(d, VIRTIO_MMIO_QUEUE_DEVICE_HIGH, 0);
    td_wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
    d->num = num;
    d->avail_idx = 0;
}

static inline void td_driver_ok(struct td *d)
{
    td_wr(d, VIRTIO_MMIO_STATUS, td_rd(d, VIRTIO_MMIO_STATUS) | VIRTIO_STATUS_DRIVER_OK);
}

static inline void td_set_desc(struct td *d, u64 table, u16 i, u64 addr, u32 len, u16 flags, u16 next)
{
    u8 raw[16];
    memcpy(raw, &addr, 8);
    memcpy(raw + 8, &len, 4);
    memcpy(raw + 12, &flags, 2);
    memcpy(raw + 14, &next, 2);
    as_dma_write(&d->m.as, table + 16ull * i, raw, 16);
}

/* Publish head in the available ring and (optionally) notify queue q. */
static inline void td_publish(struct td *d, int q, u16 head)
{
    as_dma_write(&d->m.as, TD_AVAIL + 4 + 2ull * (d->avail_idx % d->num), &head, 2);
    d->avail_idx++;
    as_dma_write(&d->m.as, TD_AVAIL + 2, &d->avail_idx, 2);
    td_wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, (u32)q);
}

/* Submit a chain of n buffers as descriptors 0..n-1 and notify. */
static inline void td_submit(struct td *d, int q, const struct td_buf *b, int n)
{
    for (int i = 0; i < n; i++)
        td_set_desc(d, TD_DESC, (u16)i, b[i].addr, b[i].len,
                    (u16)((b[i].write ? VIRTQ_DESC_F_WRITE : 0) |
                          (i + 1 < n ? VIRTQ_DESC_F_NEXT : 0)),
                    (u16)(i + 1));
    td_publish(d, q, 0);
}

static inline u16 td_used_idx(struct td *d)
{
    u16 idx;
    as_dma_read(&d->m.as, TD_USED + 2, &idx, 2);
    return idx;
}

/* The used-ring entry for the i-th completion. */
static inline void td_used(struct td *d, u16 i, u32 *id, u32 *len)
{
    u32 ent[2];
    as_dma_read(&d->m.as, TD_USED + 4 + 8ull * (i % d->num), ent, 8);
    *id = ent[0];
    *len = ent[1];
}

static inline void td_put(struct td *d, u64 pa, const void *buf, u64 len)
{
    as_dma_write(&d->m.as, pa, buf, len);
}

static inline void td_get(struct td *d, u64 pa, void *buf, u64 len)
{
    as_dma_read(&d->m.as, pa, buf, len);
}

static inline int td_result(const char *name)
{
    if (td_failures)
        printf("%s: %d checks failed\n", name, td_failures);
    return td_failures ? 1 : 0;
}

#endif
