/* SPDX-License-Identifier: MIT */
/* Runtime logging and error exits. */
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

u32 log_mask;
static FILE *log_file;

static const struct {
    const char *name;
    u32 bit;
    const char *help;
} log_items[] = {
    {"in_asm", LOG_IN_ASM, "show guest instructions as they are decoded (disassembled)"},
    {"exec", LOG_EXEC, "show each executed instruction's address"},
    {"cpu", LOG_CPU, "show the CPU registers before each executed instruction"},
    {"int", LOG_INT, "show exceptions and interrupts, with ESR decoded"},
    {"mmu", LOG_MMU, "log page-table walks: every descriptor read, result or fault"},
    {"tlb", LOG_TLB, "log TLB invalidations and what they removed"},
    {"unimp", LOG_UNIMP, "log accesses to unimplemented device or system features"},
    {"guest_errors", LOG_GUEST_ERRORS, "log architecturally odd guest behaviour"},
    {"dev", LOG_DEV, "log device activity (virtio, GIC, timers)"},
    {"psci", LOG_PSCI, "log firmware (PSCI/SMCCC) calls"},
    {"gdb", LOG_GDB, "log gdb remote protocol packets"},
};

bool log_parse_items(const char *spec, u32 *mask, char *err, size_t errlen)
{
    u32 m = 0;
    const char *p = spec;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        bool found = false;
        for (size_t i = 0; i < ARRAY_SIZE(log_items); i++) {
            if (strlen(log_items[i].name) == n && !strncmp(log_items[i].name, p, n)) {
                m |= log_items[i].bit;
                found = true;
            }
        }
        if (!found) {
            snprintf(err, errlen, "unknown -d item '%.*s' (try -d help)", (int)n, p);
            return false;
        }
        p += n;
        if (*p == ',')
            p++;
    }
    *mask = m;
    return true;
}

void log_list_items(FILE *out)
{
    fprintf(out, "Log items (comma-separated, with -d):\n");
    for (size_t i = 0; i < ARRAY_SIZE(log_items); i++)
        fprintf(out, "  %-14s %s\n", log_items[i].name, log_items[i].help);
}

bool log_set_file(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    if (log_file && log_file != stderr)
        fclose(log_file);
    log_file = f;
    return true;
}

void log_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file ? log_file : stderr, fmt, ap);
    va_end(ap);
}

void log_flush(void)
{
    fflush(log_file ? log_file : stderr);
}

static NORETURN void vdie(int status, const char *fmt, va_list ap)
{
    log_flush();
    fflush(stdout);
    fputs("emu: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    exit(status);
}

void fatal(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdie(1, fmt, ap);
}

void usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdie(2, fmt, ap);
}

void emu_bug(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_flush();
    fputs("emu: internal error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}
