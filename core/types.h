/* SPDX-License-Identifier: MIT */
/* Fixed-width integer names used throughout emu, and a few compiler helpers. */
#ifndef EMU_CORE_TYPES_H
#define EMU_CORE_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef unsigned __int128 u128;
typedef __int128 s128;

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define NORETURN __attribute__((noreturn))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

/* Extract bits [pos, pos+len) of x. */
static inline u64 extract64(u64 x, unsigned pos, unsigned len)
{
    return (x >> pos) & (len == 64 ? ~0ull : ((1ull << len) - 1));
}

static inline s64 sextract64(u64 x, unsigned pos, unsigned len)
{
    return (s64)(x << (64 - pos - len)) >> (64 - len);
}

static inline u64 deposit64(u64 x, unsigned pos, unsigned len, u64 field)
{
    u64 mask = (len == 64 ? ~0ull : ((1ull << len) - 1)) << pos;
    return (x & ~mask) | ((field << pos) & mask);
}

#endif
