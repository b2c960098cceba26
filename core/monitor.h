/* SPDX-License-Identifier: MIT */
/*
 * The monitor: a line-based command interpreter (QEMU HMP style) on stdio or a unix socket,
 * polled from the machine loop without blocking the guest. Subsystems add their own commands.
 */
#ifndef EMU_CORE_MONITOR_H
#define EMU_CORE_MONITOR_H

#include <stdio.h>

#include "core/types.h"

struct machine;

/* A command. argv[0] is the registered name (e.g. "info tlb"), argv[1..argc-1] the words
 * that followed it. Output goes to out. */
typedef void (*monitor_fn)(struct machine *m, int argc, char **argv, FILE *out);

/* Register a command; a name of several words ("info tlb") is matched word by word, longest
 * first, so `info <sub>` commands share the `info` prefix. Registering the same name with the
 * same function again is a no-op (machines may be built more than once in tests). */
void monitor_register(const char *name, const char *args_help, const char *help, monitor_fn fn);

/* Run one command line against m. Returns false (after a message on out) if it is unknown. */
bool monitor_exec(struct machine *m, const char *line, FILE *out);

/* Attach the monitor to m: spec is "stdio", "none" or "unix:PATH[,server][,nowait]". Chains
 * itself into m->poll. Returns false with a message in err on failure. */
bool monitor_open(struct machine *m, const char *spec, char *err, size_t errlen);
void monitor_close(void);

#endif
