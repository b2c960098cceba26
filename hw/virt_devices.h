/* SPDX-License-Identifier: MIT */
/* The arm64-virt board's virtio-mmio transports, PL031 and the devices the command line asks
 * for (QEMU virt memory map). */
#ifndef EMU_HW_VIRT_DEVICES_H
#define EMU_HW_VIRT_DEVICES_H

#include "core/machine.h"
#include "hw/dev.h"

#define VIRT_VIRTIO_MMIO_BASE 0x0a000000ull
#define VIRT_VIRTIO_MMIO_STRIDE 0x200ull
#define VIRT_VIRTIO_MMIO_COUNT 32
#define VIRT_VIRTIO_MMIO_SPI 16 /* transport n raises SPI 16 + n */
#define VIRT_PL031_BASE 0x09010000ull
#define VIRT_PL031_SPI 2

/* The -device drivers virt_create_devices() understands, for the machine type's device list
 * (`-device help`); terminated by {0}. */
extern const struct machine_prop_desc virt_virtio_devices[];

/* The board's GIC input for SPI number spi (INTID 32 + spi), e.g.
 * (struct irq_line){gicv3_set_spi, &board->gic, 32 + spi}. */
typedef struct irq_line (*virt_spi_fn)(struct machine *m, int spi);

/* Create the 32 transports and the PL031, then attach, in order, every -drive with
 * if=virtio and every -device virtio-*-device: the first to transport 31 (highest address),
 * the next to 30, and so on, as QEMU does. spi may be NULL (no interrupt controller yet: lines
 * stay unconnected). usage_error() on a bad device or drive specification. With a -netdev it
 * chains m->poll (the board's hook first), so call it after the board has set m->poll. */
void virt_create_devices(struct machine *m, struct emu_config *cfg, virt_spi_fn spi);

#endif
