/* SPDX-License-Identifier: MIT */
/* Unit test of the command line (core/cli.c, core/cli_subopt.c) through cli_parse(). */
#include "core/cli.h"

#include <stdarg.h>
#include <unistd.h>

#include "check.h"
#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/model.h"

static struct emu_config cfg;
static char err[512];
static char *out_text;
static char tmpfile_path[] = "/tmp/emu-cli-test-XXXXXX";

/* Parse the NULL-terminated argument list (argv[0] is supplied). */
static int parse(const char *first, ...)
{
    char *argv[64] = {"emu"};
    int argc = 1;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a; a = va_arg(ap, const char *))
        argv[argc++] = (char *)a;
    va_end(ap);
    size_t len;
    free(out_text);
    out_text = NULL;
    FILE *out = open_memstream(&out_text, &len);
    int r = cli_parse(argc, argv, &cfg, out, err, sizeof(err));
    fclose(out);
    return r;
}

static void test_defaults(void)
{
    CHECK_EQ(parse(NULL), CLI_RUN);
    CHECK(!strcmp(cfg.machine, "arm64-virt"));
    CHECK(!strcmp(cfg.cpu_model, "max"));
    CHECK_EQ(cfg.ram_size, 128ull << 20);
    CHECK_EQ(cfg.smp, 1);
    CHECK_EQ(cfg.icount_shift, 0);
    CHECK(!cfg.semihosting && !cfg.nographic && !cfg.kernel);
}

static void test_sizes(void)
{
    CHECK_EQ(parse("-m", "1G", NULL), CLI_RUN);
    CHECK_EQ(cfg.ram_size, 1ull << 30);
    CHECK_EQ(parse("-m", "512M", NULL), CLI_RUN);
    CHECK_EQ(cfg.ram_size, 512ull << 20);
    CHECK_EQ(parse("-m", "2048", NULL), CLI_RUN); /* plain number: MiB, as QEMU */
    CHECK_EQ(cfg.ram_size, 2048ull << 20);
    CHECK_EQ(parse("-m", "256MB", NULL), CLI_RUN);
    CHECK_EQ(cfg.ram_size, 256ull << 20);
    CHECK_EQ(parse("-m", "size=2g", NULL), CLI_RUN);
    CHECK_EQ(cfg.ram_size, 2ull << 30);
    CHECK_EQ(parse("-m", "1001K", NULL), CLI_RUN); /* rounded up to whole pages */
    CHECK_EQ(cfg.ram_size, 1028096);
    const char *bad[] = {"0", "0G", "abc", "1X", "-1", "", "1G5", "G", "256G",
                         "99999999999999999999", "17179869184T", "1,slots=2"};
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        CHECK_EQ(parse("-m", bad[i], NULL), 2);
        CHECK_HAS(err, "-m: ");
    }
    CHECK_EQ(parse("-m", "255G", NULL), CLI_RUN);
    CHECK_HAS((parse("-m", "300G", NULL), err), "too large");
    u64 b;
    CHECK(cli_parse_size("4k", &b) && b == 4096);
    CHECK(!cli_parse_size("4kk", &b));
}

static void test_machine(void)
{
    CHECK_EQ(parse("-M", "arm64-virt,virtualization=on,secure=off", NULL), CLI_RUN);
    CHECK_EQ(cfg.nmprops, 2);
    CHECK(cfg_machine_prop_bool(&cfg, "virtualization", false));
    CHECK(!cfg_machine_prop_bool(&cfg, "secure", true));
    CHECK(cfg_machine_prop(&cfg, "gic-version") == NULL);
    CHECK_EQ(parse("-machine", "type=arm64-virt,virtualization=off", NULL), CLI_RUN);
    CHECK_EQ(parse("-M", "arm64-virt,secure=on", "-machine", "virtualization=on", "-machine",
                   "secure=off", NULL), CLI_RUN);
    CHECK_EQ(cfg.nmprops, 2);
    CHECK(cfg_machine_prop_bool(&cfg, "virtualization", false));
    CHECK(!cfg_machine_prop_bool(&cfg, "secure", true));
    CHECK(!strcmp(cfg.machine, "arm64-virt"));
    CHECK_EQ(parse("-M", "arm64-virt,bogus=1", NULL), 2);
    CHECK_HAS(err, "no property 'bogus'");
    CHECK_HAS(err, "virtualization, secure");
    CHECK_EQ(parse("-M", "arm64-virt,virtualization", NULL), 2);
    CHECK_HAS(err, "needs a value");
    CHECK_EQ(parse("-M", "pc", NULL), 2);
    CHECK_HAS(err, "unknown machine 'pc'");
    CHECK_EQ(parse("-M", "help", NULL), 0);
    CHECK_HAS(out_text, "arm64-virt");
    CHECK_HAS(out_text, "virtualization");
    CHECK_EQ(parse("-M", "arm64-virt,help", NULL), 0);
    CHECK_HAS(out_text, "secure");
    CHECK_EQ(parse("-cpu", "help", NULL), 0);
    CHECK_HAS(out_text, "max");
    CHECK_EQ(parse("-cpu", "cortex-z99", NULL), 2);
    CHECK_HAS(err, "unknown CPU model 'cortex-z99'");
    /* Every -cpu name the board accepts is a model the CPU code can build. */
    for (const char *const *n = machine_find("arm64-virt")->cpu_models; *n; n++) {
        CHECK(a64_model_find(*n) != NULL);
        CHECK_EQ(parse("-cpu", *n, NULL), CLI_RUN);
    }
    CHECK_EQ(parse("-cpu", "max", "-smp", "4", NULL), CLI_RUN);
    CHECK_EQ(cfg.smp, 4);
    CHECK_EQ(parse("-smp", "cpus=2", NULL), CLI_RUN);
    CHECK_EQ(cfg.smp, 2);
    CHECK_EQ(parse("-smp", "sockets=2,cores=4", NULL), CLI_RUN);
    CHECK_EQ(cfg.smp, 8);
    CHECK_EQ(parse("-smp", "0", NULL), 2);
    CHECK_EQ(parse("-smp", "65", NULL), 2);
    CHECK_EQ(parse("-smp", "2,dies=3", NULL), 2);
    CHECK_EQ(parse("-device", "help", NULL), 0);
    CHECK_EQ(parse("-device", "no-such-dev,x=1", NULL), 2);
    CHECK_HAS(err, "no device 'no-such-dev'");
}

static void test_files(void)
{
    CHECK_EQ(parse("-kernel", "/nonexistent/Image", NULL), 1);
    CHECK_HAS(err, "-kernel: cannot open '/nonexistent/Image': No such file");
    CHECK_EQ(parse("-kernel", "/tmp", NULL), 1);
    CHECK_HAS(err, "is a directory");
    CHECK_EQ(parse("-initrd", "/nonexistent/initrd", NULL), 1);
    CHECK_EQ(parse("-dtb", "/nonexistent/x.dtb", NULL), 1);
    CHECK_EQ(parse("-kernel", tmpfile_path, "-initrd", tmpfile_path, "-append", "console=ttyAMA0",
                   NULL), CLI_RUN);
    CHECK(!strcmp(cfg.kernel, tmpfile_path) && !strcmp(cfg.append, "console=ttyAMA0"));
    CHECK_EQ(parse("-kernel", NULL), 2);
    CHECK_HAS(err, "needs an argument");
}

static void test_drive_netdev(void)
{
    char spec[128];
    snprintf(spec, sizeof(spec), "file=%s,if=virtio,format=raw,readonly=on,id=d0", tmpfile_path);
    CHECK_EQ(parse("-drive", spec, NULL), CLI_RUN);
    CHECK_EQ(cfg.ndrives, 1);
    CHECK(cfg.drives[0].readonly && !cfg.drives[0].snapshot);
    CHECK(!strcmp(cfg.drives[0].id, "d0") && !strcmp(cfg.drives[0].interface, "virtio"));
    snprintf(spec, sizeof(spec), "file=%s,format=qcow2", tmpfile_path);
    CHECK_EQ(parse("-drive", spec, NULL), 2);
    CHECK_HAS(err, "format=qcow2 is not supported");
    snprintf(spec, sizeof(spec), "file=%s,cache=none", tmpfile_path);
    CHECK_EQ(parse("-drive", spec, NULL), 2);
    CHECK_HAS(err, "unknown parameter 'cache'");
    snprintf(spec, sizeof(spec), "file=%s,snapshot=maybe", tmpfile_path);
    CHECK_EQ(parse("-drive", spec, NULL), 2);
    CHECK_EQ(parse("-drive", "if=virtio", NULL), 2);
    CHECK_HAS(err, "missing file=");
    CHECK_EQ(parse("-drive", "file=/nonexistent.img", NULL), 1);

    CHECK_EQ(parse("-netdev", "user,id=n0,hostfwd=tcp::2222-:22,hostfwd=udp:127.0.0.1:5353-"
                              "10.0.2.15:53", NULL), CLI_RUN);
    CHECK_EQ(cfg.nnetdevs, 1);
    CHECK_EQ(cfg.netdevs[0].nhostfwd, 2);
    CHECK(!strcmp(cfg.netdevs[0].id, "n0"));
    CHECK_EQ(parse("-netdev", "user,id=n0,hostfwd=tcp::99999-:22", NULL), 2);
    CHECK_HAS(err, "bad hostfwd");
    CHECK_EQ(parse("-netdev", "user,hostfwd=tcp::2222-:22", NULL), 2);
    CHECK_HAS(err, "missing id");
    CHECK_EQ(parse("-netdev", "tap,id=t0", NULL), 2);
    CHECK_EQ(parse("-netdev", "user,id=a", "-netdev", "user,id=a", NULL), 2);
    CHECK_HAS(err, "duplicate id");
}

static void test_misc(void)
{
    CHECK_EQ(parse("-d", "int,mmu", "-D", "/tmp/emu.log", NULL), CLI_RUN);
    CHECK_EQ(cfg.log_mask, LOG_INT | LOG_MMU);
    CHECK(!strcmp(cfg.log_file, "/tmp/emu.log"));
    CHECK_EQ(parse("-d", "int,nonsense", NULL), 2);
    CHECK_HAS(err, "unknown -d item 'nonsense'");
    CHECK_EQ(parse("-d", "help", NULL), 0);
    CHECK_HAS(out_text, "in_asm");
    CHECK_EQ(parse("-icount", "shift=3", NULL), CLI_RUN);
    CHECK_EQ(cfg.icount_shift, 3);
    CHECK_EQ(parse("-icount", "2", NULL), CLI_RUN);
    CHECK_EQ(cfg.icount_shift, 2);
    CHECK_EQ(parse("-icount", "shift=auto", NULL), 2);
    CHECK_EQ(parse("-icount", "shift=11", NULL), 2);
    CHECK_EQ(parse("-semihosting-config", "enable=on,target=native", NULL), CLI_RUN);
    CHECK(cfg.semihosting);
    CHECK_EQ(parse("-semihosting-config", "enable=off", NULL), CLI_RUN);
    CHECK(!cfg.semihosting);
    CHECK_EQ(parse("-semihosting-config", "target=gdb", NULL), 2);
    CHECK_EQ(parse("-max-insns", "1000", NULL), CLI_RUN);
    CHECK_EQ(cfg.max_insns, 1000);
    CHECK_EQ(parse("-max-insns", "0", NULL), 2);
    CHECK_EQ(parse("-max-insns", "12abc", NULL), 2);
    CHECK_EQ(parse("-rtc", "base=utc", NULL), CLI_RUN);
    CHECK_EQ(parse("-rtc", "base=2020-02-29T12:00:00,clock=vm", NULL), CLI_RUN);
    CHECK(!strcmp(cfg.rtc_base, "2020-02-29T12:00:00"));
    CHECK_EQ(parse("-rtc", "base=yesterday", NULL), 2);
    CHECK_EQ(parse("-rtc", "clock=host", NULL), 2);
    CHECK_EQ(parse("-serial", "file:/tmp/x", "-nographic", NULL), CLI_RUN);
    CHECK(cfg.nographic);
    CHECK_EQ(parse("-serial", "tcp:1234", NULL), 2);
    CHECK_EQ(parse("-monitor", "stdio", "-serial", "stdio", NULL), 2);
    CHECK_EQ(parse("-monitor", "stdio", NULL), 2); /* the serial console defaults to stdio */
    CHECK_HAS(err, "already uses stdio");
    CHECK_EQ(parse("-monitor", "stdio", "-serial", "mon:stdio", NULL), 2);
    CHECK_EQ(parse("-monitor", "stdio", "-serial", "null", "-S", NULL), CLI_RUN);
    CHECK(cfg.start_paused);
    CHECK_EQ(parse("-S", NULL), 2);
    CHECK_HAS(err, "-S needs");
    CHECK_EQ(parse("-monitor", "tcp:1", NULL), 2);
    CHECK_EQ(parse("-snapshot", NULL), CLI_RUN);
    CHECK(cfg.snapshot);
    CHECK_EQ(parse("-loadvm", "s1", "-snapshot-dir", "/tmp/snaps", NULL), CLI_RUN);
    CHECK(cfg.loadvm && !strcmp(cfg.loadvm, "s1"));
    CHECK(cfg.snapshot_dir && !strcmp(cfg.snapshot_dir, "/tmp/snaps"));
    CHECK_EQ(parse("-savevm-at", "0x100:mid", NULL), CLI_RUN);
    CHECK_EQ(cfg.savevm_at, 0x100);
    CHECK(cfg.savevm_at_name && !strcmp(cfg.savevm_at_name, "mid"));
    CHECK_EQ(parse("-savevm-at", "100", NULL), 2);
    CHECK_HAS(err, "expected ICOUNT:NAME");
    CHECK_EQ(parse("-savevm-at", "x:mid", NULL), 2);
    CHECK_EQ(parse("--version", NULL), 0);
    CHECK_HAS(out_text, "emu version");
    CHECK_EQ(parse("-help", NULL), 0);
    CHECK_HAS(out_text, "-max-insns N");
    CHECK_EQ(parse("-frobnicate", NULL), 2);
    CHECK_HAS(err, "unknown option '-frobnicate'");
    CHECK_EQ(parse("Image", NULL), 2);
    CHECK_HAS(err, "unexpected argument 'Image'");
}

static void test_not_implemented(void)
{
    const char *opts[][2] = {{"-semihosting-config", "target=gdb"}};
    for (size_t i = 0; i < ARRAY_SIZE(opts); i++) {
        CHECK_EQ(parse(opts[i][0], opts[i][1], NULL), 2);
        CHECK_HAS(err, "is not implemented yet");
        CHECK_HAS(err, opts[i][0] + 1);
    }
}

static void test_machine_options(void)
{
    /* The parser accepts these; the board refuses those it does not implement yet. */
    char drive[128];
    snprintf(drive, sizeof(drive), "file=%s,readonly=on", tmpfile_path);
    const struct {
        const char *opt, *arg;
        u32 bit;
    } opts[] = {
        {"-initrd", tmpfile_path, MACHINE_OPT_INITRD}, {"-append", "quiet", MACHINE_OPT_APPEND},
        {"-dtb", tmpfile_path, MACHINE_OPT_DTB},       {"-bios", tmpfile_path, MACHINE_OPT_BIOS},
        {"-drive", drive, MACHINE_OPT_DRIVE},          {"-netdev", "user,id=n", MACHINE_OPT_NETDEV},
        {"-rtc", "base=utc", MACHINE_OPT_RTC},
    };
    u32 has = machine_find("arm64-virt")->options;
    CHECK_EQ(parse("-kernel", tmpfile_path, NULL), CLI_RUN);
    CHECK_EQ(cli_check_machine_options(&cfg, err, sizeof(err)), 0);
    for (size_t i = 0; i < ARRAY_SIZE(opts); i++) {
        CHECK_EQ(parse(opts[i].opt, opts[i].arg, NULL), CLI_RUN);
        int r = cli_check_machine_options(&cfg, err, sizeof(err));
        CHECK_EQ(r, has & opts[i].bit ? 0 : 2);
        if (r) {
            CHECK_HAS(err, opts[i].opt);
            CHECK_HAS(err, "not implemented");
        }
    }
    CHECK_EQ(parse("-semihosting", "-append", "a b c", NULL), CLI_RUN);
    CHECK_EQ(cli_check_machine_options(&cfg, err, sizeof(err)), 0);
    CHECK_EQ(parse("-device", "virtio-rng-device,seed=1", NULL), CLI_RUN);
    CHECK_EQ(cfg.ndevices, 1);
}

int main(void)
{
    int fd = mkstemp(tmpfile_path);
    if (fd < 0 || write(fd, "data", 4) != 4)
        return 1;
    close(fd);
    test_defaults();
    test_sizes();
    test_machine();
    test_files();
    test_drive_netdev();
    test_misc();
    test_not_implemented();
    test_machine_options();
    unlink(tmpfile_path);
    free(out_text);
    return check_exit("cli");
}
