/* SPDX-License-Identifier: MIT */
/* Malformed virtqueues (VIRTIO 1.2 §2.7): every broken ring puts the device in
 * DEVICE_NEEDS_RESET with a configuration interrupt, and never crashes or hangs. Ends with a
 * random-ring fuzz loop. Run under -fsanitize=address to check memory safety. */
#include <fcntl.h>
#include <unistd.h>

#include "hw/block.h"
#include "hw/virtio_devices.h"
#include "tests/unit/virtio_driver.h"

#define F_ALL (1ull << VIRTIO_F_VERSION_1 | 1ull << VIRTIO_RING_F_INDIRECT_DESC)

static char img_path[] = "/tmp/emu-virtio-ring-XXXXXX";

static void start(struct td *d)
{
    td_init(d);
    virtio_blk_attach(d->t, block_open(img_path, false, false));
    CHECK(td_negotiate(d, F_ALL));
    td_queue(d, 0, 16);
    td_driver_ok(d);
    CHECK(td_rd(d, VIRTIO_MMIO_QUEUE_READY) == 1);
}

static bool needs_reset(struct td *d)
{
    return (td_rd(d, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET) &&
           (td_rd(d, VIRTIO_MMIO_INTERRUPT_STATUS) & VIRTIO_MMIO_INT_CONFIG) && d->irq_level;
}

/* A well-formed read request in descriptors 10..12, used to check recovery after reset. */
static bool good_request(struct td *d)
{
    u32 hdr[4] = {0, 0, 1, 0};
    u8 st = 0xff;
    td_put(d, TD_BUF, hdr, 16);
    td_put(d, TD_BUF + 0x100, &st, 1);
    td_set_desc(d, TD_DESC, 10, TD_BUF, 16, VIRTQ_DESC_F_NEXT, 11);
    td_set_desc(d, TD_DESC, 11, TD_BUF + 0x1000, 512, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 12);
    td_set_desc(d, TD_DESC, 12, TD_BUF + 0x100, 1, VIRTQ_DESC_F_WRITE, 0);
    u16 before = td_used_idx(d);
    td_publish(d, 0, 10);
    td_get(d, TD_BUF + 0x100, &st, 1);
    return td_used_idx(d) == (u16)(before + 1) && st == 0;
}

enum bad_kind {
    BAD_LOOP, BAD_SELF_LOOP, BAD_ADDR, BAD_HUGE_LEN, BAD_WRAP_ADDR, BAD_AVAIL_IDX, BAD_HEAD,
    BAD_NEXT, BAD_INDIRECT_LEN, BAD_INDIRECT_NESTED, BAD_INDIRECT_LOOP, BAD_INDIRECT_ADDR,
    BAD_INDIRECT_NEXT, BAD_READ_AFTER_WRITE, BAD_NO_STATUS, BAD_COUNT
};

static void inject(struct td *d, enum bad_kind k)
{
    u64 tbl = TD_BUF + 0x8000;
    u16 nx = VIRTQ_DESC_F_NEXT, wr = VIRTQ_DESC_F_WRITE, ind = VIRTQ_DESC_F_INDIRECT;
    u16 head = 0;
    switch (k) {
    case BAD_LOOP:
        td_set_desc(d, TD_DESC, 0, TD_BUF, 16, nx, 1);
        td_set_desc(d, TD_DESC, 1, TD_BUF + 0x1000, 512, nx | wr, 0);
        break;
    case BAD_SELF_LOOP:
        td_set_desc(d, TD_DESC, 0, TD_BUF, 16, nx, 0);
        break;
    case BAD_ADDR:
        td_set_desc(d, TD_DESC, 0, 0x1000, 16, 0, 0);
        break;
    case BAD_HUGE_LEN:
        td_set_desc(d, TD_DESC, 0, TD_BUF, 0xffffffffu, 0, 0);
        break;
    case BAD_WRAP_ADDR:
        td_set_desc(d, TD_DESC, 0, ~0ull - 8, 16, 0, 0);
        break;
    case BAD_AVAIL_IDX: {
        u16 idx = 1000;
        as_dma_write(&d->m.as, TD_AVAIL + 2, &idx, 2);
        td_wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
        return;
    }
    case BAD_HEAD:
        head = 16;
        break;
    case BAD_NEXT:
        td_set_desc(d, TD_DESC, 0, TD_BUF, 16, nx, 200);
        break;
    case BAD_INDIRECT_LEN:
        td_set_desc(d, TD_DESC, 0, tbl, 17, ind, 0);
        break;
    case BAD_INDIRECT_NESTED:
        td_set_desc(d, TD_DESC, 0, tbl, 32, ind, 0);
        td_set_desc(d, tbl, 0, tbl, 32, ind, 0);
        break;
    case BAD_INDIRECT_LOOP:
        td_set_desc(d, TD_DESC, 0, tbl, 32, ind, 0);
        td_set_desc(d, tbl, 0, TD_BUF, 16, nx, 1);
        td_set_desc(d, tbl, 1, TD_BUF, 16, nx, 0);
        break;
    case BAD_INDIRECT_ADDR:
        td_set_desc(d, TD_DESC, 0, TD_RAM_BASE + TD_RAM_SIZE - 16, 32, ind, 0);
        break;
    case BAD_INDIRECT_NEXT:
        td_set_desc(d, TD_DESC, 0, tbl, 32, ind | nx, 1);
        break;
    case BAD_READ_AFTER_WRITE:
        td_set_desc(d, TD_DESC, 0, TD_BUF + 0x100, 1, wr | nx, 1);
        td_set_desc(d, TD_DESC, 1, TD_BUF, 16, 0, 0);
        break;
    case BAD_NO_STATUS:
        td_set_desc(d, TD_DESC, 0, TD_BUF, 16, 0, 0);
        break;
    case BAD_COUNT:
        break;
    }
    td_publish(d, 0, head);
}

static void test_malformed(void)
{
    for (int k = 0; k < BAD_COUNT; k++) {
        struct td d;
        start(&d);
        u16 used = td_used_idx(&d);
        inject(&d, (enum bad_kind)k);
        if (!needs_reset(&d))
            printf("  bad kind %d not detected\n", k);
        CHECK(needs_reset(&d));
        CHECK(td_used_idx(&d) == used);
        /* A broken device ignores further notifications until the driver resets it. */
        td_wr(&d, VIRTIO_MMIO_QUEUE_NOTIFY, 0);
        CHECK(td_used_idx(&d) == used);
        CHECK(td_negotiate(&d, F_ALL));
        CHECK(!(td_rd(&d, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET));
        CHECK(d.irq_level == 0);
        td_queue(&d, 0, 16);
        td_driver_ok(&d);
        CHECK(good_request(&d));
        td_fini(&d);
    }
}

/* Enabling a queue with a bad size or rings outside RAM needs a reset too. */
static void test_bad_queue(void)
{
    static const struct { u16 num; u64 desc; } cases[] = {
        {0, TD_DESC}, {12, TD_DESC}, {512, TD_DESC}, {16, 0x1000},
        {16, TD_DESC + 8}, {16, TD_RAM_BASE + TD_RAM_SIZE - 64},
    };
    for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
        struct td d;
        td_init(&d);
        virtio_blk_attach(d.t, block_open(img_path, false, false));
        CHECK(td_negotiate(&d, F_ALL));
        td_wr(&d, VIRTIO_MMIO_QUEUE_SEL, 0);
        td_wr(&d, VIRTIO_MMIO_QUEUE_NUM, cases[i].num);
        td_wr(&d, VIRTIO_MMIO_QUEUE_DESC_LOW, (u32)cases[i].desc);
        td_wr(&d, VIRTIO_MMIO_QUEUE_DESC_HIGH, (u32)(cases[i].desc >> 32));
        td_wr(&d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (u32)TD_AVAIL);
        td_wr(&d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (u32)TD_USED);
        td_wr(&d, VIRTIO_MMIO_QUEUE_READY, 1);
        CHECK(td_rd(&d, VIRTIO_MMIO_QUEUE_READY) == 0);
        CHECK(td_rd(&d, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
        /* Out-of-range queue selectors read as absent. */
        td_wr(&d, VIRTIO_MMIO_QUEUE_SEL, 5);
        CHECK(td_rd(&d, VIRTIO_MMIO_QUEUE_NUM_MAX) == 0);
        td_fini(&d);
    }
}

/* Random descriptor tables and rings: the device may complete, refuse or break, never crash. */
static void test_fuzz(void)
{
    u64 x = 0x1234567;
    for (int iter = 0; iter < 3000; iter++) {
        struct td d;
        start(&d);
        for (int round = 0; round < 4; round++) {
            u8 junk[16 * 16 + 64];
            for (size_t i = 0; i < sizeof(junk); i++) {
                x ^= x << 13, x ^= x >> 7, x ^= x << 17;
                junk[i] = (u8)x;
            }
            /* Keep some addresses plausible so that deeper paths are reached. */
            for (int i = 0; i < 16; i++) {
                if (junk[16 * i + 8] & 1) {
                    u64 a = TD_BUF + (junk[16 * i] & 0xff) * 64;
                    u32 len = junk[16 * i + 9] & 3 ? 16 + (junk[16 * i + 10] & 0x3) * 512 : 1;
                    memcpy(junk + 16 * i, &a, 8);
                    memcpy(junk + 16 * i + 8, &len, 4);
                }
                junk[16 * i + 12] &= 7;
                junk[16 * i + 14] &= 31;
                junk[16 * i + 15] = 0;
            }
            td_put(&d, TD_DESC, junk, 16 * 16);
            u16 head = junk[256] & 31;
            td_publish(&d, 0, head);
        }
        td_fini(&d);
    }
}

/* Random register writes (any offset, any width, any value) mixed with notifies, on each
 * device type, with random bytes in the queue areas. */
static void test_register_fuzz(void)
{
    u64 x = 0x9e3779b97f4a7c15ull;
    for (int dev = 0; dev < 2; dev++) {
        struct td d;
        td_init(&d);
        if (dev == 0)
            virtio_blk_attach(d.t, block_open(img_path, false, false));
        else
            virtio_rng_attach(d.t, 1, false);
        for (int i = 0; i < 200000; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            unsigned size = 1u << (x & 3);
            u64 off = (x >> 8) % VIRTIO_MMIO_SIZE & ~(u64)(size - 1);
            u64 val = x >> 16;
            switch ((x >> 2) & 7) {
            case 0: /* point the queue at plausible RAM */
                val = TD_RAM_BASE + ((x >> 20) & 0xfff0);
                off = VIRTIO_MMIO_QUEUE_DESC_LOW + 0x10 * ((x >> 40) % 3);
                size = 4;
                break;
            case 1:
                off = VIRTIO_MMIO_QUEUE_NOTIFY;
                val &= 1;
                size = 4;
                break;
            case 2: {
                u64 junk = x * 0x2545f4914f6cdd1dull;
                as_dma_write(&d.m.as, TD_RAM_BASE + ((x >> 24) & 0xfff8), &junk, 8);
                continue;
            }
            case 3:
                off = VIRTIO_MMIO_STATUS;
                val &= 0xff;
                size = 4;
                break;
            }
            u64 v;
            if (x & (1ull << 63))
                as_read(&d.m.as, TD_MMIO_BASE + off, size, &v);
            else
                as_write(&d.m.as, TD_MMIO_BASE + off, size, val);
        }
        td_fini(&d);
    }
}

int main(void)
{
    int fd = mkstemp(img_path);
    if (fd < 0 || ftruncate(fd, 1 << 20) < 0)
        return 2;
    close(fd);
    test_malformed();
    test_bad_queue();
    test_fuzz();
    test_register_fuzz();
    unlink(img_path);
    return td_result("virtio_ring");
}
