/* SPDX-License-Identifier: MIT */
/* Monitor: command registry and dispatch, and its stdio / unix-socket input polled from
 * machine->poll (input is applied at a quantum boundary, docs/DETERMINISM.md rule 4). */
#include "core/monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/dump.h"
#include "core/log.h"
#include "core/machine.h"

#define MONITOR_MAX_CMDS 128
#define MONITOR_MAX_ARGS 32
#define MONITOR_LINE 1024
#define MONITOR_POLL_EVERY 64

struct monitor_cmd {
    const char *name, *args_help, *help;
    monitor_fn fn;
    int nwords;
};

static struct monitor_cmd cmds[MONITOR_MAX_CMDS];
static int ncmds;

/* The open monitor (one per process). */
static struct {
    struct machine *m;
    void (*prev_poll)(struct machine *m, bool idle);
    int listen_fd;      /* unix socket server, or -1 */
    int in_fd;          /* where commands come from, or -1 */
    FILE *out;
    char line[MONITOR_LINE];
    size_t len;
    bool open;
} mon = {.listen_fd = -1, .in_fd = -1};

static void register_builtins(void);

static int count_words(const char *s)
{
    int n = 0;
    for (bool in = false; *s; s++) {
        if (*s != ' ' && !in)
            n++;
        in = *s != ' ';
    }
    return n;
}

void monitor_register(const char *name, const char *args_help, const char *help, monitor_fn fn)
{
    register_builtins();
    for (int i = 0; i < ncmds; i++) {
        if (!strcmp(cmds[i].name, name)) {
            if (cmds[i].fn != fn)
                emu_bug("monitor command '%s' registered twice", name);
            return;
        }
    }
    if (ncmds == MONITOR_MAX_CMDS)
        emu_bug("too many monitor commands");
    cmds[ncmds++] = (struct monitor_cmd){name, args_help ? args_help : "", help, fn,
                                         count_words(name)};
}

/* Does the command's name equal the first nwords words of the line? */
static bool name_matches(const struct monitor_cmd *c, char **words, int nwords)
{
    if (c->nwords > nwords)
        return false;
    const char *p = c->name;
    for (int i = 0; i < c->nwords; i++) {
        size_t n = strlen(words[i]);
        if (strncmp(p, words[i], n) || (p[n] != ' ' && p[n]))
            return false;
        p += n + (p[n] == ' ');
    }
    return true;
}

static void print_cmd(const struct monitor_cmd *c, FILE *out)
{
    char lhs[64];
    snprintf(lhs, sizeof(lhs), "%s%s%s", c->name, *c->args_help ? " " : "", c->args_help);
    fprintf(out, "%-28s -- %s\n", lhs, c->help);
}

bool monitor_exec(struct machine *m, const char *line, FILE *out)
{
    register_builtins();
    char buf[MONITOR_LINE], *words[MONITOR_MAX_ARGS];
    int n = 0;
    snprintf(buf, sizeof(buf), "%s", line);
    for (char *tok = strtok(buf, " \t\r\n"); tok; tok = strtok(NULL, " \t\r\n")) {
        if (n == MONITOR_MAX_ARGS) {
            fprintf(out, "too many arguments (at most %d)\n", MONITOR_MAX_ARGS - 1);
            return false;
        }
        words[n++] = tok;
    }
    if (n == 0)
        return true;
    const struct monitor_cmd *best = NULL;
    for (int i = 0; i < ncmds; i++)
        if (name_matches(&cmds[i], words, n) && (!best || cmds[i].nwords > best->nwords))
            best = &cmds[i];
    if (!best || (best->nwords == 1 && !strcmp(words[0], "info") && n > 1)) {
        if (!strcmp(words[0], "info"))
            fprintf(out, "unknown info command '%s' (try info)\n", n > 1 ? words[1] : "");
        else
            fprintf(out, "unknown command '%s' (try help)\n", words[0]);
        return false;
    }
    /* argv[0] is the full name; the arguments follow. */
    char *argv[MONITOR_MAX_ARGS + 1];
    int argc = 0;
    argv[argc++] = (char *)best->name;
    for (int i = best->nwords; i < n; i++)
        argv[argc++] = words[i];
    argv[argc] = NULL;
    best->fn(m, argc, argv, out);
    return true;
}

/* ---- built-in commands --------------------------------------------------------------- */

static void cmd_help(struct machine *m, int argc, char **argv, FILE *out)
{
    for (int i = 0; i < ncmds; i++)
        if (argc < 2 || !strncmp(cmds[i].name, argv[1], strlen(argv[1])))
            print_cmd(&cmds[i], out);
}

static void cmd_info(struct machine *m, int argc, char **argv, FILE *out)
{
    for (int i = 0; i < ncmds; i++)
        if (!strncmp(cmds[i].name, "info ", 5))
            print_cmd(&cmds[i], out);
}

static void cmd_info_mtree(struct machine *m, int argc, char **argv, FILE *out)
{
    as_print_mtree(&m->as, out);
}

static void cmd_info_registers(struct machine *m, int argc, char **argv, FILE *out)
{
    for (int i = 0; i < m->ncpus; i++)
        m->cpus[i]->ops->dump_regs(m->cpus[i], out);
}

static void cmd_info_cpus(struct machine *m, int argc, char **argv, FILE *out)
{
    for (int i = 0; i < m->ncpus; i++) {
        const struct vcpu *v = m->cpus[i];
        const char *state = v->powered_off ? "off" : v->halted ? "halted" : "running";
        fprintf(out, "%c CPU #%d: arch=%s state=%s icount=%llu\n", i == 0 ? '*' : ' ', i,
                v->ops->arch, state, (unsigned long long)v->icount);
    }
    fprintf(out, "machine %s: %s, icount=%llu, virtual time=%llu ns\n", m->type->name,
            m->paused ? "stopped" : "running", (unsigned long long)vclock_icount(&m->clock),
            (unsigned long long)vclock_now_ns(&m->clock));
}

static int by_deadline(const void *a, const void *b)
{
    const struct vevent *x = *(const struct vevent *const *)a;
    const struct vevent *y = *(const struct vevent *const *)b;
    if (x->deadline_ns != y->deadline_ns)
        return x->deadline_ns < y->deadline_ns ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void cmd_info_events(struct machine *m, int argc, char **argv, FILE *out)
{
    const struct vclock *c = &m->clock;
    struct vevent **sorted = malloc(sizeof(*sorted) * (size_t)(c->nheap + 1));
    if (!sorted)
        return;
    memcpy(sorted, c->heap, sizeof(*sorted) * (size_t)c->nheap);
    qsort(sorted, (size_t)c->nheap, sizeof(*sorted), by_deadline);
    fprintf(out, "now %llu ns, %d event(s) armed\n", (unsigned long long)vclock_now_ns(c),
            c->nheap);
    for (int i = 0; i < c->nheap; i++)
        fprintf(out, "  %-24s at %llu ns\n", sorted[i]->name ? sorted[i]->name : "?",
                (unsigned long long)sorted[i]->deadline_ns);
    free(sorted);
}

/* QEMU's /FMT: [count][format x|d|u][size b|h|w|g], defaults 1, x, w. */
static bool parse_fmt(const char *f, u64 *count, char *format, unsigned *size)
{
    char *end;
    *count = 1, *format = 'x', *size = 4;
    if (*f++ != '/')
        return false;
    if (*f >= '0' && *f <= '9') {
        *count = strtoull(f, &end, 10);
        f = end;
    }
    for (; *f; f++) {
        if (strchr("xdu", *f))
            *format = *f;
        else if (strchr("bhwg", *f))
            *size = *f == 'b' ? 1 : *f == 'h' ? 2 : *f == 'w' ? 4 : 8;
        else
            return false;
    }
    return *count > 0 && *count <= 4096;
}

static void cmd_xp(struct machine *m, int argc, char **argv, FILE *out)
{
    u64 count, pa;
    char format;
    unsigned size;
    const char *addr = argc == 3 ? argv[2] : argc == 2 ? argv[1] : NULL;
    if (!addr || (argc == 3 && !parse_fmt(argv[1], &count, &format, &size))) {
        fprintf(out, "usage: xp /[count][x|d|u][b|h|w|g] ADDRESS\n");
        return;
    }
    if (argc == 2)
        parse_fmt("/", &count, &format, &size);
    char *end;
    pa = strtoull(addr, &end, 0);
    if (*end) {
        fprintf(out, "bad address '%s'\n", addr);
        return;
    }
    unsigned per_line = 16 / size;
    for (u64 i = 0; i < count; i++, pa += size) {
        u64 v;
        if (i % per_line == 0)
            fprintf(out, "%s%016llx:", i ? "\n" : "", (unsigned long long)pa);
        if (as_read(&m->as, pa, size, &v) != BUS_OK) {
            fprintf(out, " Cannot access memory");
            break;
        }
        if (format == 'x')
            fprintf(out, " 0x%0*llx", (int)size * 2, (unsigned long long)v);
        else if (format == 'u')
            fprintf(out, " %llu", (unsigned long long)v);
        else
            fprintf(out, " %lld", (long long)sextract64(v, 0, size * 8));
    }
    fputc('\n', out);
}

static void cmd_stop(struct machine *m, int argc, char **argv, FILE *out)
{
    m->paused = true;
}

static void cmd_cont(struct machine *m, int argc, char **argv, FILE *out)
{
    m->paused = false;
}

static void cmd_quit(struct machine *m, int argc, char **argv, FILE *out)
{
    m->paused = false;
    machine_request_shutdown(m, 0);
}

static void register_builtins(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    monitor_register("help", "[command]", "list commands (those starting with command)", cmd_help);
    monitor_register("info", "", "list the info subcommands", cmd_info);
    monitor_register("info mtree", "", "show the physical memory map", cmd_info_mtree);
    monitor_register("info registers", "", "show every vCPU's registers", cmd_info_registers);
    monitor_register("info cpus", "", "show the vCPUs, their state and instruction counts",
                     cmd_info_cpus);
    monitor_register("info events", "", "show the armed virtual-clock events",
                     cmd_info_events);
    monitor_register("xp", "/fmt ADDRESS", "dump physical memory (fmt: [count][x|d|u][b|h|w|g])",
                     cmd_xp);
    monitor_register("stop", "", "stop the vCPUs (the guest's time stops too)", cmd_stop);
    monitor_register("cont", "", "resume the vCPUs", cmd_cont);
    monitor_register("c", "", "same as cont", cmd_cont);
    monitor_register("quit", "", "leave emu (exit status 0)", cmd_quit);
    monitor_register("q", "", "same as quit", cmd_quit);
    dump_monitor_register();
}

/* ---- input -------------------------------------------------------------------------- */

static void prompt(void)
{
    if (mon.out) {
        fputs("(emu) ", mon.out);
        fflush(mon.out);
    }
}

static void drop_client(void)
{
    if (mon.listen_fd < 0) {
        /* stdio reached end of input: a stopped machine could never resume. */
        mon.in_fd = -1;
        if (mon.m->paused) {
            log_printf("emu: monitor input ended while the machine is stopped: quitting\n");
            mon.m->paused = false;
            machine_request_shutdown(mon.m, 0);
        }
        return;
    }
    if (mon.out)
        fclose(mon.out);
    close(mon.in_fd);
    mon.out = NULL;
    mon.in_fd = -1;
}

static void accept_client(void)
{
    int fd = accept(mon.listen_fd, NULL, NULL);
    if (fd < 0)
        return;
    int ofd = dup(fd);
    FILE *f = ofd >= 0 ? fdopen(ofd, "w") : NULL;
    if (!f) {
        if (ofd >= 0)
            close(ofd);
        close(fd);
        return;
    }
    mon.in_fd = fd;
    mon.out = f;
    mon.len = 0;
    fprintf(f, "emu monitor - type 'help' for more information\n");
    prompt();
}

static void read_input(void)
{
    char buf[256];
    ssize_t n = read(mon.in_fd, buf, sizeof(buf));
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        drop_client();
        return;
    }
    for (ssize_t i = 0; i < n; i++) {
        if (buf[i] != '\n') {
            if (mon.len < sizeof(mon.line) - 1)
                mon.line[mon.len++] = buf[i];
            continue;
        }
        mon.line[mon.len] = 0;
        mon.len = 0;
        monitor_exec(mon.m, mon.line, mon.out);
        prompt();
    }
}

static void monitor_poll(struct machine *m, bool idle)
{
    if (mon.prev_poll)
        mon.prev_poll(m, idle);
    /* A poll() system call every round would cost a few percent of a 1000-instruction
     * quantum: while vCPUs run, look only every MONITOR_POLL_EVERY rounds. */
    static unsigned rounds;
    if (!idle && ++rounds % MONITOR_POLL_EVERY)
        return;
    struct pollfd p = {.fd = mon.in_fd >= 0 ? mon.in_fd : mon.listen_fd, .events = POLLIN};
    if (p.fd < 0)
        return;
    /* Block a little only when nothing else can happen: host time never reaches the guest. */
    int timeout = idle ? 20 : 0;
    if (poll(&p, 1, timeout) <= 0)
        return;
    if (mon.in_fd >= 0)
        read_input();
    else
        accept_client();
}

static int listen_unix(const char *spec, char *err, size_t errlen)
{
    char path[108];
    size_t n = strcspn(spec, ",");
    if (n >= sizeof(path)) {
        snprintf(err, errlen, "socket path too long: %.*s", (int)n, spec);
        return -1;
    }
    memcpy(path, spec, n);
    path[n] = 0;
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    memcpy(sa.sun_path, path, n + 1);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        snprintf(err, errlen, "socket: %s", strerror(errno));
        return -1;
    }
    unlink(path);
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 1)) {
        snprintf(err, errlen, "cannot listen on '%s': %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

bool monitor_open(struct machine *m, const char *spec, char *err, size_t errlen)
{
    register_builtins();
    if (!strcmp(spec, "none"))
        return true;
    if (!strcmp(spec, "stdio")) {
        mon.in_fd = 0;
        mon.out = stdout;
    } else if (!strncmp(spec, "unix:", 5)) {
        mon.listen_fd = listen_unix(spec + 5, err, errlen);
        if (mon.listen_fd < 0)
            return false;
    } else {
        snprintf(err, errlen, "unsupported back-end '%s' (stdio, none, unix:PATH)", spec);
        return false;
    }
    mon.m = m;
    mon.prev_poll = m->poll;
    m->poll = monitor_poll;
    mon.open = true;
    if (mon.out) {
        fprintf(mon.out, "emu monitor - type 'help' for more information\n");
        prompt();
    }
    return true;
}

void monitor_close(void)
{
    if (!mon.open)
        return;
    if (mon.listen_fd >= 0) {
        if (mon.in_fd >= 0)
            drop_client();
        close(mon.listen_fd);
    } else if (mon.out) {
        fflush(mon.out);
    }
    mon.listen_fd = mon.in_fd = -1;
    mon.out = NULL;
    mon.open = false;
}
