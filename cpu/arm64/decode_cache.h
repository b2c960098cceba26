/* SPDX-License-Identifier: MIT */
/*
 * The decoded-instruction cache: each guest physical page of code is decoded lazily, one
 * instruction at a time on first execution, into an array of {executor, arguments}. Pages are
 * keyed by physical address (through the RAM region's per-page slot), so they survive
 * translation changes and are shared by every vCPU. A write to a page with decoded code
 * retires it (the fast path never holds write pointers to such pages), which keeps the cache
 * coherent with memory without any IC instruction: CTR_EL0.DIC/IDC may be advertised.
 */
#ifndef EMU_CPU_ARM64_DECODE_CACHE_H
#define EMU_CPU_ARM64_DECODE_CACHE_H

#include "a64_decode.h"
#include "cpu/arm64/cpu.h"
#include "softmmu/memory.h"

#define A64_INSNS_PER_PAGE (PAGE_SIZE / 4)

struct a64_insn;
/* The threaded entry of a slot (cpu/arm64/thread.h): executes the instruction at pc, whose slot
 * is in, with left >= 1 instructions of budget (this one included), then continues with the
 * next slot itself or returns to the step loop with cpu->pc and run_left up to date. */
typedef void (*a64_thr_fn)(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left);

/* One decoded slot: the per-instruction executor (the checking loop, tests), the threaded entry
 * (the fast loop) and the arguments. Aligned to 64 bytes so that the step loop finds a slot with
 * a shift of the page offset instead of a multiply (and a slot never straddles two cache
 * lines). */
struct a64_insn {
    _Alignas(64) a64_exec_fn fn;
    a64_thr_fn tfn;
    union a64_args a;
};

struct a64_dpage {
    u64 pa;                  /* physical page address */
    const u8 *host;          /* host memory of the page */
    struct mem_region *mr;
    struct a64_dpage *next;  /* free / retired list */
    /* One slot per instruction, then a sentinel whose threaded entry returns to the step
     * loop: a straight-line run that reaches the end of the page needs no test of its own. */
    struct a64_insn insn[A64_INSNS_PER_PAGE + 1];
};

/* Set up the cache for machine m (registers the code-write hook of m->as). */
void a64_code_cache_init(struct machine *m);
/* The decoded page for physical page pa_page, created if needed; NULL if pa is not RAM/ROM. */
struct a64_dpage *a64_dpage_get(struct machine *m, u64 pa_page);
/* Drop every decoded page (used by tests and when switching decoders). */
void a64_code_cache_flush_all(struct machine *m);
/* Free pages retired during the last run (safe only between runs). */
void a64_code_cache_reap(struct machine *m);

/* The raw instruction word the executing instruction was decoded from. */
static inline u32 a64_raw_insn(const struct a64_cpu *cpu)
{
    u32 w;
    __builtin_memcpy(&w, cpu->cur_page->host + (cpu->pc & (PAGE_SIZE - 1)), 4);
    return w;
}

#endif
