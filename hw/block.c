/* SPDX-License-Identifier: MIT */
/* Raw-image block back-end. Snapshot mode keeps written clusters in host memory (a table of
 * BLOCK_CLUSTER-sized copies, filled from the file on first write); the file is opened
 * read-only then, so it cannot be modified. A writable image keeps an undo log while in-memory
 * checkpoints are live, so that restoring one rewinds the file too (hw/block_undo.c). */
#include "hw/block.h"
#include "hw/block_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "core/snapshot.h"


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
        block_undo_attach(b);
    return b;
}

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
        block_undo_detach(b);
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

bool block_file_read(struct block *b, u64 off, u8 *buf, u64 len)
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

bool block_file_write(struct block *b, u64 off, const u8 *buf, u64 len)
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
            if (!block_file_read(b, cbase, c, clen)) {
                free(c);
                return false;
            }
            b->overlay[ci] = c;
        }
        if (write)
            memcpy(c + co, buf, n);
        else if (c)
            memcpy(buf, c + co, n);
        else if (!block_file_read(b, off, buf, n))
            return false;
        buf += n, off += n, len -= n;
    }
    return true;
}

bool block_read(struct block *b, u64 off, void *buf, u64 len)
{
    if (!in_range(b, off, len))
        return false;
    return b->snapshot ? overlay_io(b, off, buf, len, false) : block_file_read(b, off, buf, len);
}

bool block_write(struct block *b, u64 off, const void *buf, u64 len)
{
    if (b->readonly || !in_range(b, off, len))
        return false;
    if (b->snapshot)
        return overlay_io(b, off, (void *)buf, len, true);
    return block_undo_save(b, off, len) && block_file_write(b, off, buf, len);
}

bool block_flush(struct block *b)
{
    if (b->snapshot || b->readonly)
        return true;
    return fdatasync(b->fd) == 0;
}

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
