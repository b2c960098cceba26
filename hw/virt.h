/* SPDX-License-Identifier: MIT */
/*
 * The arm64-virt board: memory map and interrupt numbers compatible with QEMU 7.2's `virt`
 * machine, so that the same kernels, device trees and guest tests run on both.
 */
#ifndef EMU_HW_VIRT_H
#define EMU_HW_VIRT_H

#include "firmware/psci.h"
#include "hw/arm_timer.h"
#include "hw/gicv3.h"
#include "hw/pl011.h"

#define VIRT_FLASH_BASE 0x00000000ull
#define VIRT_FLASH_SIZE 0x08000000ull
#define VIRT_GICD_BASE 0x08000000ull
#define VIRT_GICR_BASE 0x080a0000ull
#define VIRT_GICR_LIMIT 0x09000000ull   /* room for 123 redistributors before the UART */
#define VIRT_UART_BASE 0x09000000ull
#define VIRT_RTC_BASE 0x09010000ull
#define VIRT_MMIO_BASE 0x0a000000ull
#define VIRT_MMIO_SIZE 0x200ull
#define VIRT_MMIO_COUNT 32
#define VIRT_RAM_BASE 0x40000000ull
#define VIRT_MAX_CPUS 64

/* SPI numbers (INTID - 32) */
#define VIRT_SPI_UART 1
#define VIRT_SPI_RTC 2
#define VIRT_SPI_MMIO 16

/* PPI INTIDs */
#define VIRT_PPI_PMU 23
#define VIRT_PPI_MAINT 25
#define VIRT_PPI_HYPTIMER 26
#define VIRT_PPI_VIRTTIMER 27
#define VIRT_PPI_HVIRTTIMER 28
#define VIRT_PPI_SECTIMER 29
#define VIRT_PPI_PHYSTIMER 30

/* What the device tree describes. */
struct virt_fdt_info {
    int ncpus;
    const u64 *mpidr;
    u64 ram_size;
    bool virtualization;      /* EL2: GIC maintenance interrupt */
    bool psci_smc;            /* PSCI conduit */
    bool psci;                /* a PSCI node (not when the guest starts at EL3) */
    bool rtc;                 /* a PL031 is present */
    int nvirtio;              /* virtio-mmio transports present (0 or VIRT_MMIO_COUNT) */
    const char *bootargs;
    u64 initrd_start, initrd_end; /* initrd_end == 0: none */
};

/* Build the board's flattened device tree; returns a malloc'ed blob and its size. */
void *virt_fdt_build(const struct virt_fdt_info *info, u64 *size);

/* Placement of the boot images in RAM (Linux arm64 booting.rst, QEMU's choices). */
struct virt_boot_plan {
    bool is_linux;            /* x0 = DTB, and the DTB lies after the initrd */
    u64 entry;
    u64 kernel_addr, kernel_size; /* bytes to copy from the (decompressed) kernel */
    u64 initrd_addr, initrd_size;
    u64 dtb_addr, dtb_limit;  /* the DTB must end by dtb_limit */
};

/* Plan placement for a Linux Image (header already parsed), or a raw binary, given RAM and
 * the initrd size. Returns false with a message in err on a layout that cannot work. */
struct arm64_image_info;
bool virt_boot_plan_linux(struct virt_boot_plan *p, const struct arm64_image_info *img,
                          u64 file_size, u64 ram_base, u64 ram_size, u64 initrd_size,
                          char *err, size_t errlen);
/* Place the DTB (8-byte aligned, not crossing a 2 MiB boundary, < 2 MiB); false if it does
 * not fit. */
bool virt_boot_place_dtb(struct virt_boot_plan *p, u64 dtb_size, u64 ram_base, u64 ram_size,
                         char *err, size_t errlen);

#endif
