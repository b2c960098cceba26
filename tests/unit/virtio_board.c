/* SPDX-License-Identifier: MIT */
/* arm64-virt device wiring: 32 transports at 0x0a000000 + 0x200n on SPI 16+n, the first
 * command-line device on the highest transport, PL031 at 0x09010000 on SPI 2. */
#include <fcntl.h>
#include <unistd.h>

#include "hw/virt_devices.h"
#include "tests/unit/virtio_driver.h"

static int levels[64];

static void spi_set(void *ctl, int n, int level) { levels[n] = level; }

static struct irq_line spi(struct machine *m, int n)
{
    return (struct irq_line){spi_set, m, n};
}

static u32 rd(struct machine *m, u64 pa)
{
    u64 v;
    as_read(&m->as, pa, 4, &v);
    return (u32)v;
}

int main(void)
{
    char img[] = "/tmp/emu-virtio-board-XXXXXX";
    int fd = mkstemp(img);
    if (fd < 0 || ftruncate(fd, 1 << 20) < 0)
        return 2;
    close(fd);
    static struct emu_config cfg;
    cfg.drives[0] = (struct cfg_drive){.file = img, .id = "d0"};
    cfg.drives[1] = (struct cfg_drive){.file = img, .id = "d1", .interface = "none"};
    cfg.ndrives = 2;
    cfg.devices[0] = "virtio-rng-device,seed=7";
    cfg.devices[1] = "virtio-blk-device,drive=d1";
    cfg.devices[2] = "pl011"; /* not ours: ignored */
    cfg.ndevices = 3;
    cfg.rtc_base = "2000-03-01T00:00:00";
    static struct machine m;
    as_init(&m.as);
    vclock_init(&m.clock, 0);
    as_add_ram(&m.as, "ram", TD_RAM_BASE, TD_RAM_SIZE);
    virt_create_devices(&m, &cfg, spi);

    for (int n = 0; n < 32; n++) {
        u64 base = 0x0a000000ull + 0x200ull * n;
        CHECK(rd(&m, base) == 0x74726976 && rd(&m, base + 4) == 2);
        u32 id = rd(&m, base + 8);
        CHECK(id == (n == 31 ? VIRTIO_ID_BLOCK : n == 30 ? VIRTIO_ID_RNG : n == 29 ? VIRTIO_ID_BLOCK : 0));
    }
    CHECK(rd(&m, 0x09010000) == 951868800);
    CHECK(rd(&m, 0x09010fe0) == 0x31);

    /* Transport 31's interrupt is SPI 47: a config change raises it. */
    as_write(&m.as, 0x0a003e00 + VIRTIO_MMIO_STATUS, 4, 1);
    CHECK(levels[47] == 0);
    as_write(&m.as, 0x0a003e00 + VIRTIO_MMIO_QUEUE_SEL, 4, 0);
    as_write(&m.as, 0x0a003e00 + VIRTIO_MMIO_QUEUE_NUM, 4, 3); /* not a power of two */
    as_write(&m.as, 0x0a003e00 + VIRTIO_MMIO_STATUS, 4, 1 | 2 | 4);
    as_write(&m.as, 0x0a003e00 + VIRTIO_MMIO_QUEUE_READY, 4, 1);
    CHECK(levels[47] == 1);
    CHECK(rd(&m, 0x0a003e00 + VIRTIO_MMIO_STATUS) & VIRTIO_STATUS_DEVICE_NEEDS_RESET);
    /* PL031 alarm on SPI 2. */
    as_write(&m.as, 0x09010010, 4, 1);
    as_write(&m.as, 0x09010004, 4, rd(&m, 0x09010000));
    CHECK(levels[2] == 1);
    unlink(img);
    return td_result("virtio_board");
}
