/* SPDX-License-Identifier: MIT */
/* Shared between cli.c (the option table) and cli_subopt.c (key=value sub-option parsers). */
#ifndef EMU_CORE_CLI_INTERNAL_H
#define EMU_CORE_CLI_INTERNAL_H

#include <stdio.h>

#include "core/config.h"

/* A handler's "stop here, exit 0" result (it printed a help listing). */
#define CLI_DONE 100

struct cli_state {
    struct emu_config *cfg;
    FILE *out;
    char *err;
    size_t errlen;
    bool machine_help, cpu_help, device_help; /* listings that need the final machine */
};

struct cli_opt {
    const char *name;       /* without the leading '-' */
    const char *arg;        /* argument placeholder for -help, NULL for a flag */
    bool implemented;       /* false: refused with "not implemented yet" */
    int (*fn)(struct cli_state *st, const char *arg); /* 0, CLI_DONE or an exit status */
    const char *help;
};

struct cli_kv {
    const char *key, *value; /* value is "" for a bare word such as "help" */
};

/* Split "a,b=c,d=e" (a copy of it) into key/value pairs. A leading bare word gets the key
 * implied_key when that is non-NULL ("virt,x=y" -> type=virt). Returns the count, or -1 when
 * there are more than max items. */
int cli_kv_split(struct cli_state *st, const char *arg, const char *implied_key,
                 struct cli_kv *kv, int max);

/* Error helpers: write the message into st->err and return exit status 2 (usage) or 1. */
int cli_bad(struct cli_state *st, const char *fmt, ...) PRINTF_LIKE(2, 3);
int cli_fail(struct cli_state *st, const char *fmt, ...) PRINTF_LIKE(2, 3);
int cli_check_file(struct cli_state *st, const char *opt, const char *path, bool writable);
bool cli_parse_u64(const char *s, u64 *v);

/* Drives are writable unless readonly=on, snapshot=on or -snapshot (known only at the end). */
int cli_check_drives(struct cli_state *st);
int cli_opt_drive(struct cli_state *st, const char *arg);
int cli_opt_netdev(struct cli_state *st, const char *arg);
int cli_opt_device(struct cli_state *st, const char *arg);
int cli_opt_rtc(struct cli_state *st, const char *arg);
int cli_opt_icount(struct cli_state *st, const char *arg);
int cli_opt_semihosting_config(struct cli_state *st, const char *arg);

#endif
