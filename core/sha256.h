/* SPDX-License-Identifier: MIT */
/* SHA-256 (FIPS 180-4), for fingerprints of the images a snapshot or a recording depends on. */
#ifndef EMU_CORE_SHA256_H
#define EMU_CORE_SHA256_H

#include <stddef.h>

#include "core/types.h"

struct sha256 {
    u32 h[8];
    u64 len;     /* bytes hashed so far */
    u8 buf[64];
    unsigned nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *p, size_t n);
void sha256_final(struct sha256 *s, u8 out[32]);
/* The digest of a whole file, and its size; false (errno set) if it cannot be read. */
bool sha256_file(const char *path, u8 out[32], u64 *size);

#endif
