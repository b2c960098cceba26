/* SPDX-License-Identifier: MIT */
/*
 * Shared by the specialised executors (spec_int.c, spec_mem.c, spec_branch.c) and their
 * selection (specialise.c): the argument record, the two entry points of each executor, and the
 * per-class selectors. A selector fills *f from the generic decode and returns the executor
 * pair, or NULL when the form stays generic.
 */
#ifndef EMU_CPU_ARM64_SPEC_INTERNAL_H
#define EMU_CPU_ARM64_SPEC_INTERNAL_H

#include "cpu/arm64/specialise.h"
#include "cpu/arm64/alu.h"
#include "cpu/arm64/thread.h"

static inline const struct a64_fast_args *fa(const union a64_args *a)
{
    return (const struct a64_fast_args *)(const void *)a;
}

/* The decoder's executor for a pattern (see tools/decodetree.py: called through the generic
 * type). */
#define GENERIC(name) ((a64_exec_fn)(void (*)(void))a64_exec_##name)

/* Where a specialised executor writes destination register r: register 31 (XZR) goes to the
 * sink x[32], so that the executor needs no test. Only for destinations whose 31 is XZR (not
 * SP), and never for a register the executor also reads as a source. */
#define A64_XZR_SINK 32
static inline u8 spec_dest(int r)
{
    return r == 31 ? A64_XZR_SINK : (u8)r;
}

/* The threaded entry and the pair of an executor that only computes: no memory, no PC, no
 * branch, no exception. It runs the per-instruction body inline and continues the chain. */
#define SPEC_PLAIN(name)                                                                       \
    static void name##_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)       \
    {                                                                                          \
        name(c, &in->a);                                                                       \
        a64_thr_next(c, in, pc, left);                                                         \
    }                                                                                          \
    static const struct a64_spec name##_s = {name, name##_t};

/* The same for a load or store, from two bodies: name##_fast does the whole instruction when
 * its access hits the fast TLB and returns false, having done nothing, otherwise; then the
 * per-instruction body runs out of line with the state synced, since it may fault, reach a
 * device or change what the step loop watches. (One function for both would save and restore
 * registers around every access for the sake of the rare call.) */
#define SPEC_MEM(name)                                                                         \
    static __attribute__((noinline)) void name##_slow(struct a64_cpu *c,                       \
                                                      const struct a64_insn *in, u64 pc,       \
                                                      u64 left)                                \
    {                                                                                          \
        a64_thr_sync(c, pc, left);                                                             \
        name(c, &in->a);                                                                       \
        a64_thr_resume(c, in, pc, left);                                                       \
    }                                                                                          \
    static void name##_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)       \
    {                                                                                          \
        if (likely(name##_fast(c, &in->a)))                                                    \
            a64_thr_next(c, in, pc, left);                                                     \
        else                                                                                   \
            name##_slow(c, in, pc, left);                                                      \
    }                                                                                          \
    static const struct a64_spec name##_s = {name, name##_t};

/* The threaded entry of a specialised B.cond (spec_branch.c). */
void a64_thr_b_cond(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left);

/* Compare and branch in one dispatch: the entry of a flag-setting instruction that was followed
 * by a B.cond when it was decoded runs the B.cond too, when that slot is still a decoded
 * B.cond (not yet decoded, or overwritten and reset: then simply the next slot) and the budget
 * has room for both. */
static inline void a64_thr_then_bcond(struct a64_cpu *c, const struct a64_insn *in, u64 pc,
                                      u64 left)
{
    const struct a64_insn *b = in + 1;
    if (likely(b->tfn == a64_thr_b_cond && left > 1)) {
        const struct a64_fast_args *f = fa(&b->a);
        if (a64_cond_holds(f->sh, c->nzcv))
            a64_thr_jump(c, b, pc + 4, left - 1, pc + 4 + f->imm);
        else
            a64_thr_next(c, b, pc + 4, left - 1);
        return;
    }
    a64_thr_next(c, in, pc, left);
}

/* A flag-setting executor: SPEC_PLAIN, plus the entry fused with a following B.cond. */
#define SPEC_FLAGS(name)                                                                       \
    SPEC_PLAIN(name)                                                                           \
    static void name##_bcc_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)   \
    {                                                                                          \
        name(c, &in->a);                                                                       \
        a64_thr_then_bcond(c, in, pc, left);                                                   \
    }

/* spec_int.c */

const struct a64_spec *a64_spec_addsub_imm(a64_exec_fn fn, const struct arg_ri *g,
                                           struct a64_fast_args *f);
const struct a64_spec *a64_spec_logic_imm(a64_exec_fn fn, const struct arg_logic_i *g,
                                          struct a64_fast_args *f);
const struct a64_spec *a64_spec_movw(a64_exec_fn fn, const struct arg_movw *g,
                                     struct a64_fast_args *f);
const struct a64_spec *a64_spec_shifted(a64_exec_fn fn, const struct arg_logic_r *g,
                                        struct a64_fast_args *f);
const struct a64_spec *a64_spec_addsub_ext(const struct arg_ADDSUB_ext *g,
                                           struct a64_fast_args *f);
const struct a64_spec *a64_spec_bfm(a64_exec_fn fn, const struct arg_bfm *g,
                                    struct a64_fast_args *f);
const struct a64_spec *a64_spec_extr(const struct arg_EXTR *g, struct a64_fast_args *f);
const struct a64_spec *a64_spec_adc(const struct arg_ADC_SBC *g, struct a64_fast_args *f);
const struct a64_spec *a64_spec_ccmp(a64_exec_fn fn, const union a64_args *g,
                                     struct a64_fast_args *f);
const struct a64_spec *a64_spec_shiftv(a64_exec_fn fn, const struct arg_dp2 *g,
                                       struct a64_fast_args *f);
const struct a64_spec *a64_spec_csel(const struct arg_CSEL *g, struct a64_fast_args *f);
const struct a64_spec *a64_spec_madd(const struct arg_dp3 *g, struct a64_fast_args *f);

/* spec_mem.c */
const struct a64_spec *a64_spec_ldst(a64_exec_fn fn, const struct arg_ldst *g,
                                     struct a64_fast_args *f);
const struct a64_spec *a64_spec_ldst_reg(const struct arg_LDST_reg *g, struct a64_fast_args *f);
const struct a64_spec *a64_spec_ldstp(const struct arg_LDSTP *g, struct a64_fast_args *f);

/* spec_branch.c */
const struct a64_spec *a64_spec_branch(a64_exec_fn fn, const union a64_args *g,
                                       struct a64_fast_args *f);
const struct a64_spec *a64_spec_adrp(const struct arg_adr *g, struct a64_fast_args *f);

#endif
