/* SPDX-License-Identifier: MIT */
/*
 * Arm semihosting ("Semihosting for AArch32 and AArch64", version 2): console I/O through the
 * ":tt" special file, time from the virtual clock (never host time), command line, exit.
 * Callable from EL1 and above only: at EL0 HLT #0xF000 is UNDEFINED, as in QEMU without
 * -semihosting-config userspace=on.
 */
#include "cpu/arm64/semihost.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/machine.h"
#include "core/output_gate.h"
#include "core/snapshot.h"
#include "core/replay.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"

enum {
    SYS_OPEN = 0x01,
    SYS_CLOSE = 0x02,
    SYS_WRITEC = 0x03,
    SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05,
    SYS_READ = 0x06,
    SYS_READC = 0x07,
    SYS_ISERROR = 0x08,
    SYS_ISTTY = 0x09,
    SYS_CLOCK = 0x10,
    SYS_TIME = 0x11,
    SYS_ERRNO = 0x13,
    SYS_GET_CMDLINE = 0x15,
    SYS_HEAPINFO = 0x16,
    SYS_EXIT = 0x18,
    SYS_EXIT_EXTENDED = 0x20,
    SYS_ELAPSED = 0x30,
    SYS_TICKFREQ = 0x31,
};

#define ADP_Stopped_ApplicationExit 0x20026

/* Handles of the ":tt" file: opened for reading (stdin), writing (stdout), append (stderr). */
enum { SH_STDIN = 1, SH_STDOUT = 2, SH_STDERR = 3 };

static int sh_errno;

/* One console byte from the guest: a reverse re-execution's repeat of output already printed
 * is swallowed (core/output_gate.h). The streams register on first use. */
static void sh_putc(FILE *f, int c)
{
    static int gate_out = -2, gate_err = -2;
    int *gate = f == stderr ? &gate_err : &gate_out;
    if (*gate == -2)
        *gate = output_gate_register(f == stderr ? "semihosting stderr" : "semihosting stdout");
    if (!output_gate_skip(*gate, 1))
        fputc(c, f);
}

static u64 arg(struct a64_cpu *cpu, u64 block, int i)
{
    return a64_read(cpu, block + 8 * (u64)i, 8, 0);
}

static FILE *sh_file(u64 handle)
{
    switch (handle) {
    case SH_STDIN: return stdin;
    case SH_STDOUT: return stdout;
    case SH_STDERR: return stderr;
    default: return NULL;
    }
}

static u64 sh_open(struct a64_cpu *cpu, u64 block)
{
    u64 name = arg(cpu, block, 0), mode = arg(cpu, block, 1), len = arg(cpu, block, 2);
    char buf[4] = "";
    for (u64 i = 0; i < len && i < 3; i++)
        buf[i] = (char)a64_read(cpu, name + i, 1, 0);
    if (len != 3 || strcmp(buf, ":tt") || mode > 11) {
        sh_errno = ENOENT;
        return ~0ull;
    }
    return mode < 4 ? SH_STDIN : mode < 8 ? SH_STDOUT : SH_STDERR;
}

/* SYS_WRITE: returns the number of bytes not written. */
static u64 sh_write(struct a64_cpu *cpu, u64 block)
{
    u64 h = arg(cpu, block, 0), buf = arg(cpu, block, 1), len = arg(cpu, block, 2);
    FILE *f = sh_file(h);
    if (!f || f == stdin) {
        sh_errno = EBADF;
        return len;
    }
    for (u64 i = 0; i < len; i++)
        sh_putc(f, (int)a64_read(cpu, buf + i, 1, 0));
    fflush(f);
    return 0;
}

/* SYS_READ from stdin: returns the number of bytes not read. */
static u64 sh_read(struct a64_cpu *cpu, u64 block)
{
    u64 h = arg(cpu, block, 0), buf = arg(cpu, block, 1), len = arg(cpu, block, 2);
    if (h != SH_STDIN) {
        sh_errno = EBADF;
        return ~0ull;
    }
    u64 i = 0;
    for (; i < len; i++) {
        int c = replay_sync_getc(getchar); /* host input: logged / replayed */
        if (c == EOF)
            break;
        a64_write(cpu, buf + i, 1, (u64)c, 0);
        if (c == '\n') {
            i++;
            break;
        }
    }
    return len - i;
}

static u64 sh_get_cmdline(struct a64_cpu *cpu, u64 block)
{
    /* As QEMU does, the "command used to invoke the application" is the image path followed
     * by -append's arguments. */
    const struct emu_config *cfg = cpu->vcpu.machine->cfg;
    char cmdline[4096];
    snprintf(cmdline, sizeof(cmdline), "%s%s%s", cfg->kernel ? cfg->kernel : "",
             cfg->append ? " " : "", cfg->append ? cfg->append : "");
    u64 buf = arg(cpu, block, 0), size = arg(cpu, block, 1);
    u64 len = strlen(cmdline);
    if (len + 1 > size) {
        sh_errno = E2BIG;
        return ~0ull;
    }
    for (u64 i = 0; i < len; i++)
        a64_write(cpu, buf + i, 1, (u8)cmdline[i], 0);
    a64_write(cpu, buf + len, 1, 0, 0);
    a64_write(cpu, block + 8, 8, len, 0);
    return 0;
}

static u64 sh_exit(struct a64_cpu *cpu, u64 block)
{
    u64 reason = arg(cpu, block, 0), code = arg(cpu, block, 1);
    machine_request_shutdown(cpu->vcpu.machine,
                             reason == ADP_Stopped_ApplicationExit ? (int)(code & 0xff) : 1);
    vcpu_stop_run(&cpu->vcpu);
    return 0;
}

static u64 sh_close(struct a64_cpu *cpu, u64 block)
{
    return sh_file(arg(cpu, block, 0)) ? 0 : ~0ull;
}

static u64 sh_writec(struct a64_cpu *cpu, u64 addr)
{
    sh_putc(stdout, (int)a64_read(cpu, addr, 1, 0));
    fflush(stdout);
    return cpu->x[0];
}

static u64 sh_write0(struct a64_cpu *cpu, u64 addr)
{
    for (;; addr++) {
        int c = (int)a64_read(cpu, addr, 1, 0);
        if (!c)
            break;
        sh_putc(stdout, c);
    }
    fflush(stdout);
    return cpu->x[0];
}

static u64 sh_readc(struct a64_cpu *cpu, u64 unused)
{
    int c = replay_sync_getc(getchar); /* host input: logged / replayed */
    return c == EOF ? 0 : (u64)c;
}

static u64 sh_iserror(struct a64_cpu *cpu, u64 block)
{
    return (s64)arg(cpu, block, 0) < 0;
}

static u64 sh_istty(struct a64_cpu *cpu, u64 block)
{
    return sh_file(arg(cpu, block, 0)) != NULL;
}

static u64 now_ns(struct a64_cpu *cpu)
{
    return vclock_now_ns(&cpu->vcpu.machine->clock);
}

/* Time is virtual: SYS_CLOCK in centiseconds, SYS_TIME in seconds since start, SYS_ELAPSED in
 * ticks of SYS_TICKFREQ = 1 GHz (nanoseconds). */
static u64 sh_clock(struct a64_cpu *cpu, u64 unused)
{
    return now_ns(cpu) / 10000000;
}

static u64 sh_time(struct a64_cpu *cpu, u64 unused)
{
    return now_ns(cpu) / 1000000000;
}

static u64 sh_elapsed(struct a64_cpu *cpu, u64 addr)
{
    a64_write(cpu, addr, 8, now_ns(cpu), 0);
    return 0;
}

static u64 sh_tickfreq(struct a64_cpu *cpu, u64 unused)
{
    return 1000000000;
}

static u64 sh_errno_get(struct a64_cpu *cpu, u64 unused)
{
    return (u64)sh_errno;
}

/* Heap and stack unknown: zeros tell the C library to use its own defaults. */
static u64 sh_heapinfo(struct a64_cpu *cpu, u64 ptr)
{
    u64 block = arg(cpu, ptr, 0);
    for (int i = 0; i < 4; i++)
        a64_write(cpu, block + 8 * (u64)i, 8, 0, 0);
    return 0;
}

typedef u64 (*sh_fn)(struct a64_cpu *cpu, u64 x1);

static const sh_fn sh_calls[] = {
    [SYS_OPEN] = sh_open,          [SYS_CLOSE] = sh_close,
    [SYS_WRITEC] = sh_writec,      [SYS_WRITE0] = sh_write0,
    [SYS_WRITE] = sh_write,        [SYS_READ] = sh_read,
    [SYS_READC] = sh_readc,        [SYS_ISERROR] = sh_iserror,
    [SYS_ISTTY] = sh_istty,        [SYS_CLOCK] = sh_clock,
    [SYS_TIME] = sh_time,          [SYS_ERRNO] = sh_errno_get,
    [SYS_GET_CMDLINE] = sh_get_cmdline, [SYS_HEAPINFO] = sh_heapinfo,
    [SYS_EXIT] = sh_exit,          [SYS_EXIT_EXTENDED] = sh_exit,
    [SYS_ELAPSED] = sh_elapsed,    [SYS_TICKFREQ] = sh_tickfreq,
};

void a64_semihost_call(struct a64_cpu *cpu)
{
    if (cpu->el == 0)
        a64_undef(cpu);
    u32 op = (u32)cpu->x[0];
    if (op >= ARRAY_SIZE(sh_calls) || !sh_calls[op]) {
        sh_errno = ENOSYS;
        cpu->x[0] = ~0ull;
        return;
    }
    cpu->x[0] = sh_calls[op](cpu, cpu->x[1]);
}

/* Snapshot section "semihosting": SYS_ERRNO's value (the console handles have no state). */
static void semihost_save(void *opaque, struct snap_writer *w)
{
    snap_put_u32(w, (u32)sh_errno);
}

static void semihost_load(void *opaque, struct snap_reader *r, u32 version)
{
    sh_errno = (int)snap_get_u32(r);
}

void a64_semihost_snap_register(struct machine *m)
{
    snap_register(m, "semihosting", 1, semihost_save, semihost_load, NULL);
}
