/* SPDX-License-Identifier: MIT */
/*
 * Snapshot files: a header (magic, format version, emu version, machine type, the icount, and
 * the configuration fingerprint: options and the SHA-256 of every image the machine was built
 * from), the section stream, RAM in sparse zlib-compressed 1 MiB chunks, and a trailer with
 * the file length and a CRC32 of everything before it. Loading checks all of it before it
 * touches the machine. Layout in docs/DETERMINISM.md.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/cli.h"
#include "core/log.h"
#include "core/machine.h"
#include "core/sha256.h"
#include "core/snapshot.h"
#include "core/snapshot_internal.h"

#define SNAP_MAGIC "EMUSNAP"     /* 8 bytes with the NUL */
#define SNAP_END_MAGIC "EMUSEND" /* the trailer's */
#define SNAP_FORMAT_VERSION 1u
#define SNAP_TRAILER_SIZE (8 + 8 + 4)
#define CHUNK_PAGES 256 /* RAM chunk: 1 MiB, one bit per page in its bitmap */

/* ---- the configuration fingerprint ---- */

#define FP_MAX 64

struct fingerprint {
    int n;
    char key[FP_MAX][32];
    char *value[FP_MAX];
};

static void fp_add(struct fingerprint *fp, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fp_add(struct fingerprint *fp, const char *key, const char *fmt, ...)
{
    if (fp->n == FP_MAX)
        emu_bug("snapshot fingerprint too long");
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    snprintf(fp->key[fp->n], sizeof(fp->key[0]), "%s", key);
    fp->value[fp->n] = strdup(buf);
    if (!fp->value[fp->n++])
        fatal("out of memory");
}

static void fp_free(struct fingerprint *fp)
{
    for (int i = 0; i < fp->n; i++)
        free(fp->value[i]);
    fp->n = 0;
}

/* An image's identity: its size and SHA-256. */
static bool fp_image(struct fingerprint *fp, const char *key, const char *path, char *err,
                     size_t errlen)
{
    if (!path) {
        fp_add(fp, key, "none");
        return true;
    }
    u8 h[SHA256_BYTES];
    struct stat st;
    if (stat(path, &st) != 0 || !sha256_file(path, h)) {
        snprintf(err, errlen, "cannot read %s image '%s': %s", key, path, strerror(errno));
        return false;
    }
    char hex[2 * SHA256_BYTES + 1];
    sha256_hex(h, hex);
    fp_add(fp, key, "sha256:%s (%llu bytes)", hex, (unsigned long long)st.st_size);
    return true;
}

/* What must be the same for a snapshot to load: the options that shape the machine and its
 * state, and the images it was built from (disks included: their contents are not in the
 * snapshot). */
static bool fingerprint(struct machine *m, struct fingerprint *fp, char *err, size_t errlen)
{
    const struct emu_config *c = m->cfg;
    char props[512] = "";
    size_t n = 0;
    for (int i = 0; i < c->nmprops; i++)
        if (strcmp(c->mprops[i].key, "dumpdtb") && n < sizeof(props))
            n += (size_t)snprintf(props + n, sizeof(props) - n, ",%s=%s", c->mprops[i].key,
                                  c->mprops[i].value ? c->mprops[i].value : "");
    fp_add(fp, "-M", "%s%s", m->type->name, props);
    fp_add(fp, "-cpu", "%s",
           c->cpu_model ? c->cpu_model
                        : m->type->cpu_models ? m->type->cpu_models[0] : "(default)");
    fp_add(fp, "-smp", "%d", m->ncpus);
    fp_add(fp, "-m", "%lluM", (unsigned long long)(c->ram_size >> 20));
    fp_add(fp, "-icount", "shift=%d", c->icount_shift);
    fp_add(fp, "-semihosting", "%s", c->semihosting ? "on" : "off");
    fp_add(fp, "-append", "'%s'", c->append ? c->append : "");
    char devs[1024] = "";
    n = 0;
    for (int i = 0; i < c->ndevices && n < sizeof(devs); i++)
        n += (size_t)snprintf(devs + n, sizeof(devs) - n, "%s%s", i ? " " : "", c->devices[i]);
    fp_add(fp, "-device", "'%s'", devs);
    if (!fp_image(fp, "-kernel", c->kernel, err, errlen) ||
        !fp_image(fp, "-initrd", c->initrd, err, errlen) ||
        !fp_image(fp, "-dtb", c->dtb, err, errlen) ||
        !fp_image(fp, "-bios", c->bios, err, errlen))
        return false;
    for (int i = 0; i < c->ndrives; i++) {
        char key[32];
        snprintf(key, sizeof(key), "-drive #%d", i);
        if (!fp_image(fp, key, c->drives[i].file, err, errlen))
            return false;
    }
    return true;
}

/* ---- writing ---- */

static void put_str(struct snap_writer *w, const char *s)
{
    size_t n = strlen(s);
    snap_put_u16(w, (u16)n);
    snap_put_bytes(w, s, n);
}

static void put_ram(struct machine *m, struct snap_writer *w)
{
    int nram = 0;
    for (int r = 0; r < m->as.nregions; r++)
        nram += m->as.regions[r].kind == MR_RAM;
    snap_put_u32(w, (u32)nram);
    u8 *raw = malloc(CHUNK_PAGES * PAGE_SIZE);
    uLong cap = compressBound(CHUNK_PAGES * PAGE_SIZE);
    u8 *z = malloc(cap);
    if (!raw || !z)
        fatal("out of memory (snapshot)");
    for (int r = 0; r < m->as.nregions; r++) {
        const struct mem_region *mr = &m->as.regions[r];
        if (mr->kind != MR_RAM)
            continue;
        snap_put_u64(w, mr->base);
        snap_put_u64(w, mr->size);
        u64 npages = mr->size >> PAGE_SHIFT;
        u8 *resident = snap_resident_map(mr);
        for (u64 first = 0; first < npages; first += CHUNK_PAGES) {
            u8 bitmap[CHUNK_PAGES / 8] = {0};
            size_t len = 0;
            for (u64 i = first; i < npages && i < first + CHUNK_PAGES; i++) {
                const u8 *p = mr->host + (i << PAGE_SHIFT);
                if (snap_never_touched(resident, i) || snap_page_is_zero(p))
                    continue;
                bitmap[(i - first) / 8] |= (u8)(1u << ((i - first) % 8));
                memcpy(raw + len, p, PAGE_SIZE);
                len += PAGE_SIZE;
            }
            if (!len)
                continue; /* an all-zero chunk is not stored */
            uLongf zlen = cap;
            if (compress2(z, &zlen, raw, len, 1) != Z_OK)
                fatal("snapshot: zlib compression failed");
            snap_put_u8(w, 1); /* a chunk follows */
            snap_put_u64(w, first);
            snap_put_bytes(w, bitmap, sizeof(bitmap));
            snap_put_u32(w, (u32)crc32(crc32(0L, Z_NULL, 0), raw, (uInt)len));
            snap_put_u32(w, (u32)zlen);
            snap_put_bytes(w, z, zlen);
        }
        snap_put_u8(w, 0); /* end of the region */
        free(resident);
    }
    free(raw);
    free(z);
}

bool snapshot_save_file(struct machine *m, const char *path, char *err, size_t errlen)
{
    struct fingerprint fp = {0};
    if (!fingerprint(m, &fp, err, errlen)) {
        fp_free(&fp);
        return false;
    }
    struct snap_writer w = {0};
    snap_put_bytes(&w, SNAP_MAGIC, 8);
    snap_put_u32(&w, SNAP_FORMAT_VERSION);
    put_str(&w, cli_emu_version);
    put_str(&w, m->type->name);
    snap_put_u64(&w, m->clock.icount);
    snap_put_u32(&w, (u32)fp.n);
    for (int i = 0; i < fp.n; i++) {
        put_str(&w, fp.key[i]);
        put_str(&w, fp.value[i]);
    }
    fp_free(&fp);
    struct snap_writer state = {0};
    snap_state_save(m, &state);
    snap_put_u64(&w, state.len);
    snap_put_bytes(&w, state.buf, state.len);
    snap_writer_free(&state);
    put_ram(m, &w);
    snap_put_bytes(&w, SNAP_END_MAGIC, 8);
    snap_put_u64(&w, w.len + 8 + 4);
    uLong c = crc32(0L, Z_NULL, 0);
    for (size_t off = 0; off < w.len; off += 1u << 30)
        c = crc32(c, w.buf + off, (uInt)(w.len - off < (1u << 30) ? w.len - off : 1u << 30));
    snap_put_u32(&w, (u32)c);

    char tmp[4096];
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    bool ok = f && fwrite(w.buf, 1, w.len, f) == w.len && fflush(f) == 0 &&
              fsync(fileno(f)) == 0;
    int e = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        snprintf(err, errlen, "cannot write snapshot '%s': %s", path, strerror(e));
        unlink(tmp);
    }
    snap_writer_free(&w);
    return ok;
}

/* ---- reading ---- */

static void get_str(struct snap_reader *r, char *buf, size_t len)
{
    u16 n = snap_get_u16(r);
    if (n >= len) {
        snap_fail(r, "string of %u bytes", n);
        n = 0;
    }
    snap_get_bytes(r, buf, n);
    buf[n] = 0;
}

/* The parts of a file, located and checked. */
struct snap_file {
    u8 *data;
    size_t len;
    char emu_version[64], machine[64];
    u64 icount;
    const u8 *state;
    size_t state_len;
    size_t ram_at; /* offset of the RAM part */
};

static bool read_whole(const char *path, struct snap_file *sf, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open snapshot '%s': %s", path, strerror(errno));
        return false;
    }
    size_t cap = 1 << 20;
    sf->data = malloc(cap);
    sf->len = 0;
    size_t n;
    while (sf->data && (n = fread(sf->data + sf->len, 1, cap - sf->len, f)) > 0) {
        sf->len += n;
        if (sf->len == cap)
            sf->data = realloc(sf->data, cap *= 2);
    }
    bool bad = ferror(f);
    fclose(f);
    if (!sf->data)
        fatal("out of memory (snapshot)");
    if (bad) {
        snprintf(err, errlen, "cannot read snapshot '%s'", path);
        return false;
    }
    return true;
}

/* Check the envelope and the header; on success sf locates the state and the RAM. */
static bool parse(struct machine *m, const char *path, struct snap_file *sf, char *err,
                  size_t errlen)
{
    if (sf->len < 12 || memcmp(sf->data, SNAP_MAGIC, 8)) {
        snprintf(err, errlen, "'%s' is not an emu snapshot (no EMUSNAP header)", path);
        return false;
    }
    u32 version;
    memcpy(&version, sf->data + 8, 4);
    if (version != SNAP_FORMAT_VERSION) {
        snprintf(err, errlen, "'%s': unsupported snapshot format version %u (this emu reads %u)",
                 path, version, SNAP_FORMAT_VERSION);
        return false;
    }
    const u8 *t = sf->len >= 12 + SNAP_TRAILER_SIZE ? sf->data + sf->len - SNAP_TRAILER_SIZE
                                                     : NULL;
    u64 total = 0;
    if (t)
        memcpy(&total, t + 8, 8);
    if (!t || memcmp(t, SNAP_END_MAGIC, 8) || total != sf->len) {
        snprintf(err, errlen, "'%s' is truncated (%zu bytes, no valid trailer)", path, sf->len);
        return false;
    }
    u32 want;
    memcpy(&want, t + 16, 4);
    uLong c = crc32(0L, Z_NULL, 0);
    size_t body = sf->len - 4;
    for (size_t off = 0; off < body; off += 1u << 30)
        c = crc32(c, sf->data + off, (uInt)(body - off < (1u << 30) ? body - off : 1u << 30));
    if ((u32)c != want) {
        snprintf(err, errlen, "'%s': checksum mismatch (the file is corrupted)", path);
        return false;
    }

    struct snap_reader r;
    snap_reader_init(&r, sf->data, sf->len - SNAP_TRAILER_SIZE, &m->clock);
    r.pos = 12;
    get_str(&r, sf->emu_version, sizeof(sf->emu_version));
    get_str(&r, sf->machine, sizeof(sf->machine));
    sf->icount = snap_get_u64(&r);
    if (!r.failed && strcmp(sf->machine, m->type->name)) {
        snprintf(err, errlen, "snapshot was taken on machine %s, this machine is %s",
                 sf->machine, m->type->name);
        return false;
    }
    struct fingerprint fp = {0};
    if (!fingerprint(m, &fp, err, errlen)) {
        fp_free(&fp);
        return false;
    }
    u32 n = snap_get_u32(&r);
    bool ok = !r.failed;
    for (u32 i = 0; ok && i < n; i++) {
        char key[64], value[1100];
        get_str(&r, key, sizeof(key));
        get_str(&r, value, sizeof(value));
        if (r.failed)
            break;
        int k = 0;
        while (k < fp.n && strcmp(fp.key[k], key))
            k++;
        const char *now = k < fp.n ? fp.value[k] : "none";
        if (strcmp(now, value)) {
            snprintf(err, errlen, "snapshot was taken with %s %s, this machine has %s %s", key,
                     value, key, now);
            ok = false;
        } else if (k < fp.n) {
            fp.value[k][0] = 0; /* matched */
        }
    }
    for (int k = 0; ok && !r.failed && k < fp.n; k++)
        if (fp.value[k][0] && strcmp(fp.value[k], "none")) {
            snprintf(err, errlen, "snapshot was taken without %s, this machine has %s %s",
                     fp.key[k], fp.key[k], fp.value[k]);
            ok = false;
        }
    fp_free(&fp);
    if (!ok)
        return false;
    u64 slen = snap_get_u64(&r);
    if (!r.failed && slen > r.len - r.pos)
        snap_fail(&r, "state of %llu bytes", (unsigned long long)slen);
    if (r.failed) {
        snprintf(err, errlen, "'%s': bad header: %s", path, r.err);
        return false;
    }
    sf->state = r.p + r.pos;
    sf->state_len = (size_t)slen;
    sf->ram_at = r.pos + (size_t)slen;
    if (!snap_state_check(m, sf->state, sf->state_len, err, errlen))
        return false;
    return true;
}

/* Walk the RAM part. With apply false only check its structure against the machine's RAM
 * regions; with apply true decompress it into RAM (zeroing every page it does not hold). */
static bool ram_pass(struct machine *m, struct snap_file *sf, bool apply, char *err,
                     size_t errlen)
{
    struct snap_reader r;
    snap_reader_init(&r, sf->data, sf->len - SNAP_TRAILER_SIZE, &m->clock);
    r.pos = sf->ram_at;
    u32 nram = snap_get_u32(&r);
    int have = 0;
    for (int i = 0; i < m->as.nregions; i++)
        have += m->as.regions[i].kind == MR_RAM;
    if (!r.failed && nram != (u32)have) {
        snprintf(err, errlen, "snapshot has %u RAM regions, the machine %d", nram, have);
        return false;
    }
    u8 *raw = apply ? malloc(CHUNK_PAGES * PAGE_SIZE) : NULL;
    if (apply && !raw)
        fatal("out of memory (snapshot)");
    bool ok = true;
    u8 *resident = NULL;
    for (u32 k = 0; ok && k < nram && !r.failed; k++) {
        u64 base = snap_get_u64(&r), size = snap_get_u64(&r);
        struct mem_region *mr = r.failed ? NULL : as_find(&m->as, base);
        if (!r.failed && (!mr || mr->kind != MR_RAM || mr->base != base || mr->size != size)) {
            snprintf(err, errlen, "snapshot has RAM at %#llx+%#llx, the machine does not",
                     (unsigned long long)base, (unsigned long long)size);
            ok = false;
            break;
        }
        u64 npages = size >> PAGE_SHIFT, next = 0; /* pages below next are done */
        free(resident);
        resident = apply && mr ? snap_resident_map(mr) : NULL;
        while (!r.failed && snap_get_u8(&r) == 1) {
            u64 first = snap_get_u64(&r);
            u8 bitmap[CHUNK_PAGES / 8];
            snap_get_bytes(&r, bitmap, sizeof(bitmap));
            u32 crc = snap_get_u32(&r), zlen = snap_get_u32(&r);
            if (r.failed)
                break;
            if (first < next || first % CHUNK_PAGES || first >= npages || zlen > r.len - r.pos) {
                snap_fail(&r, "bad RAM chunk at page %llu", (unsigned long long)first);
                break;
            }
            const u8 *z = r.p + r.pos;
            r.pos += zlen;
            if (!apply) {
                next = first + CHUNK_PAGES;
                continue;
            }
            uLongf len = CHUNK_PAGES * PAGE_SIZE;
            if (uncompress(raw, &len, z, zlen) != Z_OK ||
                (u32)crc32(crc32(0L, Z_NULL, 0), raw, (uInt)len) != crc) {
                snap_fail(&r, "RAM chunk at page %llu does not decompress",
                          (unsigned long long)first);
                break;
            }
            for (; next < first; next++) {
                u8 *h = mr->host + (next << PAGE_SHIFT);
                if (!snap_never_touched(resident, next) && !snap_page_is_zero(h))
                    memset(h, 0, PAGE_SIZE);
            }
            size_t used = 0;
            for (u64 i = first; i < first + CHUNK_PAGES && i < npages; i++, next++) {
                u8 *h = mr->host + (i << PAGE_SHIFT);
                if (bitmap[(i - first) / 8] >> ((i - first) % 8) & 1) {
                    if (used + PAGE_SIZE > len)
                        break;
                    if (memcmp(h, raw + used, PAGE_SIZE))
                        memcpy(h, raw + used, PAGE_SIZE);
                    used += PAGE_SIZE;
                } else if (!snap_never_touched(resident, i) && !snap_page_is_zero(h)) {
                    memset(h, 0, PAGE_SIZE);
                }
            }
            if (used != len) {
                snap_fail(&r, "RAM chunk at page %llu: %zu bytes for its bitmap, %lu stored",
                          (unsigned long long)first, used, (unsigned long)len);
                break;
            }
        }
        for (; apply && !r.failed && next < npages; next++) {
            u8 *h = mr->host + (next << PAGE_SHIFT);
            if (!snap_never_touched(resident, next) && !snap_page_is_zero(h))
                memset(h, 0, PAGE_SIZE);
        }
    }
    free(resident);
    free(raw);
    if (ok && !r.failed && r.pos != r.len)
        snap_fail(&r, "%zu stray bytes after RAM", r.len - r.pos);
    if (ok && r.failed) {
        snprintf(err, errlen, "bad RAM data: %s", r.err);
        ok = false;
    }
    return ok;
}

bool snapshot_load_file_checked(struct machine *m, const char *path, bool *touched, char *err,
                                size_t errlen)
{
    struct snap_file sf = {0};
    bool ok = read_whole(path, &sf, err, errlen) && parse(m, path, &sf, err, errlen) &&
              ram_pass(m, &sf, false, err, errlen);
    /* Everything checked: from here on the machine changes. */
    *touched = ok;
    ok = ok && ram_pass(m, &sf, true, err, errlen) &&
         snap_state_load(m, sf.state, sf.state_len, err, errlen);
    free(sf.data);
    return ok;
}

bool snapshot_load_file(struct machine *m, const char *path, char *err, size_t errlen)
{
    bool touched;
    return snapshot_load_file_checked(m, path, &touched, err, errlen);
}

bool snapshot_file_info(const char *path, u64 *icount, char *machine, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    u8 head[12 + 2 + 64 + 2 + 64 + 8];
    size_t n = fread(head, 1, sizeof(head), f);
    fclose(f);
    if (n < 14 || memcmp(head, SNAP_MAGIC, 8))
        return false;
    struct snap_reader r;
    snap_reader_init(&r, head, n, NULL);
    r.pos = 12;
    char ver[64];
    get_str(&r, ver, sizeof(ver));
    get_str(&r, machine, len);
    *icount = snap_get_u64(&r);
    return !r.failed;
}
