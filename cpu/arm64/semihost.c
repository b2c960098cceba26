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
        fputc((int)a64_read(cpu, buf + i, 1, 0), f);
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
        int c = getchar();
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
    const char *cmdline = cpu->vcpu.machine->cfg->append;
    u64 buf = arg(cpu, block, 0), size = arg(cpu, block, 1);
    u64 len = cmdline ? strlen(cmdline) : 0;
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

static void sh_exit(struct a64_cpu *cpu, u64 block)
{
    u64 reason = arg(cpu, block, 0), code = arg(cpu, block, 1);
    machine_request_shutdown(cpu->vcpu.machine,
                             reason == ADP_Stopped_ApplicationExit ? (int)(code & 0xff) : 1);
    cpu->vcpu.run_left = 0;
}

void a64_semihost_call(struct a64_cpu *cpu)
{
    if (cpu->el == 0)
        a64_undef(cpu);
    u32 op = (u32)cpu->x[0];
    u64 a1 = cpu->x[1];
    u64 now_ns = vclock_now_ns(&cpu->vcpu.machine->clock);
    u64 ret = 0;
    switch (op) {
    case SYS_OPEN:
        ret = sh_open(cpu, a1);
        break;
    case SYS_CLOSE:
        ret = sh_file(arg(cpu, a1, 0)) ? 0 : ~0ull;
        break;
    case SYS_WRITEC:
        putchar((int)a64_read(cpu, a1, 1, 0));
        fflush(stdout);
        ret = cpu->x[0];
        break;
    case SYS_WRITE0:
        for (;; a1++) {
            int c = (int)a64_read(cpu, a1, 1, 0);
            if (!c)
                break;
            putchar(c);
        }
        fflush(stdout);
        ret = cpu->x[0];
        break;
    case SYS_WRITE:
        ret = sh_write(cpu, a1);
        break;
    case SYS_READ:
        ret = sh_read(cpu, a1);
        break;
    case SYS_READC: {
        int c = getchar();
        ret = c == EOF ? 0 : (u64)c;
        break;
    }
    case SYS_ISERROR:
        ret = (s64)arg(cpu, a1, 0) < 0;
        break;
    case SYS_ISTTY:
        ret = sh_file(arg(cpu, a1, 0)) != NULL;
        break;
    case SYS_CLOCK:
        ret = now_ns / 10000000; /* centiseconds of virtual time */
        break;
    case SYS_TIME:
        ret = now_ns / 1000000000;
        break;
    case SYS_ELAPSED:
        a64_write(cpu, a1, 8, now_ns, 0);
        ret = 0;
        break;
    case SYS_TICKFREQ:
        ret = 1000000000; /* SYS_ELAPSED counts virtual nanoseconds */
        break;
    case SYS_ERRNO:
        ret = (u64)sh_errno;
        break;
    case SYS_GET_CMDLINE:
        ret = sh_get_cmdline(cpu, a1);
        break;
    case SYS_HEAPINFO:
        /* Heap and stack unknown: zeros tell the C library to use its own defaults. */
        for (int i = 0; i < 4; i++)
            a64_write(cpu, arg(cpu, a1, 0) + 8 * (u64)i, 8, 0, 0);
        ret = 0;
        break;
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED:
        sh_exit(cpu, a1);
        return;
    default:
        sh_errno = ENOSYS;
        ret = ~0ull;
        break;
    }
    cpu->x[0] = ret;
}
