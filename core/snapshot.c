/* SPDX-License-Identifier: MIT */
/*
 * The snapshot core: the section registry, the field writer/reader, the section stream, the
 * machine's own state (clock, schedule, vCPU run state), and in-memory checkpoints whose RAM is
 * a table of refcounted 4 KiB pages shared with an earlier checkpoint where unchanged.
 */
#include "core/snapshot.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <zlib.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/snapshot_internal.h"

struct snap_section {
    char *name;
    u32 version;
    snap_save_fn save;
    snap_load_fn load;
    void *opaque;
};

struct snap_registry {
    struct snap_section *s;
    int n, cap;
};

/* ---- the writer and the reader ---- */

static void put(struct snap_writer *w, const void *p, size_t n)
{
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 4096;
        while (cap < w->len + n)
            cap *= 2;
        u8 *b = realloc(w->buf, cap);
        if (!b)
            fatal("out of memory (snapshot)");
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

void snap_writer_free(struct snap_writer *w)
{
    free(w->buf);
    *w = (struct snap_writer){0};
}

/* The host is little-endian (as cpu/arm64 already assumes), so fields are stored as they are. */
void snap_put_u8(struct snap_writer *w, u8 v) { put(w, &v, 1); }
void snap_put_u16(struct snap_writer *w, u16 v) { put(w, &v, 2); }
void snap_put_u32(struct snap_writer *w, u32 v) { put(w, &v, 4); }
void snap_put_u64(struct snap_writer *w, u64 v) { put(w, &v, 8); }
void snap_put_bool(struct snap_writer *w, bool v) { snap_put_u8(w, v); }
void snap_put_bytes(struct snap_writer *w, const void *p, size_t n) { put(w, p, n); }

void snap_put_event(struct snap_writer *w, const struct vevent *e)
{
    snap_put_bool(w, vevent_armed(e));
    snap_put_u64(w, vevent_armed(e) ? e->deadline_ns : 0);
    snap_put_u64(w, vevent_armed(e) ? e->seq : 0);
}

void snap_reader_init(struct snap_reader *r, const void *p, size_t len, struct vclock *c)
{
    *r = (struct snap_reader){.p = p, .len = len, .clock = c};
}

void snap_fail(struct snap_reader *r, const char *fmt, ...)
{
    if (r->failed)
        return;
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof(r->err), fmt, ap);
    va_end(ap);
}

bool snap_failed(const struct snap_reader *r)
{
    return r->failed;
}

static bool get(struct snap_reader *r, void *p, size_t n)
{
    if (r->failed || n > r->len - r->pos) {
        snap_fail(r, "truncated (wanted %zu bytes at offset %zu of %zu)", n, r->pos, r->len);
        memset(p, 0, n);
        return false;
    }
    memcpy(p, r->p + r->pos, n);
    r->pos += n;
    return true;
}

u8 snap_get_u8(struct snap_reader *r) { u8 v; get(r, &v, 1); return v; }
u16 snap_get_u16(struct snap_reader *r) { u16 v; get(r, &v, 2); return v; }
u32 snap_get_u32(struct snap_reader *r) { u32 v; get(r, &v, 4); return v; }
u64 snap_get_u64(struct snap_reader *r) { u64 v; get(r, &v, 8); return v; }
void snap_get_bytes(struct snap_reader *r, void *p, size_t n) { get(r, p, n); }

bool snap_get_bool(struct snap_reader *r)
{
    u8 v = snap_get_u8(r);
    if (v > 1)
        snap_fail(r, "bad boolean %u at offset %zu", v, r->pos - 1);
    return v == 1;
}

void snap_get_event(struct snap_reader *r, struct vclock *c, struct vevent *e)
{
    bool armed = snap_get_bool(r);
    u64 deadline = snap_get_u64(r), seq = snap_get_u64(r);
    if (!c)
        c = r->clock;
    vevent_cancel(c, e);
    if (r->failed || !armed)
        return;
    if (seq >= c->seq) {
        snap_fail(r, "event %s armed with sequence %llu, after the clock's %llu",
                  e->name ? e->name : "?", (unsigned long long)seq,
                  (unsigned long long)c->seq);
        return;
    }
    vevent_restore(c, e, deadline, seq);
}

/* ---- the registry ---- */

static void machine_save(void *opaque, struct snap_writer *w);
static void machine_load(void *opaque, struct snap_reader *r, u32 version);

static struct snap_registry *registry(struct machine *m)
{
    if (!m->snap) {
        m->snap = calloc(1, sizeof(*m->snap));
        if (!m->snap)
            fatal("out of memory");
        /* First, so that the clock's sequence counter is back before events are re-armed. */
        snap_register(m, "machine", 1, machine_save, machine_load, m);
    }
    return m->snap;
}

void snap_register(struct machine *m, const char *name, u32 version, snap_save_fn save,
                   snap_load_fn load, void *opaque)
{
    struct snap_registry *g = registry(m);
    if (strlen(name) > 255)
        emu_bug("snapshot section name too long: %s", name);
    for (int i = 0; i < g->n; i++)
        if (!strcmp(g->s[i].name, name))
            emu_bug("snapshot section '%s' registered twice", name);
    if (g->n == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 16;
        g->s = realloc(g->s, sizeof(*g->s) * (size_t)g->cap);
        if (!g->s)
            fatal("out of memory");
    }
    char *copy = strdup(name);
    if (!copy)
        fatal("out of memory");
    g->s[g->n++] = (struct snap_section){copy, version, save, load, opaque};
}

/* ---- the machine's own section: clock, schedule, vCPU run state ---- */

static void machine_save(void *opaque, struct snap_writer *w)
{
    struct machine *m = opaque;
    if (m->running || m->clock.run_left)
        emu_bug("snapshot taken inside a vCPU run");
    snap_put_u64(w, m->clock.icount);
    snap_put_u64(w, m->clock.idle_ns);
    snap_put_u64(w, m->clock.seq);
    snap_put_u32(w, (u32)m->sched_cpu);
    snap_put_u64(w, m->turn_left);
    snap_put_bool(w, m->round_ran);
    snap_put_u64(w, m->rounds);
    snap_put_u32(w, (u32)m->ncpus);
    for (int i = 0; i < m->ncpus; i++) {
        snap_put_bool(w, m->cpus[i]->halted);
        snap_put_bool(w, m->cpus[i]->powered_off);
        snap_put_u64(w, m->cpus[i]->icount);
    }
}

static void machine_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct machine *m = opaque;
    m->clock.icount = snap_get_u64(r);
    m->clock.idle_ns = snap_get_u64(r);
    m->clock.seq = snap_get_u64(r);
    u32 sched = snap_get_u32(r);
    m->turn_left = snap_get_u64(r);
    m->round_ran = snap_get_bool(r);
    m->rounds = snap_get_u64(r);
    u32 n = snap_get_u32(r);
    if (!r->failed && (n != (u32)m->ncpus || sched > n)) {
        snap_fail(r, "%u vCPUs saved (turn of %u), the machine has %d", n, sched, m->ncpus);
        return;
    }
    m->sched_cpu = (int)sched;
    for (int i = 0; i < m->ncpus; i++) {
        struct vcpu *v = m->cpus[i];
        v->halted = snap_get_bool(r);
        v->powered_off = snap_get_bool(r);
        v->icount = snap_get_u64(r);
        v->exit_request = true; /* re-check interrupts at the first instruction */
    }
}

/* ---- the section stream ---- */

static u32 crc(const u8 *p, size_t n)
{
    uLong c = crc32(0L, Z_NULL, 0);
    while (n) {
        uInt chunk = n > (1u << 30) ? (1u << 30) : (uInt)n;
        c = crc32(c, p, chunk);
        p += chunk;
        n -= chunk;
    }
    return (u32)c;
}

void snap_state_save(struct machine *m, struct snap_writer *w)
{
    struct snap_registry *g = registry(m);
    snap_put_u32(w, (u32)g->n);
    for (int i = 0; i < g->n; i++) {
        const struct snap_section *s = &g->s[i];
        size_t namelen = strlen(s->name);
        snap_put_u8(w, (u8)namelen);
        snap_put_bytes(w, s->name, namelen);
        snap_put_u32(w, s->version);
        size_t at = w->len;
        snap_put_u32(w, 0); /* length and CRC, patched below */
        snap_put_u32(w, 0);
        size_t start = w->len;
        s->save(s->opaque, w);
        u32 len = (u32)(w->len - start), c = crc(w->buf + start, len);
        memcpy(w->buf + at, &len, 4);
        memcpy(w->buf + at + 4, &c, 4);
    }
}

/* One section of a stream as found by the scan. */
struct found {
    u32 version, len;
    const u8 *data;
};

/* Scan the stream; found[i] is registered section i. False with err on any defect. */
static bool scan(struct machine *m, const u8 *p, size_t len, struct found *found, char *err,
                 size_t errlen)
{
    struct snap_registry *g = registry(m);
    struct snap_reader r;
    snap_reader_init(&r, p, len, &m->clock);
    memset(found, 0, sizeof(*found) * (size_t)g->n);
    u32 n = snap_get_u32(&r);
    for (u32 k = 0; k < n && !r.failed; k++) {
        char name[256];
        u8 namelen = snap_get_u8(&r);
        snap_get_bytes(&r, name, namelen);
        name[namelen] = 0;
        u32 version = snap_get_u32(&r), slen = snap_get_u32(&r), c = snap_get_u32(&r);
        if (r.failed)
            break;
        if (slen > r.len - r.pos) {
            snprintf(err, errlen, "truncated: section '%s' needs %u bytes, %zu left", name, slen,
                     r.len - r.pos);
            return false;
        }
        const u8 *data = r.p + r.pos;
        r.pos += slen;
        if (crc(data, slen) != c) {
            snprintf(err, errlen, "checksum mismatch in section '%s'", name);
            return false;
        }
        int i = 0;
        while (i < g->n && strcmp(g->s[i].name, name))
            i++;
        if (i == g->n) {
            snprintf(err, errlen, "unknown section '%s' (this machine has no such component)",
                     name);
            return false;
        }
        if (found[i].data) {
            snprintf(err, errlen, "section '%s' appears twice", name);
            return false;
        }
        if (version > g->s[i].version) {
            snprintf(err, errlen, "section '%s' has version %u, this emu reads up to %u", name,
                     version, g->s[i].version);
            return false;
        }
        found[i] = (struct found){version, slen, data};
    }
    if (r.failed) {
        snprintf(err, errlen, "truncated section table: %s", r.err);
        return false;
    }
    if (r.pos != r.len) {
        snprintf(err, errlen, "%zu stray bytes after the sections", r.len - r.pos);
        return false;
    }
    for (int i = 0; i < g->n; i++)
        if (!found[i].data) {
            snprintf(err, errlen, "missing section '%s'", g->s[i].name);
            return false;
        }
    return true;
}

bool snap_state_check(struct machine *m, const u8 *p, size_t len, char *err, size_t errlen)
{
    struct snap_registry *g = registry(m);
    struct found *found = calloc((size_t)g->n, sizeof(*found));
    if (!found)
        fatal("out of memory");
    bool ok = scan(m, p, len, found, err, errlen);
    free(found);
    return ok;
}

bool snap_state_load(struct machine *m, const u8 *p, size_t len, char *err, size_t errlen)
{
    struct snap_registry *g = registry(m);
    struct found *found = calloc((size_t)g->n, sizeof(*found));
    if (!found)
        fatal("out of memory");
    bool ok = scan(m, p, len, found, err, errlen);
    /* Events not re-armed by their owner's section stay disarmed. */
    if (ok)
        vclock_drop_events(&m->clock);
    for (int i = 0; ok && i < g->n; i++) {
        struct snap_reader r;
        snap_reader_init(&r, found[i].data, found[i].len, &m->clock);
        g->s[i].load(g->s[i].opaque, &r, found[i].version);
        if (!r.failed && r.pos != r.len)
            snap_fail(&r, "%zu bytes left unread", r.len - r.pos);
        if (r.failed) {
            snprintf(err, errlen, "section '%s': %s", g->s[i].name, r.err);
            ok = false;
        }
    }
    free(found);
    m->as.last_hit = 0;
    return ok;
}

bool snap_page_is_zero(const u8 *p)
{
    const u64 *q = (const u64 *)p;
    for (unsigned i = 0; i < PAGE_SIZE / 8; i += 8)
        if (q[i] | q[i + 1] | q[i + 2] | q[i + 3] | q[i + 4] | q[i + 5] | q[i + 6] | q[i + 7])
            return false;
    return true;
}

/* ---- in-memory checkpoints ---- */

/* Guest RAM is anonymous memory: a page the process never touched is not resident, and reads
 * as zero. Without swap that is also the only way a page is not resident, so mincore() tells
 * which pages need not be read at all (reading them would fault each one in, which made the
 * first checkpoint 3x slower). With swap (or if mincore fails) every page is read. */
static bool swap_checked, have_swap;

u8 *snap_resident_map(const struct mem_region *mr)
{
    if (!swap_checked) {
        swap_checked = true;
        FILE *f = fopen("/proc/swaps", "r");
        char line[256];
        int lines = 0;
        while (f && fgets(line, sizeof(line), f))
            lines++;
        have_swap = !f || lines > 1; /* a header line, then one line per swap area */
        if (f)
            fclose(f);
    }
    if (have_swap)
        return NULL;
    u8 *v = malloc((mr->size >> PAGE_SHIFT) ? (mr->size >> PAGE_SHIFT) : 1);
    if (v && mincore(mr->host, mr->size, (unsigned char *)v) != 0) {
        free(v);
        v = NULL;
    }
    return v;
}


/* A saved RAM page, shared between checkpoints that hold the same contents. */
struct snap_page {
    u32 refs;
    u8 data[PAGE_SIZE];
};

struct snap_ram {
    u64 base, size;
    struct snap_page **pages; /* NULL: a zero page */
};

/* Host memory held by every live checkpoint of the process (pages counted once). */
static size_t mem_total;

struct snap_mem {
    u64 icount;
    struct machine *m;
    struct snap_mem *prev, *next; /* the live checkpoints (the history of external state) */
    struct snap_writer state;
    struct snap_ram *ram;
    int nram;
    size_t bytes;  /* host memory this checkpoint added */
    size_t tables; /* ... of which its own tables and state */
};

/* ---- External state rewound with checkpoints (snapshot.h: snap_history_ops) ---- */

static struct snap_mem *live; /* every live checkpoint, newest taken first */

static struct history_hook {
    const struct snap_history_ops *ops;
    void *opaque;
} *hooks;
static int nhooks;

void snapshot_history_register(const struct snap_history_ops *ops, void *opaque)
{
    struct history_hook *h = realloc(hooks, (size_t)(nhooks + 1) * sizeof(*hooks));
    if (!h)
        fatal("out of memory");
    hooks = h;
    hooks[nhooks++] = (struct history_hook){ops, opaque};
}

void snapshot_history_unregister(void *opaque)
{
    for (int i = 0; i < nhooks; i++)
        if (hooks[i].opaque == opaque) {
            memmove(&hooks[i], &hooks[i + 1], (size_t)(nhooks - i - 1) * sizeof(*hooks));
            nhooks--;
            return;
        }
}

bool snapshot_history_epoch(u64 *epoch)
{
    bool found = false;
    for (const struct snap_mem *s = live; s; s = s->next)
        if (s->icount <= s->m->clock.icount && (!found || s->icount > *epoch)) {
            *epoch = s->icount;
            found = true;
        }
    return found;
}

/* Tell the hooks which positions a checkpoint may still be restored to. */
static void history_trim(void)
{
    u64 oldest = ~0ull;
    for (const struct snap_mem *s = live; s; s = s->next)
        oldest = s->icount < oldest ? s->icount : oldest;
    for (int i = 0; i < nhooks; i++)
        hooks[i].ops->trim(hooks[i].opaque, live != NULL, oldest);
}

static bool history_rewind(struct machine *m, u64 pos, char *err, size_t errlen)
{
    for (int i = 0; i < nhooks; i++)
        if (!hooks[i].ops->can_rewind(hooks[i].opaque, pos, m->clock.icount, err, errlen))
            return false;
    for (int i = 0; i < nhooks; i++)
        if (!hooks[i].ops->rewind(hooks[i].opaque, pos, err, errlen))
            return false;
    return true;
}

static const struct snap_ram *base_ram(const struct snap_mem *base, const struct mem_region *mr)
{
    for (int i = 0; base && i < base->nram; i++)
        if (base->ram[i].base == mr->base && base->ram[i].size == mr->size)
            return &base->ram[i];
    return NULL;
}

struct snap_mem *snapshot_take(struct machine *m, const struct snap_mem *base)
{
    struct snap_mem *s = calloc(1, sizeof(*s));
    if (!s)
        fatal("out of memory (snapshot)");
    s->icount = m->clock.icount;
    s->m = m;
    s->next = live;
    if (live)
        live->prev = s;
    live = s;
    size_t new_pages = 0;
    snap_state_save(m, &s->state);
    s->bytes = sizeof(*s) + s->state.cap;
    for (int r = 0; r < m->as.nregions; r++)
        s->nram += m->as.regions[r].kind == MR_RAM;
    s->ram = calloc((size_t)s->nram ? (size_t)s->nram : 1, sizeof(*s->ram));
    if (!s->ram)
        fatal("out of memory (snapshot)");
    int k = 0;
    for (int r = 0; r < m->as.nregions; r++) {
        const struct mem_region *mr = &m->as.regions[r];
        if (mr->kind != MR_RAM)
            continue;
        struct snap_ram *sr = &s->ram[k++];
        const struct snap_ram *br = base_ram(base, mr);
        u64 npages = mr->size >> PAGE_SHIFT;
        sr->base = mr->base;
        sr->size = mr->size;
        sr->pages = calloc(npages, sizeof(*sr->pages));
        if (!sr->pages)
            fatal("out of memory (snapshot)");
        s->bytes += npages * sizeof(*sr->pages);
        u8 *resident = snap_resident_map(mr);
        for (u64 i = 0; i < npages; i++) {
            const u8 *host = mr->host + (i << PAGE_SHIFT);
            struct snap_page *bp = br ? br->pages[i] : NULL;
            if (snap_never_touched(resident, i))
                continue;
            if (bp && !memcmp(bp->data, host, PAGE_SIZE)) {
                bp->refs++;
                sr->pages[i] = bp;
            } else if (!snap_page_is_zero(host)) {
                struct snap_page *p = malloc(sizeof(*p));
                if (!p)
                    fatal("out of memory (snapshot)");
                p->refs = 1;
                memcpy(p->data, host, PAGE_SIZE);
                sr->pages[i] = p;
                s->bytes += sizeof(*p);
                new_pages += sizeof(*p);
            }
        }
        free(resident);
    }
    s->tables = s->bytes - new_pages;
    mem_total += s->bytes;
    return s;
}

bool snapshot_restore(struct machine *m, const struct snap_mem *s, char *err, size_t errlen)
{
    int nram = 0;
    for (int r = 0; r < m->as.nregions; r++) {
        const struct mem_region *mr = &m->as.regions[r];
        if (mr->kind == MR_RAM && !base_ram(s, mr)) {
            snprintf(err, errlen, "the checkpoint has no RAM region at %#llx+%#llx",
                     (unsigned long long)mr->base, (unsigned long long)mr->size);
            return false;
        }
        nram += mr->kind == MR_RAM;
    }
    if (nram != s->nram) {
        snprintf(err, errlen, "the checkpoint has %d RAM regions, the machine %d", s->nram, nram);
        return false;
    }
    if (!snap_state_check(m, s->state.buf, s->state.len, err, errlen))
        return false;
    /* Before anything changes: a disk that cannot go back refuses the whole restore. */
    if (!history_rewind(m, s->icount, err, errlen))
        return false;
    for (int r = 0; r < m->as.nregions; r++) {
        const struct mem_region *mr = &m->as.regions[r];
        if (mr->kind != MR_RAM)
            continue;
        const struct snap_ram *sr = base_ram(s, mr);
        u8 *resident = snap_resident_map(mr);
        for (u64 i = 0; i < mr->size >> PAGE_SHIFT; i++) {
            u8 *host = mr->host + (i << PAGE_SHIFT);
            const struct snap_page *p = sr->pages[i];
            /* Compare first: a page that did not change stays clean (and, if never touched,
             * uncommitted). */
            if (!p) {
                if (!snap_never_touched(resident, i) && !snap_page_is_zero(host))
                    memset(host, 0, PAGE_SIZE);
            } else if (snap_never_touched(resident, i) || memcmp(host, p->data, PAGE_SIZE)) {
                memcpy(host, p->data, PAGE_SIZE);
            }
        }
        free(resident);
    }
    return snap_state_load(m, s->state.buf, s->state.len, err, errlen);
}

void snapshot_free(struct snap_mem *s)
{
    if (!s)
        return;
    for (int r = 0; r < s->nram; r++) {
        for (u64 i = 0; i < s->ram[r].size >> PAGE_SHIFT; i++) {
            struct snap_page *p = s->ram[r].pages[i];
            if (p && --p->refs == 0) {
                free(p);
                mem_total -= sizeof(*p);
            }
        }
        free(s->ram[r].pages);
    }
    free(s->ram);
    snap_writer_free(&s->state);
    mem_total -= s->tables;
    if (s->prev)
        s->prev->next = s->next;
    else
        live = s->next;
    if (s->next)
        s->next->prev = s->prev;
    free(s);
    history_trim();
}

size_t snapshot_mem_bytes(const struct snap_mem *s)
{
    return s->bytes;
}

size_t snapshot_mem_total(void)
{
    return mem_total;
}

u64 snapshot_icount(const struct snap_mem *s)
{
    return s->icount;
}
