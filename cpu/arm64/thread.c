/* SPDX-License-Identifier: MIT */
/* The threaded entries every page shares: decoding, generic executors, the page end. */
#include "cpu/arm64/thread.h"

void a64_thr_decode_stub(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left)
{
    cpu->pc = pc; /* the decoder reads the instruction word (and logs it) at cpu->pc */
    struct a64_insn *slot = (struct a64_insn *)in;
    a64_decode_slot(cpu, slot);
    slot->tfn(cpu, slot, pc, left);
}

void a64_thr_generic(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left)
{
    struct vcpu *v = &cpu->vcpu;
    a64_thr_sync(cpu, pc, left);
    in->fn(cpu, &in->a);
    /* A branch within the page continues the chain like a specialised one (RET, BL, BR); an
     * exception entry, an EL or translation change (fetch page invalidated), an exit request
     * or a budget change returns to the step loop. */
    u64 npc = cpu->npc;
    if (likely(v->run_left == left - 1 && !v->exit_request &&
               cpu->cur_vpage == (pc & ~(u64)(PAGE_SIZE - 1)))) {
        if (npc == pc + 4) {
            a64_thr_next(cpu, in, pc, left);
            return;
        }
        if (!(npc & 3)) {
            a64_thr_jump(cpu, in, pc, left, npc);
            return;
        }
    }
    a64_thr_leave(cpu, npc, v->run_left);
}

void a64_thr_page_end(struct a64_cpu *cpu, const struct a64_insn *in, u64 pc, u64 left)
{
    a64_thr_enter_page(cpu, pc, left);
}
