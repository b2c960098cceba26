/* SPDX-License-Identifier: MIT */
/* A tiny assertion kit for host unit tests: failures print file:line and the values, the test
 * keeps going, and check_exit() turns the count into the exit status. */
#ifndef EMU_TESTS_UNIT_CHECK_H
#define EMU_TESTS_UNIT_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures, check_count;

static inline void check_fail(const char *file, int line, const char *what)
{
    check_failures++;
    fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
}

static inline void check_true(int ok, const char *expr, const char *file, int line)
{
    check_count++;
    if (!ok)
        check_fail(file, line, expr);
}

static inline void check_u64(unsigned long long got, unsigned long long want, const char *expr,
                             const char *file, int line)
{
    char buf[256];
    check_count++;
    if (got != want) {
        snprintf(buf, sizeof(buf), "%s: got %#llx, want %#llx", expr, got, want);
        check_fail(file, line, buf);
    }
}

/* Does haystack contain needle? Reports both on failure. */
static inline void check_has(const char *hay, const char *needle, const char *expr,
                             const char *file, int line)
{
    char buf[512];
    check_count++;
    if (!hay || !strstr(hay, needle)) {
        snprintf(buf, sizeof(buf), "%s: '%.300s' does not contain '%s'", expr,
                 hay ? hay : "(null)", needle);
        check_fail(file, line, buf);
    }
}

#define CHECK(cond) check_true(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_EQ(got, want) check_u64((unsigned long long)(got), (unsigned long long)(want), \
                                      #got " == " #want, __FILE__, __LINE__)
#define CHECK_HAS(hay, needle) check_has(hay, needle, #hay " has " #needle, __FILE__, __LINE__)

static inline int check_exit(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
