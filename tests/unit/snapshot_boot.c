/* SPDX-License-Identifier: MIT */
/*
 * In-memory checkpoints of a booting Debian guest (arm64-virt, 512 MiB): run to N, take a
 * checkpoint, run to M and digest the machine; restore, run to M again: the digest must be the
 * same. Also times take/restore (docs/DETERMINISM.md). Skips without the guest kernel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "check.h"
#include "core/cli.h"
#include "core/machine.h"
#include "core/snapshot.h"
#include "cpu/arm64/cpu.h"

/* Defaults keep `make check` short; SNAP_BOOT_N/SNAP_BOOT_M move the points and
 * SNAP_BOOT_SMP sets -smp (measurements). */
static u64 N = 150000000ull, M = 190000000ull;

/* CPU time of this thread: on a shared host, wall time mostly measures the other jobs. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CRC32 of RAM and of every vCPU's registers, and the icount. */
static u64 digest(struct machine *m)
{
    uLong c = crc32(0L, Z_NULL, 0);
    for (int r = 0; r < m->as.nregions; r++) {
        const struct mem_region *mr = &m->as.regions[r];
        if (mr->kind == MR_RAM)
            for (u64 off = 0; off < mr->size; off += 1 << 20)
                c = crc32(c, mr->host + off, 1 << 20);
    }
    for (int i = 0; i < m->ncpus; i++) {
        struct a64_cpu *cpu = a64_from_vcpu(m->cpus[i]);
        c = crc32(c, (const u8 *)cpu->x, sizeof(cpu->x));
        c = crc32(c, (const u8 *)&cpu->pc, sizeof(cpu->pc));
        c = crc32(c, (const u8 *)cpu->sr, sizeof(cpu->sr));
        c = crc32(c, (const u8 *)cpu->v, sizeof(cpu->v));
    }
    return (u64)c << 32 ^ m->clock.icount;
}

static void run_to(struct machine *m, u64 icount)
{
    m->shutdown = false;
    m->cfg->max_insns = icount;
    machine_run(m);
}

int main(void)
{
    const char *cache = getenv("XDG_CACHE_HOME");
    char image[512], initrd[512], err[256];
    snprintf(image, sizeof(image), "%s%s/emu/Image", cache ? cache : getenv("HOME"),
             cache ? "" : "/.cache");
    snprintf(initrd, sizeof(initrd), "%s%s/emu/initrd-test.gz", cache ? cache : getenv("HOME"),
             cache ? "" : "/.cache");
    if (getenv("SNAP_BOOT_N"))
        N = strtoull(getenv("SNAP_BOOT_N"), NULL, 0);
    if (getenv("SNAP_BOOT_M"))
        M = strtoull(getenv("SNAP_BOOT_M"), NULL, 0);
    FILE *f = fopen(image, "rb");
    if (!f) {
        printf("no guest kernel %s (run tools/fetch-guest)\n", image);
        return 77;
    }
    fclose(f);
    static struct emu_config cfg;
    static struct machine m;
    char *smp = getenv("SNAP_BOOT_SMP") ? getenv("SNAP_BOOT_SMP") : "2";
    char *argv[] = {"emu", "-M", "arm64-virt", "-m", "512M", "-smp", smp, "-kernel", image,
                    "-initrd", initrd, "-append", "console=ttyAMA0", "-serial", "null", NULL};
    if (cli_parse(ARRAY_SIZE(argv) - 1, argv, &cfg, stdout, err, sizeof(err)) != CLI_RUN) {
        printf("cli: %s\n", err);
        return 1;
    }
    machine_init(&m, machine_find(cfg.machine), &cfg);
    run_to(&m, N);
    CHECK_EQ(m.clock.icount, N);
    double t0 = now_ms();
    struct snap_mem *s = snapshot_take(&m, NULL);
    double t1 = now_ms();
    run_to(&m, M);
    u64 d1 = digest(&m);
    double t2 = now_ms();
    struct snap_mem *s2 = snapshot_take(&m, s);
    double t3 = now_ms();
    CHECK(snapshot_restore(&m, s, err, sizeof(err)));
    double t4 = now_ms();
    CHECK_EQ(m.clock.icount, N);
    run_to(&m, M);
    CHECK_EQ(digest(&m), d1);
    /* And back to the later checkpoint. */
    CHECK(snapshot_restore(&m, s2, err, sizeof(err)));
    CHECK_EQ(digest(&m), d1);
    printf("CPU time: take %.1f ms (%.1f MiB), take on a base %.1f ms (%.1f MiB), restore %.1f ms\n",
           t1 - t0, snapshot_mem_bytes(s) / 1048576.0, t3 - t2,
           snapshot_mem_bytes(s2) / 1048576.0, t4 - t3);
    snapshot_free(s);
    snapshot_free(s2);
    return check_exit("snapshot_boot");
}
