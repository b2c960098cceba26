/* SPDX-License-Identifier: MIT */
/*
 * Where the kernel, initrd and DTB go in RAM. Linux Documentation/arm64/booting.rst: the
 * Image at a 2 MiB-aligned base + text_offset, the DTB 8-byte aligned and within one 2 MiB
 * block, the initrd anywhere in RAM not overlapping them. Within those rules we choose what
 * QEMU 7.2 chooses so that guests see the same addresses: the initrd at RAM base +
 * min(RAM/2, 128 MiB) (or after the kernel's image_size), the DTB at the next 2 MiB boundary.
 */
#include <stdio.h>

#include "hw/loader.h"
#include "hw/virt.h"

#define SZ_2M (2ull << 20)
#define SZ_128M (128ull << 20)

static u64 align_up(u64 v, u64 a)
{
    return (v + a - 1) & ~(a - 1);
}

bool virt_boot_plan_linux(struct virt_boot_plan *p, const struct arm64_image_info *img,
                          u64 file_size, u64 ram_base, u64 ram_size, u64 initrd_size, char *err,
                          size_t errlen)
{
    p->is_linux = true;
    p->kernel_addr = ram_base + (img ? img->text_offset : 0x80000);
    p->kernel_size = file_size;
    u64 kernel_span = img && img->image_size > file_size ? img->image_size : file_size;
    u64 kernel_end = p->kernel_addr + kernel_span;
    p->entry = p->kernel_addr;
    if (kernel_end > ram_base + ram_size) {
        snprintf(err, errlen, "kernel (%llu bytes with BSS) does not fit in %llu MiB of RAM",
                 (unsigned long long)kernel_span, (unsigned long long)(ram_size >> 20));
        return false;
    }
    u64 half = ram_size / 2 < SZ_128M ? ram_size / 2 : SZ_128M;
    u64 start = ram_base + half;
    if (start < kernel_end)
        start = kernel_end;
    p->initrd_addr = align_up(start, 4096);
    p->initrd_size = initrd_size;
    if (initrd_size > ram_base + ram_size - p->initrd_addr) {
        snprintf(err, errlen,
                 "initrd (%llu bytes) does not fit in RAM after the kernel (%llu bytes free at "
                 "%#llx); give more memory with -m",
                 (unsigned long long)initrd_size,
                 (unsigned long long)(ram_base + ram_size - p->initrd_addr),
                 (unsigned long long)p->initrd_addr);
        return false;
    }
    p->dtb_addr = align_up(p->initrd_addr + initrd_size, SZ_2M);
    p->dtb_limit = ram_base + ram_size;
    return true;
}

bool virt_boot_place_dtb(struct virt_boot_plan *p, u64 dtb_size, u64 ram_base, u64 ram_size,
                         char *err, size_t errlen)
{
    /* booting.rst: "The device tree blob (dtb) must be placed on an 8-byte boundary and must
     * not exceed 2 megabytes in size." Placing it at a 2 MiB boundary keeps it in one block. */
    if (dtb_size > SZ_2M) {
        snprintf(err, errlen, "device tree is %llu bytes: the arm64 boot protocol allows 2 MiB",
                 (unsigned long long)dtb_size);
        return false;
    }
    if (p->dtb_addr < ram_base || p->dtb_addr + dtb_size > p->dtb_limit ||
        p->dtb_addr + dtb_size > ram_base + ram_size) {
        snprintf(err, errlen, "no room for the device tree (%llu bytes) at %#llx",
                 (unsigned long long)dtb_size, (unsigned long long)p->dtb_addr);
        return false;
    }
    return true;
}
