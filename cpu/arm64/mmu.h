/* SPDX-License-Identifier: MIT */
/*
 * The AArch64 vCPU's translation state: the current regime and its decoded parameters, the
 * architectural TLB (tlb/) and the fast path, a direct-mapped host-pointer cache per MMU index
 * (regime x privilege x PAN) whose read/write/exec tags check page and permission in one
 * compare. Arm ARM D8 (VMSAv8-64).
 */
#ifndef EMU_CPU_ARM64_MMU_H
#define EMU_CPU_ARM64_MMU_H

#include "cpu/arm64/cpu.h"
#include "mmu/vmsa.h"
#include "tlb/tlb.h"

/* MMU indexes: the combinations of regime, privilege and PAN that change permissions. */
enum a64_mmu_idx {
    A64_MMU_E10_0,     /* EL1&0 regime, EL0 (or LDTR/STTR at EL1) */
    A64_MMU_E10_1,
    A64_MMU_E10_1_PAN,
    A64_MMU_E20_0,     /* EL2&0 regime (E2H=1, TGE=1), EL0 */
    A64_MMU_E20_2,
    A64_MMU_E20_2_PAN,
    A64_MMU_E2,
    A64_MMU_E3,
    A64_MMU_IDX_COUNT
};

#define A64_FAST_BITS 10
#define A64_FAST_ENTRIES (1u << A64_FAST_BITS)
#define A64_FAST_INVALID (~0ull)
/* Set in a tag to force the slow path for that page without dropping the entry (reserved for
 * watchpoints: a tag with this bit never equals an address masked for a compare). */
#define A64_FAST_SLOW_BIT (1ull << 11)

/* Set in pa_page when the page is Device memory: a misaligned data access to it faults. */
#define A64_FAST_PA_DEVICE 1ull

struct a64_dpage;

/* tag_* = VA of the 4K page when that access is allowed, else A64_FAST_INVALID. A compare
 * with (va & (~0xfff | (size - 1))) also rejects misaligned accesses. Every field other than
 * the tags is meaningful only while a tag matches (a flush fills the entry with 0xff bytes). */
struct a64_fast_entry {
    u64 tag_r, tag_w, tag_x;
    uintptr_t addend;        /* host address = va + addend */
    u64 pa_page;             /* physical page address | A64_FAST_PA_DEVICE */
    struct a64_dpage *dpage; /* decoded code of pa_page once fetched from (tag_x), or NULL */
};

struct a64_fast_tlb {
    struct a64_fast_entry e[A64_FAST_ENTRIES];
    u64 gen;          /* context generation it was filled in; stale tables are flushed */
};

/* The current translation context, recomputed on EL changes and register writes. */
struct a64_mmu_ctx {
    u8 regime;        /* enum vmsa_regime */
    u16 asid, vmid;
    struct vmsa_s1_params s1;
    struct vmsa_s2_params s2;
};

struct a64_mmu_stats {
    u64 walks, fast_refills, fast_flushes, tlb_fills;
};

struct a64_mmu {
    struct a64_fast_tlb *cur;        /* fast table of the current MMU index */
    struct a64_fast_tlb *cur_unpriv; /* ... used by LDTR/STTR */
    u8 idx, idx_unpriv;
    u64 gen;                         /* bumped when any translation input changes */
    u64 gen_inputs[18];              /* the registers a64_mmu_ctx_for() reads, at the bump */
    bool fill_ok;                    /* the last translation may enter the fast path: it is in
                                        the TLB (or flat), so a TLBI will find it */
    struct a64_mmu_ctx ctx;          /* for the current EL */
    struct a64_mmu_stats stats;
    struct tlb tlb;
    struct a64_fast_tlb fast[A64_MMU_IDX_COUNT];
};

/* Create the MMU state of a vCPU (called by a64_cpu_create) and register the TLBI/AT rows. */
void a64_mmu_init(struct a64_cpu *cpu);
/* Recompute the context after EL, PSTATE.PAN or translation-register changes. */
void a64_mmu_update(struct a64_cpu *cpu);
/* The translation context of a regime as the registers define it now (also used by AT). */
void a64_mmu_ctx_for(struct a64_cpu *cpu, u8 regime, struct a64_mmu_ctx *c);
/* The regime of an exception level under the current HCR_EL2.{E2H,TGE}. */
u8 a64_regime_of_el(const struct a64_cpu *cpu, unsigned el);

/* A translation as the slow path needs it. On fault, returns false with *f. */
bool a64_mmu_translate(struct a64_cpu *cpu, const struct a64_mmu_ctx *c, u64 va, bool fetch,
                       bool use_tlb, struct vmsa_result *r, struct mmu_fault *f);
/* Forget the decoded pages cached in the fast entries of every vCPU (decoded pages were
 * retired). */
void a64_fast_tlb_drop_dpages(struct machine *m);
/* Drop every fast-path entry of this vCPU. */
void a64_fast_flush_all(struct a64_cpu *cpu);
/* Remove what inv selects from this vCPU's TLB (and the fast path); returns entries removed. */
unsigned a64_tlb_invalidate(struct a64_cpu *cpu, const struct tlb_inv *inv);

/* Decode the Xt of a range TLBI (TG, SCALE, NUM, TTL, BaseADDR; D8.13.5.x) into inv->lo/hi and
 * the TTL hint. sign_extend: BaseADDR is a VA of a two-range regime. False for TG=0b00. */
bool a64_tlbi_decode_range(u64 xt, bool sign_extend, struct tlb_inv *inv);

/* Raise the abort for fault f of an access (ESR/FAR/HPFAR, to the right EL). */
NORETURN void a64_raise_mmu_fault(struct a64_cpu *cpu, u64 va, const struct mmu_fault *f,
                                  bool fetch, bool write, u32 flags);
/* The DFSC/IFSC (and PAR_EL1.FST) of a fault. */
u32 a64_fault_fsc(const struct mmu_fault *f);

/* Diagnostics (monitor commands, -d): write to out. */
void a64_mmu_print_tlb(struct a64_cpu *cpu, FILE *out);
void a64_mmu_print_stats(struct a64_cpu *cpu, FILE *out);
/* `walk VA [el]`: the walk level by level, decoded, stage 1 and 2. */
void a64_mmu_print_walk(struct a64_cpu *cpu, u64 va, int el, FILE *out);
/* `x /FMT VA` and `xp /FMT PA`: count units of size bytes, hex + ASCII. */
void a64_mmu_dump(struct a64_cpu *cpu, u64 addr, bool physical, unsigned count, unsigned size,
                  FILE *out);

#endif
