/* SPDX-License-Identifier: MIT */
/* emu: parse the command line, set up logging and the monitor, build the machine, run it. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/cli.h"
#include "core/gdbstub.h"
#include "core/log.h"
#include "core/machine.h"
#include "core/monitor.h"
#include "core/snapshot.h"
#include "core/replay.h"

int main(int argc, char **argv)
{
    static struct emu_config cfg;
    static struct machine m;
    char err[512];
    int status = replay_cli_args(argc, argv, &argc, &argv, err, sizeof(err));
    if (status) {
        fprintf(stderr, "emu: %s\n", err);
        return status;
    }
    status = cli_parse(argc, argv, &cfg, stdout, err, sizeof(err));
    if (status != CLI_RUN) {
        if (status)
            fprintf(stderr, "emu: %s\n", err);
        return status;
    }
    status = cli_check_machine_options(&cfg, err, sizeof(err));
    if (status) {
        fprintf(stderr, "emu: %s\n", err);
        return status;
    }
    log_mask = cfg.log_mask;
    if (cfg.log_file && !log_set_file(cfg.log_file))
        fatal("-D: cannot open log file '%s': %s", cfg.log_file, strerror(errno));
    replay_setup(&cfg);
    machine_init(&m, machine_find(cfg.machine), &cfg);
    if (cfg.monitor && !monitor_open(&m, cfg.monitor, err, sizeof(err)))
        fatal("-monitor: %s", err);
    if (cfg.gdb && !gdbstub_open(&m, cfg.gdb, err, sizeof(err)))
        fatal("-gdb: %s", err);
    replay_attach(&m); /* after the monitor and gdbstub poll hooks */
    snapshot_start(&m); /* after replay_attach: -loadvm restores its section too */
    m.paused = cfg.start_paused;
    status = replay_finish(&m, machine_run(&m));
    gdbstub_close();
    monitor_close();
    log_flush();
    return status;
}
