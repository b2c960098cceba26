/* SPDX-License-Identifier: MIT */
/*
 * Snapshot section of one AArch64 vCPU ("cpuN"): the architectural state of struct a64_cpu.
 * Not saved: what is derived (sp_idx, fp_ok, the MMU context, recomputed from EL and the
 * registers) and what is a cache (TLB, fast path, fetch page, decoded pages), dropped on load.
 * The run state (halted, powered off, icount) is the machine section's.
 */
#include <stdio.h>

#include "core/machine.h"
#include "core/snapshot.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mmu.h"
#include "cpu/arm64/semihost.h"

#define A64_SNAP_VERSION 1

static void put_u64s(struct snap_writer *w, const u64 *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        snap_put_u64(w, p[i]);
}

static void get_u64s(struct snap_reader *r, u64 *p, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        p[i] = snap_get_u64(r);
}

static void a64_save(void *opaque, struct snap_writer *w)
{
    struct a64_cpu *cpu = opaque;
    put_u64s(w, cpu->x, 31);
    snap_put_u64(w, cpu->pc);
    snap_put_u64(w, cpu->npc);
    put_u64s(w, cpu->sp_el, 4);
    snap_put_u32(w, cpu->nzcv);
    snap_put_u32(w, cpu->daif);
    snap_put_u8(w, cpu->el);
    snap_put_bool(w, cpu->spsel);
    const bool flags[] = {cpu->pan, cpu->uao, cpu->ssbs, cpu->dit, cpu->tco, cpu->ss, cpu->il,
                          cpu->event_reg, cpu->have_el2, cpu->have_el3};
    for (size_t i = 0; i < ARRAY_SIZE(flags); i++)
        snap_put_bool(w, flags[i]);
    snap_put_u8(w, cpu->btype);
    snap_put_u8(w, cpu->reset_el);
    put_u64s(w, cpu->elr_el, 4);
    put_u64s(w, cpu->spsr_el, 4);
    snap_put_u32(w, SR__COUNT);
    put_u64s(w, cpu->sr, SR__COUNT);
    snap_put_bytes(w, cpu->v, sizeof(cpu->v));
    snap_put_u32(w, cpu->fpcr);
    snap_put_u32(w, cpu->fpsr);
    snap_put_bool(w, cpu->excl_valid);
    snap_put_u8(w, cpu->excl_size);
    snap_put_u64(w, cpu->excl_addr);
    put_u64s(w, cpu->excl_val, 2);
    snap_put_u32(w, cpu->irq_lines);
    snap_put_u64(w, cpu->rvbar);
}

static void a64_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct a64_cpu *cpu = opaque;
    struct machine *m = cpu->vcpu.machine;
    get_u64s(r, cpu->x, 31);
    cpu->x[31] = 0;
    cpu->pc = snap_get_u64(r);
    cpu->npc = snap_get_u64(r);
    get_u64s(r, cpu->sp_el, 4);
    cpu->nzcv = snap_get_u32(r);
    cpu->daif = snap_get_u32(r);
    u8 el = snap_get_u8(r);
    bool spsel = snap_get_bool(r);
    bool *const flags[] = {&cpu->pan, &cpu->uao, &cpu->ssbs, &cpu->dit, &cpu->tco, &cpu->ss,
                           &cpu->il, &cpu->event_reg, &cpu->have_el2, &cpu->have_el3};
    for (size_t i = 0; i < ARRAY_SIZE(flags); i++)
        *flags[i] = snap_get_bool(r);
    cpu->btype = snap_get_u8(r);
    cpu->reset_el = snap_get_u8(r);
    get_u64s(r, cpu->elr_el, 4);
    get_u64s(r, cpu->spsr_el, 4);
    u32 nsr = snap_get_u32(r);
    if (!snap_failed(r) && nsr != SR__COUNT) {
        snap_fail(r, "%u system registers saved, this emu has %u", nsr, (unsigned)SR__COUNT);
        return;
    }
    get_u64s(r, cpu->sr, SR__COUNT);
    snap_get_bytes(r, cpu->v, sizeof(cpu->v));
    cpu->fpcr = snap_get_u32(r);
    cpu->fpsr = snap_get_u32(r);
    cpu->excl_valid = snap_get_bool(r);
    cpu->excl_size = snap_get_u8(r);
    cpu->excl_addr = snap_get_u64(r);
    get_u64s(r, cpu->excl_val, 2);
    cpu->irq_lines = snap_get_u32(r);
    cpu->rvbar = snap_get_u64(r);
    if (!snap_failed(r) && (el > 3 || cpu->btype > 3)) {
        snap_fail(r, "bad PSTATE (EL%u, BTYPE %u)", el, cpu->btype);
        return;
    }
    /* Derived state from the registers; then every cache goes. */
    a64_set_el(cpu, el, spsel);
    struct tlb_inv all = {.kind = TLB_INV_ALL, .ttl_level = -1};
    a64_tlb_invalidate(cpu, &all);
    a64_fast_flush_all(cpu);
    if (m->as.code_write_opaque) { /* the board set up the decoded-code cache */
        a64_code_cache_flush_all(m);
        a64_code_cache_reap(m);
    }
    cpu->vcpu.exit_request = true;
}

void a64_snapshot_register(struct a64_cpu *cpu)
{
    char name[16];
    snprintf(name, sizeof(name), "cpu%d", cpu->vcpu.index);
    snap_register(cpu->vcpu.machine, name, A64_SNAP_VERSION, a64_save, a64_load, cpu);
    if (cpu->vcpu.index == 0)
        a64_semihost_snap_register(cpu->vcpu.machine);
}
