/* SPDX-License-Identifier: MIT */
/* -record / -replay on the command line: which options define the machine (they go into the
 * log's header), and the replay command line rebuilt from the log. */
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/log.h"
#include "core/replay_internal.h"

struct rp_header rp_cli_header;
struct rp_log rp_cli_log;

/* Options that do not change what the guest sees or does: they may differ between a
 * recording and its replay, and are not stored in the log. Saving a snapshot (-savevm-at)
 * does not change the guest either; -snapshot-dir only says where snapshot files are (a
 * recording started with -loadvm needs it again when replayed). */
static const char *const neutral_opts[] = {
    "record", "replay", "d", "D", "serial", "monitor", "gdb", "s", "S", "nographic",
    "digest-on-exit", "digest-every", "savevm-at", "snapshot-dir", NULL,
};

/* Given to a replay, -loadvm chooses where in the recording it starts (a snapshot taken
 * during it, checked by the "replay" snapshot section); given to a recording, it is part of
 * its machine: the log starts from that snapshot. */
static const char *const replay_start_opts[] = {"loadvm", NULL};

static bool in_list(const char *const *list, const char *name)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(list[i], name))
            return true;
    return false;
}

static bool neutral(const char *name, bool replaying)
{
    return in_list(neutral_opts, name) || (replaying && in_list(replay_start_opts, name));
}

int replay_cli_args(int argc, char **argv, int *out_argc, char ***out_argv, char *err,
                    size_t errlen)
{
    static char *mach[RP_MAX_ARGS], *other[RP_MAX_ARGS];
    int nm = 0, no = 0;
    const char *replay = NULL;
    *out_argc = argc;
    *out_argv = argv;
    bool replaying = false;
    for (int i = 1; i < argc; i++)
        replaying |= !strcmp(argv[i], "-replay") || !strcmp(argv[i], "--replay");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *name = a[0] == '-' ? a + 1 + (a[1] == '-') : a;
        int arity = a[0] == '-' ? cli_option_arity(name) : 0;
        int ntok = 1 + (arity == 1 && i + 1 < argc);
        bool is_neutral = a[0] == '-' && neutral(name, replaying);
        if (!strcmp(name, "replay") && ntok == 2)
            replay = argv[i + 1];
        for (int t = 0; t < ntok; t++) {
            if ((is_neutral ? no : nm) == RP_MAX_ARGS) {
                snprintf(err, errlen, "too many arguments for -record/-replay (at most %d)",
                         RP_MAX_ARGS);
                return 2;
            }
            if (is_neutral)
                other[no++] = argv[i + t];
            else
                mach[nm++] = argv[i + t];
        }
        i += ntok - 1;
    }
    for (int i = 1; i < argc && i <= RP_MAX_ARGS; i++)
        rp_cli_header.argv[rp_cli_header.argc++] = argv[i];
    for (int i = 0; i < nm; i++)
        rp_cli_header.args[i] = mach[i];
    rp_cli_header.nargs = nm;
    if (!replay)
        return 0;

    char why[256];
    if (!rp_log_read(replay, &rp_cli_log, why, sizeof(why))) {
        snprintf(err, errlen, "-replay %s: %s", replay, why);
        return 1;
    }
    const struct rp_header *h = &rp_cli_log.h;
    if (strcmp(h->emu_version, cli_emu_version)) {
        snprintf(err, errlen, "-replay %s: recorded by emu %s, this is emu %s", replay,
                 h->emu_version, cli_emu_version);
        return 1;
    }
    if (nm) {
        /* Given machine options must be exactly the recorded ones. */
        for (int i = 0; i < nm || i < h->nargs; i++) {
            const char *g = i < nm ? mach[i] : "(nothing)", *r = i < h->nargs ? h->args[i] : "(nothing)";
            if (strcmp(g, r)) {
                snprintf(err, errlen, "-replay %s: the command line differs from the "
                         "recording's at argument %d: '%s' given, '%s' recorded (give only "
                         "-replay FILE to use the recorded one)", replay, i + 1, g, r);
                return 2;
            }
        }
        return 0;
    }
    /* The recorded machine options, then the given neutral ones. */
    char **nargv = calloc((size_t)(1 + h->nargs + no + 1), sizeof(char *));
    if (!nargv) {
        snprintf(err, errlen, "out of memory");
        return 1;
    }
    int n = 0;
    nargv[n++] = argv[0];
    for (int i = 0; i < h->nargs; i++)
        nargv[n++] = h->args[i];
    for (int i = 0; i < no; i++)
        nargv[n++] = other[i];
    *out_argc = n;
    *out_argv = nargv;
    return 0;
}
