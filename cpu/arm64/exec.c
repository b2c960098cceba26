/* SPDX-License-Identifier: MIT */
/*
 * The A64 step loop: fetch through the per-vCPU fetch-page cache, execute the decoded
 * instruction, repeat. No allocation, hashing or string work per instruction; a page lookup
 * (translation + decoded-page slot) only when the PC leaves the current page.
 */
#include <string.h>

#include "core/debug.h"
#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/disas.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/specialise.h"
#include "cpu/arm64/thread.h"
#include "cpu/arm64/watch.h"

/* Look up the decoded page for cpu->pc. Raises PC-alignment and instruction aborts. */
static inline __attribute__((always_inline)) void refill_fetch_page(struct a64_cpu *cpu)
{
    u64 va = cpu->pc;
    cpu->cur_page = a64_fetch_dpage(cpu, va); /* (a misaligned pc takes its slow path) */
    cpu->cur_vpage = va & ~(PAGE_SIZE - 1);
}

void a64_thr_enter_page(struct a64_cpu *cpu, u64 pc, u64 left)
{
    cpu->pc = pc;
    cpu->vcpu.run_left = left - 1; /* a fetch fault counts as the instruction */
    refill_fetch_page(cpu);
    const struct a64_insn *in = &cpu->cur_page->insn[(pc & (PAGE_SIZE - 1)) >> 2];
    in->tfn(cpu, in, pc, left);
}

static void exec_undefined(struct a64_cpu *cpu, const union a64_args *a)
{
    a64_undef(cpu);
}

/* Decode the instruction at cpu->pc into its slot and install both of its executors. */
void a64_decode_slot(struct a64_cpu *cpu, struct a64_insn *in)
{
    u32 raw = a64_raw_insn(cpu);
    a64_exec_fn fn = a64_decode(raw, &in->a);
    a64_thr_fn tfn = a64_thr_generic;
    in->fn = fn ? a64_specialise(fn, &in->a, &tfn) : exec_undefined;
    unsigned off = cpu->pc & (PAGE_SIZE - 1);
    if (off < PAGE_SIZE - 4) {
        u32 next;
        __builtin_memcpy(&next, cpu->cur_page->host + off + 4, 4);
        tfn = a64_spec_fuse(tfn, next);
    }
    in->tfn = tfn;
    if (unlikely(log_mask & LOG_IN_ASM)) {
        char text[96];
        a64_disas(cpu->pc, raw, text, sizeof(text));
        log_printf("IN: %016llx: %08x  %-40s [%s]\n", (unsigned long long)cpu->pc, raw, text,
                   fn ? a64_exec_name(fn) : "UNDEFINED");
    }
}

/* Every slot of a fresh page starts here (in the checking loop): decode, install, execute. */
void a64_exec_decode_stub(struct a64_cpu *cpu, const union a64_args *a)
{
    struct a64_insn *in = &cpu->cur_page->insn[(cpu->pc & (PAGE_SIZE - 1)) >> 2];
    a64_decode_slot(cpu, in);
    in->fn(cpu, &in->a);
}

static void trace_insn(struct a64_cpu *cpu)
{
    if (log_mask & LOG_CPU)
        cpu->vcpu.ops->dump_regs(&cpu->vcpu, NULL);
    if (log_mask & LOG_EXEC) {
        char text[96];
        u32 raw = a64_raw_insn(cpu);
        a64_disas(cpu->pc, raw, text, sizeof(text));
        log_printf("cpu%d EL%d %016llx: %08x  %s\n", cpu->vcpu.index, cpu->el,
                   (unsigned long long)cpu->pc, raw, text);
    }
}

/* Debugger checks at an instruction boundary, before the instruction at pc executes (slow
 * path only). A breakpoint stops before its instruction; a step stops once one instruction has
 * been counted, which includes one that took a synchronous exception (pc is then the vector)
 * and an interrupt entry (debug_exception_taken). Stopping here is the same as a quantum
 * ending here, so the guest computes the same thing whether or not it was stopped. */
static bool debug_stop_here(struct a64_cpu *cpu)
{
    struct vcpu *v = &cpu->vcpu;
    struct machine_debug *d = v->machine->debug;
    if (!d)
        return false;
    struct debug_cpu *dc = &d->cpu[v->index];
    enum debug_stop why = DEBUG_STOP_NONE;
    dc->watch_off = dc->skip_watch;
    dc->skip_watch = false;
    if (dc->stop == DEBUG_STOP_WATCH)
        why = DEBUG_STOP_WATCH; /* a64_watch_check() unwound here */
    else if (dc->stop_next)
        why = DEBUG_STOP_STEP; /* a position target (reverse execution) */
    else if (dc->step && v->run_left != dc->step_left)
        why = DEBUG_STOP_STEP;
    else if (debug_bp_at(d, cpu->pc) && !dc->skip_bp && !debug_hit_passes(d))
        why = DEBUG_STOP_BREAK;
    dc->stop_next = false;
    dc->skip_bp = false;
    if (why == DEBUG_STOP_NONE)
        return false;
    dc->stop = (u8)why;
    if (why != DEBUG_STOP_WATCH)
        dc->stop_addr = cpu->pc;
    v->machine->paused = true;
    /* End the run here without counting the unexecuted rest of the budget: the virtual clock
     * stands still while the debugger holds the machine. */
    vcpu_stop_run(v);
    return true;
}

void a64_watch_check(struct a64_cpu *cpu, u64 va, unsigned size, bool write)
{
    struct machine_debug *d = cpu->vcpu.machine->debug;
    struct debug_cpu *dc = &d->cpu[cpu->vcpu.index];
    const struct debug_watch *w = debug_watch_hit(d, va, size, write);
    if (!w || dc->watch_off || !cpu->exc_jmp)
        return; /* no step loop to unwind to: an access made outside run() */
    if (d->counting) {
        /* Reverse-continue's replays count one hit per instruction; the hit they look for
         * stops *after* its instruction, which is where a backwards-running machine meets
         * the access first (gdb then reverse-steps over it, as it steps over it forwards). */
        u64 now = vclock_icount(&cpu->vcpu.machine->clock);
        if (dc->watch_hit_at == now || debug_hit_passes(d)) {
            dc->watch_hit_at = now;
            return;
        }
        dc->stop_addr = w->addr;
        dc->stop_watch = w->kind;
        dc->stop = DEBUG_STOP_WATCH;
        cpu->vcpu.machine->paused = true;
        vcpu_stop_run(&cpu->vcpu); /* the instruction completes; the run ends after it */
        return;
    }
    dc->stop = DEBUG_STOP_WATCH;
    dc->stop_addr = w->addr;
    dc->stop_watch = w->kind;
    cpu->vcpu.run_left++; /* the instruction did not execute */
    longjmp(*cpu->exc_jmp, 1);
}

static void debug_exception_taken(struct a64_cpu *cpu)
{
    struct machine_debug *d = cpu->vcpu.machine->debug;
    if (d)
        d->cpu[cpu->vcpu.index].step_left = ~0ull;
}

/* The checking loop: a debugger with breakpoints or a step pending, or -d exec/cpu. Every
 * instruction goes through the loop head, where breakpoints, steps and tracing are looked at,
 * and runs its per-instruction executor with pc, npc and run_left stored for it. Kept out of
 * a64_run() so that no variable lives across setjmp(). */
static __attribute__((noinline)) void a64_run_loop_slow(struct a64_cpu *cpu)
{
    struct vcpu *v = &cpu->vcpu;
    while (likely(v->run_left)) {
        if (debug_stop_here(cpu))
            break;
        if (unlikely(v->exit_request)) {
            v->exit_request = false;
            if (v->halted || v->powered_off || v->machine->shutdown) {
                vcpu_stop_run(v);
                break;
            }
            if (a64_check_interrupts(cpu)) {
                debug_exception_taken(cpu);
                continue;
            }
        }
        if (unlikely((cpu->pc & ~(PAGE_SIZE - 1)) != cpu->cur_vpage)) {
            v->run_left--; /* a fetch fault counts as the instruction */
            refill_fetch_page(cpu);
            v->run_left++;
        }
        struct a64_insn *in = &cpu->cur_page->insn[(cpu->pc & (PAGE_SIZE - 1)) >> 2];
        if (log_mask & (LOG_EXEC | LOG_CPU))
            trace_insn(cpu);
        cpu->npc = cpu->pc + 4;
        v->run_left--;
        in->fn(cpu, &in->a);
        cpu->pc = cpu->npc;
    }
}

/* The fast loop: no debugger, no per-instruction log. Each pass enters the threaded chain of
 * the slot at pc (thread.h), which runs until the budget is spent, control leaves the page or
 * something the loop must look at happened; cpu->pc and run_left then say where it stopped. */
static __attribute__((noinline)) void a64_run_loop_fast(struct a64_cpu *cpu)
{
    struct vcpu *v = &cpu->vcpu;
    u64 pc = cpu->pc;
    u64 left = v->run_left;
    while (likely(left)) {
        if (unlikely(v->exit_request)) {
            v->exit_request = false;
            if (v->halted || v->powered_off || v->machine->shutdown) {
                vcpu_stop_run(v);
                break;
            }
            a64_check_interrupts(cpu);
            pc = cpu->pc;
            left = v->run_left;
            continue;
        }
        if (unlikely((pc & ~(PAGE_SIZE - 1)) != cpu->cur_vpage)) {
            v->run_left = left - 1; /* a fetch fault counts as the instruction */
            refill_fetch_page(cpu);
        }
        const struct a64_insn *in = &cpu->cur_page->insn[(pc & (PAGE_SIZE - 1)) >> 2];
        in->tfn(cpu, in, pc, left);
        pc = cpu->pc;
        left = v->run_left;
    }
}


static void a64_run(struct vcpu *v)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    jmp_buf jb;
    struct machine_debug *dbg = v->machine->debug;
    /* The checking loop when logging each instruction or when a debugger has breakpoints or
     * a step pending; otherwise the fast loop is exactly the undebugged one. */
    const bool tracing = (log_mask & (LOG_EXEC | LOG_CPU)) || (dbg && dbg->active);

    if (dbg && dbg->cpu[v->index].step)
        dbg->cpu[v->index].step_left = v->run_left;

    cpu->exc_jmp = &jb;
    if (unlikely(cpu->il))
        v->exit_request = true; /* PSTATE.IL: a64_check_interrupts() raises EC 0x0e */
    /* A synchronous exception lands here with the state of the exception entry, its
     * instruction already counted. */
    setjmp(jb);
    if (tracing)
        a64_run_loop_slow(cpu);
    else
        a64_run_loop_fast(cpu);
    cpu->exc_jmp = NULL;
}

static bool a64_has_work(struct vcpu *v)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    return cpu->irq_lines != 0 || a64_virtual_irq_pending(cpu);
}

static void a64_dump_regs(struct vcpu *v, FILE *out)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    char buf[2048];
    size_t n = 0;
    n += snprintf(buf + n, sizeof(buf) - n, "cpu%d PC=%016llx EL%d%s NZCV=%c%c%c%c DAIF=%x\n",
                  v->index, (unsigned long long)cpu->pc, cpu->el, cpu->spsel ? "h" : "t",
                  cpu->nzcv & PSTATE_N ? 'N' : '-', cpu->nzcv & PSTATE_Z ? 'Z' : '-',
                  cpu->nzcv & PSTATE_C ? 'C' : '-', cpu->nzcv & PSTATE_V ? 'V' : '-',
                  cpu->daif >> 6);
    for (int i = 0; i < 31; i++)
        n += snprintf(buf + n, sizeof(buf) - n, "X%02d=%016llx%s", i,
                      (unsigned long long)cpu->x[i], i % 4 == 3 ? "\n" : " ");
    n += snprintf(buf + n, sizeof(buf) - n, "SP=%016llx\n",
                  (unsigned long long)cpu->sp_el[cpu->sp_idx]);
    if (out)
        fputs(buf, out);
    else
        log_printf("%s", buf);
}

const struct vcpu_ops a64_vcpu_ops = {
    .arch = "aarch64",
    .run = a64_run,
    .has_work = a64_has_work,
    .dump_regs = a64_dump_regs,
};
