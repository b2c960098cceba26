/* SPDX-License-Identifier: MIT */
/*
 * GDB remote serial protocol server: the socket, polled from machine->poll, and the commands
 * (gdb manual, "Remote Protocol"). All-stop mode; one gdb thread per vCPU (id = index + 1).
 * Execution control goes through core/debug.h; registers and memory through gdb_arch_ops.
 */
#include "core/gdbstub.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/debug.h"
#include "core/log.h"
#include "core/machine.h"
#include "core/monitor.h"
#include "core/reverse.h"

#define GDB_REPLY_MAX (GDB_PACKET_MAX * 2 + 8)
/* While the guest runs, look at the socket once every this many machine rounds: a poll()
 * system call per round would cost a few percent of emulation speed. */
#define GDB_POLL_EVERY 32

static struct gdbstub {
    struct machine *m;
    const struct gdb_arch_ops *arch;
    void (*prev_poll)(struct machine *m, bool idle);
    struct machine_debug dbg;
    int listen_fd, fd;
    bool open;
    bool no_ack;      /* QStartNoAckMode negotiated */
    bool swbreak, hwbreak; /* gdb announced support for these stop reasons */
    bool running;     /* resumed by gdb; a stop must be reported */
    int g_cpu;        /* Hg thread: registers and memory */
    int c_cpu;        /* Hc thread */
    bool c_any;       /* Hc0 / Hc-1: no particular thread */
    int stepover_g;   /* the Hg thread when gdb last reverse-stepped a named thread, or -1 */
    unsigned rounds;
    struct gdb_rx rx;
    char reply[GDB_REPLY_MAX];
    size_t reply_len; /* framed last packet, for NAK retransmission */
} gs = {.listen_fd = -1, .fd = -1};

static void gdb_close_client(void);

static void send_raw(const char *buf, size_t len)
{
    while (len && gs.fd >= 0) {
        ssize_t n = send(gs.fd, buf, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            gdb_close_client();
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

static void send_packet_len(const char *payload, size_t len)
{
    size_t n = gdb_frame(gs.reply, sizeof(gs.reply), payload, len);
    if (!n)
        n = gdb_frame(gs.reply, sizeof(gs.reply), "E01", 3);
    gs.reply_len = n;
    if (log_mask & LOG_GDB)
        log_printf("gdb: <- %.*s\n", (int)(n > 200 ? 200 : n), gs.reply);
    send_raw(gs.reply, n);
}

static void send_packet(const char *payload)
{
    send_packet_len(payload, strlen(payload));
}

static struct vcpu *cpu_of_thread(s64 tid)
{
    if (tid <= 0)
        return gs.m->cpus[0];
    if (tid > gs.m->ncpus)
        return NULL;
    return gs.m->cpus[tid - 1];
}

/* Thread id field: "-1" (all), "0" (any) or hex; sets *tid. */
static bool parse_tid(const char **p, s64 *tid)
{
    u64 v;
    if (**p == '-' && (*p)[1] == '1') {
        *p += 2;
        *tid = -1;
        return true;
    }
    if (!gdb_parse_hex(p, &v))
        return false;
    *tid = (s64)v;
    return true;
}

/* ---- stops ---- */

/* Stop reasons the reply names besides the signal (core/debug.h's enum debug_stop, plus the
 * end of reverse execution's history). */
#define STOP_REPLAY_BEGIN 100

static void send_stop_reply(struct vcpu *v, int reason, u64 addr, int watch_kind)
{
    char buf[96];
    int sig = reason == DEBUG_STOP_INTR ? 2 : 5;
    int n = snprintf(buf, sizeof(buf), "T%02xthread:%02x;", sig, v->index + 1);
    if (reason == STOP_REPLAY_BEGIN)
        snprintf(buf + n, sizeof(buf) - (size_t)n, "replaylog:begin;");
    if (reason == DEBUG_STOP_BREAK && gs.swbreak)
        snprintf(buf + n, sizeof(buf) - (size_t)n, "swbreak:;");
    if (reason == DEBUG_STOP_WATCH)
        snprintf(buf + n, sizeof(buf) - (size_t)n, "%swatch:%llx;",
                 watch_kind == DEBUG_WATCH_READ ? "r" : watch_kind == DEBUG_WATCH_ACCESS ? "a" : "",
                 (unsigned long long)addr);
    gs.g_cpu = v->index;
    gs.c_cpu = v->index;
    send_packet(buf);
}

/* The machine stopped while gdb had it running: report the vCPU that caused it, unless it
 * is only the end of one pass of a reverse operation that goes on. */
static void report_stop(void)
{
    struct machine *m = gs.m;
    bool begin = false;
    if (reverse_busy()) {
        enum reverse_result r = reverse_paused(m);
        if (r == REVERSE_RUNNING)
            return; /* the next pass runs */
        begin = r == REVERSE_BEGIN;
    }
    gs.running = false;
    struct vcpu *who = NULL;
    int reason = DEBUG_STOP_INTR, watch_kind = 0;
    u64 addr = 0;
    for (int i = 0; i < m->ncpus; i++) {
        struct debug_cpu *dc = &gs.dbg.cpu[i];
        if (dc->stop != DEBUG_STOP_NONE && !who) {
            who = m->cpus[i];
            reason = dc->stop;
            addr = dc->stop_addr;
            watch_kind = dc->stop_watch;
        }
    }
    for (int i = 0; i < m->ncpus; i++) {
        gs.dbg.cpu[i].stop = DEBUG_STOP_NONE;
        gs.dbg.cpu[i].step = false;
        gs.dbg.cpu[i].hold = false;
    }
    debug_update_active(&gs.dbg, m->ncpus);
    send_stop_reply(who ? who : m->cpus[gs.c_cpu], begin ? STOP_REPLAY_BEGIN : reason, addr,
                    watch_kind);
}

static void resume(void)
{
    gs.stepover_g = -1;
    debug_update_active(&gs.dbg, gs.m->ncpus);
    for (int i = 0; i < gs.m->ncpus; i++) {
        struct vcpu *v = gs.m->cpus[i];
        /* Resuming at a breakpoint executes that instruction instead of stopping again. */
        gs.dbg.cpu[i].skip_bp = debug_bp_at(&gs.dbg, gs.arch->get_pc(v));
        /* Likewise an instruction stopped by a watchpoint now completes. */
        gs.dbg.cpu[i].skip_watch = true;
        gs.dbg.cpu[i].stop = DEBUG_STOP_NONE;
    }
    gs.running = true;
    gs.m->paused = false;
}

/* Step vCPU idx alone (the others hold), or continue every vCPU if idx < 0. */
static void resume_cpus(int step_idx)
{
    for (int i = 0; i < gs.m->ncpus; i++) {
        gs.dbg.cpu[i].step = i == step_idx;
        gs.dbg.cpu[i].hold = step_idx >= 0 && i != step_idx;
    }
    resume();
}

/* ---- commands ---- */

static void cmd_read_regs(void)
{
    static char out[GDB_PACKET_MAX];
    u8 buf[64];
    size_t n = 0;
    struct vcpu *v = gs.m->cpus[gs.g_cpu];
    for (int r = 0; r < gs.arch->num_regs; r++) {
        int sz = gs.arch->read_reg(v, r, buf);
        if (n + 2 * (size_t)sz + 1 > sizeof(out))
            break;
        gdb_hex_encode(out + n, buf, (size_t)sz);
        n += 2 * (size_t)sz;
    }
    send_packet_len(out, n);
}

static void cmd_write_regs(const char *p)
{
    reverse_state_changed(gs.m);
    struct vcpu *v = gs.m->cpus[gs.g_cpu];
    u8 buf[64];
    size_t left = strlen(p) / 2;
    for (int r = 0; r < gs.arch->num_regs; r++) {
        int sz = gs.arch->read_reg(v, r, buf);
        if ((size_t)sz > left)
            break;
        if (!gdb_hex_decode(buf, p, (size_t)sz))
            return send_packet("E01");
        gs.arch->write_reg(v, r, buf, (size_t)sz);
        p += 2 * sz;
        left -= (size_t)sz;
    }
    send_packet("OK");
}

static void cmd_read_reg(const char *p)
{
    u64 n;
    u8 buf[64];
    char out[130];
    if (!gdb_parse_hex(&p, &n) || n >= (u64)gs.arch->num_regs)
        return send_packet("E01");
    int sz = gs.arch->read_reg(gs.m->cpus[gs.g_cpu], (int)n, buf);
    if (!sz)
        return send_packet("E01");
    gdb_hex_encode(out, buf, (size_t)sz);
    send_packet(out);
}

static void cmd_write_reg(const char *p)
{
    u64 n;
    u8 buf[64];
    if (!gdb_parse_hex(&p, &n) || *p++ != '=' || n >= (u64)gs.arch->num_regs)
        return send_packet("E01");
    size_t len = strlen(p) / 2;
    if (len > sizeof(buf) || !gdb_hex_decode(buf, p, len))
        return send_packet("E01");
    reverse_state_changed(gs.m);
    send_packet(gs.arch->write_reg(gs.m->cpus[gs.g_cpu], (int)n, buf, len) ? "OK" : "E01");
}

static bool parse_addr_len(const char **p, u64 *addr, u64 *len, char sep)
{
    return gdb_parse_hex(p, addr) && *(*p)++ == ',' && gdb_parse_hex(p, len) &&
           (sep == 0 || *(*p)++ == sep);
}

static void cmd_read_mem(const char *p)
{
    static u8 buf[GDB_PACKET_MAX / 2];
    static char out[GDB_PACKET_MAX + 1];
    u64 addr, len;
    if (!parse_addr_len(&p, &addr, &len, 0))
        return send_packet("E01");
    if (len > sizeof(buf) - 1)
        len = sizeof(buf) - 1;
    if (!gs.arch->read_mem(gs.m->cpus[gs.g_cpu], addr, buf, len))
        return send_packet("E14");
    gdb_hex_encode(out, buf, len);
    send_packet(out);
}

static void cmd_write_mem(const char *p, size_t plen, bool binary)
{
    static u8 buf[GDB_PACKET_MAX];
    const char *start = p;
    u64 addr, len;
    if (!parse_addr_len(&p, &addr, &len, ':') || len > sizeof(buf))
        return send_packet("E01");
    size_t data_len = plen - (size_t)(p - start);
    if (binary) {
        memcpy(buf, p, data_len);
        if (gdb_unescape(buf, data_len) != len)
            return send_packet("E01");
    } else if (data_len < 2 * len || !gdb_hex_decode(buf, p, len)) {
        return send_packet("E01");
    }
    if (len && !gs.arch->write_mem(gs.m->cpus[gs.g_cpu], addr, buf, len))
        return send_packet("E14");
    if (len)
        reverse_state_changed(gs.m);
    send_packet("OK");
}

static void cmd_breakpoint(const char *p, bool insert)
{
    u64 type, addr, kind;
    if (!gdb_parse_hex(&p, &type) || *p++ != ',' || !parse_addr_len(&p, &addr, &kind, 0))
        return send_packet("E01");
    /* Z0 (software) and Z1 (hardware) both compare the PC in the step loop: no guest memory
     * is patched, so the guest never sees a breakpoint instruction. Z2-Z4 (write, read,
     * access watchpoints) are checked on the data access slow path. */
    if (type >= 2 && type <= 4) {
        bool ok = kind && kind <= 4096 &&
                  (insert ? debug_watch_insert(&gs.dbg, addr, kind, (u8)type)
                          : debug_watch_remove(&gs.dbg, addr, kind, (u8)type));
        debug_update_active(&gs.dbg, gs.m->ncpus);
        for (int i = 0; i < gs.m->ncpus; i++)
            gs.arch->watch_changed(gs.m->cpus[i]);
        return send_packet(ok || !insert ? "OK" : "E28");
    }
    if (type > 1)
        return send_packet("");
    if (!gs.arch->bp_valid(addr, (unsigned)kind))
        return send_packet("E22");
    bool ok = insert ? debug_bp_insert(&gs.dbg, addr) : (debug_bp_remove(&gs.dbg, addr), true);
    debug_update_active(&gs.dbg, gs.m->ncpus);
    send_packet(ok ? "OK" : "E28");
}

/* vCont;ACTION[:TID];... The leftmost action that names a thread applies to it. */
static void cmd_vcont(const char *p)
{
    int act[MACHINE_MAX_CPUS];
    int n = gs.m->ncpus;
    for (int i = 0; i < n; i++)
        act[i] = 0;
    while (*p == ';') {
        char a = *++p;
        if (a != 'c' && a != 's' && a != 'C' && a != 'S')
            return send_packet("E01");
        p++;
        if (a == 'C' || a == 'S') {
            u64 sig; /* signals mean nothing to a bare machine: ignored */
            if (!gdb_parse_hex(&p, &sig))
                return send_packet("E01");
        }
        s64 tid = -1;
        if (*p == ':') {
            p++;
            if (!parse_tid(&p, &tid))
                return send_packet("E01");
        }
        for (int i = 0; i < n; i++)
            if (!act[i] && (tid == -1 || tid == i + 1))
                act[i] = a == 'S' ? 's' : a == 'C' ? 'c' : a;
    }
    /* A vCPU without an action stays stopped (gdb's scheduler-locking on/step: it sends
     * "vCont;s:N"); one told to continue runs its turns of the schedule as they come, so that
     * stepping another vCPU ("vCont;s:N;c", scheduler-locking off or replay, gdb's default)
     * changes nothing the guest computes: the step ends when the stepped vCPU has executed one
     * instruction, and another vCPU's breakpoint may stop first. One vCPU steps at a time. */
    bool stepping = false;
    for (int i = 0; i < n; i++) {
        bool step = act[i] == 's' && !stepping;
        if (step)
            gs.c_cpu = i;
        stepping |= step;
        gs.dbg.cpu[i].step = step;
        gs.dbg.cpu[i].hold = !step && act[i] != 'c';
    }
    resume();
}

static void cmd_continue(const char *p, bool step)
{
    u64 addr;
    if (gdb_parse_hex(&p, &addr))
        gs.arch->set_pc(gs.m->cpus[gs.c_cpu], addr);
    resume_cpus(step ? gs.c_cpu : -1);
}

/* bs/bc: reverse-stepi of the Hc thread, reverse-continue (core/reverse.h). */
static void cmd_reverse(bool step)
{
    char err[200], reply[220];
    for (int i = 0; i < gs.m->ncpus; i++)
        gs.dbg.cpu[i].stop = DEBUG_STOP_NONE;
    /* gdb sends Hc0 before bs when the other threads may run (scheduler-locking off or
     * replay): the thread to step is then its current one, the last Hg thread (as
     * gdbserver's current thread). But when another thread sat on a breakpoint, gdb first
     * steps that one over it ("Hc<it>;bs"), reads its registers (Hg<it>), and only then sends
     * "Hc0;bs" for its current thread: the Hg thread from before that step-over. */
    int cpu = gs.c_any ? gs.g_cpu : gs.c_cpu;
    if (gs.c_any && step && gs.stepover_g >= 0)
        cpu = gs.stepover_g;
    gs.stepover_g = !gs.c_any && step ? gs.g_cpu : -1;
    enum reverse_result r = step ? reverse_step(gs.m, cpu, err, sizeof(err))
                                 : reverse_continue(gs.m, err, sizeof(err));
    if (r == REVERSE_ERROR) {
        snprintf(reply, sizeof(reply), "E.%s", err);
        return send_packet(reply);
    }
    if (r == REVERSE_BEGIN)
        return send_stop_reply(gs.m->cpus[cpu], STOP_REPLAY_BEGIN, 0, 0);
    gs.running = true; /* the passes run; report_stop() reports where they end */
    gs.m->paused = false;
}

static void cmd_set_thread(const char *p)
{
    char which = *p++;
    s64 tid;
    if (!parse_tid(&p, &tid))
        return send_packet("E01");
    struct vcpu *v = cpu_of_thread(tid);
    if (!v)
        return send_packet("E02");
    if (which == 'g') {
        gs.g_cpu = v->index;
    } else {
        gs.c_cpu = v->index;
        gs.c_any = tid <= 0;
    }
    send_packet("OK");
}

static void send_console_output(const char *text, size_t len)
{
    static char out[GDB_PACKET_MAX];
    while (len) {
        size_t chunk = len > 1000 ? 1000 : len;
        out[0] = 'O';
        gdb_hex_encode(out + 1, (const u8 *)text, chunk);
        send_packet(out);
        text += chunk;
        len -= chunk;
    }
}

/* qRcmd: a monitor command line, hex encoded; its output goes back as 'O' packets. */
static void cmd_rcmd(const char *p)
{
    char line[1024];
    size_t n = strlen(p) / 2;
    if (n >= sizeof(line) || !gdb_hex_decode((u8 *)line, p, n))
        return send_packet("E01");
    line[n] = 0;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return send_packet("E01");
    bool ok = monitor_exec(gs.m, line, out);
    fclose(out);
    send_console_output(text, len);
    free(text);
    send_packet(ok ? "OK" : "E01");
}

static void cmd_xfer_features(const char *p)
{
    char annex[64];
    u64 off, len;
    const char *colon = strchr(p, ':');
    if (!colon || (size_t)(colon - p) >= sizeof(annex))
        return send_packet("E00");
    memcpy(annex, p, (size_t)(colon - p));
    annex[colon - p] = 0;
    p = colon + 1;
    if (!parse_addr_len(&p, &off, &len, 0))
        return send_packet("E00");
    const char *doc = gs.arch->target_xml(annex);
    if (!doc)
        return send_packet("E00");
    size_t total = strlen(doc);
    if (off >= total)
        return send_packet("l");
    if (len > GDB_PACKET_MAX - 1)
        len = GDB_PACKET_MAX - 1;
    static char out[GDB_PACKET_MAX + 1];
    size_t n = total - off < len ? total - off : len;
    out[0] = off + n >= total ? 'l' : 'm';
    memcpy(out + 1, doc + off, n);
    send_packet_len(out, n + 1);
}

static void cmd_thread_info(const char *p)
{
    char buf[256], hex[520];
    s64 tid;
    struct vcpu *v = parse_tid(&p, &tid) ? cpu_of_thread(tid) : NULL;
    if (!v)
        return send_packet("E01");
    int n = snprintf(buf, sizeof(buf), "CPU#%d ", v->index);
    gs.arch->thread_info(v, buf + n, sizeof(buf) - (size_t)n);
    gdb_hex_encode(hex, (const u8 *)buf, strlen(buf));
    send_packet(hex);
}

static void cmd_query(const char *p)
{
    if (!strncmp(p, "qSupported", 10)) {
        gs.swbreak = strstr(p, "swbreak+") != NULL;
        gs.hwbreak = strstr(p, "hwbreak+") != NULL;
        char buf[160];
        snprintf(buf, sizeof(buf),
                 "PacketSize=%x;qXfer:features:read+;swbreak+;hwbreak+;vContSupported+;"
                 "QStartNoAckMode+;ReverseStep+;ReverseContinue+",
                 GDB_PACKET_MAX);
        return send_packet(buf);
    }
    if (!strcmp(p, "QStartNoAckMode")) {
        send_packet("OK");
        gs.no_ack = true;
        return;
    }
    if (!strncmp(p, "qXfer:features:read:", 20))
        return cmd_xfer_features(p + 20);
    if (!strcmp(p, "qfThreadInfo")) {
        char buf[MACHINE_MAX_CPUS * 3 + 2] = "m";
        size_t n = 1;
        for (int i = 0; i < gs.m->ncpus; i++)
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%02x", i ? "," : "", i + 1);
        return send_packet(buf);
    }
    if (!strcmp(p, "qsThreadInfo"))
        return send_packet("l");
    if (!strcmp(p, "qC")) {
        char buf[16];
        snprintf(buf, sizeof(buf), "QC%02x", gs.g_cpu + 1);
        return send_packet(buf);
    }
    if (!strncmp(p, "qAttached", 9))
        return send_packet("1");
    if (!strncmp(p, "qThreadExtraInfo,", 17))
        return cmd_thread_info(p + 17);
    if (!strncmp(p, "qRcmd,", 6))
        return cmd_rcmd(p + 6);
    send_packet("");
}

/* D (detach: the guest runs on), k (kill: emu quits, no reply) and vKill (kill, "OK"). */
static void cmd_detach(bool kill, bool reply)
{
    gs.dbg.nbp = gs.dbg.nwp = 0;
    for (int i = 0; i < gs.m->ncpus; i++)
        gs.dbg.cpu[i] = (struct debug_cpu){0};
    debug_update_active(&gs.dbg, gs.m->ncpus);
    if (reply)
        send_packet("OK");
    if (kill)
        machine_request_shutdown(gs.m, 0);
    gs.running = false;
    gs.m->paused = false;
    gdb_close_client();
}

static void handle_packet(char *p, size_t len)
{
    if (log_mask & LOG_GDB)
        log_printf("gdb: -> %.*s\n", (int)(len > 200 ? 200 : len), p);
    switch (p[0]) {
    case '?':
        return send_stop_reply(gs.m->cpus[gs.c_cpu], DEBUG_STOP_STEP, 0, 0);
    case 'g':
        return cmd_read_regs();
    case 'G':
        return cmd_write_regs(p + 1);
    case 'p':
        return cmd_read_reg(p + 1);
    case 'P':
        return cmd_write_reg(p + 1);
    case 'm':
        return cmd_read_mem(p + 1);
    case 'M':
        return cmd_write_mem(p + 1, len - 1, false);
    case 'X':
        return cmd_write_mem(p + 1, len - 1, true);
    case 'c':
        return cmd_continue(p + 1, false);
    case 's':
        return cmd_continue(p + 1, true);
    case 'C':
    case 'S': {
        const char *q = strchr(p, ';');
        return cmd_continue(q ? q + 1 : "", p[0] == 'S');
    }
    case 'Z':
    case 'z':
        return cmd_breakpoint(p + 1, p[0] == 'Z');
    case 'H':
        return cmd_set_thread(p + 1);
    case 'T': {
        const char *q = p + 1;
        s64 tid;
        return send_packet(parse_tid(&q, &tid) && tid > 0 && cpu_of_thread(tid) ? "OK" : "E01");
    }
    case 'D':
        return cmd_detach(false, true);
    case 'k':
        return cmd_detach(true, false);
    case 'q':
    case 'Q':
        return cmd_query(p);
    case 'v':
        if (!strcmp(p, "vCont?"))
            return send_packet("vCont;c;C;s;S");
        if (!strncmp(p, "vCont;", 6))
            return cmd_vcont(p + 5);
        if (!strncmp(p, "vKill", 5))
            return cmd_detach(true, true);
        return send_packet("");
    case 'b':
        if (!strcmp(p, "bs") || !strcmp(p, "bc"))
            return cmd_reverse(p[1] == 's');
        return send_packet("");
    default:
        return send_packet("");
    }
}

/* ---- socket ---- */

static void gdb_close_client(void)
{
    if (gs.fd < 0)
        return;
    close(gs.fd);
    gs.fd = -1;
    gs.no_ack = false;
    reverse_stop();
    /* A vanished debugger must not leave the guest stopped or full of breakpoints, nor a
     * reverse pass's stop position armed. */
    gs.dbg.target = (struct debug_target){0};
    gs.dbg.counting = false;
    gs.dbg.nbp = gs.dbg.nwp = 0;
    for (int i = 0; i < gs.m->ncpus; i++)
        gs.dbg.cpu[i] = (struct debug_cpu){0};
    debug_update_active(&gs.dbg, gs.m->ncpus);
    if (gs.running || gs.m->paused) {
        gs.running = false;
        gs.m->paused = false;
    }
}

static void accept_client(void)
{
    int fd = accept(gs.listen_fd, NULL, NULL);
    if (fd < 0)
        return;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    gs.fd = fd;
    gs.no_ack = false;
    gs.running = false;
    gs.g_cpu = gs.c_cpu = 0;
    gs.stepover_g = -1;
    gdb_rx_init(&gs.rx);
    /* Like a hardware debugger attaching: the machine stops at an instruction boundary. The
     * execution history for reverse execution begins here. */
    gs.m->paused = true;
    reverse_start(gs.m);
}

static void read_input(void)
{
    u8 buf[4096];
    ssize_t n = recv(gs.fd, buf, sizeof(buf), 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (n <= 0) {
        gdb_close_client();
        return;
    }
    for (ssize_t i = 0; i < n && gs.fd >= 0; i++) {
        switch (gdb_rx_byte(&gs.rx, buf[i])) {
        case GDB_RX_PACKET:
            if (!gs.no_ack)
                send_raw("+", 1);
            if (gs.running)
                break; /* all-stop mode: only Ctrl-C means something while the guest runs */
            handle_packet(gs.rx.buf, gs.rx.len);
            break;
        case GDB_RX_BADSUM:
            if (!gs.no_ack)
                send_raw("-", 1);
            break;
        case GDB_RX_NAK:
            if (gs.reply_len)
                send_raw(gs.reply, gs.reply_len);
            break;
        case GDB_RX_INTR:
            if (gs.running && !gs.m->paused)
                gs.m->paused = true; /* reported below as T02 */
            break;
        default:
            break;
        }
    }
}

static void gdbstub_poll(struct machine *m, bool idle)
{
    /* While the machine is stopped this poll blocks (20 ms slices) on the debugger's socket;
     * the hooks behind it must not block as well (the board's waits up to 100 ms for console
     * input), or every packet exchange with a stopped machine would wait that long. */
    if (gs.prev_poll)
        gs.prev_poll(m, idle && !m->paused);
    if (gs.running && m->paused)
        report_stop();
    if (!m->paused && gs.fd >= 0 && machine_at_round_end(m) && !reverse_busy())
        reverse_round_end(m);
    bool stopped = m->paused && !m->shutdown;
    if (!stopped && !idle && ++gs.rounds % GDB_POLL_EVERY)
        return;
    struct pollfd p = {.fd = gs.fd >= 0 ? gs.fd : gs.listen_fd, .events = POLLIN};
    /* Block only when the guest cannot run anyway: host time never reaches the guest. */
    if (poll(&p, 1, stopped || idle ? 20 : 0) <= 0)
        return;
    if (gs.fd >= 0)
        read_input();
    else
        accept_client();
    if (gs.running && m->paused)
        report_stop();
}

bool gdbstub_parse_spec(const char *spec, int *port, char *err, size_t errlen)
{
    const char *p;
    if (!strncmp(spec, "tcp::", 5))
        p = spec + 5;
    else if (!strncmp(spec, "tcp:127.0.0.1:", 14))
        p = spec + 14;
    else if (!strncmp(spec, "tcp:localhost:", 14))
        p = spec + 14;
    else if (!strncmp(spec, "tcp:", 4)) {
        snprintf(err, errlen, "'%s': only the loopback interface (tcp::PORT or "
                              "tcp:127.0.0.1:PORT) can be used", spec);
        return false;
    } else {
        snprintf(err, errlen, "'%s': expected tcp::PORT", spec);
        return false;
    }
    char *end;
    long v = strtol(p, &end, 10);
    if (!*p || *end || v <= 0 || v > 65535) {
        snprintf(err, errlen, "'%s': bad port", spec);
        return false;
    }
    *port = (int)v;
    return true;
}

bool gdbstub_open(struct machine *m, const char *spec, char *err, size_t errlen)
{
    int port;
    if (!gdbstub_parse_spec(spec, &port, err, errlen))
        return false;
    const struct gdb_arch_ops *arch = m->ncpus ? gdb_arch_find(m->cpus[0]->ops->arch) : NULL;
    if (!arch) {
        snprintf(err, errlen, "no gdb support for this machine's CPUs");
        return false;
    }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        snprintf(err, errlen, "socket: %s", strerror(errno));
        return false;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((u16)port),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 1)) {
        snprintf(err, errlen, "cannot listen on 127.0.0.1:%d: %s", port, strerror(errno));
        close(fd);
        return false;
    }
    gs.m = m;
    gs.arch = arch;
    gs.listen_fd = fd;
    gs.fd = -1;
    gs.prev_poll = m->poll;
    m->poll = gdbstub_poll;
    m->debug = &gs.dbg;
    gs.open = true;
    reverse_monitor_register();
    return true;
}

void gdbstub_close(void)
{
    if (!gs.open)
        return;
    if (gs.fd >= 0 && gs.running) {
        /* The guest ended (semihosting exit, power-off): tell gdb its exit status. */
        char buf[16];
        snprintf(buf, sizeof(buf), "W%02x", gs.m->exit_status & 0xff);
        send_packet(buf);
    }
    if (gs.fd >= 0)
        close(gs.fd);
    close(gs.listen_fd);
    gs.fd = gs.listen_fd = -1;
    gs.m->debug = NULL;
    gs.open = false;
}
