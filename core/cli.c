/* SPDX-License-Identifier: MIT */
/*
 * The emu command line. One table lists every option with its argument, a flag saying whether
 * its feature is built, and its parser; QEMU's spelling and semantics wherever QEMU has the
 * concept. Sub-option parsers (-drive, -netdev, ...) are in cli_subopt.c.
 */
#include "core/cli.h"
#include "core/gdbstub.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cli_internal.h"
#include "core/log.h"
#include "core/machine.h"

#define EMU_VERSION "0.1.0"

int cli_bad(struct cli_state *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, st->errlen, fmt, ap);
    va_end(ap);
    return 2;
}

int cli_fail(struct cli_state *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->err, st->errlen, fmt, ap);
    va_end(ap);
    return 1;
}

/* An image named on the command line must exist and be readable now, not when a device first
 * touches it. */
int cli_check_file(struct cli_state *st, const char *opt, const char *path, bool writable)
{
    struct stat sb;
    if (!*path)
        return cli_bad(st, "%s: empty file name", opt);
    if (stat(path, &sb) != 0)
        return cli_fail(st, "%s: cannot open '%s': %s", opt, path, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return cli_fail(st, "%s: '%s' is a directory", opt, path);
    if (access(path, R_OK) != 0)
        return cli_fail(st, "%s: cannot read '%s': %s", opt, path, strerror(errno));
    if (writable && access(path, W_OK) != 0)
        return cli_fail(st, "%s: cannot write '%s': %s (use readonly=on or snapshot=on)", opt,
                        path, strerror(errno));
    return 0;
}

bool cli_parse_u64(const char *s, u64 *v)
{
    if (!*s || *s == '-' || *s == '+')
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (errno || *end)
        return false;
    *v = x;
    return true;
}

bool cli_parse_size(const char *s, u64 *bytes)
{
    if (*s < '0' || *s > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (errno)
        return false;
    unsigned shift = 20; /* QEMU: a plain -m number is MiB */
    if (*end) {
        switch (*end) {
        case 'B': case 'b': shift = 0; break;
        case 'K': case 'k': shift = 10; break;
        case 'M': case 'm': shift = 20; break;
        case 'G': case 'g': shift = 30; break;
        case 'T': case 't': shift = 40; break;
        default: return false;
        }
        end++;
        if ((*end == 'B' || *end == 'b') && shift) /* "512MB" */
            end++;
        if (*end)
            return false;
    }
    if (x == 0 || x > (UINT64_MAX >> shift))
        return false;
    *bytes = (u64)x << shift;
    return true;
}

/* ---- option handlers ------------------------------------------------------------------ */

static void list_machines(FILE *out)
{
    fprintf(out, "Supported machines are:\n");
    for (int i = 0; machine_types[i]; i++) {
        const struct machine_type *t = machine_types[i];
        fprintf(out, "%-20s %s%s\n", t->name, t->desc, i == 0 ? " (default)" : "");
        for (const struct machine_prop_desc *p = t->props; p && p->name; p++)
            fprintf(out, "    ,%-18s %s\n", p->name, p->help);
    }
}

static int opt_machine(struct cli_state *st, const char *arg)
{
    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        list_machines(st->out);
        return CLI_DONE;
    }
    struct cli_kv kv[CFG_MAX_ITEMS + 1];
    int n = cli_kv_split(st, arg, "type", kv, (int)ARRAY_SIZE(kv));
    if (n < 0)
        return cli_bad(st, "-M: too many properties (at most %d)", CFG_MAX_ITEMS);
    struct emu_config *cfg = st->cfg;
    /* As QEMU, several -machine options accumulate; a later value of a property wins. */
    for (int i = 0; i < n; i++) {
        if (!strcmp(kv[i].key, "type")) {
            cfg->machine = kv[i].value;
        } else if (!strcmp(kv[i].key, "help") && !*kv[i].value) {
            st->machine_help = true;
        } else if (!*kv[i].value) {
            return cli_bad(st, "-M: property '%s' needs a value (%s=...)", kv[i].key, kv[i].key);
        } else {
            int j = 0;
            while (j < cfg->nmprops && strcmp(cfg->mprops[j].key, kv[i].key))
                j++;
            if (j == CFG_MAX_ITEMS)
                return cli_bad(st, "-M: too many properties (at most %d)", CFG_MAX_ITEMS);
            cfg->mprops[j] = (struct cfg_prop){kv[i].key, kv[i].value};
            cfg->nmprops += j == cfg->nmprops;
        }
    }
    if (!machine_find(cfg->machine))
        return cli_bad(st, "-M: unknown machine '%s' (try -M help)", cfg->machine);
    if (st->machine_help) {
        const struct machine_type *t = machine_find(cfg->machine);
        fprintf(st->out, "%s: %s\nProperties:\n", t->name, t->desc);
        for (const struct machine_prop_desc *p = t->props; p && p->name; p++)
            fprintf(st->out, "  %-20s %s\n", p->name, p->help);
        return CLI_DONE;
    }
    return 0;
}

static int opt_cpu(struct cli_state *st, const char *arg)
{
    st->cfg->cpu_model = arg;
    if (!strcmp(arg, "help") || !strcmp(arg, "?"))
        st->cpu_help = true;
    return 0;
}

static int opt_m(struct cli_state *st, const char *arg)
{
    const char *s = !strncmp(arg, "size=", 5) ? arg + 5 : arg;
    if (strchr(s, ','))
        return cli_bad(st, "-m: only a size is supported, got '%s'", arg);
    u64 b;
    if (!cli_parse_size(s, &b))
        return cli_bad(st, "-m: bad size '%s' (examples: 512M, 1G, 2048)", arg);
    if (b > CLI_MAX_RAM)
        return cli_bad(st, "-m: %s is too large (at most %llu GiB)", arg, CLI_MAX_RAM >> 30);
    /* QEMU rounds RAM up to whole pages. */
    st->cfg->ram_size = (b + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    return 0;
}

static int opt_smp(struct cli_state *st, const char *arg)
{
    struct cli_kv kv[8];
    int n = cli_kv_split(st, arg, "cpus", kv, (int)ARRAY_SIZE(kv));
    u64 cpus = 0, topo = 1;
    if (n < 0)
        return cli_bad(st, "-smp: too many fields in '%s'", arg);
    static const char *const keys[] = {"cpus", "sockets", "clusters", "cores", "threads",
                                       "maxcpus"};
    for (int i = 0; i < n; i++) {
        size_t k = 0;
        while (k < ARRAY_SIZE(keys) && strcmp(keys[k], kv[i].key))
            k++;
        if (k == ARRAY_SIZE(keys))
            return cli_bad(st, "-smp: unknown field '%s' (valid: cpus, sockets, clusters, "
                               "cores, threads, maxcpus)", kv[i].key);
        u64 v;
        if (!cli_parse_u64(kv[i].value, &v) || v == 0 || v > MACHINE_MAX_CPUS)
            return cli_bad(st, "-smp: %s=%s: expected a number from 1 to %d", kv[i].key,
                           kv[i].value, MACHINE_MAX_CPUS);
        if (k == 0)
            cpus = v;
        else if (k < 5)
            topo *= v;
    }
    if (!cpus)
        cpus = topo;
    if (cpus > MACHINE_MAX_CPUS)
        return cli_bad(st, "-smp: %llu CPUs is too many (at most %d)", (unsigned long long)cpus,
                       MACHINE_MAX_CPUS);
    st->cfg->smp = (int)cpus;
    return 0;
}

static int opt_kernel(struct cli_state *st, const char *a)
{
    st->cfg->kernel = a;
    return cli_check_file(st, "-kernel", a, false);
}

static int opt_initrd(struct cli_state *st, const char *a)
{
    st->cfg->initrd = a;
    return cli_check_file(st, "-initrd", a, false);
}

static int opt_dtb(struct cli_state *st, const char *a)
{
    st->cfg->dtb = a;
    return cli_check_file(st, "-dtb", a, false);
}

static int opt_bios(struct cli_state *st, const char *a)
{
    st->cfg->bios = a;
    return cli_check_file(st, "-bios", a, false);
}

static int opt_append(struct cli_state *st, const char *a)
{
    st->cfg->append = a;
    return 0;
}

static int opt_nographic(struct cli_state *st, const char *a)
{
    st->cfg->nographic = true;
    return 0;
}

static int opt_snapshot(struct cli_state *st, const char *a)
{
    st->cfg->snapshot = true;
    return 0;
}

static int opt_semihosting(struct cli_state *st, const char *a)
{
    st->cfg->semihosting = true;
    return 0;
}

static int opt_stop(struct cli_state *st, const char *a)
{
    st->cfg->start_paused = true;
    return 0;
}

static int opt_gdb(struct cli_state *st, const char *a)
{
    char msg[160];
    int port;
    if (!gdbstub_parse_spec(a, &port, msg, sizeof(msg)))
        return cli_bad(st, "-gdb: %s", msg);
    st->cfg->gdb = a;
    return 0;
}

static int opt_s(struct cli_state *st, const char *a)
{
    st->cfg->gdb = "tcp::1234";
    return 0;
}

static int opt_record(struct cli_state *st, const char *a)
{
    st->cfg->record = a;
    return 0;
}

static int opt_replay(struct cli_state *st, const char *a)
{
    st->cfg->replay = a;
    return 0;
}

static int opt_digest_on_exit(struct cli_state *st, const char *a)
{
    st->cfg->digest_on_exit = true;
    return 0;
}

static int opt_digest_every(struct cli_state *st, const char *arg)
{
    u64 v;
    if (!cli_parse_u64(arg, &v) || v == 0)
        return cli_bad(st, "-digest-every: expected a positive instruction count, got '%s'", arg);
    st->cfg->digest_every = v;
    return 0;
}

static int opt_loadvm(struct cli_state *st, const char *a)
{
    st->cfg->loadvm = a;
    return 0;
}

static int opt_snapshot_dir(struct cli_state *st, const char *a)
{
    st->cfg->snapshot_dir = a;
    return 0;
}

static int opt_savevm_at(struct cli_state *st, const char *a)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(a, &end, 0);
    if (errno || end == a || *end != ':' || !end[1] || *a == '-')
        return cli_bad(st, "-savevm-at: expected ICOUNT:NAME, got '%s'", a);
    st->cfg->savevm_at = n;
    st->cfg->savevm_at_name = end + 1;
    return 0;
}

static int opt_serial(struct cli_state *st, const char *arg)
{
    if (strcmp(arg, "stdio") && strcmp(arg, "mon:stdio") && strcmp(arg, "null") &&
        strcmp(arg, "none") && (strncmp(arg, "file:", 5) || !arg[5]))
        return cli_bad(st, "-serial: unsupported back-end '%s' (valid: stdio, mon:stdio, null, "
                           "none, file:PATH)", arg);
    if (st->cfg->serial)
        return cli_bad(st, "-serial: given twice (the machine has one console UART)");
    st->cfg->serial = arg;
    return 0;
}

static int opt_monitor(struct cli_state *st, const char *arg)
{
    if (strcmp(arg, "stdio") && strcmp(arg, "none") && (strncmp(arg, "unix:", 5) || !arg[5]))
        return cli_bad(st, "-monitor: unsupported back-end '%s' (valid: stdio, none, unix:PATH)",
                       arg);
    st->cfg->monitor = arg;
    return 0;
}

static int opt_d(struct cli_state *st, const char *arg)
{
    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        log_list_items(st->out);
        return CLI_DONE;
    }
    if (!log_parse_items(arg, &st->cfg->log_mask, st->err, st->errlen))
        return 2;
    return 0;
}

static int opt_D(struct cli_state *st, const char *arg)
{
    if (!*arg)
        return cli_bad(st, "-D: empty file name");
    st->cfg->log_file = arg;
    return 0;
}

static int opt_max_insns(struct cli_state *st, const char *arg)
{
    u64 v;
    if (!cli_parse_u64(arg, &v) || v == 0)
        return cli_bad(st, "-max-insns: expected a positive instruction count, got '%s'", arg);
    st->cfg->max_insns = v;
    return 0;
}

static int opt_version(struct cli_state *st, const char *arg)
{
    fprintf(st->out, "emu version " EMU_VERSION "\n"
                     "A full-system, instruction-level AArch64 emulator. MIT licence.\n");
    return CLI_DONE;
}

static int opt_help(struct cli_state *st, const char *arg);

/* Every option. `implemented` false: accepted by the parser but refused with "not implemented
 * yet", so enabling a feature is a one-line change here. */
static const struct cli_opt cli_opts[] = {
    {"M", "NAME[,prop=val...]", true, opt_machine, "machine type and properties (-M help)"},
    {"machine", "NAME[,prop=val...]", true, opt_machine, "same as -M"},
    {"cpu", "MODEL", true, opt_cpu, "CPU model (-cpu help)"},
    {"m", "SIZE", true, opt_m, "guest RAM: 1G, 512M, plain number = MiB (default 128M)"},
    {"smp", "N[,cores=..]", true, opt_smp, "number of vCPUs (default 1)"},
    {"kernel", "FILE", true, opt_kernel, "Linux Image or ELF to boot"},
    {"initrd", "FILE", true, opt_initrd, "initial ramdisk"},
    {"append", "CMDLINE", true, opt_append, "kernel command line"},
    {"dtb", "FILE", true, opt_dtb, "device tree blob to pass instead of the generated one"},
    {"bios", "FILE", true, opt_bios, "firmware image for the flash/ROM"},
    {"nographic", NULL, true, opt_nographic, "no display; serial console on stdio"},
    {"serial", "DEV", true, opt_serial, "console back-end: stdio, mon:stdio, null, none, file:PATH"},
    {"drive", "file=F,if=virtio,...", true, cli_opt_drive,
     "disk image: file=,if=virtio|none,format=raw,readonly=on|off,snapshot=on|off,id="},
    {"netdev", "user,id=ID[,hostfwd=..]", true, cli_opt_netdev,
     "user-mode network back-end; hostfwd=tcp::2222-:22 forwards a host port"},
    {"device", "DRIVER[,prop=val...]", true, cli_opt_device, "add a device (-device help)"},
    {"snapshot", NULL, true, opt_snapshot, "write disk changes to a temporary overlay"},
    {"rtc", "base=utc|DATE", true, cli_opt_rtc, "RTC start time (default: a fixed date)"},
    {"icount", "shift=N", true, cli_opt_icount, "2^N ns of guest time per instruction (default 0)"},
    {"semihosting", NULL, true, opt_semihosting, "enable Arm semihosting (tests)"},
    {"semihosting-config", "enable=on,target=native", true, cli_opt_semihosting_config,
     "semihosting settings"},
    {"monitor", "stdio|none|unix:PATH", true, opt_monitor, "monitor console"},
    {"S", NULL, true, opt_stop, "start with the vCPUs stopped (monitor `cont` or gdb `continue` starts them)"},
    {"d", "ITEMS", true, opt_d, "log items, comma-separated (-d help)"},
    {"D", "FILE", true, opt_D, "write the log to FILE instead of stderr"},
    {"max-insns", "N", true, opt_max_insns, "stop after N instructions with exit status 3"},
    {"gdb", "tcp::PORT", true, opt_gdb,
     "accept a gdb connection on 127.0.0.1:PORT (gdb-multiarch: target remote :PORT)"},
    {"s", NULL, true, opt_s, "shorthand for -gdb tcp::1234"},
    {"record", "FILE", true, opt_record, "record the run's inputs and digests to FILE"},
    {"replay", "FILE", true, opt_replay,
     "replay FILE (the recorded command line is used unless one is given)"},
    {"digest-on-exit", NULL, true, opt_digest_on_exit,
     "print the machine's state digest when the run ends"},
    {"digest-every", "N", true, opt_digest_every,
     "with -record: a state digest every N instructions (default 100000000)"},
    {"loadvm", "NAME", true, opt_loadvm, "start from the snapshot NAME (savevm NAME)"},
    {"snapshot-dir", "DIR", true, opt_snapshot_dir,
     "directory of named snapshots (default: the first -drive's, else .)"},
    {"savevm-at", "ICOUNT:NAME", true, opt_savevm_at,
     "save the snapshot NAME at the first round end at or after ICOUNT instructions (tests)"},
    {"version", NULL, true, opt_version, "print the version and exit"},
    {"help", NULL, true, opt_help, "print this help and exit"},
    {"h", NULL, true, opt_help, "same as -help"},
};

static int opt_help(struct cli_state *st, const char *arg)
{
    FILE *o = st->out;
    fprintf(o, "usage: emu -M arm64-virt -kernel Image [-initrd FILE] [-append CMDLINE] "
               "[options]\n\nOptions:\n");
    for (size_t i = 0; i < ARRAY_SIZE(cli_opts); i++) {
        const struct cli_opt *op = &cli_opts[i];
        char lhs[64];
        snprintf(lhs, sizeof(lhs), "-%s%s%s", op->name, op->arg ? " " : "",
                 op->arg ? op->arg : "");
        fprintf(o, "  %-40s %s%s\n", lhs, op->help, op->implemented ? "" : " (not implemented yet)");
    }
    fprintf(o, "\nExit status: the guest's (semihosting exit, power-off = 0), 1 runtime failure, "
               "2 bad usage, 3 -max-insns reached.\n");
    return CLI_DONE;
}

static const struct cli_opt *find_opt(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(cli_opts); i++)
        if (!strcmp(cli_opts[i].name, name))
            return &cli_opts[i];
    return NULL;
}

int cli_option_arity(const char *name)
{
    const struct cli_opt *op = find_opt(name);
    return op ? op->arg != NULL : -1;
}

const char cli_emu_version[] = EMU_VERSION;

void cli_defaults(struct emu_config *cfg)
{
    *cfg = (struct emu_config){
        .machine = machine_types[0]->name,
        .ram_size = 128ull << 20,
        .smp = 1,
    };
}

static bool prop_known(const struct machine_prop_desc *p, const char *name)
{
    for (; p && p->name; p++)
        if (!strcmp(p->name, name))
            return true;
    return false;
}

static void names_of(const struct machine_prop_desc *p, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = 0;
    for (; p && p->name && n < len; p++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "", p->name);
    if (!buf[0])
        snprintf(buf, len, "none");
}

/* Checks that need the whole command line (the machine may come after its properties). */
static int check_whole(struct cli_state *st)
{
    struct emu_config *cfg = st->cfg;
    const struct machine_type *t = machine_find(cfg->machine);
    char names[256];
    for (int i = 0; i < cfg->nmprops; i++) {
        if (!prop_known(t->props, cfg->mprops[i].key)) {
            names_of(t->props, names, sizeof(names));
            return cli_bad(st, "-M: machine '%s' has no property '%s' (valid: %s)", t->name,
                           cfg->mprops[i].key, names);
        }
    }
    const char *const *models = t->cpu_models;
    if (st->cpu_help) {
        fprintf(st->out, "Available CPUs for %s:\n", t->name);
        for (int i = 0; models && models[i]; i++)
            fprintf(st->out, "  %s%s\n", models[i], i == 0 ? " (default)" : "");
        return CLI_DONE;
    }
    if (!cfg->cpu_model) {
        cfg->cpu_model = models && models[0] ? models[0] : "max";
    } else {
        int i = 0;
        while (models && models[i] && strcmp(models[i], cfg->cpu_model))
            i++;
        if (!models || !models[i])
            return cli_bad(st, "-cpu: unknown CPU model '%s' for machine %s (try -cpu help)",
                           cfg->cpu_model, t->name);
    }
    if (st->device_help) {
        fprintf(st->out, "Devices for %s:\n", t->name);
        for (const struct machine_prop_desc *d = t->devices; d && d->name; d++)
            fprintf(st->out, "  %-24s %s\n", d->name, d->help);
        if (!t->devices)
            fprintf(st->out, "  (none yet)\n");
        return CLI_DONE;
    }
    for (int i = 0; i < cfg->ndevices; i++) {
        size_t n = strcspn(cfg->devices[i], ",");
        char drv[64];
        snprintf(drv, sizeof(drv), "%.*s", (int)n, cfg->devices[i]);
        if (!prop_known(t->devices, drv)) {
            names_of(t->devices, names, sizeof(names));
            return cli_bad(st, "-device: machine '%s' has no device '%s' (valid: %s)", t->name,
                           drv, names);
        }
    }
    int r = cli_check_drives(st);
    if (r)
        return r;
    /* The serial console defaults to stdio; as QEMU, one stdio user at a time. */
    if (cfg->monitor && !strcmp(cfg->monitor, "stdio") &&
        (!cfg->serial || !strcmp(cfg->serial, "stdio") || !strcmp(cfg->serial, "mon:stdio")))
        return cli_bad(st, "-monitor stdio: the serial console already uses stdio (add "
                           "-serial null or -serial file:PATH, or use -monitor unix:PATH)");
    if (cfg->start_paused && !cfg->gdb && (!cfg->monitor || !strcmp(cfg->monitor, "none")))
        return cli_bad(st, "-S needs a way to continue: add -monitor stdio");
    if (cfg->record && cfg->replay)
        return cli_bad(st, "-record and -replay cannot be used together");
    if (cfg->digest_every && !cfg->record)
        return cli_bad(st, "-digest-every needs -record");
    return 0;
}

int cli_parse(int argc, char **argv, struct emu_config *cfg, FILE *out, char *err,
              size_t errlen)
{
    struct cli_state st = {.cfg = cfg, .out = out, .err = err, .errlen = errlen};
    cli_defaults(cfg);
    err[0] = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1])
            return cli_bad(&st, "unexpected argument '%s' (options start with '-'; try -help)",
                           a);
        const char *name = a + 1 + (a[1] == '-'); /* QEMU also accepts --option */
        const struct cli_opt *op = find_opt(name);
        if (!op)
            return cli_bad(&st, "unknown option '%s' (try -help)", a);
        const char *arg = NULL;
        if (op->arg) {
            if (i + 1 >= argc)
                return cli_bad(&st, "option '%s' needs an argument (%s)", a, op->arg);
            arg = argv[++i];
        }
        if (!op->implemented)
            return cli_bad(&st, "option '%s' is not implemented yet", a);
        int r = op->fn(&st, arg);
        if (r == CLI_DONE)
            return 0;
        if (r)
            return r;
    }
    int r = check_whole(&st);
    return r == CLI_DONE ? 0 : r ? r : CLI_RUN;
}

int cli_check_machine_options(struct emu_config *cfg, char *err, size_t errlen)
{
    struct cli_state st = {.cfg = cfg, .err = err, .errlen = errlen};
    const struct machine_type *t = machine_find(cfg->machine);
    static const struct {
        u32 bit;
        const char *opt, *what;
    } needs[] = {
        {MACHINE_OPT_INITRD, "-initrd", "load an initrd"},
        {MACHINE_OPT_APPEND, "-append", "pass a kernel command line"},
        {MACHINE_OPT_DTB, "-dtb", "take a device tree blob"},
        {MACHINE_OPT_BIOS, "-bios", "load firmware"},
        {MACHINE_OPT_DRIVE, "-drive", "attach disks"},
        {MACHINE_OPT_NETDEV, "-netdev", "attach a network"},
        {MACHINE_OPT_RTC, "-rtc", "set the RTC"},
    };
    /* With semihosting, -append is the command line SYS_GET_CMDLINE returns (as QEMU). */
    const bool given[] = {cfg->initrd, cfg->append && !cfg->semihosting, cfg->dtb, cfg->bios, cfg->ndrives > 0,
                          cfg->nnetdevs > 0, cfg->rtc_base};
    for (size_t i = 0; i < ARRAY_SIZE(needs); i++)
        if (given[i] && !(t->options & needs[i].bit))
            return cli_bad(&st, "%s: machine %s cannot %s yet (not implemented)",
                           needs[i].opt, t->name, needs[i].what);
    return 0;
}
