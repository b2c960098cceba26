/* SPDX-License-Identifier: MIT */
/*
 * AArch64 translation glue: which regime applies (Arm ARM D8.1.2), its parameters decoded from
 * SCTLR/TCR/TTBR/MAIR/HCR/VTCR/VTTBR, the TLB in front of the walker, the fast host-pointer
 * path behind it, and the abort syndromes (D17.2.37 ESR_ELx ISS for Instruction/Data Aborts).
 */
#include "cpu/arm64/mmu.h"

#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"

#define HCR_EL2_VM (1ull << 0)
#define HCR_EL2_DC (1ull << 12)
#define HCR_EL2_TGE (1ull << 27)
#define HCR_EL2_E2H (1ull << 34)
#define SCTLR_M (1ull << 0)
#define SCTLR_WXN (1ull << 19)

void a64_mmu_register_sysregs(void);
void a64_mmu_monitor_register(void);

/* -d tlb: every vCPU's TLB statistics at exit (the machine and its vCPUs are never freed). */
static struct a64_cpu *stat_cpus[MACHINE_MAX_CPUS];
static int nstat_cpus;

static void print_stats_at_exit(void)
{
    for (int i = 0; i < nstat_cpus; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        if (!f)
            return;
        a64_mmu_print_stats(stat_cpus[i], f);
        fclose(f);
        log_printf("tlb: %s", buf);
        free(buf);
    }
    log_flush();
}

void a64_mmu_init(struct a64_cpu *cpu)
{
    struct a64_mmu *mmu = calloc(1, sizeof(*mmu));
    if (!mmu)
        fatal("out of memory");
    tlb_init(&mmu->tlb);
    mmu->gen = 1;
    cpu->mmu = mmu;
    a64_fast_flush_all(cpu);
    a64_mmu_register_sysregs();
    a64_mmu_monitor_register();
    if ((log_mask & LOG_TLB) && nstat_cpus < MACHINE_MAX_CPUS) {
        if (!nstat_cpus)
            atexit(print_stats_at_exit);
        stat_cpus[nstat_cpus++] = cpu;
    }
}

u8 a64_regime_of_el(const struct a64_cpu *cpu, unsigned el)
{
    u64 hcr = cpu->sr[SR_HCR_EL2];
    switch (el) {
    case 3:
        return VMSA_REGIME_EL3;
    case 2:
        return (hcr & HCR_EL2_E2H) ? VMSA_REGIME_EL20 : VMSA_REGIME_EL2;
    case 1:
        return VMSA_REGIME_EL10;
    default:
        return (hcr & (HCR_EL2_E2H | HCR_EL2_TGE)) == (HCR_EL2_E2H | HCR_EL2_TGE)
                   ? VMSA_REGIME_EL20
                   : VMSA_REGIME_EL10;
    }
}

static u8 ps_bits(unsigned ps)
{
    static const u8 bits[8] = {32, 36, 40, 42, 44, 48, 48, 48};
    return bits[ps & 7];
}

static u8 tg0_shift(unsigned tg)
{
    return tg == 1 ? 16 : tg == 2 ? 14 : 12; /* 0b11 reserved: treated as 4K */
}

static u8 tg1_shift(unsigned tg)
{
    return tg == 1 ? 14 : tg == 3 ? 16 : 12; /* 0b00 reserved: treated as 4K */
}

static void decode_two_ranges(struct a64_mmu_ctx *c, u64 tcr, u64 ttbr0, u64 ttbr1)
{
    struct vmsa_s1_params *p = &c->s1;
    p->two_ranges = true;
    p->tt[0] = (struct vmsa_tt){.baddr = ttbr0 & 0xfffffffffffeull, .tsz = tcr & 63,
                                .granule_shift = tg0_shift((tcr >> 14) & 3),
                                .epd = (tcr >> 7) & 1, .tbi = (tcr >> 37) & 1,
                                .tbid = (tcr >> 51) & 1, .hpd = (tcr >> 41) & 1};
    p->tt[1] = (struct vmsa_tt){.baddr = ttbr1 & 0xfffffffffffeull, .tsz = (tcr >> 16) & 63,
                                .granule_shift = tg1_shift((tcr >> 30) & 3),
                                .epd = (tcr >> 23) & 1, .tbi = (tcr >> 38) & 1,
                                .tbid = (tcr >> 52) & 1, .hpd = (tcr >> 42) & 1};
    p->oa_bits = ps_bits((tcr >> 32) & 7);
    u64 asid = ((tcr >> 22) & 1) ? ttbr1 >> 48 : ttbr0 >> 48;
    c->asid = (tcr >> 36) & 1 ? (u16)asid : (u16)(asid & 0xff); /* TCR.AS: 16-bit ASIDs */
}

static void decode_one_range(struct a64_mmu_ctx *c, u64 tcr, u64 ttbr0)
{
    struct vmsa_s1_params *p = &c->s1;
    p->two_ranges = false;
    p->tt[0] = (struct vmsa_tt){.baddr = ttbr0 & 0xfffffffffffeull, .tsz = tcr & 63,
                                .granule_shift = tg0_shift((tcr >> 14) & 3),
                                .tbi = (tcr >> 20) & 1, .tbid = (tcr >> 29) & 1,
                                .hpd = (tcr >> 24) & 1};
    p->oa_bits = ps_bits((tcr >> 16) & 7);
    c->asid = 0;
}

void a64_mmu_ctx_for(struct a64_cpu *cpu, u8 regime, struct a64_mmu_ctx *c)
{
    const u64 *sr = cpu->sr;
    u64 hcr = sr[SR_HCR_EL2], sctlr;
    memset(c, 0, sizeof(*c));
    c->regime = regime;
    c->s1.regime = regime;
    switch (regime) {
    case VMSA_REGIME_EL10: {
        sctlr = sr[SR_SCTLR_EL1];
        decode_two_ranges(c, sr[SR_TCR_EL1], sr[SR_TTBR0_EL1], sr[SR_TTBR1_EL1]);
        c->s1.mair = sr[SR_MAIR_EL1];
        /* HCR_EL2.TGE (without E2H) and HCR_EL2.DC disable EL1&0 stage 1 (D8.2.x). */
        c->s1.enabled = (sctlr & SCTLR_M) && !(hcr & (HCR_EL2_TGE | HCR_EL2_DC));
        u64 vtcr = sr[SR_VTCR_EL2], vttbr = sr[SR_VTTBR_EL2];
        c->vmid = (vtcr >> 19) & 1 ? (u16)(vttbr >> 48) : (u16)((vttbr >> 48) & 0xff);
        c->s2 = (struct vmsa_s2_params){.enabled = (hcr & (HCR_EL2_VM | HCR_EL2_DC)) != 0,
                                        .baddr = vttbr & 0xfffffffffffeull, .tsz = vtcr & 63,
                                        .sl0 = (vtcr >> 6) & 3,
                                        .granule_shift = tg0_shift((vtcr >> 14) & 3),
                                        .oa_bits = ps_bits((vtcr >> 16) & 7)};
        break;
    }
    case VMSA_REGIME_EL20:
        sctlr = sr[SR_SCTLR_EL2];
        decode_two_ranges(c, sr[SR_TCR_EL2], sr[SR_TTBR0_EL2], sr[SR_TTBR1_EL2]);
        c->s1.mair = sr[SR_MAIR_EL2];
        c->s1.enabled = sctlr & SCTLR_M;
        break;
    case VMSA_REGIME_EL2:
        sctlr = sr[SR_SCTLR_EL2];
        decode_one_range(c, sr[SR_TCR_EL2], sr[SR_TTBR0_EL2]);
        c->s1.mair = sr[SR_MAIR_EL2];
        c->s1.enabled = sctlr & SCTLR_M;
        break;
    default:
        sctlr = sr[SR_SCTLR_EL3];
        decode_one_range(c, sr[SR_TCR_EL3], sr[SR_TTBR0_EL3]);
        c->s1.mair = sr[SR_MAIR_EL3];
        c->s1.enabled = sctlr & SCTLR_M;
        break;
    }
    c->s1.wxn = (sctlr & SCTLR_WXN) != 0;
}

static u8 idx_of(u8 regime, unsigned el, bool pan)
{
    switch (regime) {
    case VMSA_REGIME_EL10:
        return el == 0 ? A64_MMU_E10_0 : pan ? A64_MMU_E10_1_PAN : A64_MMU_E10_1;
    case VMSA_REGIME_EL20:
        return el == 0 ? A64_MMU_E20_0 : pan ? A64_MMU_E20_2_PAN : A64_MMU_E20_2;
    case VMSA_REGIME_EL2:
        return A64_MMU_E2;
    default:
        return A64_MMU_E3;
    }
}

static void fast_flush(struct a64_mmu *mmu, struct a64_fast_tlb *t)
{
    memset(t->e, 0xff, sizeof(t->e));
    t->gen = mmu->gen;
    mmu->stats.fast_flushes++;
}

/* Every register a64_mmu_ctx_for() and a64_regime_of_el() read: the fast tables of a
 * generation were filled under these values. */
static const u16 gen_input_slots[] = {
    SR_HCR_EL2,   SR_SCTLR_EL1, SR_SCTLR_EL2, SR_SCTLR_EL3, SR_TCR_EL1,   SR_TCR_EL2,
    SR_TCR_EL3,   SR_TTBR0_EL1, SR_TTBR0_EL2, SR_TTBR0_EL3, SR_TTBR1_EL1, SR_TTBR1_EL2,
    SR_MAIR_EL1,  SR_MAIR_EL2,  SR_MAIR_EL3,  SR_VTCR_EL2,  SR_VTTBR_EL2,
};
_Static_assert(sizeof(gen_input_slots) / sizeof(gen_input_slots[0]) <=
                   sizeof(((struct a64_mmu *)0)->gen_inputs) / sizeof(u64),
               "gen_inputs too small");

static bool gen_inputs_same(const struct a64_cpu *cpu)
{
    for (size_t i = 0; i < sizeof(gen_input_slots) / sizeof(gen_input_slots[0]); i++)
        if (cpu->mmu->gen_inputs[i] != cpu->sr[gen_input_slots[i]])
            return false;
    return true;
}

void a64_fast_flush_all(struct a64_cpu *cpu)
{
    struct a64_mmu *mmu = cpu->mmu;
    for (size_t i = 0; i < sizeof(gen_input_slots) / sizeof(gen_input_slots[0]); i++)
        mmu->gen_inputs[i] = cpu->sr[gen_input_slots[i]];
    mmu->gen++;
    a64_fetch_invalidate(cpu);
    a64_mmu_update(cpu);
}

void a64_mmu_update(struct a64_cpu *cpu)
{
    struct a64_mmu *mmu = cpu->mmu;
    if (!mmu)
        return;
    u8 regime = a64_regime_of_el(cpu, cpu->el);
    a64_mmu_ctx_for(cpu, regime, &mmu->ctx);
    mmu->idx = idx_of(regime, cpu->el, cpu->pan);
    /* LDTR/STTR: EL0 permissions at EL1, and at EL2 with E2H=1, TGE=1 (C6.2 LDTR). */
    mmu->idx_unpriv = mmu->idx;
    if (cpu->el == 1 || (cpu->el == 2 && regime == VMSA_REGIME_EL20 &&
                         (cpu->sr[SR_HCR_EL2] & HCR_EL2_TGE)))
        mmu->idx_unpriv = idx_of(regime, 0, false);
    mmu->cur = &mmu->fast[mmu->idx];
    mmu->cur_unpriv = &mmu->fast[mmu->idx_unpriv];
    if (mmu->cur->gen != mmu->gen)
        fast_flush(mmu, mmu->cur);
    if (mmu->cur_unpriv->gen != mmu->gen)
        fast_flush(mmu, mmu->cur_unpriv);
}

void a64_mmu_ctx_changed(struct a64_cpu *cpu)
{
    if (!cpu->mmu)
        return;
    /* A write of the value the tables were filled under (CONTEXTIDR_EL1 on every context
     * switch, SCTLR rewritten unchanged), or PSTATE.PAN/UAO, which select a table (MMU index)
     * rather than change one: no flush. */
    if (gen_inputs_same(cpu)) {
        a64_fetch_invalidate(cpu);
        a64_mmu_update(cpu);
        return;
    }
    a64_fast_flush_all(cpu);
}

/* ---- descriptor reads and -d mmu ---- */

static bool read_pa(void *opaque, u64 pa, u64 *val)
{
    struct a64_cpu *cpu = opaque;
    return as_read(&cpu->vcpu.machine->as, pa, 8, val) == BUS_OK;
}

static const char *const regime_names[] = {"EL1&0", "EL2&0", "EL2", "EL3", "stage2"};
static const char *const fault_names[] = {"none", "translation", "address-size", "access-flag",
                                          "permission", "external-on-walk", "alignment"};

static void trace_walk(void *opaque, int stage, const struct mmu_walk *w)
{
    if (!(log_mask & LOG_MMU))
        return;
    struct a64_cpu *cpu = opaque;
    log_printf("mmu: cpu%d stage%d walk %s %#llx:", cpu->vcpu.index, stage,
               stage == 2 ? "IPA" : regime_names[cpu->mmu->ctx.regime], (unsigned long long)w->ia);
    for (int i = 0; i < w->nsteps; i++)
        log_printf(" L%d[%#llx]=%#llx", w->step[i].level, (unsigned long long)w->step[i].addr,
                   (unsigned long long)w->step[i].val);
    if (w->fault.kind)
        log_printf(" -> %s fault level %d%s\n", fault_names[w->fault.kind], w->fault.level,
                   w->fault.s1ptw ? " (S1PTW)" : "");
    else
        log_printf(" -> %#llx (level %d, %u-bit size)\n", (unsigned long long)w->oa,
                   w->leaf_level, w->leaf_shift);
}

/* ---- the fast path follows the TLB ---- */

/* A fast entry is a copy of a TLB entry (or of a flat MMU-off translation), so it must go when
 * that entry leaves the TLB, by TLBI or by replacement: a TLBI finds only what the TLB still
 * holds. */
struct inv_state {
    struct a64_cpu *cpu;
    bool flush_all;
};

static void drop_fast(void *opaque, const struct tlb_entry *e)
{
    struct inv_state *st = opaque;
    struct a64_mmu *mmu = st->cpu->mmu;
    if (e->size_shift > 16) {
        st->flush_all = true;
        return;
    }
    a64_fetch_invalidate(st->cpu); /* the fetch page may be this entry's too */
    /* Clear the slots the entry's pages map to, in every table (removing more is harmless). */
    for (u64 off = 0; off < (1ull << e->size_shift); off += PAGE_SIZE) {
        unsigned slot = ((e->va + off) >> PAGE_SHIFT) & (A64_FAST_ENTRIES - 1);
        for (int i = 0; i < A64_MMU_IDX_COUNT; i++)
            memset(&mmu->fast[i].e[slot], 0xff, sizeof(mmu->fast[i].e[slot]));
    }
}

/* ---- translation through the TLB ---- */

static void entry_to_result(const struct tlb_entry *e, u64 va, struct vmsa_result *r)
{
    *r = (struct vmsa_result){.va = e->va, .ipa = e->ipa == TLB_NO_IPA ? e->va : e->ipa,
                              .pa = e->pa, .level = e->level, .s2_level = e->s2_level,
                              .size_shift = e->size_shift, .granule = e->granule,
                              .s2_granule = e->s2_granule};
    vmsa_unpack(e->arch, &r->a);
}

bool a64_mmu_translate(struct a64_cpu *cpu, const struct a64_mmu_ctx *c, u64 va, bool fetch,
                       bool use_tlb, struct vmsa_result *r, struct mmu_fault *f)
{
    struct a64_mmu *mmu = cpu->mmu;
    const struct vmsa_s2_params *s2 = c->regime == VMSA_REGIME_EL10 && c->s2.enabled ? &c->s2
                                                                                      : NULL;
    bool cacheable = c->s1.enabled || s2;
    u64 key = va;
    if (c->s1.enabled && vmsa_select_tt(&c->s1, va, fetch, &key) < 0)
        use_tlb = false; /* outside both ranges: the walk reports the fault */
    mmu->fill_ok = true;
    if (use_tlb && cacheable) {
        const struct tlb_entry *e = tlb_lookup(&mmu->tlb, c->regime, c->vmid, c->asid, key);
        if (e) {
            entry_to_result(e, va, r);
            return true;
        }
    }
    struct vmsa_io io = {.read_pa = read_pa, .opaque = cpu, .s2 = s2, .trace = trace_walk};
    if (cacheable)
        mmu->stats.walks++; /* a flat (MMU off) translation is not a walk */
    if (!vmsa_translate(&c->s1, &io, va, fetch, r, f))
        return false;
    if (use_tlb && cacheable) {
        struct tlb_entry e = {.va = r->va, .ipa = s2 ? r->ipa : TLB_NO_IPA, .pa = r->pa,
                              .arch = vmsa_pack(&r->a), .asid = c->asid, .vmid = c->vmid,
                              .regime = c->regime, .size_shift = r->size_shift,
                              .level = r->level, .s2_level = r->s2_level, .granule = r->granule,
                              .s2_granule = r->s2_granule, .global = !r->a.ng};
        if (c->regime != VMSA_REGIME_EL10)
            e.vmid = 0;
        struct inv_state st = {.cpu = cpu};
        mmu->fill_ok = tlb_insert(&mmu->tlb, &e, drop_fast, &st);
        if (st.flush_all)
            a64_fast_flush_all(cpu);
        mmu->stats.tlb_fills++;
    }
    return true;
}

unsigned a64_tlb_invalidate(struct a64_cpu *cpu, const struct tlb_inv *inv)
{
    struct inv_state st = {.cpu = cpu};
    unsigned n = tlb_invalidate(&cpu->mmu->tlb, inv, drop_fast, &st);
    if (st.flush_all)
        a64_fast_flush_all(cpu);
    /* Also when nothing was removed: the fetch page may come from a translation that was never
     * cached (more page sizes than TLB size classes). Its lookup again is one tag compare. */
    a64_fetch_invalidate(cpu);
    return n;
}

void a64_fast_tlb_drop_pa_writes(struct machine *m, u64 pa_page)
{
    for (int c = 0; c < m->ncpus; c++) {
        struct a64_mmu *mmu = a64_from_vcpu(m->cpus[c])->mmu;
        if (!mmu)
            continue;
        for (int i = 0; i < A64_MMU_IDX_COUNT; i++) {
            if (mmu->fast[i].gen != mmu->gen)
                continue; /* stale: a64_mmu_update() flushes it before it is used again */
            for (unsigned s = 0; s < A64_FAST_ENTRIES; s++)
                if ((mmu->fast[i].e[s].pa_page & ~(PAGE_SIZE - 1)) == pa_page)
                    mmu->fast[i].e[s].tag_w = A64_FAST_INVALID;
        }
    }
}

void a64_fast_tlb_drop_dpages(struct machine *m)
{
    for (int c = 0; c < m->ncpus; c++) {
        struct a64_mmu *mmu = a64_from_vcpu(m->cpus[c])->mmu;
        if (!mmu)
            continue;
        for (int i = 0; i < A64_MMU_IDX_COUNT; i++)
            for (unsigned s = 0; s < A64_FAST_ENTRIES; s++)
                mmu->fast[i].e[s].dpage = NULL;
    }
}

/* ---- faults ---- */

u32 a64_fault_fsc(const struct mmu_fault *f)
{
    unsigned lvl = (unsigned)(f->level < 0 ? 0 : f->level) & 3;
    switch (f->kind) {
    case MMU_FAULT_ADDRESS_SIZE: return 0x00 | lvl;
    case MMU_FAULT_TRANSLATION: return 0x04 | lvl;
    case MMU_FAULT_ACCESS_FLAG: return 0x08 | lvl;
    case MMU_FAULT_PERMISSION: return 0x0c | lvl;
    case MMU_FAULT_EXTERNAL: return 0x14 | lvl;
    case MMU_FAULT_ALIGNMENT: return 0x21;
    default: return 0x10;
    }
}

void a64_raise_mmu_fault(struct a64_cpu *cpu, u64 va, const struct mmu_fault *f, bool fetch,
                         bool write, u32 flags)
{
    bool s2 = f->stage == 2;
    unsigned tel = s2 ? 2 : a64_sync_target_el(cpu);
    if (tel < cpu->el)
        tel = cpu->el;
    u32 iss = a64_fault_fsc(f);
    if (f->s1ptw)
        iss |= 1u << 7;
    if (!fetch) {
        if (flags & A64_MEM_CACHEOP)
            iss |= 1u << 8 | 1u << 6; /* CM, and WnR=1 for cache maintenance */
        else if (write && !f->s1ptw)
            iss |= 1u << 6;
        /* The instruction syndrome is valid only for stage-2 aborts taken to EL2 that are not
         * on a stage-1 walk (ESR_ELx.ISV, D17.2.37). */
        if (s2 && !f->s1ptw && (flags & A64_MEM_ISV)) {
            unsigned sas = (flags >> A64_MEM_SAS_SHIFT) & 3;
            iss |= 1u << 24 | sas << 22 | (flags & A64_MEM_SSE ? 1u << 21 : 0) |
                   A64_MEM_SRT_OF(flags) << 16 | (flags & A64_MEM_SF ? 1u << 15 : 0) |
                   (flags & A64_MEM_AR ? 1u << 14 : 0);
        }
    }
    if (s2)
        cpu->sr[SR_HPFAR_EL2] = (f->ipa >> 12) << 4; /* FIPA = IPA[47:12] */
    unsigned ec = fetch ? (tel > cpu->el ? ESR_EC_IABT_LOW : ESR_EC_IABT_CUR)
                        : (tel > cpu->el ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR);
    if (unlikely(log_mask & LOG_MMU))
        log_printf("mmu: cpu%d %s fault stage %d level %d%s at %#llx -> EL%u\n", cpu->vcpu.index,
                   fault_names[f->kind], f->stage, f->level, f->s1ptw ? " S1PTW" : "",
                   (unsigned long long)va, tel);
    a64_raise(cpu, tel, esr_make(ec, true, iss), va, true);
}

void a64_tlbi_register(void);
void a64_at_register(void);

void a64_mmu_register_sysregs(void)
{
    a64_tlbi_register();
    a64_at_register();
}
