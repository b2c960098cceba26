/* SPDX-License-Identifier: MIT */
/* The block back-end's private state, shared by hw/block.c (I/O, snapshot overlay, snapshot
 * section) and hw/block_undo.c (the undo log that rewinds writable images). */
#ifndef EMU_HW_BLOCK_INTERNAL_H
#define EMU_HW_BLOCK_INTERNAL_H

#include "hw/block.h"

#define BLOCK_CLUSTER_SHIFT 16
#define BLOCK_CLUSTER (1ull << BLOCK_CLUSTER_SHIFT)
#define UNDO_SHIFT 12
#define UNDO_BLOCK (1ull << UNDO_SHIFT)
#define NO_EPOCH (~0ull)

/* The old contents of one UNDO_BLOCK, saved before the first write to it in an epoch (the
 * position of the newest live checkpoint at or before the write, core/snapshot.h). */
struct undo_rec {
    u64 epoch;
    u64 blk;
    u8 *data; /* UNDO_BLOCK bytes (the last block of the image: only those in the image) */
};

struct block {
    int fd;
    u64 size;
    bool readonly, snapshot;
    const char *path;
    u8 **overlay; /* snapshot: per cluster, the modified copy or NULL */
    /* Undo log of a writable image, in write order (hw/block_undo.c). */
    struct undo_rec *undo;
    size_t nundo, capundo, undo_bytes;
    u64 *undo_epoch; /* per UNDO_BLOCK: the epoch of its newest record, or NO_EPOCH */
    bool lost;       /* records were dropped at the cap: no rewind to <= lost_epoch */
    u64 lost_epoch;
};

/* Whole-range pread/pwrite of the image file (EINTR retried); false on an error or EOF. */
bool block_file_read(struct block *b, u64 off, u8 *buf, u64 len);
bool block_file_write(struct block *b, u64 off, const u8 *buf, u64 len);

/* The undo log (hw/block_undo.c) of a writable image: attach registers its checkpoint hooks,
 * detach unregisters them and frees the log; save records the old contents of [off, off+len)
 * before a write, as needed (false: the old contents could not be read). */
void block_undo_attach(struct block *b);
void block_undo_detach(struct block *b);
bool block_undo_save(struct block *b, u64 off, u64 len);

#endif
