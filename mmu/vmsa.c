/* SPDX-License-Identifier: MIT */
/*
 * VMSAv8-64 stage 1 and stage 2 translation (Arm ARM D8.2-D8.4: granules, starting level,
 * descriptors; D8.4.1 hierarchical attributes; D8.5 access permissions; AArch64.S1Translate(),
 * AArch64.S2Translate(), AArch64.S1CheckPermissions()). 48-bit VA and PA; no FEAT_LPA/LPA2,
 * no FEAT_HAFDBS (AF=0 always faults), no FEAT_XNX.
 */
#include "mmu/vmsa.h"

#include <stdio.h>

#define PA_MAX_BITS 48
#define DESC_OA_MASK (((1ull << PA_MAX_BITS) - 1) & ~0xfffull)

/* Descriptor fields (Arm ARM D8.3). */
#define D_AF (1ull << 10)
#define D_NG (1ull << 11)
#define D_NS (1ull << 5)
#define D_PXN (1ull << 53)
#define D_UXN (1ull << 54)
#define T_PXNTABLE (1ull << 59)
#define T_UXNTABLE (1ull << 60)
#define T_APTABLE0 (1ull << 61)
#define T_APTABLE1 (1ull << 62)

struct vmsa_walk_params {
    int stage;
    bool hpd;
    const struct vmsa_io *io;
    const struct vmsa_s2_params *s2; /* stage 1 under stage 2 */
};

static u64 mask_from(unsigned shift)
{
    return DESC_OA_MASK & ~((1ull << shift) - 1);
}

/* Which levels may hold a block (D8.3.1, without 52-bit addresses). */
static bool block_allowed(unsigned granule_shift, int level)
{
    if (granule_shift == 12)
        return level == 1 || level == 2;
    return level == 2;
}

static enum mmu_desc_kind vmsa_decode(struct mmu_walk *w, u64 desc, int level, u64 *next)
{
    const struct vmsa_walk_params *p = w->params;
    if (!(desc & 1))
        return MMU_DESC_INVALID;
    bool is_table = (desc & 2) && level < w->last_level;
    if (!is_table) {
        if (!(desc & 2) && (level == w->last_level || !block_allowed(w->page_shift, level)))
            return MMU_DESC_INVALID; /* reserved encodings are translation faults */
    }
    unsigned shift = is_table ? w->page_shift : mmu_level_shift(w, level);
    u64 oa = desc & mask_from(shift);
    /* OA bits above the configured output size: Address size fault (D8.3.x, AArch64.OAOutOfRange). */
    if (w->oa_bits < PA_MAX_BITS && (desc & DESC_OA_MASK) >> w->oa_bits) {
        w->fault.kind = MMU_FAULT_ADDRESS_SIZE;
        return MMU_DESC_FAULT;
    }
    *next = oa;
    if (is_table) {
        if (p->stage == 1 && !p->hpd)
            w->table_attrs |= desc & (T_PXNTABLE | T_UXNTABLE | T_APTABLE0 | T_APTABLE1);
        return MMU_DESC_TABLE;
    }
    /* Without FEAT_HAFDBS an AF of 0 always faults; such an entry is never cached. */
    if (!(desc & D_AF)) {
        w->fault.kind = MMU_FAULT_ACCESS_FLAG;
        return MMU_DESC_FAULT;
    }
    return MMU_DESC_LEAF;
}

static const struct mmu_format vmsa_format = {
    .name = "vmsav8-64",
    .desc_bytes = 8,
    .decode = vmsa_decode,
};

static bool read_desc_s2(struct mmu_walk *w, u64 addr, u64 *val)
{
    const struct vmsa_walk_params *p = w->params;
    if (!p->io->read_pa(p->io->opaque, addr, val)) {
        w->fault.kind = MMU_FAULT_EXTERNAL;
        w->fault.level = (s8)(w->nsteps ? w->step[w->nsteps - 1].level + 1 : w->start_level);
        return false;
    }
    return true;
}

static bool read_desc_s1(struct mmu_walk *w, u64 addr, u64 *val)
{
    const struct vmsa_walk_params *p = w->params;
    if (p->s2 && p->s2->enabled) {
        /* Each stage-1 table address is an IPA (D8.2.x "Stage 2 translation of table walks"). */
        struct vmsa_result r2;
        struct mmu_fault f2;
        if (!vmsa_s2_translate(p->s2, p->io, addr, true, &r2, &f2)) {
            w->fault = f2;
            return false;
        }
        /* The walk reads the table: stage 2 must grant read (S2AP[0]). */
        if (!(r2.a.s2ap & 1)) {
            w->fault = (struct mmu_fault){.kind = MMU_FAULT_PERMISSION, .level = (s8)r2.s2_level,
                                          .stage = 2, .s1ptw = true, .ipa = addr};
            return false;
        }
        addr = r2.pa;
    }
    if (!p->io->read_pa(p->io->opaque, addr, val)) {
        w->fault.kind = MMU_FAULT_EXTERNAL;
        w->fault.level = (s8)(w->nsteps ? w->step[w->nsteps - 1].level + 1 : w->start_level);
        w->fault.stage = 1;
        return false;
    }
    return true;
}

u64 vmsa_pack(const struct vmsa_attrs *a)
{
    return (u64)a->s1 | (u64)(a->ap & 3) << 1 | (u64)a->pxn << 3 | (u64)a->uxn << 4 |
           (u64)a->ng << 5 | (u64)a->ns << 6 | (u64)a->attr << 8 | (u64)(a->sh & 3) << 16 |
           (u64)a->s2 << 18 | (u64)(a->s2ap & 3) << 19 | (u64)a->s2xn << 21 |
           (u64)(a->s2memattr & 15) << 24;
}

void vmsa_unpack(u64 v, struct vmsa_attrs *a)
{
    a->s1 = v & 1;
    a->ap = (v >> 1) & 3;
    a->pxn = (v >> 3) & 1;
    a->uxn = (v >> 4) & 1;
    a->ng = (v >> 5) & 1;
    a->ns = (v >> 6) & 1;
    a->attr = (u8)(v >> 8);
    a->sh = (v >> 16) & 3;
    a->s2 = (v >> 18) & 1;
    a->s2ap = (v >> 19) & 3;
    a->s2xn = (v >> 21) & 1;
    a->s2memattr = (v >> 24) & 15;
}

static unsigned clamp_tsz(unsigned tsz)
{
    /* Out-of-range TxSZ: the IMPLEMENTATION DEFINED choice of treating it as the nearest
     * supported value (Arm ARM D8.1.x, R_SRNPQ-style). 48-bit VA, no FEAT_TTST. */
    return tsz < 16 ? 16 : tsz > 39 ? 39 : tsz;
}

int vmsa_select_tt(const struct vmsa_s1_params *p, u64 va, bool fetch, u64 *norm_va)
{
    bool upper = p->two_ranges && ((va >> 55) & 1);
    const struct vmsa_tt *tt = &p->tt[upper];
    bool tbi = tt->tbi && !(fetch && tt->tbid);
    u64 v = va;
    if (tbi) /* the top byte is ignored: check and tag the address as its bit 55 says */
        v = upper ? va | (0xffull << 56) : va & ~(0xffull << 56);
    *norm_va = v;
    unsigned ia_bits = 64 - clamp_tsz(tt->tsz);
    u64 top = v >> ia_bits, ones = (1ull << (64 - ia_bits)) - 1;
    if (p->two_ranges) {
        if (top == 0)
            return 0;
        if (top == ones)
            return 1;
        return -1;
    }
    return top == 0 ? 0 : -1;
}

static void setup_walk(struct mmu_walk *w, u64 ia, u64 baddr, unsigned tsz, unsigned granule,
                       int start, unsigned oa_bits)
{
    w->fmt = &vmsa_format;
    w->ia = ia;
    w->page_shift = granule;
    w->stride = granule - 3;
    w->ia_bits = 64 - tsz;
    w->start_level = start;
    w->last_level = 3;
    w->oa_bits = oa_bits;
    /* Bits of the base below the size of the starting table are treated as zero. */
    unsigned width = w->ia_bits - mmu_level_shift(w, start);
    w->table = baddr & ((1ull << PA_MAX_BITS) - 1) & ~((8ull << width) - 1);
}

bool vmsa_s2_translate(const struct vmsa_s2_params *s2, const struct vmsa_io *io, u64 ipa,
                       bool s1ptw, struct vmsa_result *r, struct mmu_fault *f)
{
    unsigned g = s2->granule_shift, tsz = clamp_tsz(s2->tsz);
    int start = g == 12 ? 2 - s2->sl0 : 3 - s2->sl0;
    struct mmu_walk w = {0};
    struct vmsa_walk_params p = {.stage = 2, .io = io};
    *f = (struct mmu_fault){.stage = 2, .s1ptw = s1ptw, .ipa = ipa};
    setup_walk(&w, ipa, s2->baddr, tsz, g, start < 0 ? 0 : start, s2->oa_bits);
    unsigned width = w.ia_bits - mmu_level_shift(&w, w.start_level);
    /* An IPA beyond T0SZ, or an SL0 that does not fit T0SZ (more than 16 concatenated tables,
     * or none): stage 2 Translation fault (AArch64.S2InconsistentSL, AArch64.S2CheckInputAddress). */
    if (ipa >> w.ia_bits || s2->sl0 > 2 || start < 0 || width < 1 || width > w.stride + 4) {
        f->kind = MMU_FAULT_TRANSLATION;
        f->level = 0;
        return false;
    }
    if (s2->oa_bits < PA_MAX_BITS && (s2->baddr & ((1ull << PA_MAX_BITS) - 1)) >> s2->oa_bits) {
        f->kind = MMU_FAULT_ADDRESS_SIZE;
        f->level = 0;
        return false;
    }
    w.params = &p;
    w.read_desc = read_desc_s2;
    bool ok = mmu_walk(&w);
    if (io->trace)
        io->trace(io->opaque, 2, &w);
    if (!ok) {
        f->kind = w.fault.kind;
        f->level = w.fault.level;
        return false;
    }
    u64 d = w.leaf_desc;
    *r = (struct vmsa_result){.va = ipa, .ipa = ipa, .pa = w.oa, .level = (u8)w.leaf_level,
                              .s2_level = (u8)w.leaf_level, .size_shift = (u8)w.leaf_shift,
                              .granule = (u8)g, .s2_granule = (u8)g};
    r->a.s2 = true;
    r->a.s2ap = (d >> 6) & 3;
    r->a.s2xn = (d >> 54) & 1;
    r->a.s2memattr = (d >> 2) & 15;
    r->a.sh = (d >> 8) & 3;
    return true;
}

bool vmsa_translate(const struct vmsa_s1_params *s1, const struct vmsa_io *io, u64 va,
                    bool fetch, struct vmsa_result *r, struct mmu_fault *f)
{
    u64 nva = va;
    *r = (struct vmsa_result){0};
    *f = (struct mmu_fault){.stage = 1};
    if (!s1->enabled) {
        /* Stage 1 disabled (D8.2.x "The effects of disabling address translation"): flat, with
         * VA bits above the PA size an Address size fault at level 0; data is
         * Device-nGnRnE, instruction fetches Normal. */
        if (va >> PA_MAX_BITS) {
            f->kind = MMU_FAULT_ADDRESS_SIZE;
            f->level = 0;
            return false;
        }
        r->va = r->ipa = va & ~0xfffull;
        r->size_shift = 12;
        r->granule = 12;
        r->a.attr = fetch ? 0xff : 0x00;
        r->a.ap = 1; /* all access; permission checks skip !s1 anyway */
    } else {
        int idx = vmsa_select_tt(s1, va, fetch, &nva);
        if (idx < 0 || s1->tt[idx].epd) {
            f->kind = MMU_FAULT_TRANSLATION;
            f->level = 0;
            return false;
        }
        const struct vmsa_tt *tt = &s1->tt[idx];
        unsigned g = tt->granule_shift, tsz = clamp_tsz(tt->tsz), stride = g - 3;
        unsigned ia_bits = 64 - tsz;
        int start = 4 - (int)((ia_bits - g + stride - 1) / stride); /* levels needed */
        if (s1->oa_bits < PA_MAX_BITS && (tt->baddr & ((1ull << PA_MAX_BITS) - 1)) >> s1->oa_bits) {
            f->kind = MMU_FAULT_ADDRESS_SIZE;
            f->level = 0;
            return false;
        }
        struct mmu_walk w = {0};
        struct vmsa_walk_params p = {.stage = 1, .hpd = tt->hpd, .io = io, .s2 = io->s2};
        setup_walk(&w, nva & ((1ull << ia_bits) - 1), tt->baddr, tsz, g, start, s1->oa_bits);
        w.params = &p;
        w.read_desc = read_desc_s1;
        bool ok = mmu_walk(&w);
        if (io->trace)
            io->trace(io->opaque, 1, &w);
        if (!ok) {
            *f = w.fault;
            if (f->stage != 2)
                f->stage = 1;
            return false;
        }
        u64 d = w.leaf_desc, t = w.table_attrs;
        bool one_priv = !s1->two_ranges;
        r->va = nva & ~((1ull << w.leaf_shift) - 1);
        r->ipa = w.oa & ~((1ull << w.leaf_shift) - 1);
        r->level = (u8)w.leaf_level;
        r->size_shift = (u8)w.leaf_shift;
        r->granule = (u8)g;
        r->a.s1 = true;
        /* APTable[1] removes write, APTable[0] removes EL0 access (D8.4.2). */
        u8 ap = (d >> 6) & 3;
        if (t & T_APTABLE1)
            ap |= 2;
        if ((t & T_APTABLE0) && !one_priv)
            ap &= 2;
        r->a.ap = ap;
        if (one_priv) {
            r->a.uxn = (d & D_UXN) || (t & T_UXNTABLE); /* XN and XNTable */
            r->a.pxn = r->a.uxn;
        } else {
            r->a.uxn = (d & D_UXN) || (t & T_UXNTABLE);
            r->a.pxn = (d & D_PXN) || (t & T_PXNTABLE);
        }
        r->a.ng = one_priv ? false : (d & D_NG) != 0;
        r->a.ns = (d & D_NS) != 0;
        r->a.attr = (u8)(s1->mair >> (8 * ((d >> 2) & 7)));
        r->a.sh = (d >> 8) & 3;
    }
    r->pa = r->ipa;
    r->s2_level = 0xff;
    if (io->s2 && io->s2->enabled) {
        struct vmsa_result r2;
        u64 ipa = r->ipa | (nva & ((1ull << r->size_shift) - 1));
        if (!vmsa_s2_translate(io->s2, io, ipa, false, &r2, f))
            return false;
        if (r2.size_shift < r->size_shift) {
            /* The combined entry covers the smaller of the two sizes. */
            u64 m = ~((1ull << r2.size_shift) - 1);
            r->size_shift = r2.size_shift;
            r->ipa = ipa & m;
            r->va = nva & m;
        }
        r->pa = r2.pa & ~((1ull << r->size_shift) - 1);
        r->s2_level = r2.s2_level;
        r->s2_granule = r2.s2_granule;
        r->a.s2 = true;
        r->a.s2ap = r2.a.s2ap;
        r->a.s2xn = r2.a.s2xn;
        r->a.s2memattr = r2.a.s2memattr;
    }
    return true;
}

bool vmsa_is_device(const struct vmsa_attrs *a)
{
    if (a->s1 || !a->s2)
        if ((a->attr & 0xf0) == 0)
            return true;
    return a->s2 && (a->s2memattr & 0xc) == 0;
}

bool vmsa_check(const struct vmsa_result *r, const struct vmsa_who *who, enum vmsa_access acc,
                struct mmu_fault *f)
{
    const struct vmsa_attrs *a = &r->a;
    *f = (struct mmu_fault){.stage = 1, .level = (s8)r->level};
    if (a->s1) {
        bool one_priv = who->regime == VMSA_REGIME_EL2 || who->regime == VMSA_REGIME_EL3;
        bool rd, wr, x;
        if (one_priv) {
            rd = true;
            wr = !(a->ap & 2);
            x = !a->uxn && !(who->wxn && wr);
        } else {
            bool ur = a->ap & 1, uw = a->ap == 1, pw = !(a->ap & 2);
            if (who->unpriv) {
                rd = ur;
                wr = uw;
                x = !a->uxn && !(who->wxn && uw);
            } else {
                rd = true;
                wr = pw;
                /* Privileged execution is never allowed from EL0-writable memory. */
                x = !a->pxn && !uw && !(who->wxn && pw);
                /* PAN without FEAT_EPAN: privileged data access to EL0-accessible memory. */
                if (who->pan && ur && acc != VMSA_FETCH)
                    rd = wr = false;
            }
        }
        /* Instruction fetches from Device memory are Permission faults (D8.6.x). */
        if (acc == VMSA_FETCH && (a->attr & 0xf0) == 0)
            x = false;
        bool ok = acc == VMSA_READ ? rd : acc == VMSA_WRITE ? wr : x;
        if (!ok) {
            f->kind = MMU_FAULT_PERMISSION;
            return false;
        }
    }
    if (a->s2) {
        bool ok = acc == VMSA_READ ? (a->s2ap & 1) : acc == VMSA_WRITE ? (a->s2ap & 2) >> 1
                                                                        : !a->s2xn;
        if (!ok) {
            *f = (struct mmu_fault){.kind = MMU_FAULT_PERMISSION, .stage = 2,
                                    .level = (s8)r->s2_level, .ipa = r->ipa};
            return false;
        }
    }
    f->kind = MMU_FAULT_NONE;
    return true;
}

int vmsa_describe(char *buf, size_t len, u64 d, int level, int stage, bool last_level)
{
    if (!(d & 1))
        return snprintf(buf, len, "invalid");
    bool table = (d & 2) && !last_level;
    u64 oa = d & DESC_OA_MASK;
    if (table)
        return snprintf(buf, len, "table -> %#llx%s%s%s%s", (unsigned long long)oa,
                        d & T_APTABLE1 ? " APTable[1]" : "", d & T_APTABLE0 ? " APTable[0]" : "",
                        d & T_UXNTABLE ? " UXNTable" : "", d & T_PXNTABLE ? " PXNTable" : "");
    if (stage == 2)
        return snprintf(buf, len, "%s -> %#llx MemAttr=%llx S2AP=%llu SH=%llu AF=%llu XN=%llu",
                        (d & 2) ? "page" : "block", (unsigned long long)oa,
                        (unsigned long long)((d >> 2) & 15), (unsigned long long)((d >> 6) & 3),
                        (unsigned long long)((d >> 8) & 3), (unsigned long long)((d >> 10) & 1),
                        (unsigned long long)((d >> 54) & 1));
    return snprintf(buf, len,
                    "%s -> %#llx AttrIndx=%llu NS=%llu AP=%llu SH=%llu AF=%llu nG=%llu PXN=%llu "
                    "UXN=%llu Cont=%llu",
                    (d & 2) ? "page" : "block", (unsigned long long)oa,
                    (unsigned long long)((d >> 2) & 7), (unsigned long long)((d >> 5) & 1),
                    (unsigned long long)((d >> 6) & 3), (unsigned long long)((d >> 8) & 3),
                    (unsigned long long)((d >> 10) & 1), (unsigned long long)((d >> 11) & 1),
                    (unsigned long long)((d >> 53) & 1), (unsigned long long)((d >> 54) & 1),
                    (unsigned long long)((d >> 52) & 1));
}
