/* SPDX-License-Identifier: MIT */
/* Decoded-instruction cache: allocation, lookup by physical page, retirement on writes. */
#include "cpu/arm64/decode_cache.h"

#include <stdlib.h>

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/thread.h"

struct a64_code_cache {
    struct machine *m;
    struct a64_dpage *free_list;
    struct a64_dpage *retired;   /* written while possibly executing; freed between runs */
    u64 npages, nretired_total, nslot_invalidations;
};

static void init_page(struct a64_dpage *p)
{
    for (unsigned i = 0; i < A64_INSNS_PER_PAGE; i++)
        a64_slot_reset(&p->insn[i]);
    p->insn[A64_INSNS_PER_PAGE].fn = NULL; /* never executed: the loop refills at a crossing */
    p->insn[A64_INSNS_PER_PAGE].tfn = a64_thr_page_end;
}

/* The caller then calls a64_fast_tlb_drop_dpages(): the fast path caches dpage pointers, and
 * a retired page is soon reused for another physical page. */
static void retire(struct a64_code_cache *cc, struct a64_dpage *p)
{
    *mr_code_slot(p->mr, p->pa) = NULL;
    p->next = cc->retired;
    cc->retired = p;
    cc->nretired_total++;
    /* A vCPU executing from this page must look it up again after the current instruction. */
    for (int i = 0; i < cc->m->ncpus; i++) {
        struct a64_cpu *c = a64_from_vcpu(cc->m->cpus[i]);
        if (c->cur_page == p)
            a64_fetch_invalidate(c);
    }
}

/* A write reached a page with decoded code: only the instructions it overlaps go back to the
 * decode stub, so data that shares a page with code costs a slow-path store, not a re-decode of
 * the page. Resetting a slot is safe even while its instruction executes (a store over itself):
 * the handler reads its arguments, never its own slot's executor. */
static void code_write(void *opaque, u64 pa, unsigned size)
{
    struct a64_code_cache *cc = opaque;
    u64 end = pa + (size ? size : 1);
    for (u64 a = pa & ~3ull; a < end; a += 4) {
        struct mem_region *mr = as_find(&cc->m->as, a);
        if (!mr || !mr->code)
            continue;
        struct a64_dpage *p = *mr_code_slot(mr, a);
        if (p)
            a64_slot_reset(&p->insn[(a & (PAGE_SIZE - 1)) >> 2]);
        cc->nslot_invalidations++;
    }
}

void a64_code_cache_init(struct machine *m)
{
    struct a64_code_cache *cc = calloc(1, sizeof(*cc));
    if (!cc)
        fatal("out of memory");
    cc->m = m;
    m->as.code_write = code_write;
    m->as.code_write_opaque = cc;
}

struct a64_dpage *a64_dpage_get(struct machine *m, u64 pa_page)
{
    struct a64_code_cache *cc = m->as.code_write_opaque;
    struct mem_region *mr = as_find(&m->as, pa_page);
    if (!mr || !mr->code)
        return NULL;
    void **slot = mr_code_slot(mr, pa_page);
    if (*slot)
        return *slot;
    struct a64_dpage *p = cc->free_list;
    if (p)
        cc->free_list = p->next;
    else if (!(p = aligned_alloc(_Alignof(struct a64_dpage), sizeof(*p))))
        fatal("out of memory (decoded code)");
    init_page(p);
    p->pa = pa_page;
    p->mr = mr;
    p->host = mr->host + (pa_page - mr->base);
    p->next = NULL;
    *slot = p;
    cc->npages++;
    /* From now on, stores to this page must take the slow path so that they retire it. */
    a64_fast_tlb_drop_pa_writes(m, pa_page);
    return p;
}

void a64_code_cache_flush_all(struct machine *m)
{
    struct a64_code_cache *cc = m->as.code_write_opaque;
    for (int r = 0; r < m->as.nregions; r++) {
        struct mem_region *mr = &m->as.regions[r];
        if (!mr->code)
            continue;
        for (u64 off = 0; off < mr->size; off += PAGE_SIZE)
            if (mr->code[off >> PAGE_SHIFT])
                retire(cc, mr->code[off >> PAGE_SHIFT]);
    }
    a64_fast_tlb_drop_dpages(m);
}

void a64_code_cache_reap(struct machine *m)
{
    struct a64_code_cache *cc = m->as.code_write_opaque;
    while (cc->retired) {
        struct a64_dpage *p = cc->retired;
        cc->retired = p->next;
        p->next = cc->free_list;
        cc->free_list = p;
    }
}
