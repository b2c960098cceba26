/* SPDX-License-Identifier: MIT */
/* Raw-image block back-end. Snapshot mode keeps written clusters in host memory (a table of
 * BLOCK_CLUSTER-sized copies, filled from the file on first write); the file is opened
 * read-only then, so it cannot be modified. A writable image keeps an undo log while in-memory
 * checkpoints are live, so that restoring one rewinds the file too (see block_undo below). */
#include "hw/block.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/snapshot.h"

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

/* Host memory one image's undo log may hold; past it the log is dropped and restores to the
 * checkpoints it was for are refused. */
static size_t undo_limit = (size_t)256 << 20;

struct block {
    int fd;
    u64 size;
    bool readonly, snapshot;
    const char *path;
    u8 **overlay; /* snapshot: per cluster, the modified copy or NULL */
    /* Undo log of a writable image, in write order (see block_undo below). */
    struct undo_rec *undo;
    size_t nundo, capundo, undo_bytes;
    u64 *undo_epoch; /* per UNDO_BLOCK: the epoch of its newest record, or NO_EPOCH */
    bool lost;       /* records were dropped at the cap: no rewind to <= lost_epoch */
    u64 lost_epoch;
};

static const struct snap_history_ops undo_ops;

struct block *block_open(const char *path, bool readonly, bool snapshot)
{
    int fd = open(path, (readonly || snapshot) ? O_RDONLY : O_RDWR);
    if (fd < 0)
        fatal("cannot open disk image '%s': %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0)
        fatal("cannot stat disk image '%s': %s", path, strerror(errno));
    off_t end = lseek(fd, 0, SEEK_END);
    if (end < 0)
        fatal("cannot size disk image '%s': %s", path, strerror(errno));
    struct block *b = calloc(1, sizeof(*b));
    if (!b)
        fatal("out of memory");
    b->fd = fd;
    b->size = (u64)end;
    b->readonly = readonly;
    b->snapshot = snapshot && !readonly;
    b->path = path;
    if (b->snapshot) {
        b->overlay = calloc((b->size >> BLOCK_CLUSTER_SHIFT) + 1, sizeof(*b->overlay));
        if (!b->overlay)
            fatal("out of memory");
    }
    if (!b->readonly && !b->snapshot)
        snapshot_history_register(&undo_ops, b);
    return b;
}

static void undo_clear(struct block *b);

void block_close(struct block *b)
{
    if (!b)
        return;
    if (b->overlay) {
        for (u64 i = 0; i <= b->size >> BLOCK_CLUSTER_SHIFT; i++)
            free(b->overlay[i]);
        free(b->overlay);
    }
    if (!b->readonly && !b->snapshot)
        snapshot_history_unregister(b);
    undo_clear(b);
    close(b->fd);
    free(b);
}

u64 block_size(const struct block *b) { return b->size; }
bool block_readonly(const struct block *b) { return b->readonly; }

const char *block_name(const struct block *b)
{
    const char *s = strrchr(b->path, '/');
    return s ? s + 1 : b->path;
}

static bool in_range(const struct block *b, u64 off, u64 len)
{
    return off <= b->size && len <= b->size - off;
}

static bool file_read(struct block *b, u64 off, u8 *buf, u64 len)
{
    while (len) {
        ssize_t n = pread(b->fd, buf, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buf += n, off += (u64)n, len -= (u64)n;
    }
    return true;
}

static bool file_write(struct block *b, u64 off, const u8 *buf, u64 len)
{
    while (len) {
        ssize_t n = pwrite(b->fd, buf, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buf += n, off += (u64)n, len -= (u64)n;
    }
    return true;
}

/* Walk [off, off+len) cluster by cluster (snapshot mode). */
static bool overlay_io(struct block *b, u64 off, u8 *buf, u64 len, bool write)
{
    while (len) {
        u64 ci = off >> BLOCK_CLUSTER_SHIFT, co = off & (BLOCK_CLUSTER - 1);
        u64 n = BLOCK_CLUSTER - co < len ? BLOCK_CLUSTER - co : len;
        u8 *c = b->overlay[ci];
        if (write && !c) {
            u64 cbase = ci << BLOCK_CLUSTER_SHIFT;
            u64 clen = b->size - cbase < BLOCK_CLUSTER ? b->size - cbase : BLOCK_CLUSTER;
            c = calloc(1, BLOCK_CLUSTER);
            if (!c)
                fatal("out of memory");
            if (!file_read(b, cbase, c, clen)) {
                free(c);
                return false;
            }
            b->overlay[ci] = c;
        }
        if (write)
            memcpy(c + co, buf, n);
        else if (c)
            memcpy(buf, c + co, n);
        else if (!file_read(b, off, buf, n))
            return false;
        buf += n, off += n, len -= n;
    }
    return true;
}

bool block_read(struct block *b, u64 off, void *buf, u64 len)
{
    if (!in_range(b, off, len))
        return false;
    return b->snapshot ? overlay_io(b, off, buf, len, false) : file_read(b, off, buf, len);
}

static bool undo_save(struct block *b, u64 off, u64 len);

bool block_write(struct block *b, u64 off, const void *buf, u64 len)
{
    if (b->readonly || !in_range(b, off, len))
        return false;
    if (b->snapshot)
        return overlay_io(b, off, (void *)buf, len, true);
    return undo_save(b, off, len) && file_write(b, off, buf, len);
}

bool block_flush(struct block *b)
{
    if (b->snapshot || b->readonly)
        return true;
    return fdatasync(b->fd) == 0;
}

/* ---- Undo log of a writable image (the hooks of core/snapshot.h: snap_history_ops) ----
 * While in-memory checkpoints are live, the first write to each UNDO_BLOCK in each epoch saves
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

static bool undo_save(struct block *b, u64 off, u64 len)
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
        if (!file_read(b, blk << UNDO_SHIFT, data, undo_len(b, blk))) {
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
        if (!file_write(b, u->blk << UNDO_SHIFT, u->data, undo_len(b, u->blk))) {
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

/* Snapshots: the image itself is not copied (snapshot files record its size and hash in the
 * header instead, core/snapshot_file.c); what lives only in memory is: the copy-on-write
 * overlay of snapshot mode, saved cluster by cluster, so that loading gives the guest the disk
 * it saw when the snapshot was taken. */
void block_snap_save(const struct block *b, struct snap_writer *w)
{
    snap_put_u64(w, b->size);
    snap_put_bool(w, b->snapshot);
    if (!b->snapshot)
        return;
    u64 n = (b->size >> BLOCK_CLUSTER_SHIFT) + 1, used = 0;
    for (u64 i = 0; i < n; i++)
        used += b->overlay[i] != NULL;
    snap_put_u64(w, used);
    for (u64 i = 0; i < n; i++)
        if (b->overlay[i]) {
            snap_put_u64(w, i);
            snap_put_bytes(w, b->overlay[i], BLOCK_CLUSTER);
        }
}

void block_snap_load(struct block *b, struct snap_reader *r)
{
    u64 size = snap_get_u64(r);
    bool snapshot = snap_get_bool(r);
    if (snap_failed(r))
        return;
    if (size != b->size || snapshot != b->snapshot) {
        snap_fail(r, "disk '%s' was %llu bytes%s, it is %llu bytes%s", block_name(b),
                  (unsigned long long)size, snapshot ? " with snapshot=on" : "",
                  (unsigned long long)b->size, b->snapshot ? " with snapshot=on" : "");
        return;
    }
    if (!b->snapshot)
        return;
    u64 n = (b->size >> BLOCK_CLUSTER_SHIFT) + 1, used = snap_get_u64(r);
    if (!snap_failed(r) && used > n) {
        snap_fail(r, "%llu overlay clusters for a %llu-cluster disk", (unsigned long long)used,
                  (unsigned long long)n);
        return;
    }
    for (u64 i = 0; i < n; i++) {
        free(b->overlay[i]);
        b->overlay[i] = NULL;
    }
    for (u64 k = 0; k < used && !snap_failed(r); k++) {
        u64 i = snap_get_u64(r);
        if (!snap_failed(r) && (i >= n || b->overlay[i])) {
            snap_fail(r, "bad overlay cluster %llu", (unsigned long long)i);
            return;
        }
        u8 *c = malloc(BLOCK_CLUSTER);
        if (!c)
            fatal("out of memory");
        snap_get_bytes(r, c, BLOCK_CLUSTER);
        if (snap_failed(r)) {
            free(c);
            return;
        }
        b->overlay[i] = c;
    }
}
