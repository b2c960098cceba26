/* SPDX-License-Identifier: MIT */
/*
 * The input layer and record/replay (core/replay.h, docs/DETERMINISM.md): input channels,
 * delivery at round ends, the log being written or replayed, the in-memory journal, digests.
 */
#include "core/replay.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/config.h"
#include "core/log.h"
#include "core/machine.h"
#include "core/replay_internal.h"
#include "core/snapshot.h"

#define RP_DIGEST_EVERY 100000000ull   /* instructions between digests */
#define RP_RAM_WINDOW (32ull << 20)     /* RAM bytes hashed per periodic digest */
#define RP_TAKE_MAX 65536

enum rp_mode { RP_LIVE, RP_RECORD, RP_PLAY };

struct rp_channel {
    enum replay_kind kind;
    const char *name;
    replay_take_fn take;
    replay_deliver_fn deliver;
    void *opaque;
};

static struct {
    enum rp_mode mode;
    bool journal; /* keep delivered inputs in memory (always when recording or replaying) */
    bool digest_on_exit;
    struct rp_channel *ch;
    int nch;
    /* The journal: in a live run what was delivered, when replaying the whole log. */
    struct rp_event *ev;
    size_t nev, cap;
    size_t cursor;       /* next event for a round end (REPLAY_VALUE records are skipped) */
    size_t value_cursor; /* next REPLAY_VALUE (replaying) */
    size_t sync_cursor;  /* where to look for the next REPLAY_SYNC */
    u64 live_round;      /* round ends before this one take their input from the journal */
    struct machine *m;
    void (*prev_poll)(struct machine *m, bool idle);
    /* the log */
    const char *path;
    FILE *out;
    struct rp_header h;
    bool complete, truncated_reported, end_mid_round;
    u64 next_digest, ram_pos;
    /* Which recording this is, for snapshots taken during it (see snap_save). */
    u8 log_id[SHA256_BYTES];
    size_t chain_n; /* prefix_hash() memo: the hash of the first chain_n events */
    u64 chain;
} rp;

void replay_reset(void)
{
    for (size_t i = 0; i < rp.nev && rp.mode != RP_PLAY; i++)
        free(rp.ev[i].payload);
    free(rp.ev);
    free(rp.ch);
    memset(&rp, 0, sizeof(rp));
}

bool replay_playing(void) { return rp.mode == RP_PLAY; }
void replay_set_digest_on_exit(bool on) { rp.digest_on_exit = on; }
size_t replay_journal_count(void) { return rp.nev; }
u64 replay_journal_live_round(void) { return rp.live_round; }

void replay_journal_enable(struct machine *m)
{
    (void)m;
    rp.journal = true;
}

bool replay_recording(void)
{
    return rp.mode == RP_RECORD;
}

void replay_channel_add(enum replay_kind kind, const char *name, replay_take_fn take,
                        replay_deliver_fn deliver, void *opaque)
{
    rp.ch = realloc(rp.ch, (size_t)(rp.nch + 1) * sizeof(*rp.ch));
    if (!rp.ch)
        fatal("out of memory");
    rp.ch[rp.nch++] = (struct rp_channel){kind, name, take, deliver, opaque};
}

/* Append an input or digest at the current point: to the journal, and to the log file. */
static void append(enum replay_kind kind, int channel, const u8 *p, size_t len)
{
    struct rp_event e = {.kind = (u8)kind, .channel = (u16)channel, .len = (u32)len};
    if (rp.m) {
        e.round = rp.m->rounds;
        e.icount = vclock_icount(&rp.m->clock);
        e.vtime = vclock_now_ns(&rp.m->clock);
    }
    if (rp.out) {
        e.payload = (u8 *)p;
        rp_event_write(rp.out, &e);
    }
    if (!rp.journal)
        return;
    e.payload = malloc(len ? len : 1);
    if (!e.payload)
        fatal("out of memory");
    memcpy(e.payload, p, len);
    if (rp.nev == rp.cap) {
        rp.cap = rp.cap ? rp.cap * 2 : 256;
        rp.ev = realloc(rp.ev, rp.cap * sizeof(*rp.ev));
        if (!rp.ev)
            fatal("out of memory");
    }
    bool at_end = rp.cursor == rp.nev; /* not while journaled inputs are being re-delivered */
    rp.ev[rp.nev++] = e;
    if (at_end)
        rp.cursor = rp.nev;
}

u64 replay_host_value(const char *name, u64 live)
{
    if (rp.mode == RP_PLAY) {
        while (rp.value_cursor < rp.nev && rp.ev[rp.value_cursor].kind != REPLAY_VALUE)
            rp.value_cursor++;
        if (rp.value_cursor == rp.nev)
            fatal("replay diverged while building the machine: the log has no value for %s",
                  name);
        const struct rp_event *e = &rp.ev[rp.value_cursor++];
        struct rp_cur c = {.p = e->payload, .n = e->len};
        char *rec = rp_get_str(&c);
        u64 v = rp_get_u64(&c);
        if (c.bad || strcmp(rec, name))
            fatal("replay diverged while building the machine: the log has %s where %s was "
                  "expected", rec, name);
        free(rec);
        return v;
    }
    struct rp_buf b = {0};
    rp_put_str(&b, name);
    rp_put_u64(&b, live);
    append(REPLAY_VALUE, 0, b.p, b.n);
    free(b.p);
    return live;
}

static NORETURN void diverged(int cpu, const char *fmt, const char *why);

int replay_sync_getc(int (*live_getc)(void))
{
    /* Replaying, or re-executing journaled history after a restore: the next logged byte. */
    if (rp.mode == RP_PLAY || rp.journal) {
        size_t i = rp.sync_cursor;
        while (i < rp.nev && rp.ev[i].kind != REPLAY_SYNC)
            i++;
        if (i < rp.nev) {
            const struct rp_event *e = &rp.ev[i];
            rp.sync_cursor = i + 1;
            if (e->icount != vclock_icount(&rp.m->clock)) {
                char why[160];
                snprintf(why, sizeof(why), "the guest reads semihosting input recorded at "
                         "icount %llu", (unsigned long long)e->icount);
                diverged(-1, "replay diverged at icount %llu: %s", why);
            }
            return e->len ? e->payload[0] : EOF;
        }
        if (rp.mode == RP_PLAY)
            diverged(-1, "replay diverged at icount %llu: %s",
                     "the guest reads semihosting input the log does not have");
    }
    int c = live_getc();
    u8 b = (u8)c;
    append(REPLAY_SYNC, 0, &b, c == EOF ? 0 : 1);
    rp.sync_cursor = rp.nev;
    return c;
}

static NORETURN void diverged(int cpu, const char *fmt, const char *why)
{
    u64 ic = vclock_icount(&rp.m->clock);
    if (cpu >= 0)
        fatal("replay diverged at icount %llu on cpu %d: %s", (unsigned long long)ic, cpu, why);
    fatal(fmt, (unsigned long long)ic, why);
}

static void check_digest(const struct rp_event *e)
{
    char why[256];
    int cpu;
    if (!rp_digest_check(rp.m, e->payload, e->len, why, sizeof(why), &cpu))
        diverged(cpu, "replay diverged at icount %llu: %s", why);
}

/* Deliver one journaled or logged event at this round's end. */
static void deliver(const struct rp_event *e)
{
    struct machine *m = rp.m;
    char why[256];
    if (e->kind == REPLAY_END && e->round == m->rounds && e->icount < vclock_icount(&m->clock)) {
        /* The recording stopped inside this round (quit while a debugger held the machine
         * mid-round); the replay can only stop at the round's end. */
        log_printf("emu: the recording stopped inside round %llu at icount %llu; the replay "
                   "stops at its end, icount %llu\n", (unsigned long long)e->round,
                   (unsigned long long)e->icount, (unsigned long long)vclock_icount(&m->clock));
        rp.end_mid_round = true;
    } else if (e->round != m->rounds || e->icount != vclock_icount(&m->clock) ||
               e->vtime != vclock_now_ns(&m->clock)) {
        snprintf(why, sizeof(why), "a %s record is at round %llu icount %llu time %llu ns, the "
                 "run is at round %llu time %llu ns",
                 e->kind == REPLAY_DIGEST ? "digest" : "input", (unsigned long long)e->round,
                 (unsigned long long)e->icount, (unsigned long long)e->vtime,
                 (unsigned long long)m->rounds, (unsigned long long)vclock_now_ns(&m->clock));
        diverged(-1, "replay diverged at icount %llu: %s", why);
    }
    switch (e->kind) {
    case REPLAY_SERIAL:
    case REPLAY_NET:
        if (e->channel >= rp.nch || rp.ch[e->channel].kind != e->kind) {
            snprintf(why, sizeof(why), "input for channel %u, which this machine lacks",
                     e->channel);
            diverged(-1, "replay diverged at icount %llu: %s", why);
        }
        if (!rp.ch[e->channel].deliver(rp.ch[e->channel].opaque, e->payload, e->len)) {
            snprintf(why, sizeof(why), "%s did not accept %u bytes of input",
                     rp.ch[e->channel].name, e->len);
            diverged(-1, "replay diverged at icount %llu: %s", why);
        }
        break;
    case REPLAY_DIGEST:
        check_digest(e);
        break;
    case REPLAY_END: {
        struct rp_cur c = {.p = e->payload, .n = e->len};
        machine_request_shutdown(m, (int)rp_get_u32(&c));
        break;
    }
    default:
        break;
    }
}

/* Take what each channel's host side has for the guest now, log it, count it. */
static void take_live(struct machine *m)
{
    static u8 buf[RP_TAKE_MAX];
    for (int i = 0; i < rp.nch; i++) {
        size_t n;
        while (rp.ch[i].take && (n = rp.ch[i].take(rp.ch[i].opaque, buf, sizeof(buf))) > 0)
            append(rp.ch[i].kind, i, buf, n);
    }
    if (rp.mode == RP_RECORD && vclock_icount(&m->clock) >= rp.next_digest) {
        struct rp_buf b = {0};
        rp_digest(m, &b, rp.h.ram_window, &rp.ram_pos);
        append(REPLAY_DIGEST, 0, b.p, b.n);
        free(b.p);
        rp.next_digest = vclock_icount(&m->clock) + rp.h.digest_every;
    }
    rp.live_round = m->rounds + 1;
}

static void round_end(struct machine *m)
{
    if (rp.mode != RP_PLAY && m->rounds >= rp.live_round) {
        take_live(m);
        return;
    }
    /* Replaying, or re-executing journaled history after a restore: host input waits. */
    while (rp.cursor < rp.nev && !m->shutdown) {
        const struct rp_event *e = &rp.ev[rp.cursor];
        if (e->kind == REPLAY_VALUE || e->kind == REPLAY_SYNC) {
            rp.cursor++; /* taken by their readers, not at round ends */
            continue;
        }
        if (e->round > m->rounds)
            break;
        rp.cursor++;
        deliver(e);
    }
    if (rp.mode == RP_PLAY && rp.cursor == rp.nev && !rp.complete && !m->shutdown) {
        log_printf("emu: replay log ends early at icount %llu (truncated)\n",
                   (unsigned long long)vclock_icount(&m->clock));
        rp.truncated_reported = true;
        machine_request_shutdown(m, 1);
    }
}

/* The last poll hook: every other one has collected host input (or been skipped). */
static void rp_poll(struct machine *m, bool idle)
{
    if (rp.prev_poll)
        rp.prev_poll(m, idle);
    if (machine_at_round_end(m) && !m->paused && !m->shutdown)
        round_end(m);
}

/* FNV-1a over the events [0, n) of the journal (the log when replaying): a snapshot taken
 * during a recording or replay stores the hash of the inputs before its cursor, so that a
 * replay can refuse a snapshot whose past is not the log's. Saves are mostly at increasing
 * cursors, so the hash of the last prefix is kept and extended. */
static u64 prefix_hash(size_t n)
{
    if (n < rp.chain_n)
        rp.chain_n = 0;
    u64 h = rp.chain_n ? rp.chain : 0xcbf29ce484222325ull;
    for (; rp.chain_n < n; rp.chain_n++) {
        const struct rp_event *e = &rp.ev[rp.chain_n];
        u64 f[6] = {e->kind, e->channel, e->len, e->round, e->icount, e->vtime};
        const u8 *b = (const u8 *)f;
        for (size_t i = 0; i < sizeof(f); i++)
            h = (h ^ b[i]) * 0x100000001b3ull;
        for (u32 i = 0; i < e->len; i++)
            h = (h ^ e->payload[i]) * 0x100000001b3ull;
    }
    rp.chain = h;
    return h;
}

/* The recording a log (or a run writing one) belongs to: the SHA-256 of its header without
 * the whole command line, i.e. of its machine options, images' hashes and digest interval
 * (the log's name, -d or -savevm-at do not make another recording). */
static void header_id(const struct rp_header *h, u8 out[SHA256_BYTES])
{
    char *p = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&p, &n);
    if (!f)
        fatal("out of memory");
    struct rp_header machine_only = *h;
    machine_only.argc = 0;
    rp_header_write(f, &machine_only);
    fclose(f);
    sha256(p, n, out);
    free(p);
}

/* Version 2 adds, after the cursors: u8 source (0 live, 1 recording, 2 replaying), the
 * recording's header id, the hash of the inputs before the cursor. */
static void snap_save(void *opaque, struct snap_writer *w)
{
    snap_put_u64(w, rp.cursor);
    snap_put_u64(w, rp.sync_cursor);
    snap_put_u64(w, rp.next_digest);
    snap_put_u64(w, rp.ram_pos);
    snap_put_u8(w, (u8)rp.mode);
    snap_put_bytes(w, rp.log_id, SHA256_BYTES);
    snap_put_u64(w, rp.mode == RP_LIVE ? 0 : prefix_hash(rp.cursor));
}

/* Replaying from a snapshot (-replay LOG -loadvm NAME): refuse one whose past is not the
 * log's; the machine section, loaded before this one, holds the snapshot's icount. */
static void check_snapshot_source(struct snap_reader *r, u32 version, u8 src,
                                  const u8 *id, u64 cursor, u64 prefix)
{
    u64 ic = vclock_icount(&rp.m->clock);
    u64 end = rp.nev ? rp.ev[rp.nev - 1].icount : 0;
    if (version < 2 || src == RP_LIVE)
        snap_fail(r, "the snapshot was not taken during a recording or a replay, so it cannot "
                  "start the replay of %s", rp.path);
    else if (memcmp(id, rp.log_id, SHA256_BYTES))
        snap_fail(r, "the snapshot was not taken during this recording (%s): it belongs to a "
                  "recording with another command line or images", rp.path);
    else if (cursor > rp.nev || ic > end)
        snap_fail(r, "the snapshot is at icount %llu, past the log's end %llu (%s)",
                  (unsigned long long)ic, (unsigned long long)end, rp.path);
    else if (prefix != prefix_hash((size_t)cursor))
        snap_fail(r, "the snapshot was not taken during this recording (%s): the inputs before "
                  "its icount %llu differ from the log's", rp.path, (unsigned long long)ic);
}

static void snap_load(void *opaque, struct snap_reader *r, u32 version)
{
    u64 cursor = snap_get_u64(r), sync_cursor = snap_get_u64(r);
    u64 next_digest = snap_get_u64(r), ram_pos = snap_get_u64(r);
    u8 src = RP_LIVE, id[SHA256_BYTES] = {0};
    u64 prefix = 0;
    if (version >= 2) {
        src = snap_get_u8(r);
        snap_get_bytes(r, id, SHA256_BYTES);
        prefix = snap_get_u64(r);
    }
    if (rp.mode == RP_PLAY && !snap_failed(r))
        check_snapshot_source(r, version, src, id, cursor, prefix);
    if (snap_failed(r))
        return;
    rp.next_digest = next_digest;
    rp.ram_pos = ram_pos;
    /* live_round is not restored: it is how far the journal reaches, which a restore to an
     * earlier point does not shorten. */
    rp.cursor = cursor < rp.nev ? (size_t)cursor : rp.nev;
    rp.sync_cursor = sync_cursor < rp.nev ? (size_t)sync_cursor : rp.nev;
}

void replay_note_snapshot(const char *name, u64 icount)
{
    /* Only at the live end: after a restore to an earlier point a record here would be out of
     * order in the log. */
    if (rp.mode != RP_RECORD || rp.cursor != rp.nev)
        return;
    char key[256];
    snprintf(key, sizeof(key), "snapshot:%s", name);
    struct rp_buf b = {0};
    rp_put_str(&b, key);
    rp_put_u64(&b, icount);
    append(REPLAY_VALUE, 0, b.p, b.n);
    free(b.p);
}

void replay_journal_seek(struct machine *m)
{
    size_t lo = 0, hi = rp.nev;
    while (lo < hi) { /* rounds are non-decreasing along the journal */
        size_t mid = (lo + hi) / 2;
        if (rp.ev[mid].round < m->rounds)
            lo = mid + 1;
        else
            hi = mid;
    }
    rp.cursor = lo;
}

void replay_snap_register(struct machine *m)
{
    snap_register(m, "replay", 2, snap_save, snap_load, NULL);
}

static void add_image(const char *role, const char *path)
{
    if (!path || rp.h.nimg == RP_MAX_IMAGES)
        return;
    struct rp_image *im = &rp.h.img[rp.h.nimg++];
    im->role = strdup(role);
    im->path = strdup(path);
    if (!im->role || !im->path)
        fatal("out of memory");
    if (!sha256_file(path, im->sha))
        fatal("%s: cannot read '%s': %s", rp.mode == RP_PLAY ? "-replay" : "-record", path,
              strerror(errno));
}

/* The files whose contents the guest sees, in a fixed order. */
static void hash_images(const struct emu_config *cfg)
{
    add_image("kernel", cfg->kernel);
    add_image("initrd", cfg->initrd);
    add_image("dtb", cfg->dtb);
    add_image("bios", cfg->bios);
    for (int i = 0; i < cfg->ndrives; i++)
        add_image("drive", cfg->drives[i].file);
}

void replay_setup(struct emu_config *cfg)
{
    rp.digest_on_exit = rp.digest_on_exit || cfg->digest_on_exit;
    if (cfg->record) {
        rp.mode = RP_RECORD;
        rp.journal = true;
        rp.path = cfg->record;
        rp.h = rp_cli_header;
        rp.h.emu_version = cli_emu_version;
        rp.h.digest_every = cfg->digest_every ? cfg->digest_every : RP_DIGEST_EVERY;
        rp.h.ram_window = RP_RAM_WINDOW;
        hash_images(cfg);
        for (int i = 0; i < cfg->ndrives; i++)
            if (!cfg->drives[i].readonly && !cfg->drives[i].snapshot && !cfg->snapshot)
                log_printf("emu: warning: -record: the guest may write to '%s', and a replay "
                           "refuses a changed image (add -snapshot)\n", cfg->drives[i].file);
        rp.out = fopen(cfg->record, "wb");
        if (!rp.out)
            fatal("-record: cannot create '%s': %s", cfg->record, strerror(errno));
        rp_header_write(rp.out, &rp.h);
        header_id(&rp.h, rp.log_id);
        rp.next_digest = rp.h.digest_every;
    } else if (cfg->replay) {
        rp.mode = RP_PLAY;
        rp.journal = true;
        rp.path = cfg->replay;
        rp.h = rp_cli_log.h;
        rp.ev = rp_cli_log.ev;
        rp.nev = rp_cli_log.nev;
        rp.complete = rp_cli_log.complete;
        struct rp_header now = {0};
        struct rp_header saved = rp.h;
        rp.h = now;
        hash_images(cfg);
        now = rp.h;
        rp.h = saved;
        header_id(&rp.h, rp.log_id);
        if (now.nimg != saved.nimg)
            fatal("-replay %s: the recording used %d image files, this run %d", rp.path,
                  saved.nimg, now.nimg);
        for (int i = 0; i < now.nimg; i++)
            if (memcmp(now.img[i].sha, saved.img[i].sha, SHA256_BYTES)) {
                char a[65], b[65];
                sha256_hex(now.img[i].sha, a);
                sha256_hex(saved.img[i].sha, b);
                fatal("-replay %s: %s '%s' differs from the recording's '%s' (sha256 %.16s... "
                      "!= %.16s...)", rp.path, now.img[i].role, now.img[i].path,
                      saved.img[i].path, a, b);
            }
    }
}

void replay_attach(struct machine *m)
{
    rp.m = m;
    rp.prev_poll = m->poll;
    m->poll = rp_poll;
    replay_snap_register(m);
}

int replay_finish(struct machine *m, int status)
{
    char line[160];
    if (rp.mode == RP_RECORD) {
        struct rp_buf b = {0};
        rp_put_u32(&b, (u32)status);
        rp_digest(m, &b, 0, &rp.ram_pos);
        append(REPLAY_END, 0, b.p, b.n);
        free(b.p);
        fclose(rp.out);
        rp.out = NULL;
    } else if (rp.mode == RP_PLAY) {
        size_t left = rp.cursor;
        while (left < rp.nev &&
               (rp.ev[left].kind == REPLAY_VALUE || rp.ev[left].kind == REPLAY_SYNC))
            left++;
        size_t end = rp.complete ? rp.nev - 1 : rp.nev; /* records before the trailer */
        if (left < end)
            fatal("replay diverged at icount %llu: the run ended before the log (next record "
                  "at icount %llu)", (unsigned long long)vclock_icount(&m->clock),
                  (unsigned long long)rp.ev[left].icount);
        if (!rp.complete) {
            if (!rp.truncated_reported)
                log_printf("emu: replay log ends early at icount %llu (truncated)\n",
                           (unsigned long long)vclock_icount(&m->clock));
            status = 1;
        } else if (!rp.end_mid_round) {
            const struct rp_event *e = &rp.ev[end];
            if (e->icount != vclock_icount(&m->clock))
                fatal("replay diverged at icount %llu: the recording ended at icount %llu",
                      (unsigned long long)vclock_icount(&m->clock),
                      (unsigned long long)e->icount);
            struct rp_cur c = {.p = e->payload, .n = e->len};
            status = (int)rp_get_u32(&c);
            struct rp_event d = *e;
            d.payload += 4;
            d.len -= 4;
            check_digest(&d);
        }
    }
    if (rp.digest_on_exit) {
        rp_digest_line(m, line, sizeof(line));
        log_printf("emu: digest %s\n", line);
    }
    log_flush();
    return status;
}

void replay_digest_print(struct machine *m, FILE *out)
{
    char line[160];
    rp_digest_line(m, line, sizeof(line));
    fprintf(out, "%s\n", line);
}
