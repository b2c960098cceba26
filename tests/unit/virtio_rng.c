/* SPDX-License-Identifier: MIT */
/* virtio-rng: the same seed gives the same bytes, a different seed different ones, and a
 * device reset restarts the stream (deterministic guests). */
#include "hw/virtio_devices.h"
#include "tests/unit/virtio_driver.h"

static void draw(u64 seed, u8 *out, u32 len, int resets)
{
    struct td d;
    td_init(&d);
    virtio_rng_attach(d.t, seed, false);
    for (int r = 0; r <= resets; r++) {
        CHECK(td_rd(&d, VIRTIO_MMIO_DEVICE_ID) == VIRTIO_ID_RNG);
        CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1));
        td_queue(&d, 0, 8);
        td_driver_ok(&d);
        memset(out, 0, len);
        td_put(&d, TD_BUF, out, len);
        struct td_buf b = {TD_BUF, len, true};
        td_submit(&d, 0, &b, 1);
        CHECK(td_used_idx(&d) == 1);
        u32 id, ul;
        td_used(&d, 0, &id, &ul);
        CHECK(ul == len);
        td_get(&d, TD_BUF, out, len);
        CHECK(d.irq_level == 1);
    }
    td_fini(&d);
}

int main(void)
{
    u8 a[100], b[100], c[100], e[100];
    draw(VIRTIO_RNG_DEFAULT_SEED, a, sizeof(a), 0);
    draw(VIRTIO_RNG_DEFAULT_SEED, b, sizeof(b), 2);
    draw(42, c, sizeof(c), 0);
    CHECK(!memcmp(a, b, sizeof(a)));
    CHECK(memcmp(a, c, sizeof(a)));
    int zeros = 0;
    for (size_t i = 0; i < sizeof(a); i++)
        zeros += a[i] == 0;
    CHECK(zeros < 10);
    /* Host entropy differs from the seeded stream. */
    struct td d;
    td_init(&d);
    virtio_rng_attach(d.t, VIRTIO_RNG_DEFAULT_SEED, true);
    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1));
    td_queue(&d, 0, 8);
    td_driver_ok(&d);
    struct td_buf bb = {TD_BUF, sizeof(e), true};
    td_submit(&d, 0, &bb, 1);
    td_get(&d, TD_BUF, e, sizeof(e));
    CHECK(memcmp(a, e, sizeof(a)));
    td_fini(&d);
    return td_result("virtio_rng");
}
