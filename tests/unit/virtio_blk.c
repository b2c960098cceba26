/* SPDX-License-Identifier: MIT */
/* virtio-blk over virtio-mmio, driven from the host: reads, writes reaching the file, flush,
 * GET_ID, bad ranges, read-only and snapshot images (VIRTIO 1.2 §5.2). */
#include <fcntl.h>
#include <unistd.h>

#include "hw/block.h"
#include "hw/virtio_devices.h"
#include "tests/unit/virtio_driver.h"

#define IMG_SIZE (1u << 20)
#define F_BLK (1ull << VIRTIO_F_VERSION_1 | 1ull << VIRTIO_RING_F_INDIRECT_DESC | 1ull << 9)

static char img_path[] = "/tmp/emu-virtio-blk-XXXXXX";

static void make_image(void)
{
    int fd = mkstemp(img_path);
    static u8 img[IMG_SIZE];
    for (u32 i = 0; i < IMG_SIZE; i++)
        img[i] = (u8)(i * 7 + (i >> 9));
    if (fd < 0 || write(fd, img, IMG_SIZE) != IMG_SIZE)
        exit(2);
    close(fd);
}

static u8 file_byte(u64 off)
{
    u8 v = 0;
    int fd = open(img_path, O_RDONLY);
    if (pread(fd, &v, 1, (off_t)off) != 1)
        v = 0xee;
    close(fd);
    return v;
}

static u8 orig_byte(u64 off)
{
    return (u8)(off * 7 + (off >> 9));
}

/* One request: header at BUF, data at BUF+0x1000 (len bytes), status at BUF+0x100. Returns
 * the status byte; *used_len gets the used-ring length. */
static u8 req(struct td *d, u32 type, u64 sector, u32 len, u32 *used_len)
{
    u32 hdr[4] = {type, 0, (u32)sector, (u32)(sector >> 32)};
    u8 st = 0xff;
    td_put(d, TD_BUF, hdr, 16);
    td_put(d, TD_BUF + 0x100, &st, 1);
    bool in = type != 1;
    struct td_buf b[3] = {{TD_BUF, 16, false}, {TD_BUF + 0x1000, len, in}, {TD_BUF + 0x100, 1, true}};
    u16 before = td_used_idx(d);
    if (len)
        td_submit(d, 0, b, 3);
    else {
        b[1] = b[2];
        td_submit(d, 0, b, 2);
    }
    CHECK(td_used_idx(d) == (u16)(before + 1));
    u32 id, l;
    td_used(d, before, &id, &l);
    CHECK(id == 0);
    if (used_len)
        *used_len = l;
    td_get(d, TD_BUF + 0x100, &st, 1);
    return st;
}

static void setup(struct td *d, bool ro, bool snap)
{
    td_init(d);
    virtio_blk_attach(d->t, block_open(img_path, ro, snap));
    CHECK(td_rd(d, VIRTIO_MMIO_MAGIC_VALUE) == 0x74726976);
    CHECK(td_rd(d, VIRTIO_MMIO_VERSION) == 2);
    CHECK(td_rd(d, VIRTIO_MMIO_DEVICE_ID) == VIRTIO_ID_BLOCK);
    CHECK(td_negotiate(d, F_BLK | (ro ? 1ull << 5 : 0)));
    td_wr(d, VIRTIO_MMIO_QUEUE_SEL, 0);
    CHECK(td_rd(d, VIRTIO_MMIO_QUEUE_NUM_MAX) == 256);
    td_queue(d, 0, 64);
    CHECK(td_rd(d, VIRTIO_MMIO_QUEUE_READY) == 1);
    td_driver_ok(d);
}

static void test_basic(void)
{
    struct td d;
    setup(&d, false, false);
    u64 f = td_device_features(&d);
    CHECK(f >> VIRTIO_F_VERSION_1 & 1);
    CHECK(!(f >> 5 & 1)); /* not read-only */
    u64 cap;
    as_read(&d.m.as, TD_MMIO_BASE + VIRTIO_MMIO_CONFIG, 8, &cap);
    CHECK(cap == IMG_SIZE / 512);
    u64 bs;
    as_read(&d.m.as, TD_MMIO_BASE + VIRTIO_MMIO_CONFIG + 20, 4, &bs);
    CHECK(bs == 512);

    /* Read two sectors at sector 3. */
    u32 ul;
    CHECK(req(&d, 0, 3, 1024, &ul) == 0);
    CHECK(ul == 1025);
    u8 buf[1024];
    td_get(&d, TD_BUF + 0x1000, buf, sizeof(buf));
    bool same = true;
    for (int i = 0; i < 1024; i++)
        same &= buf[i] == orig_byte(3 * 512 + i);
    CHECK(same);
    CHECK(d.irq_level == 1);
    CHECK(td_rd(&d, VIRTIO_MMIO_INTERRUPT_STATUS) == VIRTIO_MMIO_INT_VRING);
    td_wr(&d, VIRTIO_MMIO_INTERRUPT_ACK, VIRTIO_MMIO_INT_VRING);
    CHECK(d.irq_level == 0);

    /* Write sector 5: the file changes. */
    memset(buf, 0xab, 512);
    td_put(&d, TD_BUF + 0x1000, buf, 512);
    CHECK(req(&d, 1, 5, 512, &ul) == 0);
    CHECK(ul == 1);
    CHECK(file_byte(5 * 512) == 0xab && file_byte(5 * 512 + 511) == 0xab);
    CHECK(file_byte(6 * 512) == orig_byte(6 * 512));
    CHECK(req(&d, 4, 0, 0, NULL) == 0); /* FLUSH */

    /* GET_ID: the image's file name, 20 bytes. */
    CHECK(req(&d, 8, 0, 20, &ul) == 0);
    char id[21] = {0};
    td_get(&d, TD_BUF + 0x1000, id, 20);
    CHECK(!strncmp(id, strrchr(img_path, '/') + 1, 20));

    /* Past the end, partial sector, unknown type. */
    CHECK(req(&d, 0, IMG_SIZE / 512, 512, NULL) == 1);
    CHECK(req(&d, 0, IMG_SIZE / 512 - 1, 1024, NULL) == 1);
    CHECK(req(&d, 0, ~0ull, 512, NULL) == 1);
    CHECK(req(&d, 0, 0, 100, NULL) == 1);
    CHECK(req(&d, 1, ~0ull / 256, 512, NULL) == 1);
    CHECK(req(&d, 77, 0, 512, NULL) == 2);
    CHECK(!(td_rd(&d, VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET));

    /* The same read through an indirect table of three descriptors. */
    u32 hdr[4] = {0, 0, 7, 0};
    td_put(&d, TD_BUF, hdr, 16);
    u64 tbl = TD_BUF + 0x8000;
    td_set_desc(&d, tbl, 0, TD_BUF, 16, VIRTQ_DESC_F_NEXT, 1);
    td_set_desc(&d, tbl, 1, TD_BUF + 0x1000, 512, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE, 2);
    td_set_desc(&d, tbl, 2, TD_BUF + 0x100, 1, VIRTQ_DESC_F_WRITE, 0);
    td_set_desc(&d, TD_DESC, 5, tbl, 48, VIRTQ_DESC_F_INDIRECT, 0);
    u16 before = td_used_idx(&d);
    td_publish(&d, 0, 5);
    CHECK(td_used_idx(&d) == (u16)(before + 1));
    td_get(&d, TD_BUF + 0x1000, buf, 512);
    CHECK(buf[0] == orig_byte(7 * 512) && buf[511] == orig_byte(7 * 512 + 511));
    td_fini(&d);
}

static void test_readonly(void)
{
    struct td d;
    setup(&d, true, false);
    CHECK(td_device_features(&d) >> 5 & 1);
    u8 buf[512];
    memset(buf, 0x5a, sizeof(buf));
    td_put(&d, TD_BUF + 0x1000, buf, 512);
    CHECK(req(&d, 1, 9, 512, NULL) == 1);
    CHECK(file_byte(9 * 512) == orig_byte(9 * 512));
    CHECK(req(&d, 0, 9, 512, NULL) == 0);
    td_fini(&d);
}

static void test_snapshot(void)
{
    struct td d;
    setup(&d, false, true);
    u8 buf[1024];
    memset(buf, 0x33, sizeof(buf));
    td_put(&d, TD_BUF + 0x1000, buf, sizeof(buf));
    /* Straddle the overlay's 64 KiB cluster boundary (sector 127/128). */
    CHECK(req(&d, 1, 127, 1024, NULL) == 0);
    CHECK(req(&d, 4, 0, 0, NULL) == 0);
    CHECK(file_byte(127 * 512) == orig_byte(127 * 512));
    CHECK(file_byte(128 * 512) == orig_byte(128 * 512));
    memset(buf, 0, sizeof(buf));
    td_put(&d, TD_BUF + 0x1000, buf, sizeof(buf));
    CHECK(req(&d, 0, 126, 1024, NULL) == 0);
    td_get(&d, TD_BUF + 0x1000, buf, sizeof(buf));
    CHECK(buf[0] == orig_byte(126 * 512) && buf[511] == orig_byte(126 * 512 + 511));
    CHECK(buf[512] == 0x33 && buf[1023] == 0x33);
    CHECK(req(&d, 0, 128, 1024, NULL) == 0);
    td_get(&d, TD_BUF + 0x1000, buf, sizeof(buf));
    CHECK(buf[0] == 0x33 && buf[511] == 0x33 && buf[512] == orig_byte(129 * 512));
    td_fini(&d);
}

static void test_negotiation(void)
{
    struct td d;
    td_init(&d);
    /* An empty transport says DeviceID 0 and ignores writes. */
    CHECK(td_rd(&d, VIRTIO_MMIO_MAGIC_VALUE) == 0x74726976);
    CHECK(td_rd(&d, VIRTIO_MMIO_VERSION) == 2);
    CHECK(td_rd(&d, VIRTIO_MMIO_DEVICE_ID) == 0);
    td_wr(&d, VIRTIO_MMIO_STATUS, 1);
    CHECK(td_rd(&d, VIRTIO_MMIO_STATUS) == 0);
    virtio_blk_attach(d.t, block_open(img_path, false, false));
    /* A legacy driver (no VERSION_1) and unknown features are refused. */
    CHECK(!td_negotiate(&d, 1ull << 9));
    CHECK(!td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1 | 1ull << 40));
    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1));
    /* Reset clears status. */
    td_wr(&d, VIRTIO_MMIO_STATUS, 0);
    CHECK(td_rd(&d, VIRTIO_MMIO_STATUS) == 0);
    /* Narrow register accesses read as zero. */
    u64 v = 1;
    as_read(&d.m.as, TD_MMIO_BASE, 2, &v);
    CHECK(v == 0);
    td_fini(&d);
}

/* VIRTIO_RING_F_EVENT_IDX (§2.7.10): the device publishes avail_event and interrupts only when
 * used->idx passes the driver's used_event. */
static void test_event_idx(void)
{
    struct td d;
    td_init(&d);
    virtio_blk_attach(d.t, block_open(img_path, false, false));
    CHECK(td_device_features(&d) >> VIRTIO_RING_F_EVENT_IDX & 1);
    CHECK(td_negotiate(&d, F_BLK | 1ull << VIRTIO_RING_F_EVENT_IDX));
    td_queue(&d, 0, 64);
    td_driver_ok(&d);
    u64 used_event_pa = TD_AVAIL + 4 + 2 * 64, avail_event_pa = TD_USED + 4 + 8 * 64;
    u16 ev = 0, ae = 0;
    td_put(&d, used_event_pa, &ev, 2);
    CHECK(req(&d, 0, 1, 512, NULL) == 0);
    CHECK(d.irq_level == 1);
    td_get(&d, avail_event_pa, &ae, 2);
    CHECK(ae == 1);
    td_wr(&d, VIRTIO_MMIO_INTERRUPT_ACK, 1);
    ev = 5; /* "interrupt me after the 6th completion" */
    td_put(&d, used_event_pa, &ev, 2);
    CHECK(req(&d, 0, 1, 512, NULL) == 0);
    CHECK(d.irq_level == 0);
    td_get(&d, avail_event_pa, &ae, 2);
    CHECK(ae == 2);
    ev = 2; /* used->idx goes 2 -> 3: passes 2 */
    td_put(&d, used_event_pa, &ev, 2);
    CHECK(req(&d, 0, 1, 512, NULL) == 0);
    CHECK(d.irq_level == 1);
    td_fini(&d);
}

int main(void)
{
    make_image();
    test_basic();
    test_readonly();
    test_snapshot();
    test_negotiation();
    test_event_idx();
    unlink(img_path);
    return td_result("virtio_blk");
}
