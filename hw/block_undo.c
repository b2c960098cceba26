/* SPDX-License-Identifier: MIT */
/* The undo log that lets in-memory checkpoints rewind a writable disk image (the
 * snap_history_ops hooks of core/snapshot.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/snapshot.h"
#include "hw/block_internal.h"

/* Host memory one image's undo log may hold; past it the log is dropped and restores to the
 * checkpoints it was for are refused. */
static size_t undo_limit = (size_t)256 << 20;

/* While in-memory checkpoints are live, the first write to each UNDO_BLOCK in each epoch saves
 * the block's old contents first, so a record holds the block as it was at its epoch's
 * checkpoint. Rewinding to a checkpoint at position P writes back every record of an epoch >= P,
 * newest first, so each block ends as its oldest such record: as it was at P. Writes still
 * reach the file as they happen (a crash loses nothing); savevm files are unaffected. */

void block_undo_set_limit(size_t bytes)
{
    undo_limit = bytes;
}

size_t block_undo_bytes(const struct block *b)
{
    return b->undo_bytes;
}

static u64 undo_len(const struct block *b, u64 blk)
{
    u64 base = blk << UNDO_SHIFT;
    return b->size - base < UNDO_BLOCK ? b->size - base : UNDO_BLOCK;
}

static void undo_drop_records(struct block *b)
{
    for (size_t i = 0; i < b->nundo; i++)
        free(b->undo[i].data);
    b->nundo = 0;
    b->undo_bytes = 0;
    if (b->undo_epoch)
        memset(b->undo_epoch, 0xff, ((b->size >> UNDO_SHIFT) + 1) * sizeof(*b->undo_epoch));
}

static void undo_clear(struct block *b)
{
    undo_drop_records(b);
    free(b->undo);
    free(b->undo_epoch);
    b->undo = NULL;
    b->undo_epoch = NULL;
    b->capundo = 0;
    b->lost = false;
}

bool block_undo_save(struct block *b, u64 off, u64 len)
{
    u64 epoch;
    if (!len || !snapshot_history_epoch(&epoch) || (b->lost && epoch <= b->lost_epoch))
        return true;
    u64 nblk = (b->size >> UNDO_SHIFT) + 1;
    if (!b->undo_epoch) {
        b->undo_epoch = malloc(nblk * sizeof(*b->undo_epoch));
        if (!b->undo_epoch)
            fatal("out of memory (disk undo log)");
        memset(b->undo_epoch, 0xff, nblk * sizeof(*b->undo_epoch));
    }
    for (u64 blk = off >> UNDO_SHIFT; blk <= (off + len - 1) >> UNDO_SHIFT; blk++) {
        if (b->undo_epoch[blk] == epoch)
            continue;
        if (b->undo_bytes + UNDO_BLOCK > undo_limit) {
            log_printf("emu: warning: disk '%s': undo log over %zu KiB at icount %llu; "
                       "checkpoints up to there can no longer be restored\n",
                       block_name(b), undo_limit >> 10, (unsigned long long)epoch);
            undo_drop_records(b);
            b->lost = true;
            b->lost_epoch = epoch;
            return true;
        }
        u8 *data = malloc(UNDO_BLOCK);
        if (!data)
            fatal("out of memory (disk undo log)");
        if (!block_file_read(b, blk << UNDO_SHIFT, data, undo_len(b, blk))) {
            free(data);
            return false;
        }
        if (b->nundo == b->capundo) {
            size_t cap = b->capundo ? 2 * b->capundo : 64;
            struct undo_rec *u = realloc(b->undo, cap * sizeof(*u));
            if (!u)
                fatal("out of memory (disk undo log)");
            b->undo = u;
            b->capundo = cap;
        }
        b->undo[b->nundo++] = (struct undo_rec){epoch, blk, data};
        b->undo_bytes += UNDO_BLOCK;
        b->undo_epoch[blk] = epoch;
    }
    return true;
}

static bool undo_can_rewind(void *opaque, u64 pos, u64 now, char *err, size_t errlen)
{
    const struct block *b = opaque;
    if (pos > now) {
        snprintf(err, errlen, "disk '%s' cannot be rewound forward (to icount %llu from %llu)",
                 block_name(b), (unsigned long long)pos, (unsigned long long)now);
        return false;
    }
    if (b->lost && pos <= b->lost_epoch) {
        snprintf(err, errlen, "disk '%s': its undo log passed %zu KiB after icount %llu, so it "
                 "cannot be rewound to icount %llu (use -snapshot)", block_name(b),
                 undo_limit >> 10, (unsigned long long)b->lost_epoch, (unsigned long long)pos);
        return false;
    }
    return true;
}

static bool undo_rewind(void *opaque, u64 pos, char *err, size_t errlen)
{
    struct block *b = opaque;
    size_t keep = b->nundo;
    /* Newest first; records of older epochs stay, in order (epochs need not be sorted: a freed
     * checkpoint's epoch can be followed by an older live one's). */
    for (size_t i = b->nundo; i-- > 0;) {
        struct undo_rec *u = &b->undo[i];
        if (u->epoch < pos)
            continue;
        if (!block_file_write(b, u->blk << UNDO_SHIFT, u->data, undo_len(b, u->blk))) {
            snprintf(err, errlen, "disk '%s': cannot write back its undo log: %s",
                     block_name(b), strerror(errno));
            return false;
        }
        b->undo_epoch[u->blk] = NO_EPOCH;
        free(u->data);
        u->data = NULL;
        b->undo_bytes -= UNDO_BLOCK;
        keep = i;
    }
    size_t n = keep;
    for (size_t i = keep; i < b->nundo; i++)
        if (b->undo[i].data)
            b->undo[n++] = b->undo[i];
    b->nundo = n;
    return true;
}

static void undo_trim(void *opaque, bool any, u64 oldest)
{
    struct block *b = opaque;
    if (!any) {
        undo_clear(b);
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < b->nundo; i++) {
        struct undo_rec *u = &b->undo[i];
        if (u->epoch >= oldest) {
            b->undo[n++] = *u;
            continue;
        }
        if (b->undo_epoch[u->blk] == u->epoch)
            b->undo_epoch[u->blk] = NO_EPOCH;
        free(u->data);
        b->undo_bytes -= UNDO_BLOCK;
    }
    b->nundo = n;
    if (b->lost && b->lost_epoch < oldest)
        b->lost = false;
}

static const struct snap_history_ops undo_ops = {
    .can_rewind = undo_can_rewind,
    .rewind = undo_rewind,
    .trim = undo_trim,
};

void block_undo_attach(struct block *b)
{
    snapshot_history_register(&undo_ops, b);
}

void block_undo_detach(struct block *b)
{
    snapshot_history_unregister(b);
    undo_clear(b);
}
