/* SPDX-License-Identifier: MIT */
/* Diagnostics of the AArch64 MMU for the monitor and logs: `info tlb`, `info tlbstats`,
 * `walk VA [el]` (level by level, stage 1 and 2, decoded), `x`/`xp` memory dumps. */
#include <ctype.h>
#include <string.h>

#include "core/machine.h"
#include "cpu/arm64/mmu.h"

static const char *const regime_names[] = {"EL1&0", "EL2&0", "EL2", "EL3", "stage2"};

static void print_entry(void *opaque, const struct tlb_entry *e)
{
    FILE *out = opaque;
    struct vmsa_attrs a;
    vmsa_unpack(e->arch, &a);
    fprintf(out, "  %-6s vmid %-5u %s%-5u va %016llx -> pa %012llx", regime_names[e->regime & 3],
            e->vmid, e->global ? "G " : "a ", e->global ? 0 : e->asid,
            (unsigned long long)e->va, (unsigned long long)e->pa);
    if (e->ipa != TLB_NO_IPA)
        fprintf(out, " ipa %012llx S2AP=%u%s L%d", (unsigned long long)e->ipa, a.s2ap,
                a.s2xn ? " XN" : "", e->s2_level);
    fprintf(out, " size 2^%u L%u AP=%u%s%s attr %02x\n", e->size_shift, e->level, a.ap,
            a.pxn ? " PXN" : "", a.uxn ? " UXN" : "", a.attr);
}

void a64_mmu_print_tlb(struct a64_cpu *cpu, FILE *out)
{
    fprintf(out, "cpu%d TLB (%u entries):\n", cpu->vcpu.index, cpu->mmu->tlb.nvalid);
    tlb_for_each(&cpu->mmu->tlb, print_entry, out);
}

void a64_mmu_print_stats(struct a64_cpu *cpu, FILE *out)
{
    const struct a64_mmu_stats *s = &cpu->mmu->stats;
    fprintf(out, "cpu%d: walks %llu  tlb fills %llu  fast refills %llu  fast flushes %llu\n",
            cpu->vcpu.index, (unsigned long long)s->walks, (unsigned long long)s->tlb_fills,
            (unsigned long long)s->fast_refills, (unsigned long long)s->fast_flushes);
    tlb_print_stats(&cpu->mmu->tlb.stats, out);
}

/* read_pa and trace share the io's opaque: the vCPU and where to print. */
struct walk_print {
    struct a64_cpu *cpu;
    FILE *out;
};

static void print_walk(void *opaque, int stage, const struct mmu_walk *w)
{
    struct walk_print *wp = opaque;
    char buf[256];
    fprintf(wp->out, "  stage %d %s %#llx: start level %d, granule %uK\n", stage,
            stage == 2 ? "IPA" : "VA", (unsigned long long)w->ia, w->start_level,
            1u << (w->page_shift - 10));
    for (int i = 0; i < w->nsteps; i++) {
        vmsa_describe(buf, sizeof(buf), w->step[i].val, w->step[i].level, stage,
                      w->step[i].level == w->last_level);
        fprintf(wp->out, "    L%d [%#llx] = %016llx  %s\n", w->step[i].level,
                (unsigned long long)w->step[i].addr, (unsigned long long)w->step[i].val, buf);
    }
}

static bool read_pa(void *opaque, u64 pa, u64 *val)
{
    struct walk_print *wp = opaque;
    return as_read(&wp->cpu->vcpu.machine->as, pa, 8, val) == BUS_OK;
}

/* A walk without side effects (no TLB fill), printing every step of both stages. */
static void walk_with(struct a64_cpu *cpu, const struct a64_mmu_ctx *c, u64 va, FILE *out)
{
    struct walk_print wp = {cpu, out};
    const struct vmsa_s2_params *s2 =
        c->regime == VMSA_REGIME_EL10 && c->s2.enabled ? &c->s2 : NULL;
    struct vmsa_io io = {.read_pa = read_pa, .opaque = &wp, .s2 = s2, .trace = print_walk};
    struct vmsa_result r;
    struct mmu_fault f;
    if (vmsa_translate(&c->s1, &io, va, false, &r, &f))
        fprintf(out, "  -> pa %#llx (ipa %#llx) level %d size 2^%u AP=%u%s%s attr %02x%s\n",
                (unsigned long long)(r.pa | (va & ((1ull << r.size_shift) - 1))),
                (unsigned long long)(r.ipa | (va & ((1ull << r.size_shift) - 1))), r.level,
                r.size_shift, r.a.ap, r.a.pxn ? " PXN" : "", r.a.uxn ? " UXN" : "", r.a.attr,
                r.a.ng ? " nG" : "");
    else
        fprintf(out, "  -> %s fault, stage %d, level %d%s\n",
                (const char *const[]){"no", "translation", "address size", "access flag",
                                      "permission", "external abort on walk",
                                      "alignment"}[f.kind],
                f.stage, f.level, f.s1ptw ? ", on the stage-1 walk (S1PTW)" : "");
}

void a64_mmu_print_walk(struct a64_cpu *cpu, u64 va, int el, FILE *out)
{
    struct a64_mmu_ctx c;
    u8 regime = a64_regime_of_el(cpu, el < 0 ? cpu->el : (unsigned)el);
    a64_mmu_ctx_for(cpu, regime, &c);
    fprintf(out, "walk %#llx in %s (stage 1 %s, stage 2 %s) asid %u vmid %u\n",
            (unsigned long long)va, regime_names[regime], c.s1.enabled ? "on" : "off",
            regime == VMSA_REGIME_EL10 && c.s2.enabled ? "on" : "off", c.asid, c.vmid);
    walk_with(cpu, &c, va, out);
}

void a64_mmu_dump(struct a64_cpu *cpu, u64 addr, bool physical, unsigned count, unsigned size,
                  FILE *out)
{
    struct phys_as *as = &cpu->vcpu.machine->as;
    unsigned per_line = 16 / size;
    for (unsigned i = 0; i < count; i += per_line) {
        u64 line = addr + (u64)i * size;
        u8 bytes[16];
        unsigned n = 0;
        fprintf(out, "%016llx:", (unsigned long long)line);
        for (unsigned j = 0; j < per_line && i + j < count; j++) {
            u64 a = line + (u64)j * size, pa = a, v = 0;
            if (!physical) {
                struct vmsa_result r;
                struct mmu_fault f;
                if (!a64_mmu_translate(cpu, &cpu->mmu->ctx, a, false, false, &r, &f)) {
                    fprintf(out, " %.*s", (int)size * 2, "????????????????");
                    continue;
                }
                pa = r.pa | (a & ((1ull << r.size_shift) - 1));
            }
            if (as_read(as, pa, size, &v) != BUS_OK) {
                fprintf(out, " %.*s", (int)size * 2, "????????????????");
                continue;
            }
            fprintf(out, " %0*llx", (int)size * 2, (unsigned long long)v);
            for (unsigned b = 0; b < size; b++)
                bytes[n++] = (u8)(v >> (8 * b));
        }
        fprintf(out, "  ");
        for (unsigned b = 0; b < n; b++)
            fputc(isprint(bytes[b]) ? bytes[b] : '.', out);
        fputc('\n', out);
    }
}
