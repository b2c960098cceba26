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

#endif
