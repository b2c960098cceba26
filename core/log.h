/* SPDX-License-Identifier: MIT */
/* Runtime logging (-d ITEMS, -D FILE) and fatal errors. No compile-time debug switches. */
#ifndef EMU_CORE_LOG_H
#define EMU_CORE_LOG_H

#include <stdio.h>

#include "core/types.h"

/* Items selectable with -d; `-d help` lists them with their descriptions. */
enum log_item {
    LOG_IN_ASM = 1u << 0,   /* instructions as they are decoded (capstone) */
    LOG_EXEC = 1u << 1,     /* each executed instruction / block */
    LOG_INT = 1u << 2,      /* exceptions and interrupts, ESR decoded */
    LOG_MMU = 1u << 3,      /* page-table walks and faults */
    LOG_TLB = 1u << 4,      /* TLB invalidations and what they removed */
    LOG_UNIMP = 1u << 5,    /* unimplemented device registers / features touched */
    LOG_GUEST_ERRORS = 1u << 6, /* guest did something architecturally odd */
    LOG_CPU = 1u << 7,      /* register dump before each executed instruction */
    LOG_DEV = 1u << 8,      /* device activity (virtio queues, GIC, timers) */
    LOG_PSCI = 1u << 9,     /* firmware calls */
    LOG_GDB = 1u << 20,     /* gdb remote protocol packets (gdbstub) */
};

extern u32 log_mask;        /* hot-path check: if (unlikely(log_mask & LOG_X)) */

/* Parse a comma-separated item list; returns false and writes a message on error. */
bool log_parse_items(const char *spec, u32 *mask, char *err, size_t errlen);
void log_list_items(FILE *out);
/* Redirect the log (default stderr). Returns false if the file cannot be opened. */
bool log_set_file(const char *path);
void log_printf(const char *fmt, ...) PRINTF_LIKE(1, 2);
void log_flush(void);

/* Runtime failure: one precise message, exit status 1. */
NORETURN void fatal(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* Bad usage (command line): one precise message, exit status 2. */
NORETURN void usage_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
/* An emu bug: message and abort. */
NORETURN void emu_bug(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
