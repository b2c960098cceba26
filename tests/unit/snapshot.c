/* SPDX-License-Identifier: MIT */
/* Unit tests of the snapshot core: field writer/reader bounds, event order across a restore,
 * section validation, in-memory checkpoints (RAM pages shared with a base). */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "core/machine.h"
#include "core/snapshot.h"
#include "core/snapshot_internal.h"
#include "hw/block.h"

/* ---- a tiny machine: 64 KiB of RAM and one device with three events ---- */

struct dev {
    struct vevent ev[3];
    u32 reg;
    int fired[8], nfired;
};

static struct dev dev;

static void fire(void *opaque, u64 now)
{
    struct dev *d = &dev;
    d->fired[d->nfired++] = (int)(intptr_t)opaque;
}

static void dev_save(void *opaque, struct snap_writer *w)
{
    struct dev *d = opaque;
    snap_put_u32(w, d->reg);
    for (int i = 0; i < 3; i++)
        snap_put_event(w, &d->ev[i]);
}

static void dev_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct dev *d = opaque;
    d->reg = snap_get_u32(r);
    if (d->reg == 0xbad)
        snap_fail(r, "bad reg %#x", d->reg);
    for (int i = 0; i < 3; i++)
        snap_get_event(r, NULL, &d->ev[i]);
}

static void tiny_init(struct machine *m, struct emu_config *cfg)
{
    as_add_ram(&m->as, "ram", 0x40000000, 64 << 10);
    for (int i = 0; i < 3; i++)
        vevent_init(&dev.ev[i], "ev", fire, (void *)(intptr_t)i);
    snap_register(m, "dev", 1, dev_save, dev_load, &dev);
}

static const struct machine_type tiny = {.name = "tiny", .init = tiny_init};

static void bare_init(struct machine *m, struct emu_config *cfg)
{
    as_add_ram(&m->as, "ram", 0x40000000, 64 << 10);
}

/* The same RAM, without the device. */
static const struct machine_type bare = {.name = "bare", .init = bare_init};

static void test_writer_reader(void)
{
    struct snap_writer w = {0};
    snap_put_u8(&w, 0x12);
    snap_put_u16(&w, 0x3456);
    snap_put_u32(&w, 0x789abcde);
    snap_put_u64(&w, 0x0123456789abcdefull);
    snap_put_bool(&w, true);
    for (int i = 0; i < 5000; i++) /* grows past the first allocation */
        snap_put_u8(&w, (u8)i);
    CHECK_EQ(w.len, 1 + 2 + 4 + 8 + 1 + 5000);
    struct snap_reader r;
    snap_reader_init(&r, w.buf, w.len, NULL);
    CHECK_EQ(snap_get_u8(&r), 0x12);
    CHECK_EQ(snap_get_u16(&r), 0x3456);
    CHECK_EQ(snap_get_u32(&r), 0x789abcde);
    CHECK_EQ(snap_get_u64(&r), 0x0123456789abcdefull);
    CHECK(snap_get_bool(&r));
    u8 buf[5000];
    snap_get_bytes(&r, buf, sizeof(buf));
    CHECK_EQ(buf[4999], (u8)4999);
    CHECK(!snap_failed(&r));
    /* Past the end: zero and a sticky error, never a read beyond the buffer. */
    CHECK_EQ(snap_get_u64(&r), 0);
    CHECK(snap_failed(&r));
    CHECK_HAS(r.err, "truncated");
    snap_fail(&r, "second");
    CHECK_HAS(r.err, "truncated");
    /* A boolean must be 0 or 1. */
    u8 two = 2;
    snap_reader_init(&r, &two, 1, NULL);
    snap_get_bool(&r);
    CHECK(snap_failed(&r));
    snap_writer_free(&w);
}

static void test_checkpoint(void)
{
    static struct emu_config cfg;
    static struct machine m;
    char err[256];
    machine_init(&m, &tiny, &cfg);
    struct vclock *c = &m.clock;
    struct mem_region *ram = as_find(&m.as, 0x40000000);
    memset(ram->host + 0x1000, 0xaa, 0x1000);
    memset(ram->host + 0x3000, 0x55, 0x1000);
    /* Two events with the same deadline armed in the order 2, 0; one later. */
    c->icount = 100;
    vevent_arm(c, &dev.ev[2], 500);
    vevent_arm(c, &dev.ev[0], 500);
    vevent_arm(c, &dev.ev[1], 700);
    dev.reg = 7;
    m.sched_cpu = 0;
    m.rounds = 42;
    struct snap_mem *s = snapshot_take(&m, NULL);
    CHECK_EQ(snapshot_icount(s), 100);
    /* Two non-zero pages plus the tables: the 14 zero pages cost nothing. */
    CHECK(snapshot_mem_bytes(s) < 4 * 4096);

    /* Run on: fire everything, change RAM and registers. */
    c->icount = 1000;
    vclock_run_due(c);
    CHECK_EQ(dev.nfired, 3);
    CHECK_EQ(dev.fired[0], 2);
    CHECK_EQ(dev.fired[1], 0);
    memset(ram->host + 0x1000, 0, 0x1000);
    memset(ram->host + 0x2000, 0x77, 0x1000);
    dev.reg = 9;
    m.rounds = 50;
    vevent_arm(c, &dev.ev[1], 2000);

    CHECK(snapshot_restore(&m, s, err, sizeof(err)));
    CHECK_EQ(c->icount, 100);
    CHECK_EQ(m.rounds, 42);
    CHECK_EQ(dev.reg, 7);
    CHECK_EQ(ram->host[0x1000], 0xaa);
    CHECK_EQ(ram->host[0x2fff], 0);
    CHECK_EQ(ram->host[0x3000], 0x55);
    CHECK_EQ(vclock_next_deadline(c), 500);
    /* The same order again: equal deadlines in arming order, and new arms come after. */
    dev.nfired = 0;
    vevent_arm(c, &dev.ev[1], 500); /* re-armed now: after 2 and 0 */
    c->icount = 1000;
    vclock_run_due(c);
    CHECK_EQ(dev.nfired, 3);
    CHECK_EQ(dev.fired[0], 2);
    CHECK_EQ(dev.fired[1], 0);
    CHECK_EQ(dev.fired[2], 1);

    /* A second checkpoint on top of the first shares its unchanged pages. */
    memset(ram->host + 0x3000, 0x66, 0x10);
    struct snap_mem *s2 = snapshot_take(&m, s);
    CHECK_EQ(snapshot_mem_bytes(s) - snapshot_mem_bytes(s2), 4096 + 4); /* one page copied */
    CHECK_EQ(snapshot_mem_total(), snapshot_mem_bytes(s) + snapshot_mem_bytes(s2));
    snapshot_free(s);                            /* s2 keeps the shared page alive */
    CHECK_EQ(snapshot_mem_total(), snapshot_mem_bytes(s2) + 4100); /* + the page of s it shares */
    memset(ram->host, 0x11, 64 << 10);
    CHECK(snapshot_restore(&m, s2, err, sizeof(err)));
    CHECK_EQ(ram->host[0x1000], 0xaa);
    CHECK_EQ(ram->host[0x3000], 0x66);
    CHECK_EQ(ram->host[0x3010], 0x55);
    CHECK_EQ(ram->host[0], 0);

    /* A section's load can refuse its content; the reason names the section. */
    dev.reg = 0xbad;
    struct snap_mem *bad = snapshot_take(&m, NULL);
    CHECK(!snapshot_restore(&m, bad, err, sizeof(err)));
    CHECK_HAS(err, "section 'dev': bad reg 0xbad");
    snapshot_free(bad);
    snapshot_free(s2);
    CHECK_EQ(snapshot_mem_total(), 0);
}

/* Stream validation: flipped byte, truncation, unknown and missing sections. */
static void test_stream_errors(void)
{
    static struct emu_config cfg;
    static struct machine m;
    char err[256];
    machine_init(&m, &tiny, &cfg);
    struct snap_writer w = {0};
    snap_state_save(&m, &w);
    CHECK(snap_state_check(&m, w.buf, w.len, err, sizeof(err)));
    w.buf[w.len - 3] ^= 1;
    CHECK(!snap_state_check(&m, w.buf, w.len, err, sizeof(err)));
    CHECK_HAS(err, "checksum mismatch in section 'dev'");
    w.buf[w.len - 3] ^= 1;
    CHECK(!snap_state_check(&m, w.buf, w.len - 1, err, sizeof(err)));
    CHECK_HAS(err, "truncated");
    CHECK(!snap_state_check(&m, w.buf, 2, err, sizeof(err)));
    CHECK_HAS(err, "truncated");
    /* "dev" renamed "dex": unknown. */
    u8 *p = memmem(w.buf, w.len, "dev", 3);
    p[2] = 'x';
    CHECK(!snap_state_check(&m, w.buf, w.len, err, sizeof(err)));
    CHECK_HAS(err, "unknown section 'dex'");
    p[2] = 'v';
    /* A newer section version than this code reads. */
    u32 v = 2;
    memcpy(p + 3, &v, 4);
    CHECK(!snap_state_check(&m, w.buf, w.len, err, sizeof(err)));
    CHECK_HAS(err, "section 'dev' has version 2, this emu reads up to 1");
    v = 1;
    memcpy(p + 3, &v, 4);
    /* A count that leaves bytes over. */
    u32 n = 1;
    memcpy(w.buf, &n, 4);
    CHECK(!snap_state_check(&m, w.buf, w.len, err, sizeof(err)));
    CHECK_HAS(err, "stray bytes");
    n = 2;
    memcpy(w.buf, &n, 4);
    /* A machine without the device: unknown section; and the other way round: missing. */
    static struct machine m2;
    machine_init(&m2, &bare, &cfg);
    CHECK(!snap_state_check(&m2, w.buf, w.len, err, sizeof(err)));
    CHECK_HAS(err, "unknown section 'dev'");
    struct snap_writer w2 = {0};
    snap_state_save(&m2, &w2);
    CHECK(!snap_state_check(&m, w2.buf, w2.len, err, sizeof(err)));
    CHECK_HAS(err, "missing section 'dev'");
    snap_writer_free(&w2);
    snap_writer_free(&w);
}

/* The snapshot=on overlay of a disk is saved and restored; the image is never written. */
static void test_block_overlay(void)
{
    char path[] = "/tmp/emu-snap-blockXXXXXX";
    int fd = mkstemp(path);
    u8 zero[200000] = {0}, buf[4];
    CHECK(fd >= 0 && write(fd, zero, sizeof(zero)) == (ssize_t)sizeof(zero));
    close(fd);
    struct block *b = block_open(path, false, true);
    CHECK(block_write(b, 70000, "abcd", 4));
    struct snap_writer w = {0};
    block_snap_save(b, &w);
    CHECK(block_write(b, 70000, "wxyz", 4));
    CHECK(block_write(b, 150000, "wxyz", 4));
    struct snap_reader r;
    snap_reader_init(&r, w.buf, w.len, NULL);
    block_snap_load(b, &r);
    CHECK(!snap_failed(&r) && r.pos == r.len);
    CHECK(block_read(b, 70000, buf, 4) && !memcmp(buf, "abcd", 4));
    CHECK(block_read(b, 150000, buf, 4) && !memcmp(buf, "\0\0\0\0", 4));
    /* Another disk size is refused. */
    struct block *small = block_open(path, false, true);
    block_close(small);
    FILE *f = fopen(path, "ab");
    fputc(0, f);
    fclose(f);
    small = block_open(path, false, true);
    snap_reader_init(&r, w.buf, w.len, NULL);
    block_snap_load(small, &r);
    CHECK(snap_failed(&r));
    CHECK_HAS(r.err, "was 200000 bytes with snapshot=on, it is 200001 bytes");
    block_close(small);
    block_close(b);
    snap_writer_free(&w);
    unlink(path);
}

int main(void)
{
    test_block_overlay();
    test_writer_reader();
    test_checkpoint();
    test_stream_errors();
    return check_exit("snapshot");
}
