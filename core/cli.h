/* SPDX-License-Identifier: MIT */
/* The emu command line: QEMU-compatible options parsed into struct emu_config. */
#ifndef EMU_CORE_CLI_H
#define EMU_CORE_CLI_H

#include <stdio.h>

#include "core/config.h"

/* cli_parse() result meaning "start the machine"; any other value is an exit status. */
#define CLI_RUN (-1)

/* Largest -m accepted: the arm64-virt RAM window below the high PCIe/redistributor area. */
#define CLI_MAX_RAM (255ull << 30)

/* Fill cfg with the defaults (machine arm64-virt, 128 MiB, 1 CPU, cpu max). */
void cli_defaults(struct emu_config *cfg);

/* Parse argv into cfg (which cli_parse initialises with cli_defaults first). Returns CLI_RUN,
 * or an exit status: 0 after -help, -version or a `help` listing (printed to out), 2 for bad
 * usage, 1 for a runtime failure such as an unreadable file; err then holds one precise
 * message without the "emu: " prefix. Never exits, so tests can call it. */
int cli_parse(int argc, char **argv, struct emu_config *cfg, FILE *out, char *err,
              size_t errlen);

/* Refuse options the chosen machine does not implement yet (machine_type.options), so that
 * none is silently ignored. Returns 0, or 2 with a message in err. main() calls it after
 * cli_parse(); it is separate so that tests can parse every option on any machine. */
int cli_check_machine_options(struct emu_config *cfg, char *err, size_t errlen);

/* Parse a -m size: plain number = MiB, suffixes B/K/M/G/T (QEMU's). false on garbage,
 * zero or overflow. Does not apply CLI_MAX_RAM. */
/* The arguments option NAME (without the dash) takes: 0 or 1, -1 if there is no such option. */
int cli_option_arity(const char *name);
/* "0.1.0" */
extern const char cli_emu_version[];

bool cli_parse_size(const char *s, u64 *bytes);

#endif
