/* SPDX-License-Identifier: MIT */
/*
 * Named snapshots: the monitor commands savevm/loadvm/delvm/info snapshots, the -loadvm start,
 * and -savevm-at (save at the first round end at or after an instruction count: deterministic,
 * for tests). A NAME without '/' is the file NAME.emusnap in the snapshot directory
 * (-snapshot-dir, else the directory of the first -drive image, else the current directory).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/monitor.h"
#include "core/replay.h"
#include "core/reverse.h"
#include "core/snapshot.h"
#include "core/snapshot_internal.h"

#define SNAP_EXT ".emusnap"

/* Host milliseconds, for the save/load time reports (never guest-visible). */
static double host_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double file_mib(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (double)st.st_size / 1048576.0 : 0;
}

static void snapshot_dir(const struct machine *m, char *buf, size_t len)
{
    const struct emu_config *c = m->cfg;
    if (c->snapshot_dir) {
        snprintf(buf, len, "%s", c->snapshot_dir);
        return;
    }
    if (c->ndrives && c->drives[0].file) {
        const char *slash = strrchr(c->drives[0].file, '/');
        if (slash) {
            snprintf(buf, len, "%.*s", (int)(slash - c->drives[0].file), c->drives[0].file);
            if (!buf[0])
                snprintf(buf, len, "/");
            return;
        }
    }
    snprintf(buf, len, ".");
}

void snapshot_path(const struct machine *m, const char *name, char *buf, size_t len)
{
    if (strchr(name, '/')) {
        snprintf(buf, len, "%s", name);
        return;
    }
    char dir[2048];
    snapshot_dir(m, dir, sizeof(dir));
    snprintf(buf, len, "%s/%s%s", dir, name, SNAP_EXT);
}

static bool check_name(const char *cmd, int argc, char **argv, FILE *out)
{
    if (argc != 2 || !argv[1][0]) {
        fprintf(out, "usage: %s NAME\n", cmd);
        return false;
    }
    return true;
}

static void cmd_savevm(struct machine *m, int argc, char **argv, FILE *out)
{
    if (!check_name("savevm", argc, argv, out))
        return;
    char path[4096], err[512];
    snapshot_path(m, argv[1], path, sizeof(path));
    double t = host_ms();
    if (!snapshot_save_file(m, path, err, sizeof(err))) {
        fprintf(out, "savevm: %s\n", err);
        return;
    }
    replay_note_snapshot(argv[1], m->clock.icount);
    fprintf(out, "saved snapshot '%s' at icount %llu to %s (%.1f MiB, %.0f ms)\n", argv[1],
            (unsigned long long)m->clock.icount, path, file_mib(path), host_ms() - t);
}

static void cmd_loadvm(struct machine *m, int argc, char **argv, FILE *out)
{
    if (!check_name("loadvm", argc, argv, out))
        return;
    /* The machine state would jump to a point the log cannot reach by replaying inputs. */
    if (replay_recording() || replay_playing()) {
        fprintf(out, "loadvm: refused while %s: the log could not describe the jump (start a "
                "replay from a snapshot with -replay LOG -loadvm NAME instead)\n",
                replay_recording() ? "recording" : "replaying");
        return;
    }
    char path[4096], err[512];
    snapshot_path(m, argv[1], path, sizeof(path));
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(out, "loadvm: no snapshot '%s' (%s: %s)\n", argv[1], path, strerror(errno));
        return;
    }
    bool touched;
    double t = host_ms();
    if (snapshot_load_file_checked(m, path, &touched, err, sizeof(err))) {
        reverse_loaded(m);
        fprintf(out, "loaded snapshot '%s' at icount %llu (%.0f ms)\n", argv[1],
                (unsigned long long)m->clock.icount, host_ms() - t);
        return;
    }
    fprintf(out, "loadvm: %s\n", err);
    /* A failure after the checks leaves a half-loaded machine: it must not run on. */
    if (touched)
        fatal("loadvm %s: %s (the machine was partly loaded)", argv[1], err);
}

static void cmd_delvm(struct machine *m, int argc, char **argv, FILE *out)
{
    if (!check_name("delvm", argc, argv, out))
        return;
    char path[4096];
    u64 icount;
    char mach[64];
    snapshot_path(m, argv[1], path, sizeof(path));
    if (!snapshot_file_info(path, &icount, mach, sizeof(mach)))
        fprintf(out, "delvm: no snapshot '%s' (%s)\n", argv[1], path);
    else if (unlink(path) != 0)
        fprintf(out, "delvm: cannot delete %s: %s\n", path, strerror(errno));
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void cmd_info_snapshots(struct machine *m, int argc, char **argv, FILE *out)
{
    char dir[2048];
    snapshot_dir(m, dir, sizeof(dir));
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(out, "cannot list the snapshot directory %s: %s\n", dir, strerror(errno));
        return;
    }
    char *names[256];
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) && n < 256;) {
        size_t l = strlen(e->d_name);
        if (l > strlen(SNAP_EXT) && !strcmp(e->d_name + l - strlen(SNAP_EXT), SNAP_EXT))
            names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof(*names), by_name);
    fprintf(out, "snapshots in %s:\n", dir);
    if (!n)
        fprintf(out, "  (none)\n");
    else
        fprintf(out, "  %-20s %12s %20s  %s\n", "NAME", "SIZE", "ICOUNT", "DATE");
    for (int i = 0; i < n; i++) {
        char path[4096], mach[64], date[32] = "?";
        u64 icount;
        struct stat st;
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        names[i][strlen(names[i]) - strlen(SNAP_EXT)] = 0;
        if (!snapshot_file_info(path, &icount, mach, sizeof(mach)) || stat(path, &st) != 0) {
            fprintf(out, "  %-20s (not a snapshot)\n", names[i]);
        } else {
            strftime(date, sizeof(date), "%Y-%m-%d %H:%M:%S", localtime(&st.st_mtime));
            fprintf(out, "  %-20s %12lld %20llu  %s\n", names[i], (long long)st.st_size,
                    (unsigned long long)icount, date);
        }
        free(names[i]);
    }
}

/* ---- -savevm-at ICOUNT:NAME ---- */

static struct {
    u64 icount;
    const char *name;
    bool done;
    void (*prev_poll)(struct machine *m, bool idle);
} save_at;

static void save_at_poll(struct machine *m, bool idle)
{
    if (!save_at.done && machine_at_round_end(m) && m->clock.icount >= save_at.icount) {
        char path[4096], err[512];
        save_at.done = true;
        snapshot_path(m, save_at.name, path, sizeof(path));
        double t = host_ms();
        if (!snapshot_save_file(m, path, err, sizeof(err)))
            fatal("-savevm-at: %s", err);
        replay_note_snapshot(save_at.name, m->clock.icount);
        log_printf("emu: saved snapshot '%s' at icount %llu (%.1f MiB, %.0f ms)\n", save_at.name,
                   (unsigned long long)m->clock.icount, file_mib(path), host_ms() - t);
    }
    if (save_at.prev_poll)
        save_at.prev_poll(m, idle);
}

void snapshot_start(struct machine *m)
{
    monitor_register("savevm", "NAME", "save the machine to the snapshot NAME", cmd_savevm);
    monitor_register("loadvm", "NAME", "restore the machine from the snapshot NAME", cmd_loadvm);
    monitor_register("delvm", "NAME", "delete the snapshot NAME", cmd_delvm);
    monitor_register("info snapshots", "", "list the snapshots in the snapshot directory",
                     cmd_info_snapshots);
    const struct emu_config *c = m->cfg;
    if (c->loadvm) {
        char path[4096], err[512];
        snapshot_path(m, c->loadvm, path, sizeof(path));
        if (!snapshot_load_file(m, path, err, sizeof(err)))
            fatal("-loadvm %s: %s", c->loadvm, err);
    }
    if (c->savevm_at_name) {
        save_at.icount = c->savevm_at;
        save_at.name = c->savevm_at_name;
        save_at.prev_poll = m->poll;
        m->poll = save_at_poll;
    }
}
