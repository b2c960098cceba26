/* SPDX-License-Identifier: MIT */
/* arm64-virt device wiring: 32 transports at 0x0a000000 + 0x200n on SPI 16+n, the first
 * command-line device on the highest transport, PL031 at 0x09010000 on SPI 2. */
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hw/virt_devices.h"
#include "tests/unit/virtio_driver.h"

static int levels[64];
static int board_polls;

static void board_poll(struct machine *m, bool idle) { board_polls++; }

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

/* A bad specification is a usage error (exit status 2), reported before the guest runs. */
static void expect_usage_error(const char *img, const char *device, const char *rtc, int ndev)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        static struct emu_config cfg;
        cfg.drives[0] = (struct cfg_drive){.file = img, .id = "d0", .interface = "none"};
        cfg.ndrives = 1;
        for (int i = 0; i < ndev; i++)
            cfg.devices[i] = device;
        cfg.ndevices = ndev;
        cfg.rtc_base = rtc;
        static struct machine m;
        as_init(&m.as);
        vclock_init(&m.clock, 0);
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        virt_create_devices(&m, &cfg, NULL);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    if (!(WIFEXITED(st) && WEXITSTATUS(st) == 2))
        printf("  accepted: -device %s -rtc %s (x%d)\n", device, rtc ? rtc : "-", ndev);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2);
}

static void test_errors(const char *img)
{
    expect_usage_error(img, "virtio-blk-device", NULL, 1);
    expect_usage_error(img, "virtio-blk-device,drive=nope", NULL, 1);
    expect_usage_error(img, "virtio-gpu-device", NULL, 1);
    expect_usage_error(img, "virtio-net-device", NULL, 1);
    expect_usage_error(img, "virtio-net-device,netdev=n9", NULL, 1);
    expect_usage_error(img, "virtio-rng-device,seed=12x", NULL, 1);
    expect_usage_error(img, "virtio-rng-device,entropy=maybe", NULL, 1);
    expect_usage_error(img, "virtio-rng-device", "tomorrow", 1);
    expect_usage_error(img, "virtio-blk-device,drive=d0,bogus=1", NULL, 1);
    expect_usage_error(img, "virtio-rng-device,drive=d0", NULL, 1);
    /* One drive used by two devices. */
    expect_usage_error(img, "virtio-blk-device,drive=d0", NULL, 2);
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
    cfg.netdevs[0] = (struct cfg_netdev){.type = "user", .id = "n0"};
    cfg.nnetdevs = 1;
    cfg.devices[3] = "virtio-net-device,netdev=n0,mac=52:54:00:00:00:01";
    cfg.ndevices = 4;
    static struct machine m;
    as_init(&m.as);
    vclock_init(&m.clock, 0);
    as_add_ram(&m.as, "ram", TD_RAM_BASE, TD_RAM_SIZE);
    m.poll = board_poll;
    virt_create_devices(&m, &cfg, spi);
    /* The board's poll hook still runs, before the network's. */
    CHECK(m.poll && m.poll != board_poll);
    m.poll(&m, false);
    CHECK(board_polls == 1);
    u64 mac5;
    as_read(&m.as, 0x0a003800 + VIRTIO_MMIO_CONFIG + 5, 1, &mac5);
    CHECK(mac5 == 1);

    for (int n = 0; n < 32; n++) {
        u64 base = 0x0a000000ull + 0x200ull * n;
        CHECK(rd(&m, base) == 0x74726976 && rd(&m, base + 4) == 2);
        u32 id = rd(&m, base + 8);
        CHECK(id == (n == 31 ? VIRTIO_ID_BLOCK : n == 30 ? VIRTIO_ID_RNG : n == 29 ? VIRTIO_ID_BLOCK
                     : n == 28 ? VIRTIO_ID_NET : 0));
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
    test_errors(img);
    unlink(img);
    return td_result("virtio_board");
}
