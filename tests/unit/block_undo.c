/* SPDX-License-Identifier: MIT */
/* Unit tests of the undo log of a writable disk image (hw/block.c): restoring an in-memory
 * checkpoint rewinds the file to its bytes when the checkpoint was taken. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/machine.h"
#include "core/snapshot.h"
#include "hw/block.h"

#define SIZE 40000 /* not a multiple of 4 KiB: the last undo block is short */

static char path[] = "/tmp/emu-block-undoXXXXXX";

static void bare_init(struct machine *m, struct emu_config *cfg)
{
    as_add_ram(&m->as, "ram", 0x40000000, 64 << 10);
}

static const struct machine_type bare = {.name = "bare", .init = bare_init};

static void file_bytes(u8 *buf)
{
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0 && pread(fd, buf, SIZE, 0) == SIZE);
    close(fd);
}

static bool file_equals(const u8 *want)
{
    static u8 now[SIZE];
    file_bytes(now);
    return !memcmp(now, want, SIZE);
}

/* A write of len bytes of value v at off. */
static void put(struct block *b, u64 off, u64 len, u8 v)
{
    static u8 buf[SIZE];
    memset(buf, v, len);
    CHECK(block_write(b, off, buf, len));
}

int main(void)
{
    static struct emu_config cfg;
    static struct machine m;
    static u8 s1[SIZE], s2[SIZE], s2b[SIZE], s3[SIZE], init[SIZE];
    char err[256];
    machine_init(&m, &bare, &cfg);
    int fd = mkstemp(path);
    for (int i = 0; i < SIZE; i++)
        init[i] = (u8)(i * 7 + 3);
    CHECK(fd >= 0 && write(fd, init, SIZE) == SIZE);
    close(fd);
    struct block *b = block_open(path, false, false);

    /* No checkpoint: nothing is logged. */
    put(b, 0, 100, 0x11);
    CHECK_EQ(block_undo_bytes(b), 0);

    /* Checkpoint 1 at 100; writes across block boundaries and into the short last block. */
    m.clock.icount = 100;
    file_bytes(s1);
    struct snap_mem *c1 = snapshot_take(&m, NULL);
    put(b, 4000, 200, 0x21);          /* blocks 0 and 1 */
    put(b, 4050, 10, 0x22);           /* block 1 again: saved once */
    put(b, SIZE - 300, 300, 0x23);    /* the last (short) block */
    CHECK_EQ(block_undo_bytes(b), 3 * 4096);
    /* Checkpoint 2 at 200; overlapping and new writes. */
    m.clock.icount = 200;
    file_bytes(s2);
    struct snap_mem *c2 = snapshot_take(&m, c1);
    put(b, 4090, 20, 0x31);           /* blocks 0 and 1, saved again for this epoch */
    put(b, 20000, 5000, 0x32);        /* new blocks 4..6 */
    m.clock.icount = 300;
    put(b, 4000, 8200, 0x33);         /* later in the same epoch: blocks 0..2 */
    file_bytes(s3);
    CHECK(!file_equals(s2) && !file_equals(s1));

    /* Restore 1: the file is as at checkpoint 1, the log is empty. */
    CHECK(snapshot_restore(&m, c1, err, sizeof(err)));
    CHECK_EQ(m.clock.icount, 100);
    CHECK(file_equals(s1));
    CHECK_EQ(block_undo_bytes(b), 0);
    /* A checkpoint after now cannot be restored (the log only goes back). */
    CHECK(!snapshot_restore(&m, c2, err, sizeof(err)));
    CHECK_HAS(err, "cannot be rewound forward (to icount 200 from 100)");
    CHECK(file_equals(s1));

    /* Re-execute differently: up to 200 (checkpoint 2's position), then on. */
    put(b, 8000, 300, 0x41);
    put(b, 0, 10, 0x42);
    m.clock.icount = 200;
    file_bytes(s2b);
    put(b, 8100, 100, 0x43);          /* epoch 200 now: checkpoint 2 is at or before */
    put(b, 30000, 9000, 0x44);
    m.clock.icount = 250;
    put(b, 0, 4096 * 3, 0x45);
    CHECK(snapshot_restore(&m, c2, err, sizeof(err)));
    CHECK(file_equals(s2b));
    put(b, 12345, 3, 0x46);
    CHECK(snapshot_restore(&m, c1, err, sizeof(err)));
    CHECK(file_equals(s1));

    /* Freeing a middle checkpoint keeps older ones exact; freeing the oldest drops records. */
    put(b, 100, 5000, 0x51);
    snapshot_free(c2);
    m.clock.icount = 300;
    struct snap_mem *c3 = snapshot_take(&m, c1);
    put(b, 100, 5000, 0x52);
    put(b, 39000, 1000, 0x53);
    size_t before = block_undo_bytes(b);
    CHECK_EQ(before, 2 * 4096 + 2 * 4096 + 4096); /* epoch 100: blocks 0,1; epoch 300: 0,1,9 */
    CHECK(snapshot_restore(&m, c1, err, sizeof(err)));
    CHECK(file_equals(s1));
    snapshot_free(c3);
    m.clock.icount = 150;
    put(b, 100, 10, 0x54);
    m.clock.icount = 300;
    c3 = snapshot_take(&m, c1);
    put(b, 200, 10, 0x55);
    CHECK_EQ(block_undo_bytes(b), 2 * 4096);
    snapshot_free(c1);                /* only the epoch-300 record stays */
    CHECK_EQ(block_undo_bytes(b), 4096);
    snapshot_free(c3);                /* no history: no log */
    CHECK_EQ(block_undo_bytes(b), 0);

    /* A checkpoint taken in the past, between two live ones (a reverse-stepi's on the way):
     * the writes before it stay in the older epoch, those after it are its own. */
    static u8 mid[SIZE];
    m.clock.icount = 100;
    c1 = snapshot_take(&m, NULL);
    m.clock.icount = 400;
    c3 = snapshot_take(&m, c1);
    put(b, 0, 9000, 0x56);
    CHECK(snapshot_restore(&m, c1, err, sizeof(err)));
    file_bytes(s1);
    m.clock.icount = 150;
    put(b, 1000, 5000, 0x57);
    m.clock.icount = 180;
    file_bytes(mid);
    struct snap_mem *cm = snapshot_take(&m, c1);
    m.clock.icount = 190;
    put(b, 3000, 200, 0x58);
    put(b, 30000, 10, 0x59);
    CHECK(snapshot_restore(&m, cm, err, sizeof(err)));
    CHECK(file_equals(mid));
    put(b, 0, 100, 0x5a);
    CHECK(snapshot_restore(&m, c1, err, sizeof(err)));
    CHECK(file_equals(s1));
    snapshot_free(c3);
    snapshot_free(cm);
    snapshot_free(c1);
    CHECK_EQ(block_undo_bytes(b), 0);

    /* The cap: over it, the log is dropped and the restore refused with a reason. */
    block_undo_set_limit(2 * 4096);
    m.clock.icount = 500;
    struct snap_mem *c4 = snapshot_take(&m, NULL);
    u8 now[SIZE];
    put(b, 0, 3 * 4096, 0x61);
    CHECK_EQ(block_undo_bytes(b), 0);
    file_bytes(now);
    CHECK(!snapshot_restore(&m, c4, err, sizeof(err)));
    CHECK_HAS(err, "undo log passed 8 KiB after icount 500, so it cannot be rewound to icount 500");
    CHECK(file_equals(now));
    /* A later checkpoint is still exact. */
    m.clock.icount = 600;
    struct snap_mem *c5 = snapshot_take(&m, c4);
    put(b, 0, 4096, 0x62);
    CHECK(snapshot_restore(&m, c5, err, sizeof(err)));
    CHECK(file_equals(now));
    snapshot_free(c4);
    snapshot_free(c5);
    block_undo_set_limit((size_t)256 << 20);

    block_close(b);
    unlink(path);
    return check_exit("block_undo");
}
