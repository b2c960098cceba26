/* SPDX-License-Identifier: MIT */
/*
 * virtio core: the device-model interface, split virtqueues (VIRTIO 1.2 §2.7) and the API a
 * device uses to take requests and return buffers. Transport: hw/virtio_mmio.c (§4.2.2).
 */
#ifndef EMU_HW_VIRTIO_H
#define EMU_HW_VIRTIO_H

#include "core/types.h"
#include "softmmu/memory.h"

/* Device status bits (VIRTIO 1.2 §2.1). */
#define VIRTIO_STATUS_ACKNOWLEDGE 1u
#define VIRTIO_STATUS_DRIVER 2u
#define VIRTIO_STATUS_DRIVER_OK 4u
#define VIRTIO_STATUS_FEATURES_OK 8u
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 64u
#define VIRTIO_STATUS_FAILED 128u

/* Reserved feature bits (§6). */
#define VIRTIO_RING_F_INDIRECT_DESC 28
#define VIRTIO_RING_F_EVENT_IDX 29
#define VIRTIO_F_VERSION_1 32

/* Device IDs (§5). */
#define VIRTIO_ID_NET 1
#define VIRTIO_ID_BLOCK 2
#define VIRTIO_ID_CONSOLE 3
#define VIRTIO_ID_RNG 4

/* Split-ring layout (§2.7). */
#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_DESC_F_INDIRECT 4
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1

#define VIRTIO_MAX_QUEUES 8
#define VIRTQ_MAX_SIZE 256
/* Longest chain a device accepts, indirect tables included: bounds the per-queue element. */
#define VIRTQ_MAX_SEGS 1024

/* One buffer of a descriptor chain, already checked to lie in guest RAM. */
struct virtq_seg {
    u64 addr;
    u32 len;
};

/* A request popped from the available ring: readable segments first, then writable ones
 * (§2.7.4.2 requires that order). Storage lives in the queue: no per-request allocation. */
struct virtq_elem {
    u16 head;
    int nread, nwrite;
    u64 read_len, write_len; /* total bytes */
    struct virtq_seg *segs;  /* nread readable, then nwrite writable */
};

struct virtqueue {
    u16 num;     /* QueueNum chosen by the driver */
    bool ready;  /* QueueReady */
    u64 desc, avail, used; /* guest physical addresses of the three areas */
    u16 last_avail_idx; /* next available-ring entry the device will take */
    u16 used_idx;       /* device's copy of used->idx */
    /* VIRTIO_RING_F_EVENT_IDX: used->idx when the driver was last interrupted (§2.7.10). */
    u16 signalled_used;
    bool signalled_valid;
    struct virtq_seg segs[VIRTQ_MAX_SEGS];
};

struct virtio_dev;
struct snap_writer;
struct snap_reader;

/* What a device model provides. The transport adds VIRTIO_F_VERSION_1 itself. */
struct virtio_device_ops {
    const char *name;
    u32 device_id;
    int num_queues;
    u16 queue_max;    /* QueueNumMax, a power of two <= VIRTQ_MAX_SIZE */
    u32 config_size;  /* bytes of device-specific configuration space */
    u64 (*features)(struct virtio_dev *vd);
    /* Config space: size is 1, 2, 4 or 8, off + size <= config_size. */
    u64 (*config_read)(struct virtio_dev *vd, u32 off, unsigned size);
    void (*config_write)(struct virtio_dev *vd, u32 off, unsigned size, u64 val);
    /* The driver notified queue q (only while DRIVER_OK and not broken). */
    void (*queue_notify)(struct virtio_dev *vd, int q);
    /* Device reset (status written 0): drop in-flight state. Optional. */
    void (*reset)(struct virtio_dev *vd);
    /* Snapshots: the device model's own state (the transport saves the common part and the
     * queues). Optional: a device without state beyond the transport's has neither. */
    void (*snap_save)(struct virtio_dev *vd, struct snap_writer *w);
    void (*snap_load)(struct virtio_dev *vd, struct snap_reader *r);
};

/* The device half, embedded first in each device model's state. The transport fills it. */
struct virtio_dev {
    const struct virtio_device_ops *ops;
    struct phys_as *as;
    struct virtio_mmio *transport;
    u64 driver_features;
    u32 status;
    bool broken; /* DEVICE_NEEDS_RESET was set: ignore queues until reset */
    struct virtqueue vq[VIRTIO_MAX_QUEUES];
};

static inline bool virtio_has_feature(const struct virtio_dev *vd, unsigned bit)
{
    return (vd->driver_features >> bit) & 1;
}

/* Take the next available chain of queue q. Returns 1 and fills *e, 0 if the ring is empty,
 * -1 if the driver broke the ring (the device is then marked DEVICE_NEEDS_RESET). */
int virtq_pop(struct virtio_dev *vd, int q, struct virtq_elem *e);
/* Return a chain to the used ring with `len` bytes written; does not interrupt. */
void virtq_push(struct virtio_dev *vd, int q, const struct virtq_elem *e, u32 len);
/* Interrupt the driver for used buffers of queue q, unless it suppressed interrupts. */
void virtq_notify(struct virtio_dev *vd, int q);
/* Pending entries in the available ring (0 when not ready or broken). */
bool virtq_has_avail(struct virtio_dev *vd, int q);
/* Copy between a chain and a host buffer at a byte offset into its readable (read) or writable
 * (write) part. Return the number of bytes copied (short at the end of the chain). */
u64 virtq_elem_read(struct virtio_dev *vd, const struct virtq_elem *e, u64 off, void *buf, u64 len);
u64 virtq_elem_write(struct virtio_dev *vd, const struct virtq_elem *e, u64 off, const void *buf,
                     u64 len);
/* The driver broke the protocol: set DEVICE_NEEDS_RESET and raise a config interrupt
 * (§2.1.1, §4.2.3.4). `why` goes to the guest-errors log. */
void virtio_set_needs_reset(struct virtio_dev *vd, const char *why);
/* The device changed its configuration space: bump ConfigGeneration, config interrupt. */
void virtio_config_changed(struct virtio_dev *vd);

#endif
