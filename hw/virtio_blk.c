/* SPDX-License-Identifier: MIT */
/* virtio-blk device (VIRTIO 1.2 §5.2): one request queue, synchronous I/O on the emulation
 * thread so completion times are deterministic. */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/snapshot.h"
#include "hw/block.h"
#include "hw/virtio.h"
#include "hw/virtio_devices.h"
#include "hw/virtio_mmio.h"

/* Feature bits (§5.2.3). */
#define VIRTIO_BLK_F_SIZE_MAX 1
#define VIRTIO_BLK_F_SEG_MAX 2
#define VIRTIO_BLK_F_RO 5
#define VIRTIO_BLK_F_BLK_SIZE 6
#define VIRTIO_BLK_F_FLUSH 9

/* Request types and status values (§5.2.6). */
#define VIRTIO_BLK_T_IN 0
#define VIRTIO_BLK_T_OUT 1
#define VIRTIO_BLK_T_FLUSH 4
#define VIRTIO_BLK_T_GET_ID 8
#define VIRTIO_BLK_S_OK 0
#define VIRTIO_BLK_S_IOERR 1
#define VIRTIO_BLK_S_UNSUPP 2

#define VIRTIO_BLK_SECTOR 512
#define VIRTIO_BLK_ID_BYTES 20
#define VIRTIO_BLK_QUEUE_SIZE 256
#define VIRTIO_BLK_SEG_MAX (VIRTIO_BLK_QUEUE_SIZE - 2) /* header and status take two */
#define VIRTIO_BLK_SIZE_MAX (1u << 20)
#define VIRTIO_BLK_CONFIG_SIZE 36
#define BOUNCE_SIZE (64u << 10)

struct virtio_blk {
    struct virtio_dev vd; /* first: container_of by cast */
    struct block *blk;
    u8 config[VIRTIO_BLK_CONFIG_SIZE];
    u8 bounce[BOUNCE_SIZE];
};

struct virtio_blk_req_hdr {
    u32 type;
    u32 reserved;
    u64 sector;
};

static u64 blk_features(struct virtio_dev *vd)
{
    struct virtio_blk *s = (struct virtio_blk *)vd;
    u64 f = (1ull << VIRTIO_BLK_F_SIZE_MAX) | (1ull << VIRTIO_BLK_F_SEG_MAX) |
            (1ull << VIRTIO_BLK_F_BLK_SIZE) | (1ull << VIRTIO_BLK_F_FLUSH) |
            (1ull << VIRTIO_RING_F_INDIRECT_DESC);
    if (block_readonly(s->blk))
        f |= 1ull << VIRTIO_BLK_F_RO;
    return f;
}

static u64 blk_config_read(struct virtio_dev *vd, u32 off, unsigned size)
{
    struct virtio_blk *s = (struct virtio_blk *)vd;
    u64 v = 0;
    memcpy(&v, s->config + off, size);
    return v;
}

/* Move len bytes between the image at byte offset pos and the request's data buffers. */
static bool blk_transfer(struct virtio_blk *s, const struct virtq_elem *e, u64 pos, u64 len,
                         bool to_guest)
{
    for (u64 done = 0; done < len;) {
        u64 n = len - done < BOUNCE_SIZE ? len - done : BOUNCE_SIZE;
        if (to_guest) {
            if (!block_read(s->blk, pos + done, s->bounce, n) ||
                virtq_elem_write(&s->vd, e, done, s->bounce, n) != n)
                return false;
        } else {
            if (virtq_elem_read(&s->vd, e, 16 + done, s->bounce, n) != n ||
                !block_write(s->blk, pos + done, s->bounce, n))
                return false;
        }
        done += n;
    }
    return true;
}

static bool sectors_ok(struct virtio_blk *s, u64 sector, u64 len)
{
    u64 cap = block_size(s->blk) / VIRTIO_BLK_SECTOR;
    return len % VIRTIO_BLK_SECTOR == 0 && sector <= cap &&
           len / VIRTIO_BLK_SECTOR <= cap - sector;
}

/* Execute one request; returns the bytes written to the guest (data and status). */
static u32 blk_handle(struct virtio_blk *s, const struct virtq_elem *e)
{
    struct virtio_blk_req_hdr h;
    virtq_elem_read(&s->vd, e, 0, &h, sizeof(h));
    u64 data_in = e->write_len - 1; /* writable bytes before the status byte */
    u8 status = VIRTIO_BLK_S_OK;
    u32 written = 0;
    switch (h.type) {
    case VIRTIO_BLK_T_IN:
        /* The used length is 32 bits: larger requests cannot be reported, refuse them. */
        if (data_in >= UINT32_MAX || !sectors_ok(s, h.sector, data_in) ||
            !blk_transfer(s, e, h.sector * VIRTIO_BLK_SECTOR, data_in, true))
            status = VIRTIO_BLK_S_IOERR;
        else
            written = (u32)data_in;
        break;
    case VIRTIO_BLK_T_OUT: {
        u64 len = e->read_len - sizeof(h);
        if (!sectors_ok(s, h.sector, len) ||
            !blk_transfer(s, e, h.sector * VIRTIO_BLK_SECTOR, len, false))
            status = VIRTIO_BLK_S_IOERR;
        break;
    }
    case VIRTIO_BLK_T_FLUSH:
        if (!block_flush(s->blk))
            status = VIRTIO_BLK_S_IOERR;
        break;
    case VIRTIO_BLK_T_GET_ID: {
        /* §5.2.6.1: up to 20 bytes, NUL-padded only if shorter. */
        char id[VIRTIO_BLK_ID_BYTES] = {0};
        const char *name = block_name(s->blk);
        memcpy(id, name, strnlen(name, sizeof(id)));
        u32 n = data_in < sizeof(id) ? (u32)data_in : (u32)sizeof(id);
        written = (u32)virtq_elem_write(&s->vd, e, 0, id, n);
        break;
    }
    default:
        status = VIRTIO_BLK_S_UNSUPP;
        break;
    }
    if (unlikely(log_mask & LOG_DEV))
        log_printf("virtio-blk: type %u sector %llu len %llu -> status %u\n", h.type,
                   (unsigned long long)h.sector,
                   (unsigned long long)(h.type == VIRTIO_BLK_T_OUT ? e->read_len - 16 : data_in),
                   status);
    virtq_elem_write(&s->vd, e, data_in, &status, 1);
    return written + 1;
}

static void blk_queue_notify(struct virtio_dev *vd, int q)
{
    struct virtio_blk *s = (struct virtio_blk *)vd;
    struct virtq_elem e;
    bool any = false;
    while (virtq_pop(vd, q, &e) == 1) {
        /* §5.2.6: a request is a 16-byte header, data, and a status byte. */
        if (e.read_len < sizeof(struct virtio_blk_req_hdr) || e.write_len < 1) {
            virtio_set_needs_reset(vd, "virtio-blk request without header or status");
            return;
        }
        virtq_push(vd, q, &e, blk_handle(s, &e));
        any = true;
    }
    if (any)
        virtq_notify(vd, q);
}

/* No request is in flight between instructions (requests complete in queue_notify): the
 * device's state is its back-end's. */
static void blk_snap_save(struct virtio_dev *vd, struct snap_writer *w)
{
    block_snap_save(((struct virtio_blk *)vd)->blk, w);
}

static void blk_snap_load(struct virtio_dev *vd, struct snap_reader *r)
{
    block_snap_load(((struct virtio_blk *)vd)->blk, r);
}

static const struct virtio_device_ops virtio_blk_ops = {
    .name = "virtio-blk",
    .device_id = VIRTIO_ID_BLOCK,
    .num_queues = 1,
    .queue_max = VIRTIO_BLK_QUEUE_SIZE,
    .config_size = VIRTIO_BLK_CONFIG_SIZE,
    .features = blk_features,
    .config_read = blk_config_read,
    .queue_notify = blk_queue_notify,
    .snap_save = blk_snap_save,
    .snap_load = blk_snap_load,
};

static void put_le(u8 *p, u64 v, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = (u8)(v >> (8 * i));
}

void virtio_blk_attach(struct virtio_mmio *t, struct block *b)
{
    struct virtio_blk *s = calloc(1, sizeof(*s));
    if (!s)
        fatal("out of memory");
    s->blk = b;
    /* struct virtio_blk_config (§5.2.4), little-endian. */
    put_le(s->config + 0, block_size(b) / VIRTIO_BLK_SECTOR, 8); /* capacity */
    put_le(s->config + 8, VIRTIO_BLK_SIZE_MAX, 4);
    put_le(s->config + 12, VIRTIO_BLK_SEG_MAX, 4);
    put_le(s->config + 20, VIRTIO_BLK_SECTOR, 4); /* blk_size */
    put_le(s->config + 34, 1, 2);                 /* num_queues */
    virtio_mmio_attach(t, &s->vd, &virtio_blk_ops);
}
