/* SPDX-License-Identifier: MIT */
/* Unit test of core/monitor.c: built-in commands on a real arm64-virt machine, dispatch of
 * registered commands, pause/resume/quit. */
#include "core/monitor.h"

#include <unistd.h>

#include "check.h"
#include "core/cli.h"
#include "core/machine.h"

static struct machine m;
static char *text;

/* Run one command, capturing its output in text. */
static bool run(const char *line)
{
    size_t len;
    free(text);
    text = NULL;
    FILE *out = open_memstream(&text, &len);
    bool ok = monitor_exec(&m, line, out);
    fclose(out);
    return ok;
}

static int seen_argc;
static char seen_args[256];

static void cmd_info_test(struct machine *mm, int argc, char **argv, FILE *out)
{
    seen_argc = argc;
    seen_args[0] = 0;
    for (int i = 0; i < argc; i++) {
        strcat(seen_args, argv[i]);
        strcat(seen_args, "|");
    }
    fprintf(out, "machine %s\n", mm == &m ? "ok" : "wrong");
}

static void nop(void *opaque, u64 now) {}

int main(void)
{
    static struct emu_config cfg;
    char kernel[] = "/tmp/emu-monitor-test-XXXXXX", err[256];
    int fd = mkstemp(kernel);
    /* A raw image: `b .` */
    if (fd < 0 || write(fd, "\x00\x00\x00\x14", 4) != 4)
        return 1;
    close(fd);
    char *argv[] = {"emu", "-m", "256M", "-smp", "2", "-kernel", kernel, NULL};
    CHECK_EQ(cli_parse(7, argv, &cfg, stdout, err, sizeof(err)), CLI_RUN);
    machine_init(&m, machine_find(cfg.machine), &cfg);
    unlink(kernel);

    CHECK(run("info mtree"));
    CHECK_HAS(text, "0000000040000000-000000004fffffff (prio 0, ram): mach-virt.ram");
    CHECK(run("info cpus"));
    CHECK_HAS(text, "CPU #0: arch=aarch64 state=running");
    CHECK_HAS(text, "CPU #1: arch=aarch64 state=off");
    CHECK(run("  info   registers  "));
    /* a raw image is loaded as QEMU does, at RAM base + 0x80000 (hw/virt_boot.c) */
    CHECK_HAS(text, "PC=0000000040080000");
    CHECK_HAS(text, "cpu1 ");
    CHECK(run("help"));
    CHECK_HAS(text, "info mtree");
    CHECK_HAS(text, "quit");
    CHECK(run("help info"));
    CHECK(strstr(text, "quit") == NULL);
    CHECK(run("info"));
    CHECK_HAS(text, "info registers");
    CHECK(run(""));

    struct vevent ev;
    vevent_init(&ev, "test-timer", nop, NULL);
    vevent_arm(&m.clock, &ev, 12345);
    CHECK(run("info events"));
    CHECK_HAS(text, "test-timer");
    CHECK_HAS(text, "12345 ns");
    vevent_cancel(&m.clock, &ev);

    /* xp reads physical memory through the address space (the raw image is at RAM base +
     * 0x80000, as QEMU loads it). */
    CHECK(run("xp /2xw 0x40080000"));
    CHECK_HAS(text, "0000000040080000: 0x14000000 0x00000000");
    CHECK(run("xp 0x40080000"));
    CHECK_HAS(text, "0000000040080000: 0x14000000\n");
    CHECK(run("xp /1db 0x40080003"));
    CHECK_HAS(text, "0000000040080003: 20\n");
    CHECK(run("xp /3xg 0x4ffffff8"));
    CHECK_HAS(text, "000000004ffffff8: 0x0000000000000000 Cannot access memory\n");
    CHECK(run("xp /9q 0x0"));
    CHECK_HAS(text, "usage: xp");

    /* Subsystems register their own commands, matched word by word. */
    monitor_register("info test", "[ARGS...]", "a test command", cmd_info_test);
    monitor_register("info test", "[ARGS...]", "a test command", cmd_info_test); /* no-op */
    CHECK(run("info test a 0x10"));
    CHECK_EQ(seen_argc, 3);
    CHECK(!strcmp(seen_args, "info test|a|0x10|"));
    CHECK_HAS(text, "machine ok");
    CHECK(run("info"));
    CHECK_HAS(text, "a test command");
    CHECK(!run("info tests"));
    CHECK_HAS(text, "unknown info command 'tests'");
    CHECK(!run("frobnicate now"));
    CHECK_HAS(text, "unknown command 'frobnicate'");
    CHECK(!run("infomtree"));

    CHECK(run("stop"));
    CHECK(m.paused);
    CHECK(run("info cpus"));
    CHECK_HAS(text, "stopped");
    CHECK(run("cont"));
    CHECK(!m.paused);
    CHECK(run("quit"));
    CHECK(m.shutdown);
    CHECK_EQ(m.exit_status, 0);
    /* A quit machine runs no instruction. */
    CHECK_EQ(machine_run(&m), 0);
    CHECK_EQ(m.clock.icount, 0);
    free(text);
    return check_exit("monitor");
}
