/* SPDX-License-Identifier: MIT */
/* SHA-256 (FIPS 180-4), incremental, for image hashes in record/replay logs and snapshots. */
#ifndef EMU_CORE_SHA256_H
#define EMU_CORE_SHA256_H

#include <stddef.h>

#include "core/types.h"

#define SHA256_BYTES 32

struct sha256 {
    u32 h[8];
    u64 len;    /* bytes hashed so far */
    u8 buf[64]; /* a partial block */
    unsigned nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t len);
void sha256_final(struct sha256 *s, u8 out[SHA256_BYTES]);
/* One call: the digest of data[0..len). */
void sha256(const void *data, size_t len, u8 out[SHA256_BYTES]);
/* The digest of a whole file; false (errno set) if it cannot be read. */
bool sha256_file(const char *path, u8 out[SHA256_BYTES]);
/* 64 lowercase hex digits and a NUL. */
void sha256_hex(const u8 d[SHA256_BYTES], char out[2 * SHA256_BYTES + 1]);

#endif
