/* SPDX-License-Identifier: MIT */
/* virtio-mmio transport, version 2 ("modern" only): VIRTIO 1.2 §4.2.2 (registers) and
 * §4.2.3 (driver/device initialisation and notifications). */
#include "hw/virtio_mmio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/snapshot.h"

struct virtio_mmio {
    u64 base;
    struct irq_line irq;
    struct phys_as *as;
    struct virtio_dev *vd; /* NULL: empty transport */
    u32 device_features_sel, driver_features_sel;
    u32 queue_sel;
    u32 isr;
    u32 config_generation;
};

static void update_irq(struct virtio_mmio *t)
{
    irq_set(&t->irq, t->isr != 0);
}

void virtio_mmio_interrupt(struct virtio_mmio *t, u32 bits)
{
    t->isr |= bits;
    update_irq(t);
}

static u64 device_features(struct virtio_mmio *t)
{
    /* The transport's split-ring code implements event suppression for every device. */
    return t->vd->ops->features(t->vd) | (1ull << VIRTIO_F_VERSION_1) |
           (1ull << VIRTIO_RING_F_EVENT_IDX);
}

/* Status written 0, or a device reset (§2.4): every queue and negotiated state is dropped. */
static void device_reset(struct virtio_mmio *t)
{
    struct virtio_dev *vd = t->vd;
    if (vd->ops->reset)
        vd->ops->reset(vd);
    vd->driver_features = 0;
    vd->status = 0;
    vd->broken = false;
    for (int i = 0; i < VIRTIO_MAX_QUEUES; i++) {
        struct virtqueue *q = &vd->vq[i];
        q->num = 0;
        q->ready = false;
        q->desc = q->avail = q->used = 0;
        q->last_avail_idx = q->used_idx = 0;
        q->signalled_valid = false;
    }
    t->device_features_sel = t->driver_features_sel = t->queue_sel = 0;
    t->isr = 0;
    update_irq(t);
}

static struct virtqueue *sel_queue(struct virtio_mmio *t)
{
    if (t->queue_sel >= (u32)t->vd->ops->num_queues)
        return NULL;
    return &t->vd->vq[t->queue_sel];
}

/* A queue the driver enables must describe three areas in RAM of a valid size (§2.7: Queue
 * Size is a power of two for split queues; alignment 16/2/4, §2.7.2 table). */
static bool queue_valid(struct virtio_mmio *t, const struct virtqueue *q)
{
    u64 n = q->num, avail;
    if (n == 0 || n > t->vd->ops->queue_max || (n & (n - 1)))
        return false;
    if ((q->desc & 15) || (q->avail & 1) || (q->used & 3))
        return false;
    u64 sizes[3] = {16 * n, 6 + 2 * n, 6 + 8 * n};
    u64 addrs[3] = {q->desc, q->avail, q->used};
    for (int i = 0; i < 3; i++) {
        u8 *p = as_host_ptr(t->as, addrs[i], i == 2, &avail);
        if (!p || avail < sizes[i])
            return false;
    }
    return true;
}

static void write_status(struct virtio_mmio *t, u32 val)
{
    struct virtio_dev *vd = t->vd;
    if (val == 0) {
        if (unlikely(log_mask & LOG_DEV))
            log_printf("%s@%#llx: reset\n", vd->ops->name, (unsigned long long)t->base);
        device_reset(t);
        return;
    }
    /* FEATURES_OK sticks only if the driver accepted VERSION_1 and nothing we do not offer
     * (§2.2, §6.1: a modern device must refuse a legacy driver). */
    if ((val & VIRTIO_STATUS_FEATURES_OK) && !(vd->status & VIRTIO_STATUS_FEATURES_OK)) {
        u64 f = vd->driver_features;
        if (!(f & (1ull << VIRTIO_F_VERSION_1)) || (f & ~device_features(t))) {
            if (unlikely(log_mask & LOG_GUEST_ERRORS))
                log_printf("%s: driver features %#llx refused\n", vd->ops->name,
                           (unsigned long long)f);
            val &= ~VIRTIO_STATUS_FEATURES_OK;
        }
    }
    vd->status = (val & ~VIRTIO_STATUS_DEVICE_NEEDS_RESET) |
                 (vd->status & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    if (unlikely(log_mask & LOG_DEV))
        log_printf("%s@%#llx: status %#x, features %#llx\n", vd->ops->name,
                   (unsigned long long)t->base, vd->status,
                   (unsigned long long)vd->driver_features);
}

static u32 read_reg(struct virtio_mmio *t, u64 off)
{
    struct virtio_dev *vd = t->vd;
    switch (off) {
    case VIRTIO_MMIO_MAGIC_VALUE: return VIRTIO_MMIO_MAGIC;
    case VIRTIO_MMIO_VERSION: return 2;
    case VIRTIO_MMIO_DEVICE_ID: return vd ? vd->ops->device_id : 0;
    case VIRTIO_MMIO_VENDOR_ID: return VIRTIO_MMIO_VENDOR;
    }
    if (!vd)
        return 0;
    struct virtqueue *q = sel_queue(t);
    switch (off) {
    case VIRTIO_MMIO_DEVICE_FEATURES:
        return t->device_features_sel > 1 ? 0
                                           : (u32)(device_features(t) >>
                                                   (32 * t->device_features_sel));
    case VIRTIO_MMIO_QUEUE_NUM_MAX: return q ? vd->ops->queue_max : 0;
    case VIRTIO_MMIO_QUEUE_READY: return q ? q->ready : 0;
    case VIRTIO_MMIO_INTERRUPT_STATUS: return t->isr;
    case VIRTIO_MMIO_STATUS: return vd->status;
    case VIRTIO_MMIO_QUEUE_DESC_LOW: return q ? (u32)q->desc : 0;
    case VIRTIO_MMIO_QUEUE_DESC_HIGH: return q ? (u32)(q->desc >> 32) : 0;
    case VIRTIO_MMIO_QUEUE_DRIVER_LOW: return q ? (u32)q->avail : 0;
    case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: return q ? (u32)(q->avail >> 32) : 0;
    case VIRTIO_MMIO_QUEUE_DEVICE_LOW: return q ? (u32)q->used : 0;
    case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: return q ? (u32)(q->used >> 32) : 0;
    /* No shared memory regions: length reads as all ones (§4.2.2). */
    case VIRTIO_MMIO_SHM_LEN_LOW:
    case VIRTIO_MMIO_SHM_LEN_HIGH:
    case VIRTIO_MMIO_SHM_BASE_LOW:
    case VIRTIO_MMIO_SHM_BASE_HIGH: return 0xffffffffu;
    case VIRTIO_MMIO_CONFIG_GENERATION: return t->config_generation;
    }
    if (unlikely(log_mask & LOG_GUEST_ERRORS))
        log_printf("virtio-mmio@%#llx: read of write-only/reserved register %#llx\n",
                   (unsigned long long)t->base, (unsigned long long)off);
    return 0;
}

static void set_u64_half(u64 *r, bool high, u32 val)
{
    *r = high ? (*r & 0xffffffffull) | ((u64)val << 32) : (*r & ~0xffffffffull) | val;
}

static void write_reg(struct virtio_mmio *t, u64 off, u32 val)
{
    struct virtio_dev *vd = t->vd;
    if (!vd)
        return;
    struct virtqueue *q = sel_queue(t);
    switch (off) {
    case VIRTIO_MMIO_DEVICE_FEATURES_SEL: t->device_features_sel = val; return;
    case VIRTIO_MMIO_DRIVER_FEATURES_SEL: t->driver_features_sel = val; return;
    case VIRTIO_MMIO_DRIVER_FEATURES:
        /* Features may change only before FEATURES_OK (§3.1.1). */
        if (t->driver_features_sel <= 1 && !(vd->status & VIRTIO_STATUS_FEATURES_OK))
            set_u64_half(&vd->driver_features, t->driver_features_sel == 1, val);
        return;
    case VIRTIO_MMIO_QUEUE_SEL: t->queue_sel = val; return;
    case VIRTIO_MMIO_QUEUE_NOTIFY:
        if (val < (u32)vd->ops->num_queues && (vd->status & VIRTIO_STATUS_DRIVER_OK) &&
            !vd->broken && vd->vq[val].ready)
            vd->ops->queue_notify(vd, (int)val);
        return;
    case VIRTIO_MMIO_INTERRUPT_ACK:
        t->isr &= ~val;
        update_irq(t);
        return;
    case VIRTIO_MMIO_STATUS: write_status(t, val); return;
    case VIRTIO_MMIO_SHM_SEL: return;
    }
    if (!q)
        return;
    /* The driver must not change a live queue's layout (§4.2.3.2); ignore such writes. */
    if (q->ready && off != VIRTIO_MMIO_QUEUE_READY)
        return;
    switch (off) {
    case VIRTIO_MMIO_QUEUE_NUM: q->num = val > 0xffff ? 0 : (u16)val; return;
    case VIRTIO_MMIO_QUEUE_DESC_LOW: set_u64_half(&q->desc, false, val); return;
    case VIRTIO_MMIO_QUEUE_DESC_HIGH: set_u64_half(&q->desc, true, val); return;
    case VIRTIO_MMIO_QUEUE_DRIVER_LOW: set_u64_half(&q->avail, false, val); return;
    case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: set_u64_half(&q->avail, true, val); return;
    case VIRTIO_MMIO_QUEUE_DEVICE_LOW: set_u64_half(&q->used, false, val); return;
    case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: set_u64_half(&q->used, true, val); return;
    case VIRTIO_MMIO_QUEUE_READY:
        if (!(val & 1)) {
            q->ready = false;
            return;
        }
        if (!queue_valid(t, q)) {
            virtio_set_needs_reset(vd, "queue enabled with a bad size or address");
            return;
        }
        q->ready = true;
        q->last_avail_idx = q->used_idx = 0;
        q->signalled_valid = false;
        return;
    }
    if (unlikely(log_mask & LOG_GUEST_ERRORS))
        log_printf("virtio-mmio@%#llx: write to read-only/reserved register %#llx\n",
                   (unsigned long long)t->base, (unsigned long long)off);
}

static enum dev_status mmio_read(void *dev, u64 off, unsigned size, u64 *val)
{
    struct virtio_mmio *t = dev;
    *val = 0;
    if (off >= VIRTIO_MMIO_CONFIG) {
        u32 coff = (u32)(off - VIRTIO_MMIO_CONFIG);
        if (t->vd && coff + size <= t->vd->ops->config_size && t->vd->ops->config_read)
            *val = t->vd->ops->config_read(t->vd, coff, size);
        return DEV_OK;
    }
    /* Registers are 32 bits wide and must be accessed as such (§4.2.2). */
    if (size != 4 || (off & 3)) {
        if (unlikely(log_mask & LOG_GUEST_ERRORS))
            log_printf("virtio-mmio@%#llx: %u-byte register read at %#llx\n",
                       (unsigned long long)t->base, size, (unsigned long long)off);
        return DEV_OK;
    }
    *val = read_reg(t, off);
    return DEV_OK;
}

static enum dev_status mmio_write(void *dev, u64 off, unsigned size, u64 val)
{
    struct virtio_mmio *t = dev;
    if (off >= VIRTIO_MMIO_CONFIG) {
        u32 coff = (u32)(off - VIRTIO_MMIO_CONFIG);
        if (t->vd && coff + size <= t->vd->ops->config_size && t->vd->ops->config_write)
            t->vd->ops->config_write(t->vd, coff, size, val);
        return DEV_OK;
    }
    if (size != 4 || (off & 3)) {
        if (unlikely(log_mask & LOG_GUEST_ERRORS))
            log_printf("virtio-mmio@%#llx: %u-byte register write at %#llx\n",
                       (unsigned long long)t->base, size, (unsigned long long)off);
        return DEV_OK;
    }
    write_reg(t, off, (u32)val);
    return DEV_OK;
}

const struct dev_ops virtio_mmio_ops = {.read = mmio_read, .write = mmio_write};

/* Snapshot section "virtio-mmio@BASE": transport registers, the device's negotiated state and
 * queues (addresses and ring indices), then the device model's own state. */
static void virtio_mmio_save(void *opaque, struct snap_writer *w)
{
    struct virtio_mmio *t = opaque;
    snap_put_u32(w, t->device_features_sel);
    snap_put_u32(w, t->driver_features_sel);
    snap_put_u32(w, t->queue_sel);
    snap_put_u32(w, t->isr);
    snap_put_u32(w, t->config_generation);
    struct virtio_dev *vd = t->vd;
    snap_put_u32(w, vd ? vd->ops->device_id : 0);
    if (!vd)
        return;
    snap_put_u64(w, vd->driver_features);
    snap_put_u32(w, vd->status);
    snap_put_bool(w, vd->broken);
    for (int q = 0; q < vd->ops->num_queues; q++) {
        const struct virtqueue *vq = &vd->vq[q];
        snap_put_u16(w, vq->num);
        snap_put_bool(w, vq->ready);
        snap_put_u64(w, vq->desc);
        snap_put_u64(w, vq->avail);
        snap_put_u64(w, vq->used);
        snap_put_u16(w, vq->last_avail_idx);
        snap_put_u16(w, vq->used_idx);
        snap_put_u16(w, vq->signalled_used);
        snap_put_bool(w, vq->signalled_valid);
    }
    if (vd->ops->snap_save)
        vd->ops->snap_save(vd, w);
}

static void virtio_mmio_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct virtio_mmio *t = opaque;
    t->device_features_sel = snap_get_u32(r);
    t->driver_features_sel = snap_get_u32(r);
    t->queue_sel = snap_get_u32(r);
    t->isr = snap_get_u32(r);
    t->config_generation = snap_get_u32(r);
    struct virtio_dev *vd = t->vd;
    u32 id = snap_get_u32(r);
    if (!snap_failed(r) && id != (vd ? vd->ops->device_id : 0)) {
        snap_fail(r, "saved with virtio device ID %u, this transport has %u", id,
                  vd ? vd->ops->device_id : 0);
        return;
    }
    if (!vd)
        return;
    vd->driver_features = snap_get_u64(r);
    vd->status = snap_get_u32(r);
    vd->broken = snap_get_bool(r);
    for (int q = 0; q < vd->ops->num_queues; q++) {
        struct virtqueue *vq = &vd->vq[q];
        vq->num = snap_get_u16(r);
        vq->ready = snap_get_bool(r);
        vq->desc = snap_get_u64(r);
        vq->avail = snap_get_u64(r);
        vq->used = snap_get_u64(r);
        vq->last_avail_idx = snap_get_u16(r);
        vq->used_idx = snap_get_u16(r);
        vq->signalled_used = snap_get_u16(r);
        vq->signalled_valid = snap_get_bool(r);
        if (!snap_failed(r) && vq->num > vd->ops->queue_max)
            snap_fail(r, "queue %d has %u entries, at most %u", q, vq->num, vd->ops->queue_max);
    }
    if (vd->ops->snap_load)
        vd->ops->snap_load(vd, r);
}

struct virtio_mmio *virtio_mmio_create(struct machine *m, u64 base, struct irq_line irq)
{
    struct virtio_mmio *t = calloc(1, sizeof(*t));
    if (!t)
        fatal("out of memory");
    t->base = base;
    t->irq = irq;
    t->as = &m->as;
    as_add_mmio(&m->as, "virtio-mmio", base, VIRTIO_MMIO_SIZE, &virtio_mmio_ops, t);
    char name[40];
    snprintf(name, sizeof(name), "virtio-mmio@%llx", (unsigned long long)base);
    snap_register(m, name, 1, virtio_mmio_save, virtio_mmio_load, t);
    return t;
}

void virtio_mmio_attach(struct virtio_mmio *t, struct virtio_dev *vd,
                        const struct virtio_device_ops *ops)
{
    if (t->vd)
        emu_bug("virtio-mmio@%#llx already has a device", (unsigned long long)t->base);
    if (ops->num_queues > VIRTIO_MAX_QUEUES || ops->queue_max > VIRTQ_MAX_SIZE)
        emu_bug("%s: too many or too large queues", ops->name);
    vd->ops = ops;
    vd->as = t->as;
    vd->transport = t;
    t->vd = vd;
    device_reset(t);
}

bool virtio_mmio_has_device(const struct virtio_mmio *t)
{
    return t->vd != NULL;
}

void virtio_mmio_destroy(struct virtio_mmio *t)
{
    free(t);
}

void virtio_config_changed(struct virtio_dev *vd)
{
    vd->transport->config_generation++;
    if (vd->status & VIRTIO_STATUS_DRIVER_OK)
        virtio_mmio_interrupt(vd->transport, VIRTIO_MMIO_INT_CONFIG);
}

void virtio_set_needs_reset(struct virtio_dev *vd, const char *why)
{
    if (unlikely(log_mask & LOG_GUEST_ERRORS))
        log_printf("%s: %s: device needs reset\n", vd->ops->name, why);
    vd->broken = true;
    vd->status |= VIRTIO_STATUS_DEVICE_NEEDS_RESET;
    /* §2.1.2: if DRIVER_OK is set, the device must send a configuration change notification. */
    if (vd->status & VIRTIO_STATUS_DRIVER_OK)
        virtio_mmio_interrupt(vd->transport, VIRTIO_MMIO_INT_CONFIG);
}
