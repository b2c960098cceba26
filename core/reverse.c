/* SPDX-License-Identifier: MIT */
/*
 * Reverse execution: checkpoints while a debugger is attached, and passes of deterministic
 * re-execution from them (core/reverse.h). reverse-stepi is one pass (to the vCPU's previous
 * instruction count, then its next instruction boundary); reverse-continue scans windows
 * between checkpoints backwards, counting breakpoint/watchpoint hits without stopping, then
 * replays the window with hits to stop at the last one.
 */
#include "core/reverse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/debug.h"
#include "core/log.h"
#include "core/machine.h"
#include "core/monitor.h"
#include "core/output_gate.h"
#include "core/replay.h"
#include "core/snapshot.h"

/* Defaults: at the slow loop's ~60-150 MIPS a window replays in well under a second; the
 * interval doubles (and every other old checkpoint goes) whenever the cap is reached. */
#define REVERSE_INTERVAL (20 * 1000 * 1000ull)
#define REVERSE_MAX_CKPT 256
#define REVERSE_MAX_BYTES ((size_t)1 << 30)
/* A reverse-stepi that replays more than this many of the vCPU's instructions leaves a
 * checkpoint this far before its target on the way, so the next ones replay only that much
 * (gdb's reverse-step/next are many reverse-stepi in a row). */
#define REVERSE_NEAR 20000ull

struct checkpoint {
    struct snap_mem *snap;
    u64 icount;                       /* global instruction count */
    u64 cpu_icount[MACHINE_MAX_CPUS]; /* each vCPU's own count */
    struct output_gate_pos out;       /* guest output produced by then (core/output_gate.h) */
};

enum reverse_op { OP_NONE, OP_STEP_NEAR, OP_STEP, OP_SCAN, OP_FINAL };

static struct {
    bool on;
    struct checkpoint ck[REVERSE_MAX_CKPT];
    int n;
    u64 interval;
    size_t bytes;
    enum reverse_op op;
    int pass_ck;   /* the checkpoint the current pass started from */
    u64 pass_end;  /* global icount the scan pass replays to */
    int step_cpu;  /* reverse-stepi: the vCPU and its target count */
    u64 step_to;
} rv = {.interval = REVERSE_INTERVAL};

static void drop(int i)
{
    rv.bytes -= snapshot_mem_bytes(rv.ck[i].snap);
    snapshot_free(rv.ck[i].snap);
    memmove(&rv.ck[i], &rv.ck[i + 1], (size_t)(rv.n - i - 1) * sizeof(rv.ck[0]));
    rv.n--;
}

/* Over a cap: keep the first checkpoint (the beginning of history) and the newest, drop every
 * other one in between, and take them half as often from now on. Freeing a checkpoint whose
 * pages a later one shares only drops references. */
static void thin_out(void)
{
    for (int i = rv.n - 2; i >= 1; i -= 2)
        drop(i);
    rv.interval *= 2;
}

/* A checkpoint of now at index at (the list stays in execution order). */
static void take_at(struct machine *m, int at)
{
    memmove(&rv.ck[at + 1], &rv.ck[at], (size_t)(rv.n - at) * sizeof(rv.ck[0]));
    struct checkpoint *c = &rv.ck[at];
    c->snap = snapshot_take(m, at ? rv.ck[at - 1].snap : NULL);
    c->icount = m->clock.icount;
    output_gate_save(&c->out);
    for (int i = 0; i < m->ncpus; i++)
        c->cpu_icount[i] = m->cpus[i]->icount;
    rv.bytes += snapshot_mem_bytes(c->snap);
    rv.n++;
}

static void make_room(void)
{
    while (rv.n > 1 && (rv.n == REVERSE_MAX_CKPT || rv.bytes > REVERSE_MAX_BYTES))
        thin_out();
}

static void take(struct machine *m)
{
    make_room();
    take_at(m, rv.n);
}

void reverse_start(struct machine *m)
{
    reverse_stop();
    rv.on = true;
    /* Outside input (console, network) delivered from now on is kept, and a restored
     * checkpoint's re-execution gets it again at the same round ends (core/replay.h). */
    replay_journal_enable(m);
    take(m);
}

void reverse_stop(void)
{
    while (rv.n)
        drop(rv.n - 1);
    rv.on = false;
    rv.op = OP_NONE;
    rv.interval = REVERSE_INTERVAL;
}

void reverse_round_end(struct machine *m)
{
    /* Only at the newest point of history: in the past, the later checkpoints exist. */
    if (rv.on && rv.n && m->clock.icount >= rv.ck[rv.n - 1].icount + rv.interval)
        take(m);
}

void reverse_loaded(struct machine *m)
{
    /* Output from here on belongs to the loaded timeline: none of it was printed. */
    output_gate_new_timeline();
    if (!rv.on)
        return;
    while (rv.n)
        drop(rv.n - 1);
    rv.op = OP_NONE;
    rv.interval = REVERSE_INTERVAL;
    take(m);
}

void reverse_state_changed(struct machine *m)
{
    if (!rv.on)
        return;
    /* Another future: what it outputs was never printed. */
    output_gate_new_timeline();
    u64 now = m->clock.icount;
    while (rv.n > 1 && rv.ck[rv.n - 1].icount >= now)
        drop(rv.n - 1);
    if (rv.ck[rv.n - 1].icount < now)
        take(m);
    else if (rv.n == 1) {
        /* The first checkpoint is now: the new state is the beginning of history. */
        drop(0);
        take(m);
    }
}

bool reverse_busy(void)
{
    return rv.op != OP_NONE;
}

/* Clear what the debugger's own stops left in the vCPUs' debug state: a restored machine is
 * where a checkpoint was taken, between runs, with no stop pending. */
static void reset_debug(struct machine *m)
{
    struct machine_debug *d = m->debug;
    for (int i = 0; i < m->ncpus; i++) {
        struct debug_cpu *dc = &d->cpu[i];
        dc->step = dc->hold = dc->skip_bp = dc->skip_watch = dc->watch_off = false;
        dc->stop_next = false;
        dc->stop = DEBUG_STOP_NONE;
        dc->watch_hit_at = ~0ull;
    }
    d->target = (struct debug_target){0};
    d->counting = false;
    d->hits = d->stop_hit = 0;
}

static bool restore(struct machine *m, int i, char *err, size_t errlen)
{
    reset_debug(m);
    if (!snapshot_restore(m, rv.ck[i].snap, err, errlen))
        return false;
    output_gate_restore(&rv.ck[i].out);
    rv.pass_ck = i;
    m->paused = false;
    debug_update_active(m->debug, m->ncpus);
    return true;
}

static enum reverse_result finish(struct machine *m, enum reverse_result r)
{
    struct machine_debug *d = m->debug;
    d->target.armed = false;
    d->counting = false;
    for (int i = 0; i < m->ncpus; i++)
        d->cpu[i].stop_next = false;
    debug_update_active(d, m->ncpus);
    rv.op = OP_NONE;
    m->paused = true; /* stopped where the operation ended */
    return r;
}

static bool usable(char *err, size_t errlen)
{
    if (!rv.on || !rv.n) {
        snprintf(err, errlen, "no execution history (reverse execution starts when gdb attaches)");
        return false;
    }
    return true;
}

enum reverse_result reverse_step(struct machine *m, int cpu, char *err, size_t errlen)
{
    if (!usable(err, errlen))
        return REVERSE_ERROR;
    u64 t = m->cpus[cpu]->icount;
    int i = rv.n - 1;
    while (i >= 0 && (t == 0 || rv.ck[i].cpu_icount[cpu] > t - 1))
        i--;
    if (i < 0) {
        /* The vCPU has not executed anything since history began. */
        if (!restore(m, 0, err, errlen))
            return REVERSE_ERROR;
        return finish(m, REVERSE_BEGIN);
    }
    if (!restore(m, i, err, errlen))
        return REVERSE_ERROR;
    /* To its previous instruction count, then to its next boundary: other vCPUs' turns in
     * between run, as they did before the instruction executed. A long way first stops
     * REVERSE_NEAR short of it for a checkpoint. */
    rv.step_cpu = cpu;
    rv.step_to = t - 1;
    bool near = t - 1 - rv.ck[i].cpu_icount[cpu] > 2 * REVERSE_NEAR;
    m->debug->target = (struct debug_target){.armed = true, .icount = 0, .cpu = cpu,
                                             .cpu_icount = near ? t - 1 - REVERSE_NEAR : t - 1,
                                             .then_next = !near};
    m->debug->counting = true; /* breakpoints and watchpoints on the way do not stop */
    rv.op = near ? OP_STEP_NEAR : OP_STEP;
    return REVERSE_RUNNING;
}

static void start_scan(struct machine *m, u64 end, u64 stop_hit)
{
    struct machine_debug *d = m->debug;
    d->counting = true;
    d->hits = 0;
    d->stop_hit = stop_hit;
    d->target = (struct debug_target){.armed = true, .icount = end, .cpu = -1};
    rv.pass_end = end;
    rv.op = stop_hit ? OP_FINAL : OP_SCAN;
}

enum reverse_result reverse_continue(struct machine *m, char *err, size_t errlen)
{
    if (!usable(err, errlen))
        return REVERSE_ERROR;
    u64 now = m->clock.icount;
    int i = rv.n - 1;
    while (i > 0 && rv.ck[i].icount >= now)
        i--;
    if (!restore(m, i, err, errlen))
        return REVERSE_ERROR;
    start_scan(m, now, 0);
    return REVERSE_RUNNING;
}

enum reverse_result reverse_paused(struct machine *m)
{
    struct machine_debug *d = m->debug;
    char err[200];
    bool at_target = false;
    for (int i = 0; i < m->ncpus; i++) {
        if (d->cpu[i].stop == DEBUG_STOP_TARGET) {
            d->cpu[i].stop = DEBUG_STOP_NONE;
            at_target = true;
        }
    }
    if (rv.op == OP_STEP_NEAR && at_target) {
        /* Between runs, short of a reverse-stepi's target: leave a checkpoint, go on. */
        make_room();
        int at = rv.pass_ck + 1 < rv.n ? rv.pass_ck + 1 : rv.n;
        while (at > 0 && rv.ck[at - 1].icount > m->clock.icount)
            at--; /* thinning may have moved the restored one */
        take_at(m, at);
        d->target = (struct debug_target){.armed = true, .icount = 0, .cpu = rv.step_cpu,
                                          .cpu_icount = rv.step_to, .then_next = true};
        rv.op = OP_STEP;
        m->paused = false;
        return REVERSE_RUNNING;
    }
    if (rv.op != OP_SCAN || !at_target)
        return finish(m, REVERSE_DONE); /* the stop looked for, or an interrupt (Ctrl-C) */
    u64 hits = d->hits;
    int i = rv.pass_ck;
    if (hits) {
        /* Replay the window again and stop at its last hit. */
        if (!restore(m, i, err, sizeof(err)))
            fatal("reverse execution: %s", err);
        start_scan(m, rv.pass_end, hits);
        return REVERSE_RUNNING;
    }
    if (i == 0) {
        if (!restore(m, 0, err, sizeof(err)))
            fatal("reverse execution: %s", err);
        return finish(m, REVERSE_BEGIN);
    }
    u64 end = rv.ck[i].icount;
    if (!restore(m, i - 1, err, sizeof(err)))
        fatal("reverse execution: %s", err);
    start_scan(m, end, 0);
    return REVERSE_RUNNING;
}

static void cmd_info_reverse(struct machine *m, int argc, char **argv, FILE *out)
{
    fprintf(out, "reverse execution: %s; %d checkpoints, %zu KiB, one every %llu instructions\n",
            rv.on ? "on" : "off (no debugger attached)", rv.n, rv.bytes >> 10,
            (unsigned long long)rv.interval);
    for (int i = 0; i < rv.n; i++)
        fprintf(out, "  #%d icount=%llu\n", i, (unsigned long long)rv.ck[i].icount);
}

static void cmd_reverse_interval(struct machine *m, int argc, char **argv, FILE *out)
{
    char *end;
    unsigned long long v = argc == 2 ? strtoull(argv[1], &end, 0) : 0;
    if (argc != 2 || *end || v == 0) {
        fprintf(out, "usage: reverse-interval INSTRUCTIONS (a positive number)\n");
        return;
    }
    rv.interval = v;
}

void reverse_monitor_register(void)
{
    monitor_register("info reverse", "", "show the reverse-execution checkpoints",
                     cmd_info_reverse);
    monitor_register("reverse-interval", "N", "take a reverse-execution checkpoint every N "
                     "instructions", cmd_reverse_interval);
}
