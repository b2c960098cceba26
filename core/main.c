/* SPDX-License-Identifier: MIT */
/* emu: entry point (bootstrap command line; cli.c replaces the parsing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"

int main(int argc, char **argv)
{
    static struct emu_config cfg = {.ram_size = 128ull << 20, .smp = 1, .cpu_model = "max",
                                    .machine = "arm64-virt"};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-kernel") && v)
            cfg.kernel = v, i++;
        else if (!strcmp(a, "-M") && v)
            cfg.machine = v, i++;
        else if (!strcmp(a, "-semihosting"))
            cfg.semihosting = true;
        else if (!strcmp(a, "-nographic"))
            cfg.nographic = true;
        else if (!strcmp(a, "-d") && v) {
            char err[128];
            if (!log_parse_items(v, &cfg.log_mask, err, sizeof(err)))
                usage_error("%s", err);
            log_mask = cfg.log_mask;
            i++;
        } else if (!strcmp(a, "-max-insns") && v)
            cfg.max_insns = strtoull(v, NULL, 0), i++;
        else
            usage_error("unknown option '%s'", a);
    }
    const struct machine_type *t = machine_find(cfg.machine);
    if (!t)
        usage_error("unknown machine '%s' (try -M help)", cfg.machine);
    static struct machine m;
    machine_init(&m, t, &cfg);
    return machine_run(&m);
}
