/* SPDX-License-Identifier: MIT */
/*
 * Threaded dispatch: the calling convention of the slots' threaded entries (a64_thr_fn).
 *
 * The fast step loop (exec.c) calls the threaded entry of the slot at pc with the remaining
 * budget. The entry executes its instruction and then, instead of returning, jumps straight
 * to the entry of the next slot (a tail call: GCC turns the final call into a jump at -O1 and
 * above), so a run of instructions within one decoded page is a chain of indirect jumps, each
 * predicted from its own site, with no loop in between. A branch to another page, and the page's
 * sentinel slot after its last instruction, look the next page up and continue there
 * (a64_thr_enter_page). The chain returns to the step loop when the budget is spent and after
 * anything unusual: a load or store that left the fast TLB path, a generic executor that
 * changed something the loop watches. Returning means "cpu->pc and run_left are up to date";
 * the step loop then checks interrupts, exit requests and the fetch page exactly as it did
 * before every instruction.
 *
 * Why that is exact: an exit request, a budget change (an event armed, a stop), a fetch-page
 * invalidation or an exception can only come from code that the threaded entries do not run
 * inline: the slow path of a load or store, and the generic executors. Those sync the state
 * first (a64_thr_sync: pc, npc and the counted run_left, as the step loop would have set them)
 * and leave the chain afterwards unless nothing changed. The depth of a chain that the compiler
 * did not turn into jumps would be bounded by the budget (at most one quantum).
 */
#ifndef EMU_CPU_ARM64_THREAD_H
#define EMU_CPU_ARM64_THREAD_H

#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"

/* Continue the chain at pc on another page (exec.c): the fetch-page lookup of the step loop,
 * whose other checks cannot have changed since it last ran (see above). left >= 1. */
void a64_thr_enter_page(struct a64_cpu *cpu, u64 pc, u64 left);

/* Return to the step loop, which continues at pc with left instructions of budget. */
static inline void a64_thr_leave(struct a64_cpu *cpu, u64 pc, u64 left)
{
    cpu->pc = pc;
    cpu->vcpu.run_left = left;
}

/* The instruction at pc (slot in) has executed and did not branch: continue with the next slot
 * (the page sentinel's entry leaves at the end of the page). */
static inline void a64_thr_next(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left)
{
    left--;
    pc += 4;
    if (unlikely(!left)) {
        a64_thr_leave(cpu, pc, 0);
        return;
    }
    in[1].tfn(cpu, in + 1, pc, left);
}

/* The instruction at pc branches to target: continue at its slot when it is on this page. */
static inline void a64_thr_jump(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left,
                                u64 target)
{
    if (unlikely(left == 1)) {
        a64_thr_leave(cpu, target, 0);
        return;
    }
    if ((target ^ pc) & ~(u64)(PAGE_SIZE - 1)) {
        a64_thr_enter_page(cpu, target, left - 1);
        return;
    }
    const struct a64_insn *to = in + ((s64)(target - pc) >> 2);
    to->tfn(cpu, to, target, left - 1);
}

/* The state the step loop sets before an executor runs: needed by anything that may raise an
 * exception, read the instruction count or reach a device. */
static inline void a64_thr_sync(struct a64_cpu *cpu, u64 pc, u64 left)
{
    cpu->pc = pc;
    cpu->npc = pc + 4;
    cpu->vcpu.run_left = left - 1;
}

/* After a synced instruction that does not branch (a load or store): continue the chain when
 * nothing the step loop watches changed, else return to it. */
static inline void a64_thr_resume(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc,
                                  u64 left)
{
    struct vcpu *v = &cpu->vcpu;
    if (likely(v->run_left == left - 1 && !v->exit_request &&
               cpu->cur_vpage == (pc & ~(u64)(PAGE_SIZE - 1)))) {
        a64_thr_next(cpu, in, pc, left);
        return;
    }
    a64_thr_leave(cpu, pc + 4, v->run_left);
}

/* Entries shared by every page (thread.c). */
/* A slot not decoded yet: decode it, install both executors, run it. */
void a64_thr_decode_stub(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left);
/* Any executor without a threaded form: run it as the step loop would. */
void a64_thr_generic(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left);
/* The sentinel after the last slot of a page. */
void a64_thr_page_end(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left);

/* Decode the instruction at cpu->pc into slot in, installing both executors (exec.c). */
void a64_decode_slot(struct a64_cpu *cpu, struct a64_insn *in);

/* Back to the decode stub (a fresh slot, or one whose instruction word was overwritten). */
void a64_exec_decode_stub(struct a64_cpu *cpu, const union a64_args *a);
static inline void a64_slot_reset(struct a64_insn *in)
{
    in->fn = a64_exec_decode_stub;
    in->tfn = a64_thr_decode_stub;
}

#endif
