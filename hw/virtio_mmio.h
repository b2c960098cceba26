/* SPDX-License-Identifier: MIT */
/* virtio-mmio transport, version 2 (VIRTIO 1.2 §4.2.2): the board creates transports and
 * attaches device models to them. */
#ifndef EMU_HW_VIRTIO_MMIO_H
#define EMU_HW_VIRTIO_MMIO_H

#include "hw/dev.h"
#include "hw/virtio.h"

#define VIRTIO_MMIO_SIZE 0x200

/* Register offsets (§4.2.2, table "MMIO Device Register Layout"). */
#define VIRTIO_MMIO_MAGIC_VALUE 0x000
#define VIRTIO_MMIO_VERSION 0x004
#define VIRTIO_MMIO_DEVICE_ID 0x008
#define VIRTIO_MMIO_VENDOR_ID 0x00c
#define VIRTIO_MMIO_DEVICE_FEATURES 0x010
#define VIRTIO_MMIO_DEVICE_FEATURES_SEL 0x014
#define VIRTIO_MMIO_DRIVER_FEATURES 0x020
#define VIRTIO_MMIO_DRIVER_FEATURES_SEL 0x024
#define VIRTIO_MMIO_QUEUE_SEL 0x030
#define VIRTIO_MMIO_QUEUE_NUM_MAX 0x034
#define VIRTIO_MMIO_QUEUE_NUM 0x038
#define VIRTIO_MMIO_QUEUE_READY 0x044
#define VIRTIO_MMIO_QUEUE_NOTIFY 0x050
#define VIRTIO_MMIO_INTERRUPT_STATUS 0x060
#define VIRTIO_MMIO_INTERRUPT_ACK 0x064
#define VIRTIO_MMIO_STATUS 0x070
#define VIRTIO_MMIO_QUEUE_DESC_LOW 0x080
#define VIRTIO_MMIO_QUEUE_DESC_HIGH 0x084
#define VIRTIO_MMIO_QUEUE_DRIVER_LOW 0x090
#define VIRTIO_MMIO_QUEUE_DRIVER_HIGH 0x094
#define VIRTIO_MMIO_QUEUE_DEVICE_LOW 0x0a0
#define VIRTIO_MMIO_QUEUE_DEVICE_HIGH 0x0a4
#define VIRTIO_MMIO_SHM_SEL 0x0ac
#define VIRTIO_MMIO_SHM_LEN_LOW 0x0b0
#define VIRTIO_MMIO_SHM_LEN_HIGH 0x0b4
#define VIRTIO_MMIO_SHM_BASE_LOW 0x0b8
#define VIRTIO_MMIO_SHM_BASE_HIGH 0x0bc
#define VIRTIO_MMIO_QUEUE_RESET 0x0c0
#define VIRTIO_MMIO_CONFIG_GENERATION 0x0fc
#define VIRTIO_MMIO_CONFIG 0x100

#define VIRTIO_MMIO_MAGIC 0x74726976u /* "virt" */
#define VIRTIO_MMIO_VENDOR 0x554d4551u /* "QEMU", what Linux guests see on QEMU too */

/* InterruptStatus bits (§4.2.2). */
#define VIRTIO_MMIO_INT_VRING 1u
#define VIRTIO_MMIO_INT_CONFIG 2u

struct machine;
struct virtio_mmio;

/* Create a transport at base (VIRTIO_MMIO_SIZE bytes) with its interrupt line; registers the
 * MMIO region in m->as. Without a device it reads as DeviceID 0 ("no device"). */
struct virtio_mmio *virtio_mmio_create(struct machine *m, u64 base, struct irq_line irq);
/* Plug a device model (its struct virtio_dev, embedded in its state) into a free transport. */
void virtio_mmio_attach(struct virtio_mmio *t, struct virtio_dev *vd,
                        const struct virtio_device_ops *ops);
bool virtio_mmio_has_device(const struct virtio_mmio *t);
/* Raise InterruptStatus bits (VIRTIO_MMIO_INT_*) and assert the line. */
void virtio_mmio_interrupt(struct virtio_mmio *t, u32 bits);
/* The register callbacks, exposed for unit tests that drive a transport without a bus. */
extern const struct dev_ops virtio_mmio_ops;
void virtio_mmio_destroy(struct virtio_mmio *t);

#endif
