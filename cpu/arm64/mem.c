/* SPDX-License-Identifier: MIT */
/*
 * Guest memory access slow paths: translate through the TLB/walker, check permissions and
 * alignment (Arm ARM B2.5 alignment, D8.2.x Device memory with the MMU off), perform the
 * access, refill the fast path. Page-crossing accesses check both pages before touching memory.
 */
#include "cpu/arm64/mem.h"
#include "cpu/arm64/watch.h"

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"

#define SCTLR_A (1ull << 1)

static const u8 sctlr_slot[4] = {SR_SCTLR_EL1, SR_SCTLR_EL1, SR_SCTLR_EL2, SR_SCTLR_EL3};

NORETURN static void data_abort_external(struct a64_cpu *cpu, u64 va, bool write, u32 flags)
{
    struct mmu_fault f = {.kind = MMU_FAULT_NONE, .stage = 1};
    a64_raise_mmu_fault(cpu, va, &f, false, write, flags);
}

NORETURN void a64_raise_fetch_external_abort(struct a64_cpu *cpu, u64 va)
{
    struct mmu_fault f = {.kind = MMU_FAULT_NONE, .stage = 1};
    a64_raise_mmu_fault(cpu, va, &f, true, false, 0);
}

NORETURN static void alignment_fault(struct a64_cpu *cpu, u64 va, bool write, u32 flags)
{
    struct mmu_fault f = {.kind = MMU_FAULT_ALIGNMENT, .stage = 1};
    a64_raise_mmu_fault(cpu, va, &f, false, write, flags);
}

static struct vmsa_who who_of_idx(const struct a64_mmu *mmu, u8 idx)
{
    struct vmsa_who w = {.regime = mmu->ctx.regime, .wxn = mmu->ctx.s1.wxn};
    w.unpriv = idx == A64_MMU_E10_0 || idx == A64_MMU_E20_0;
    w.pan = idx == A64_MMU_E10_1_PAN || idx == A64_MMU_E20_2_PAN;
    return w;
}

/* Fill the fast entry of va in table t (MMU index idx) from translation r. */
static void fast_fill(struct a64_cpu *cpu, u8 idx, u64 va, const struct vmsa_result *r)
{
    struct a64_mmu *mmu = cpu->mmu;
    struct a64_fast_entry *e = &mmu->fast[idx].e[(va >> PAGE_SHIFT) & (A64_FAST_ENTRIES - 1)];
    u64 page = va & ~(PAGE_SIZE - 1);
    u64 pa_page = (r->pa | (va & ((1ull << r->size_shift) - 1))) & ~(PAGE_SIZE - 1);
    struct phys_as *as = &cpu->vcpu.machine->as;
    struct mem_region *mr = as_find(as, pa_page);
    e->tag_r = e->tag_w = e->tag_x = A64_FAST_INVALID;
    e->dpage = NULL;
    if (!mmu->fill_ok)
        return; /* not in the TLB: no TLBI would remove the copy */
    if (!mr || mr->kind == MR_MMIO || pa_page - mr->base + PAGE_SIZE > mr->size)
        return; /* never MMIO */
    if (unlikely(a64_watch_active(cpu)))
        return; /* debugger watchpoints: every data access takes the checking slow path */
    struct vmsa_who w = who_of_idx(mmu, idx);
    struct mmu_fault f;
    e->pa_page = pa_page | (vmsa_is_device(&r->a) ? A64_FAST_PA_DEVICE : 0);
    e->addend = (uintptr_t)(mr->host + (pa_page - mr->base)) - page;
    if (vmsa_check(r, &w, VMSA_READ, &f))
        e->tag_r = page;
    if (mr->kind == MR_RAM && !mr_page_has_code(mr, pa_page) && vmsa_check(r, &w, VMSA_WRITE, &f))
        e->tag_w = page;
    if (vmsa_check(r, &w, VMSA_FETCH, &f))
        e->tag_x = page;
    mmu->stats.fast_refills++;
}

/* Translate and check one access that stays within a page; returns the PA. */
static u64 translate_data(struct a64_cpu *cpu, u64 va, unsigned size, bool write, u32 flags,
                          bool fill)
{
    struct a64_mmu *mmu = cpu->mmu;
    u8 idx = (flags & A64_MEM_UNPRIV) ? mmu->idx_unpriv : mmu->idx;
    struct vmsa_result r;
    struct mmu_fault f;
    if (!a64_mmu_translate(cpu, &mmu->ctx, va, false, true, &r, &f))
        a64_raise_mmu_fault(cpu, va, &f, false, write, flags);
    /* Unaligned accesses to Device memory are Alignment faults, ahead of permission faults
     * (AArch64.S1Translate(); with the MMU off all data is Device-nGnRnE: QEMU deviates). */
    if ((va & (size - 1)) && vmsa_is_device(&r.a))
        alignment_fault(cpu, va, write, flags);
    struct vmsa_who w = who_of_idx(mmu, idx);
    if (!vmsa_check(&r, &w, write ? VMSA_WRITE : VMSA_READ, &f))
        a64_raise_mmu_fault(cpu, va, &f, false, write, flags);
    if (unlikely(a64_watch_active(cpu)))
        a64_watch_check(cpu, va, size, write);
    if (fill)
        fast_fill(cpu, idx, va, &r);
    return r.pa | (va & ((1ull << r.size_shift) - 1));
}

static unsigned log2_size(unsigned size)
{
    return size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
}

static void check_align(struct a64_cpu *cpu, u64 va, unsigned size, bool write, u32 flags)
{
    if ((va & (size - 1)) &&
        ((flags & (A64_MEM_ALIGN | A64_MEM_EXCL | A64_MEM_ACQREL | A64_MEM_ATOMIC)) ||
         (cpu->sr[sctlr_slot[cpu->el]] & SCTLR_A)))
        alignment_fault(cpu, va, write, flags);
}

/* A misaligned access within a page that the fast entry allows (the tag compare rejected it
 * only for its alignment) and that is not Device memory: the host address, else NULL. */
static u8 *misaligned_hit(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags, bool write)
{
    const struct a64_fast_entry *e = a64_fast_entry(cpu, va, flags);
    if (((va & (PAGE_SIZE - 1)) + size) > PAGE_SIZE || (write ? e->tag_w : e->tag_r) !=
        (va & ~(PAGE_SIZE - 1)) || (e->pa_page & A64_FAST_PA_DEVICE))
        return NULL;
    return (u8 *)(uintptr_t)(va + e->addend);
}

u64 a64_read_slow(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags)
{
    struct phys_as *as = &cpu->vcpu.machine->as;
    flags |= log2_size(size) << A64_MEM_SAS_SHIFT;
    check_align(cpu, va, size, false, flags);
    u64 v = 0;
    const u8 *host = misaligned_hit(cpu, va, size, flags, false);
    if (host) {
        memcpy(&v, host, size); /* little-endian host */
        return v;
    }
    if (likely(((va & (PAGE_SIZE - 1)) + size) <= PAGE_SIZE)) {
        u64 pa = translate_data(cpu, va, size, false, flags, true);
        if (as_read(as, pa, size, &v) != BUS_OK)
            data_abort_external(cpu, va, false, flags);
        return v;
    }
    /* Crossing a page: both translations first, then the bytes. */
    u64 va2 = (va | (PAGE_SIZE - 1)) + 1;
    u64 pa1 = translate_data(cpu, va, size, false, flags, false);
    u64 pa2 = translate_data(cpu, va2, 1, false, flags, false);
    v = 0;
    for (unsigned i = 0; i < size; i++) {
        u64 b, a = va + i < va2 ? pa1 + i : pa2 + (va + i - va2);
        if (as_read(as, a, 1, &b) != BUS_OK)
            data_abort_external(cpu, va, false, flags);
        v |= b << (8 * i);
    }
    return v;
}

void a64_write_slow(struct a64_cpu *cpu, u64 va, unsigned size, u64 val, u32 flags)
{
    struct phys_as *as = &cpu->vcpu.machine->as;
    flags |= log2_size(size) << A64_MEM_SAS_SHIFT;
    check_align(cpu, va, size, true, flags);
    u8 *host = misaligned_hit(cpu, va, size, flags, true);
    if (host) {
        memcpy(host, &val, size);
        return;
    }
    if (likely(((va & (PAGE_SIZE - 1)) + size) <= PAGE_SIZE)) {
        u64 pa = translate_data(cpu, va, size, true, flags, true);
        enum bus_status st = as_write(as, pa, size, val);
        if (st != BUS_OK && st != BUS_READ_ONLY)
            data_abort_external(cpu, va, true, flags);
        return;
    }
    u64 va2 = (va | (PAGE_SIZE - 1)) + 1;
    u64 pa1 = translate_data(cpu, va, size, true, flags, false);
    u64 pa2 = translate_data(cpu, va2, 1, true, flags, false);
    for (unsigned i = 0; i < size; i++) {
        u64 a = va + i < va2 ? pa1 + i : pa2 + (va + i - va2);
        enum bus_status st = as_write(as, a, 1, (val >> (8 * i)) & 0xff);
        if (st != BUS_OK && st != BUS_READ_ONLY)
            data_abort_external(cpu, va, true, flags);
    }
}

void a64_read16_slow(struct a64_cpu *cpu, u64 va, u64 out[2], u32 flags)
{
    /* Check the second half's translation before the first value is returned. */
    if ((flags & A64_MEM_ALIGN) && (va & 15))
        alignment_fault(cpu, va, false, flags);
    u64 lo = a64_read(cpu, va, 8, flags & ~A64_MEM_ALIGN);
    u64 hi = a64_read(cpu, va + 8, 8, flags & ~A64_MEM_ALIGN);
    out[0] = lo;
    out[1] = hi;
}

void a64_write16_slow(struct a64_cpu *cpu, u64 va, const u64 in[2], u32 flags)
{
    if ((flags & A64_MEM_ALIGN) && (va & 15))
        alignment_fault(cpu, va, true, flags);
    /* Both halves are checked for write before either is stored. */
    translate_data(cpu, va, 8, true, flags | 3u << A64_MEM_SAS_SHIFT, false);
    translate_data(cpu, va + 8, 8, true, flags | 3u << A64_MEM_SAS_SHIFT, false);
    a64_write(cpu, va, 8, in[0], flags & ~A64_MEM_ALIGN);
    a64_write(cpu, va + 8, 8, in[1], flags & ~A64_MEM_ALIGN);
}

u8 *a64_rmw_ptr(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags)
{
    flags |= log2_size(size) << A64_MEM_SAS_SHIFT;
    if (va & (size - 1))
        alignment_fault(cpu, va, true, flags);
    /* A read-modify-write needs both permissions; a missing write permission reports WnR=1. */
    translate_data(cpu, va, size, false, flags, false);
    u64 pa = translate_data(cpu, va, size, true, flags, false);
    struct mem_region *mr = as_find(&cpu->vcpu.machine->as, pa);
    if (!mr || mr->kind != MR_RAM || mr_page_has_code(mr, pa))
        return NULL;
    return mr->host + (pa - mr->base);
}

struct a64_dpage *a64_fetch_dpage_slow(struct a64_cpu *cpu, u64 va)
{
    if (va & 3) /* checked before the fetch is translated */
        a64_raise(cpu, a64_sync_target_el(cpu), esr_make(ESR_EC_PC_ALIGN, true, 0), va, true);
    u64 pa_page = a64_translate_fetch(cpu, va) & ~(PAGE_SIZE - 1);
    struct a64_dpage *p = a64_dpage_get(cpu->vcpu.machine, pa_page);
    if (!p)
        a64_raise_fetch_external_abort(cpu, va);
    /* Remember it in the fast entry if that allows the fetch now (it was just filled, unless
     * watchpoints or an MMIO page keep the fast path empty). */
    struct a64_fast_entry *e = &cpu->mmu->cur->e[(va >> PAGE_SHIFT) & (A64_FAST_ENTRIES - 1)];
    if (e->tag_x == (va & ~(PAGE_SIZE - 1)))
        e->dpage = p;
    return p;
}

u64 a64_translate_fetch_slow(struct a64_cpu *cpu, u64 va)
{
    struct a64_mmu *mmu = cpu->mmu;
    struct vmsa_result r;
    struct mmu_fault f;
    if (!a64_mmu_translate(cpu, &mmu->ctx, va, true, true, &r, &f))
        a64_raise_mmu_fault(cpu, va, &f, true, false, 0);
    struct vmsa_who w = who_of_idx(mmu, mmu->idx);
    if (!vmsa_check(&r, &w, VMSA_FETCH, &f))
        a64_raise_mmu_fault(cpu, va, &f, true, false, 0);
    fast_fill(cpu, mmu->idx, va, &r);
    return r.pa | (va & ((1ull << r.size_shift) - 1));
}
