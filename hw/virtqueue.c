/* SPDX-License-Identifier: MIT */
/*
 * Split virtqueues (VIRTIO 1.2 §2.7) over guest physical memory. Everything read from the
 * rings is driver-controlled: each index, length and address is checked before use, and a
 * violation marks the device DEVICE_NEEDS_RESET instead of being trusted (§2.1.1).
 */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "hw/virtio.h"
#include "hw/virtio_mmio.h"

/* Ring structures are little-endian (§2.7); emu runs on little-endian hosts only. */
struct virtq_desc {
    u64 addr;
    u32 len;
    u16 flags;
    u16 next;
};

static bool rd16(struct virtio_dev *vd, u64 pa, u16 *v)
{
    return as_dma_read(vd->as, pa, v, 2);
}

/* [addr, addr+len) lies in one RAM region (writable if the device writes it). */
static bool range_ok(struct virtio_dev *vd, u64 addr, u64 len, bool write)
{
    u64 avail;
    if (addr + len < addr)
        return false;
    u8 *p = as_host_ptr(vd->as, addr, write, &avail);
    return p && avail >= len;
}

static int fail(struct virtio_dev *vd, int q, const char *why)
{
    char msg[128];
    snprintf(msg, sizeof(msg), "queue %d: %s", q, why);
    virtio_set_needs_reset(vd, msg);
    return -1;
}

bool virtq_has_avail(struct virtio_dev *vd, int q)
{
    struct virtqueue *vq = &vd->vq[q];
    u16 idx;
    if (!vq->ready || vd->broken || !rd16(vd, vq->avail + 2, &idx))
        return false;
    return idx != vq->last_avail_idx;
}

/* With VIRTIO_RING_F_EVENT_IDX, tell the driver to notify once it makes entry
 * last_avail_idx available: used->avail_event (§2.7.10). */
static void publish_avail_event(struct virtio_dev *vd, struct virtqueue *vq)
{
    if (virtio_has_feature(vd, VIRTIO_RING_F_EVENT_IDX))
        as_dma_write(vd->as, vq->used + 4 + 8 * (u64)vq->num, &vq->last_avail_idx, 2);
}

int virtq_pop(struct virtio_dev *vd, int q, struct virtq_elem *e)
{
    struct virtqueue *vq = &vd->vq[q];
    u16 avail_idx, head;
    if (!vq->ready || vd->broken)
        return 0;
    if (!rd16(vd, vq->avail + 2, &avail_idx))
        return fail(vd, q, "available ring not in RAM");
    u16 pending = (u16)(avail_idx - vq->last_avail_idx);
    if (pending == 0) {
        publish_avail_event(vd, vq);
        return 0;
    }
    /* §2.7.6: the driver can have at most Queue Size entries outstanding. */
    if (pending > vq->num)
        return fail(vd, q, "available index moved more than the queue size");
    if (!rd16(vd, vq->avail + 4 + 2 * (u64)(vq->last_avail_idx % vq->num), &head))
        return fail(vd, q, "available ring not in RAM");
    if (head >= vq->num)
        return fail(vd, q, "descriptor head out of range");

    u64 table = vq->desc;
    u32 tnum = vq->num, i = head, count = 0;
    bool indirect = false;
    int nsegs = 0;
    *e = (struct virtq_elem){.head = head, .segs = vq->segs};
    for (;;) {
        struct virtq_desc d;
        /* A chain can visit each descriptor of its table once: more means a loop. */
        if (count++ >= tnum)
            return fail(vd, q, "descriptor chain loops or is longer than its table");
        if (!as_dma_read(vd->as, table + 16 * (u64)i, &d, sizeof(d)))
            return fail(vd, q, "descriptor table not in RAM");
        if (d.flags & VIRTQ_DESC_F_INDIRECT) {
            /* §2.7.5.3.1: only with the feature, never nested, never with NEXT. */
            if (!virtio_has_feature(vd, VIRTIO_RING_F_INDIRECT_DESC) || indirect ||
                (d.flags & VIRTQ_DESC_F_NEXT))
                return fail(vd, q, "misused indirect descriptor");
            if (d.len == 0 || d.len % 16 || d.len / 16 > VIRTQ_MAX_SEGS ||
                !range_ok(vd, d.addr, d.len, false))
                return fail(vd, q, "bad indirect descriptor table");
            table = d.addr;
            tnum = d.len / 16;
            i = 0;
            count = 0;
            indirect = true;
            continue;
        }
        bool w = d.flags & VIRTQ_DESC_F_WRITE;
        if (!range_ok(vd, d.addr, d.len, w))
            return fail(vd, q, "buffer outside guest RAM");
        /* §2.7.4.2: device-writable descriptors come after every device-readable one. */
        if (!w && e->nwrite)
            return fail(vd, q, "readable descriptor after a writable one");
        if (d.len) {
            if (nsegs == VIRTQ_MAX_SEGS)
                return fail(vd, q, "descriptor chain too long");
            vq->segs[nsegs++] = (struct virtq_seg){d.addr, d.len};
            if (w) {
                e->nwrite++;
                e->write_len += d.len;
            } else {
                e->nread++;
                e->read_len += d.len;
            }
        }
        if (!(d.flags & VIRTQ_DESC_F_NEXT))
            break;
        i = d.next;
        if (i >= tnum)
            return fail(vd, q, "next descriptor out of range");
    }
    vq->last_avail_idx++;
    publish_avail_event(vd, vq);
    return 1;
}

void virtq_push(struct virtio_dev *vd, int q, const struct virtq_elem *e, u32 len)
{
    struct virtqueue *vq = &vd->vq[q];
    if (vd->broken)
        return;
    u32 ent[2] = {e->head, len};
    u16 idx = (u16)(vq->used_idx + 1);
    if (!as_dma_write(vd->as, vq->used + 4 + 8 * (u64)(vq->used_idx % vq->num), ent,
                      sizeof(ent)) ||
        !as_dma_write(vd->as, vq->used + 2, &idx, 2)) {
        fail(vd, q, "used ring not in RAM");
        return;
    }
    vq->used_idx = idx;
}

void virtq_notify(struct virtio_dev *vd, int q)
{
    struct virtqueue *vq = &vd->vq[q];
    u16 flags, used_event;
    if (vd->broken)
        return;
    if (virtio_has_feature(vd, VIRTIO_RING_F_EVENT_IDX)) {
        /* §2.7.10: interrupt only if used->idx passed avail->used_event since the last
         * interrupt (vring_need_event: new - event - 1 < new - old, modulo 2^16). */
        u16 old = vq->signalled_used, new = vq->used_idx;
        bool valid = vq->signalled_valid;
        vq->signalled_used = new;
        vq->signalled_valid = true;
        if (valid && rd16(vd, vq->avail + 4 + 2 * (u64)vq->num, &used_event) &&
            (u16)(new - used_event - 1) >= (u16)(new - old))
            return;
    } else if (rd16(vd, vq->avail, &flags) && (flags & VIRTQ_AVAIL_F_NO_INTERRUPT)) {
        /* Without VIRTIO_RING_F_EVENT_IDX the driver may suppress interrupts (§2.7.7). */
        return;
    }
    virtio_mmio_interrupt(vd->transport, VIRTIO_MMIO_INT_VRING);
}

static u64 elem_copy(struct virtio_dev *vd, const struct virtq_elem *e, bool write, u64 off,
                     void *buf, u64 len)
{
    const struct virtq_seg *s = e->segs + (write ? e->nread : 0);
    int n = write ? e->nwrite : e->nread;
    u64 done = 0;
    for (int i = 0; i < n && done < len; i++) {
        if (off >= s[i].len) {
            off -= s[i].len;
            continue;
        }
        u64 chunk = s[i].len - off;
        if (chunk > len - done)
            chunk = len - done;
        bool ok = write ? as_dma_write(vd->as, s[i].addr + off, (u8 *)buf + done, chunk)
                        : as_dma_read(vd->as, s[i].addr + off, (u8 *)buf + done, chunk);
        if (!ok)
            break;
        done += chunk;
        off = 0;
    }
    return done;
}

u64 virtq_elem_read(struct virtio_dev *vd, const struct virtq_elem *e, u64 off, void *buf, u64 len)
{
    return elem_copy(vd, e, false, off, buf, len);
}

u64 virtq_elem_write(struct virtio_dev *vd, const struct virtq_elem *e, u64 off, const void *buf,
                     u64 len)
{
    return elem_copy(vd, e, true, off, (void *)buf, len);
}
