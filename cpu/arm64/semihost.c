/* SPDX-License-Identifier: MIT */
/* Semihosting calls (bootstrap subset: console output and exit). */
#include "cpu/arm64/semihost.h"

#include <stdio.h>

#include "core/machine.h"
#include "cpu/arm64/mem.h"

enum {
    SYS_WRITEC = 0x03,
    SYS_WRITE0 = 0x04,
    SYS_EXIT = 0x18,
    SYS_EXIT_EXTENDED = 0x20,
};

#define ADP_Stopped_ApplicationExit 0x20026

void a64_semihost_call(struct a64_cpu *cpu)
{
    u32 op = (u32)cpu->x[0];
    u64 arg = cpu->x[1];
    struct machine *m = cpu->vcpu.machine;
    switch (op) {
    case SYS_WRITEC:
        putchar((int)a64_read(cpu, arg, 1, 0));
        fflush(stdout);
        break;
    case SYS_WRITE0:
        for (;; arg++) {
            int c = (int)a64_read(cpu, arg, 1, 0);
            if (!c)
                break;
            putchar(c);
        }
        fflush(stdout);
        break;
    case SYS_EXIT:
    case SYS_EXIT_EXTENDED: {
        u64 reason = a64_read(cpu, arg, 8, 0), code = a64_read(cpu, arg + 8, 8, 0);
        machine_request_shutdown(m, reason == ADP_Stopped_ApplicationExit ? (int)(code & 0xff) : 1);
        break;
    }
    default:
        cpu->x[0] = ~0ull;
        break;
    }
}
