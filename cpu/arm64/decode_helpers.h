/* SPDX-License-Identifier: MIT */
/* Field transformation functions named by !function= in the .decode specs. */
#ifndef EMU_CPU_ARM64_DECODE_HELPERS_H
#define EMU_CPU_ARM64_DECODE_HELPERS_H

#include <stdint.h>

static inline int32_t times_2(int32_t x) { return x * 2; }
static inline int32_t times_4(int32_t x) { return x * 4; }
static inline int32_t times_8(int32_t x) { return x * 8; }
static inline int32_t times_16(int32_t x) { return x * 16; }

#endif
