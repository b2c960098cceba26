/* SPDX-License-Identifier: MIT */
/* Machine state digests for record/replay: every vCPU's registers (through the gdb register
 * interface, so any architecture works) and a fast hash of RAM. */
#include <string.h>

#include "core/gdbstub.h"
#include "core/machine.h"
#include "core/replay_internal.h"

/* Registers kept in clear in a digest, for the divergence message: gdb's AArch64 numbering
 * x0-x30, sp, pc, cpsr. The rest only enter the hash. */
#define RP_CLEAR_REGS 34
#define RP_PC 32

static const u64 P1 = 0x9e3779b185ebca87ull, P2 = 0xc2b2ae3d27d4eb4full;

static inline u64 rotl64(u64 x, unsigned r) { return (x << r) | (x >> (64 - r)); }
static inline u64 mix(u64 acc, u64 w) { return rotl64(acc + w * P2, 31) * P1; }

/* An xxh64-like hash: four independent lanes so the loop runs near memory speed. Not
 * cryptographic: it detects divergence, nobody forges it. */
static u64 hash64(const u8 *p, size_t n, u64 seed)
{
    u64 a = seed + P1 + P2, b = seed + P2, c = seed, d = seed - P1;
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        u64 w[4];
        memcpy(w, p + i, 32);
        a = mix(a, w[0]);
        b = mix(b, w[1]);
        c = mix(c, w[2]);
        d = mix(d, w[3]);
    }
    u64 h = rotl64(a, 1) + rotl64(b, 7) + rotl64(c, 12) + rotl64(d, 18) + n;
    for (; i < n; i++)
        h = mix(h, p[i]);
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    return h;
}

static u64 ram_total(struct machine *m)
{
    u64 t = 0;
    for (int i = 0; i < m->as.nregions; i++)
        if (m->as.regions[i].kind == MR_RAM)
            t += m->as.regions[i].size;
    return t;
}

/* Hash [pos, pos+len) of the RAM regions laid end to end (wrapping at the end). */
static u64 ram_hash(struct machine *m, u64 pos, u64 len)
{
    u64 total = ram_total(m), h = 0;
    if (!total)
        return 0;
    pos %= total;
    while (len) {
        u64 base = 0;
        for (int i = 0; i < m->as.nregions && len; i++) {
            const struct mem_region *mr = &m->as.regions[i];
            if (mr->kind != MR_RAM)
                continue;
            if (pos >= base && pos < base + mr->size) {
                u64 off = pos - base, n = mr->size - off < len ? mr->size - off : len;
                h = hash64(mr->host + off, n, h);
                pos += n;
                len -= n;
            }
            base += mr->size;
        }
        pos %= total;
    }
    return h;
}

static u64 reg_le(const u8 *b, int size)
{
    u64 v = 0;
    for (int i = 0; i < size && i < 8; i++)
        v |= (u64)b[i] << 8 * i;
    return v;
}

/* Registers of v: the first RP_CLEAR_REGS in clear, and a hash of all of them. */
static u64 cpu_regs(struct vcpu *v, u64 clear[RP_CLEAR_REGS])
{
    const struct gdb_arch_ops *g = gdb_arch_find(v->ops->arch);
    memset(clear, 0, RP_CLEAR_REGS * sizeof(u64));
    if (!g)
        return 0;
    u64 h = 0;
    for (int n = 0; n < g->num_regs; n++) {
        u8 buf[64];
        int size = g->read_reg(v, n, buf);
        if (size <= 0)
            continue;
        if (n < RP_CLEAR_REGS)
            clear[n] = reg_le(buf, size);
        h = hash64(buf, (size_t)size, h + (u64)n);
    }
    return h;
}

static void digest_at(struct machine *m, struct rp_buf *out, u64 pos, u64 len)
{
    rp_put_u32(out, (u32)m->ncpus);
    rp_put_u32(out, RP_CLEAR_REGS);
    for (int i = 0; i < m->ncpus; i++) {
        u64 clear[RP_CLEAR_REGS];
        u64 h = cpu_regs(m->cpus[i], clear);
        rp_put_u64(out, m->cpus[i]->icount);
        for (int r = 0; r < RP_CLEAR_REGS; r++)
            rp_put_u64(out, clear[r]);
        rp_put_u64(out, h);
    }
    rp_put_u64(out, pos);
    rp_put_u64(out, len);
    rp_put_u64(out, ram_hash(m, pos, len));
}

void rp_digest(struct machine *m, struct rp_buf *out, u64 ram_window, u64 *ram_pos)
{
    u64 total = ram_total(m);
    if (!ram_window || ram_window >= total) {
        digest_at(m, out, 0, total);
        return;
    }
    digest_at(m, out, *ram_pos % total, ram_window);
    *ram_pos = (*ram_pos + ram_window) % total;
}

static void reg_name(int n, char *buf, size_t len)
{
    if (n < 31)
        snprintf(buf, len, "x%d", n);
    else
        snprintf(buf, len, "%s", n == 31 ? "sp" : n == RP_PC ? "pc" : "cpsr");
}

bool rp_digest_check(struct machine *m, const u8 *rec, size_t len, char *why, size_t whylen,
                     int *cpu)
{
    struct rp_cur c = {.p = rec, .n = len};
    u32 ncpus = rp_get_u32(&c), nclear = rp_get_u32(&c);
    *cpu = -1;
    if (c.bad || ncpus != (u32)m->ncpus || nclear != RP_CLEAR_REGS) {
        snprintf(why, whylen, "the recorded digest has %u vCPUs, the machine %d", ncpus,
                 m->ncpus);
        return false;
    }
    for (int i = 0; i < m->ncpus; i++) {
        u64 clear[RP_CLEAR_REGS], rec_clear[RP_CLEAR_REGS];
        u64 h = cpu_regs(m->cpus[i], clear);
        u64 ric = rp_get_u64(&c);
        for (int r = 0; r < RP_CLEAR_REGS; r++)
            rec_clear[r] = rp_get_u64(&c);
        u64 rh = rp_get_u64(&c);
        *cpu = i;
        if (ric != m->cpus[i]->icount) {
            snprintf(why, whylen, "it executed %llu instructions, the recording %llu, pc 0x%llx",
                     (unsigned long long)m->cpus[i]->icount, (unsigned long long)ric,
                     (unsigned long long)clear[RP_PC]);
            return false;
        }
        for (int r = 0; r < RP_CLEAR_REGS; r++)
            if (clear[r] != rec_clear[r]) {
                char name[8];
                reg_name(r, name, sizeof(name));
                snprintf(why, whylen, "%s 0x%llx != 0x%llx (recorded), pc 0x%llx", name,
                         (unsigned long long)clear[r], (unsigned long long)rec_clear[r],
                         (unsigned long long)clear[RP_PC]);
                return false;
            }
        if (h != rh) {
            snprintf(why, whylen, "FP/SIMD or system registers differ (hash 0x%llx != 0x%llx), "
                     "pc 0x%llx", (unsigned long long)h, (unsigned long long)rh,
                     (unsigned long long)clear[RP_PC]);
            return false;
        }
    }
    *cpu = -1;
    u64 pos = rp_get_u64(&c), n = rp_get_u64(&c), rram = rp_get_u64(&c);
    if (c.bad) {
        snprintf(why, whylen, "malformed digest record");
        return false;
    }
    u64 ram = ram_hash(m, pos, n);
    if (ram != rram) {
        snprintf(why, whylen, "RAM digest 0x%llx != 0x%llx (recorded) over bytes 0x%llx+0x%llx",
                 (unsigned long long)ram, (unsigned long long)rram, (unsigned long long)pos,
                 (unsigned long long)n);
        return false;
    }
    return true;
}

void rp_digest_line(struct machine *m, char *out, size_t len)
{
    u64 regs = 0;
    for (int i = 0; i < m->ncpus; i++) {
        u64 clear[RP_CLEAR_REGS];
        u64 h = cpu_regs(m->cpus[i], clear);
        regs = hash64((const u8 *)&h, 8, regs + m->cpus[i]->icount);
    }
    snprintf(out, len, "icount=%llu vtime=%llu regs=%016llx ram=%016llx",
             (unsigned long long)vclock_icount(&m->clock),
             (unsigned long long)vclock_now_ns(&m->clock), (unsigned long long)regs,
             (unsigned long long)ram_hash(m, 0, ram_total(m)));
}
