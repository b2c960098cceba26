/* SPDX-License-Identifier: MIT */
/* The record/replay log format (core/replay_internal.h): writing records, reading and
 * checking a whole log. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/log.h"
#include "core/replay_internal.h"

void rp_put(struct rp_buf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p)
            fatal("out of memory");
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
}

void rp_put_u16(struct rp_buf *b, u16 v)
{
    u8 x[2] = {(u8)v, (u8)(v >> 8)};
    rp_put(b, x, 2);
}

void rp_put_u32(struct rp_buf *b, u32 v)
{
    u8 x[4];
    for (int i = 0; i < 4; i++)
        x[i] = (u8)(v >> 8 * i);
    rp_put(b, x, 4);
}

void rp_put_u64(struct rp_buf *b, u64 v)
{
    u8 x[8];
    for (int i = 0; i < 8; i++)
        x[i] = (u8)(v >> 8 * i);
    rp_put(b, x, 8);
}

void rp_put_str(struct rp_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (n > 0xffff)
        n = 0xffff;
    rp_put_u16(b, (u16)n);
    rp_put(b, s, n);
}

/* CRC-32 (IEEE 802.3) of a record, continuing crc (0 to start): zlib's. Records are far
 * smaller than 4 GiB. */
u32 rp_crc32(const void *p, size_t n, u32 crc)
{
    return (u32)crc32(crc, p, (uInt)n);
}

void rp_get(struct rp_cur *c, void *p, size_t n)
{
    if (c->bad || c->n - c->off < n) {
        c->bad = true;
        memset(p, 0, n);
        return;
    }
    memcpy(p, c->p + c->off, n);
    c->off += n;
}

u16 rp_get_u16(struct rp_cur *c)
{
    u8 x[2];
    rp_get(c, x, 2);
    return (u16)(x[0] | x[1] << 8);
}

u32 rp_get_u32(struct rp_cur *c)
{
    u8 x[4];
    rp_get(c, x, 4);
    return (u32)x[0] | (u32)x[1] << 8 | (u32)x[2] << 16 | (u32)x[3] << 24;
}

u64 rp_get_u64(struct rp_cur *c)
{
    u64 lo = rp_get_u32(c);
    return lo | (u64)rp_get_u32(c) << 32;
}

char *rp_get_str(struct rp_cur *c)
{
    u16 n = rp_get_u16(c);
    char *s = malloc((size_t)n + 1);
    if (!s)
        fatal("out of memory");
    rp_get(c, s, n);
    s[n] = 0;
    return s;
}

void rp_header_write(FILE *f, const struct rp_header *h)
{
    struct rp_buf body = {0}, out = {0};
    rp_put_str(&body, h->emu_version);
    rp_put_u32(&body, (u32)h->argc);
    for (int i = 0; i < h->argc; i++)
        rp_put_str(&body, h->argv[i]);
    rp_put_u32(&body, (u32)h->nargs);
    for (int i = 0; i < h->nargs; i++)
        rp_put_str(&body, h->args[i]);
    rp_put_u32(&body, (u32)h->nimg);
    for (int i = 0; i < h->nimg; i++) {
        rp_put_str(&body, h->img[i].role);
        rp_put_str(&body, h->img[i].path);
        rp_put(&body, h->img[i].sha, SHA256_BYTES);
    }
    rp_put_u64(&body, h->digest_every);
    rp_put_u64(&body, h->ram_window);
    rp_put(&out, REPLAY_MAGIC, 8);
    rp_put_u32(&out, REPLAY_VERSION);
    rp_put_u32(&out, (u32)body.n);
    rp_put(&out, body.p, body.n);
    rp_put_u32(&out, rp_crc32(body.p, body.n, 0));
    fwrite(out.p, 1, out.n, f);
    fflush(f);
    free(body.p);
    free(out.p);
}

void rp_event_write(FILE *f, const struct rp_event *e)
{
    struct rp_buf b = {0};
    u8 k[2] = {e->kind, 0};
    rp_put(&b, k, 2);
    rp_put_u16(&b, e->channel);
    rp_put_u32(&b, e->len);
    rp_put_u64(&b, e->round);
    rp_put_u64(&b, e->icount);
    rp_put_u64(&b, e->vtime);
    rp_put(&b, e->payload, e->len);
    rp_put_u32(&b, rp_crc32(b.p, b.n, 0));
    fwrite(b.p, 1, b.n, f);
    /* Flushed record by record: a crash loses at most what the C library had not written. */
    if (fflush(f) != 0 || ferror(f))
        fatal("-record: cannot write the log: %s", strerror(errno));
    free(b.p);
}

static u8 *read_all(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    struct rp_buf b = {0};
    u8 tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
        rp_put(&b, tmp, n);
    fclose(f);
    *len = b.n;
    return b.p;
}

static bool parse_header(struct rp_cur *c, struct rp_header *h, char *err, size_t errlen)
{
    char magic[8];
    rp_get(c, magic, 8);
    if (c->bad || memcmp(magic, REPLAY_MAGIC, 8)) {
        snprintf(err, errlen, "not an emu replay log (bad magic)");
        return false;
    }
    u32 version = rp_get_u32(c), blen = rp_get_u32(c);
    if (c->bad || version != REPLAY_VERSION) {
        snprintf(err, errlen, "unsupported log format version %u (this emu reads version %u)",
                 version, REPLAY_VERSION);
        return false;
    }
    if (c->n - c->off < (size_t)blen + 4) {
        snprintf(err, errlen, "header truncated");
        return false;
    }
    u32 crc = rp_crc32(c->p + c->off, blen, 0);
    struct rp_cur b = {.p = c->p + c->off, .n = blen};
    c->off += blen;
    if (rp_get_u32(c) != crc) {
        snprintf(err, errlen, "header CRC mismatch (corrupted log)");
        return false;
    }
    h->emu_version = rp_get_str(&b);
    u32 argc = rp_get_u32(&b);
    if (argc > RP_MAX_ARGS)
        b.bad = true;
    for (u32 i = 0; i < argc && !b.bad; i++)
        h->argv[h->argc++] = rp_get_str(&b);
    u32 nargs = rp_get_u32(&b);
    if (nargs > RP_MAX_ARGS)
        b.bad = true;
    for (u32 i = 0; i < nargs && !b.bad; i++)
        h->args[h->nargs++] = rp_get_str(&b);
    u32 nimg = rp_get_u32(&b);
    if (nimg > RP_MAX_IMAGES)
        b.bad = true;
    for (u32 i = 0; i < nimg && !b.bad; i++, h->nimg++) {
        h->img[i].role = rp_get_str(&b);
        h->img[i].path = rp_get_str(&b);
        rp_get(&b, h->img[i].sha, SHA256_BYTES);
    }
    h->digest_every = rp_get_u64(&b);
    h->ram_window = rp_get_u64(&b);
    if (b.bad || b.off != b.n) {
        snprintf(err, errlen, "malformed header");
        return false;
    }
    return true;
}

bool rp_log_read(const char *path, struct rp_log *log, char *err, size_t errlen)
{
    memset(log, 0, sizeof(*log));
    size_t len;
    u8 *data = read_all(path, &len, err, errlen);
    if (!data)
        return false;
    struct rp_cur c = {.p = data, .n = len};
    if (!parse_header(&c, &log->h, err, errlen))
        return false;
    size_t cap = 0;
    while (c.off < c.n) {
        size_t at = c.off;
        if (c.n - at < REPLAY_HEAD_BYTES + 4)
            break; /* a record cut short: the log is truncated here */
        struct rp_event e = {0};
        u8 k[2];
        rp_get(&c, k, 2);
        e.kind = k[0];
        e.channel = rp_get_u16(&c);
        e.len = rp_get_u32(&c);
        e.round = rp_get_u64(&c);
        e.icount = rp_get_u64(&c);
        e.vtime = rp_get_u64(&c);
        if (e.len > REPLAY_MAX_PAYLOAD) {
            snprintf(err, errlen, "record %zu at offset %zu: payload of %u bytes is too large "
                     "(corrupted log)", log->nev, at, e.len);
            return false;
        }
        if (c.n - c.off < (size_t)e.len + 4)
            break; /* the last record was cut short: the log is truncated here */
        u32 crc = rp_crc32(data + at, REPLAY_HEAD_BYTES + e.len, 0);
        e.payload = (u8 *)data + c.off;
        c.off += e.len;
        if (rp_get_u32(&c) != crc || c.bad) {
            snprintf(err, errlen, "record %zu at offset %zu: CRC mismatch (corrupted log)",
                     log->nev, at);
            return false;
        }
        if (!e.kind || e.kind >= REPLAY_NKINDS || k[1]) {
            snprintf(err, errlen, "record %zu at offset %zu: unknown kind %u", log->nev, at,
                     e.kind);
            return false;
        }
        if (log->complete) {
            snprintf(err, errlen, "record %zu at offset %zu: data after the trailer", log->nev,
                     at);
            return false;
        }
        if (log->nev == cap) {
            cap = cap ? cap * 2 : 256;
            log->ev = realloc(log->ev, cap * sizeof(*log->ev));
            if (!log->ev)
                fatal("out of memory");
        }
        log->ev[log->nev++] = e;
        if (e.kind == REPLAY_END)
            log->complete = true;
    }
    return true; /* data stays allocated: events point into it */
}
