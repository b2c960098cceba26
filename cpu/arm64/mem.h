/* SPDX-License-Identifier: MIT */
/*
 * Guest virtual memory access for instruction handlers. Every access goes through the current
 * translation regime (cpu/arm64/mmu.c, tlb/) with the fast host-pointer path first. A fault
 * raises the architectural exception and unwinds; nothing returns an error code.
 */
#ifndef EMU_CPU_ARM64_MEM_H
#define EMU_CPU_ARM64_MEM_H

#include <string.h>

#include "cpu/arm64/cpu.h"
#include "cpu/arm64/mmu.h"
#include "softmmu/memory.h"

/* Access flags. The low bits say how to check the access; the ISS bits describe the
 * instruction for ESR_ELx.ISS when a data abort is taken (ISV=1 only for single-register
 * loads/stores without writeback: Arm ARM D17.2.37, "ISS encoding for a Data Abort"). */
#define A64_MEM_UNPRIV (1u << 0)  /* LDTR/STTR: checked with EL0 permissions */
#define A64_MEM_ALIGN (1u << 1)   /* alignment fault unless aligned to the access size */
#define A64_MEM_EXCL (1u << 2)    /* exclusive */
#define A64_MEM_ACQREL (1u << 3)  /* acquire/release */
#define A64_MEM_ATOMIC (1u << 4)  /* LSE read-modify-write */
#define A64_MEM_CACHEOP (1u << 5) /* DC maintenance: reported with ESR.CM */
#define A64_MEM_ISV (1u << 8)
#define A64_MEM_SSE (1u << 9)
#define A64_MEM_SF (1u << 10)
#define A64_MEM_AR (1u << 11)
#define A64_MEM_SRT(n) ((u32)(n) << 12) /* bits [16:12] */
#define A64_MEM_SRT_OF(f) (((f) >> 12) & 31)
/* Set by mem.c itself (not by callers): log2 of the access size, for ESR.SAS. */
#define A64_MEM_SAS_SHIFT 17

/* The slow paths behind the inline fast path: translation, permission checks, MMIO,
 * misaligned and page-crossing accesses, fast-path refill. */
u64 a64_read_slow(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags);
void a64_write_slow(struct a64_cpu *cpu, u64 va, unsigned size, u64 val, u32 flags);
u64 a64_translate_fetch_slow(struct a64_cpu *cpu, u64 va);

static inline struct a64_fast_entry *a64_fast_entry(struct a64_cpu *cpu, u64 va, u32 flags)
{
    struct a64_fast_tlb *t = (flags & A64_MEM_UNPRIV) ? cpu->mmu->cur_unpriv : cpu->mmu->cur;
    return &t->e[(va >> PAGE_SHIFT) & (A64_FAST_ENTRIES - 1)];
}

/* The hit path of a load or store of 1, 2, 4 or 8 bytes: one tag compare that checks page,
 * permission and alignment. True if the fast entry allows it; *host is then its host address.
 * Nothing is checked or changed on a miss. */
static inline bool a64_fast_hit(struct a64_cpu *cpu, u64 va, unsigned size, bool write,
                                u32 flags, u8 **host)
{
    const struct a64_fast_entry *e = a64_fast_entry(cpu, va, flags);
    *host = (u8 *)(uintptr_t)(va + e->addend);
    return likely((write ? e->tag_w : e->tag_r) == (va & (~(PAGE_SIZE - 1) | (size - 1))));
}

/* Little-endian host accesses of 1, 2, 4 or 8 bytes. */
static inline u64 a64_host_load(const u8 *p, unsigned size)
{
    switch (size) {
    case 1: return *p;
    case 2: { u16 v; memcpy(&v, p, 2); return v; }
    case 4: { u32 v; memcpy(&v, p, 4); return v; }
    default: { u64 v; memcpy(&v, p, 8); return v; }
    }
}

static inline void a64_host_store(u8 *p, unsigned size, u64 val)
{
    switch (size) {
    case 1: *p = (u8)val; return;
    case 2: { u16 v = (u16)val; memcpy(p, &v, 2); return; }
    case 4: { u32 v = (u32)val; memcpy(p, &v, 4); return; }
    default: memcpy(p, &val, 8); return;
    }
}

/* Loads and stores of 1, 2, 4 or 8 bytes, little-endian. */
static inline u64 a64_read(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags)
{
    u8 *p;
    if (a64_fast_hit(cpu, va, size, false, flags, &p))
        return a64_host_load(p, size);
    return a64_read_slow(cpu, va, size, flags);
}

static inline void a64_write(struct a64_cpu *cpu, u64 va, unsigned size, u64 val, u32 flags)
{
    u8 *p;
    if (a64_fast_hit(cpu, va, size, true, flags, &p)) {
        a64_host_store(p, size, val);
        return;
    }
    a64_write_slow(cpu, va, size, val, flags);
}

/* 16-byte accesses (LDP/STP of X and Q registers, LDXP/STXP, CASP of doublewords). A fault
 * in either half raises before any register is written; stores check both halves first. The
 * hit path: both halves in one page the fast entry allows, aligned to 8 (16 with
 * A64_MEM_ALIGN). */
void a64_read16_slow(struct a64_cpu *cpu, u64 va, u64 out[2], u32 flags);
void a64_write16_slow(struct a64_cpu *cpu, u64 va, const u64 in[2], u32 flags);

static inline bool a64_fast16_hit(u64 tag, u64 va, u32 flags)
{
    u64 align = (flags & A64_MEM_ALIGN) ? 15 : 7;
    return tag == (va & (~(PAGE_SIZE - 1) | align)) &&
           (va & (PAGE_SIZE - 1)) <= PAGE_SIZE - 16;
}

static inline void a64_read16(struct a64_cpu *cpu, u64 va, u64 out[2], u32 flags)
{
    const struct a64_fast_entry *e = a64_fast_entry(cpu, va, flags);
    if (likely(a64_fast16_hit(e->tag_r, va, flags))) {
        memcpy(out, (const u8 *)(uintptr_t)(va + e->addend), 16);
        return;
    }
    a64_read16_slow(cpu, va, out, flags);
}

static inline void a64_write16(struct a64_cpu *cpu, u64 va, const u64 in[2], u32 flags)
{
    const struct a64_fast_entry *e = a64_fast_entry(cpu, va, flags);
    if (likely(a64_fast16_hit(e->tag_w, va, flags))) {
        memcpy((u8 *)(uintptr_t)(va + e->addend), in, 16);
        return;
    }
    a64_write16_slow(cpu, va, in, flags);
}

/* Host pointer to size bytes at va, checked for read and write, for atomic read-modify-write;
 * NULL if the target is not RAM (the caller then uses a64_read/a64_write). The access is
 * naturally aligned (A64_MEM_ALIGN is checked). */
u8 *a64_rmw_ptr(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags);

/* Translate va for an instruction fetch in the current regime; raises on fault.
 * Returns the physical address. */
static inline u64 a64_translate_fetch(struct a64_cpu *cpu, u64 va)
{
    const struct a64_fast_entry *e = &cpu->mmu->cur->e[(va >> PAGE_SHIFT) & (A64_FAST_ENTRIES - 1)];
    if (likely(e->tag_x == (va & ~(PAGE_SIZE - 1))))
        return (e->pa_page & ~(PAGE_SIZE - 1)) | (va & (PAGE_SIZE - 1));
    return a64_translate_fetch_slow(cpu, va);
}

/* The decoded page to execute va from; raises PC alignment faults and instruction aborts. The
 * hit path: the fast entry allows fetching and already knows the page's decoded code (a page
 * crossing by BL/RET/B is then a tag compare, not a translation and a region lookup); the
 * compare includes va's low two bits, so a misaligned pc misses it. */
struct a64_dpage *a64_fetch_dpage_slow(struct a64_cpu *cpu, u64 va);
static inline struct a64_dpage *a64_fetch_dpage(struct a64_cpu *cpu, u64 va)
{
    const struct a64_fast_entry *e = &cpu->mmu->cur->e[(va >> PAGE_SHIFT) & (A64_FAST_ENTRIES - 1)];
    if (likely(e->tag_x == (va & (~(PAGE_SIZE - 1) | 3)) && e->dpage))
        return e->dpage;
    return a64_fetch_dpage_slow(cpu, va);
}

/* A fetch from a physical address that is not RAM/ROM: synchronous external abort on
 * instruction fetch (IFSC 0b010000). */
NORETURN void a64_raise_fetch_external_abort(struct a64_cpu *cpu, u64 va);

/* The fetch page cache of the step loop must be looked up again (translation or EL changed). */
static inline void a64_fetch_invalidate(struct a64_cpu *cpu)
{
    cpu->cur_vpage = ~0ull;
}

/* Remove fast-path write entries that map the physical page pa (it now holds decoded code),
 * on every vCPU of the machine. */
void a64_fast_tlb_drop_pa_writes(struct machine *m, u64 pa_page);

/* A translation input changed: SCTLR_ELx, TCR_ELx, TTBRn_ELx, MAIR_ELx, HCR_EL2, VTTBR_EL2,
 * VTCR_EL2 were written, or PSTATE.PAN changed. Call after the new value is in place. Nothing
 * is removed from the architectural TLB (that is TLBI's job); the fast path is refilled from
 * it. EL changes are picked up by a64_set_el(). */
void a64_mmu_ctx_changed(struct a64_cpu *cpu);

#endif
