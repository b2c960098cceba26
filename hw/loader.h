/* SPDX-License-Identifier: MIT */
/* Guest image loaders: ELF, Linux arm64 Image (optionally gzip-compressed), raw binaries. */
#ifndef EMU_HW_LOADER_H
#define EMU_HW_LOADER_H

#include "softmmu/memory.h"

/* Read a whole file into memory; fatal() with a precise message on failure. */
u8 *load_file(const char *path, u64 *size);
/* Is buf an ELF64 little-endian AArch64 executable? */
bool loader_is_elf(const u8 *buf, u64 size);
/* Load an ELF's PT_LOAD segments at their physical addresses; return the entry point.
 * fatal() if a segment does not fit in RAM/ROM. */
u64 loader_load_elf(struct phys_as *as, const char *path, const u8 *buf, u64 size);
/* Lowest and highest (exclusive) physical address of an ELF's PT_LOAD segments. */
void loader_elf_bounds(const u8 *buf, u64 size, u64 *lo, u64 *hi);

/* The arm64 Linux Image header (Documentation/arm64/booting.rst, section 4). */
#define ARM64_IMAGE_MAGIC 0x644d5241u /* "ARM\x64" */
#define ARM64_IMAGE_HEADER_SIZE 64
#define ARM64_IMAGE_FLAG_BE (1u << 0)
#define ARM64_IMAGE_FLAG_PAGE_SIZE_SHIFT 1 /* bits [2:1]: 0 unspecified, 1 4K, 2 16K, 3 64K */
#define ARM64_IMAGE_FLAG_PHYS_ANY (1u << 3) /* may be placed anywhere in RAM */

struct arm64_image_info {
    u64 text_offset;
    u64 image_size;  /* effective size including BSS (0 on kernels before 3.17) */
    u64 flags;
};

/* Does buf start with an arm64 Image header (the magic at offset 56)? */
bool loader_is_arm64_image(const u8 *buf, u64 size);
/* Parse and check the header. Returns false with a message (truncated file, big-endian
 * kernel, file shorter than the header says) in err. */
bool loader_parse_arm64_image(const u8 *buf, u64 size, struct arm64_image_info *info, char *err,
                              size_t errlen);
/* gzip (RFC 1952) detection and decompression; false with a message in err if the stream is
 * corrupt or truncated. *out is malloc'ed. */
bool loader_is_gzip(const u8 *buf, u64 size);
bool loader_gunzip(const u8 *in, u64 len, u8 **out, u64 *out_len, char *err, size_t errlen);

#endif
