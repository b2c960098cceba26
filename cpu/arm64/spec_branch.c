/* SPDX-License-Identifier: MIT */
/*
 * Specialised branches, ADRP and NOP hints, with their threaded entries and selectors. A taken
 * branch whose target is on the same page continues the threaded chain at the target's slot;
 * one that leaves the page returns to the step loop, which looks the new page up.
 */
#include "cpu/arm64/alu.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/spec_internal.h"

/* ---- Immediate branches: imm is the byte offset; sh the condition or the tested bit --------
 * Each form is a predicate; SPEC_BRANCH makes both entry points from it. */
static inline bool b_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return true;
}
static inline bool b_cond_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return a64_cond_holds(f->sh, c->nzcv);
}
static inline bool cbz_x_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return c->x[f->rd] == 0;
}
static inline bool cbz_w_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return (u32)c->x[f->rd] == 0;
}
static inline bool cbnz_x_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return c->x[f->rd] != 0;
}
static inline bool cbnz_w_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return (u32)c->x[f->rd] != 0;
}
static inline bool tbz_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return !((c->x[f->rd] >> f->sh) & 1);
}
static inline bool tbnz_taken(const struct a64_cpu *c, const struct a64_fast_args *f)
{
    return (c->x[f->rd] >> f->sh) & 1;
}

#define SPEC_BRANCH(name)                                                                      \
    static void name(struct a64_cpu *c, const union a64_args *a)                               \
    {                                                                                          \
        if (name##_taken(c, fa(a)))                                                            \
            c->npc = c->pc + fa(a)->imm;                                                       \
    }                                                                                          \
    static void name##_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)       \
    {                                                                                          \
        if (name##_taken(c, fa(&in->a)))                                                       \
            a64_thr_jump(c, in, pc, left, pc + fa(&in->a)->imm);                               \
        else                                                                                   \
            a64_thr_next(c, in, pc, left);                                                     \
    }                                                                                          \
    static const struct a64_spec name##_s = {name, name##_t};
SPEC_BRANCH(b)
SPEC_BRANCH(cbz_x)
SPEC_BRANCH(cbz_w)
SPEC_BRANCH(cbnz_x)
SPEC_BRANCH(cbnz_w)
SPEC_BRANCH(tbz)
SPEC_BRANCH(tbnz)
#undef SPEC_BRANCH

/* B.cond by hand: its threaded entry is global, because a flag-setting instruction before it
 * looks for it (a64_thr_then_bcond()). */
static void b_cond(struct a64_cpu *c, const union a64_args *a)
{
    if (b_cond_taken(c, fa(a)))
        c->npc = c->pc + fa(a)->imm;
}
void a64_thr_b_cond(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)
{
    if (b_cond_taken(c, fa(&in->a)))
        a64_thr_jump(c, in, pc, left, pc + fa(&in->a)->imm);
    else
        a64_thr_next(c, in, pc, left);
}
static const struct a64_spec b_cond_s = {b_cond, a64_thr_b_cond};

/* BL: X30 = pc + 4. */
static void bl(struct a64_cpu *c, const union a64_args *a)
{
    c->x[30] = c->pc + 4;
    c->npc = c->pc + fa(a)->imm;
}
static void bl_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)
{
    c->x[30] = pc + 4;
    a64_thr_jump(c, in, pc, left, pc + fa(&in->a)->imm);
}
static const struct a64_spec bl_s = {bl, bl_t};

/* ---- BR/BLR/RET: rn = Rn (31 reads as XZR: x[31] is kept zero); BLR also writes X30, after
 * reading the target (BLR X30). A misaligned target is caught by the step loop's PC alignment
 * check on its fetch-page refill, which a64_fetch_invalidate() forces (as branch.c does). */
static inline u64 branch_reg(struct a64_cpu *c, const struct a64_fast_args *f, u64 pc, bool link)
{
    u64 target = c->x[f->rn];
    if (link)
        c->x[30] = pc + 4;
    if (unlikely(target & 3))
        a64_fetch_invalidate(c);
    return target;
}
static void br(struct a64_cpu *c, const union a64_args *a)
{
    c->npc = branch_reg(c, fa(a), c->pc, false);
}
static void blr(struct a64_cpu *c, const union a64_args *a)
{
    c->npc = branch_reg(c, fa(a), c->pc, true);
}
static inline void branch_reg_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left,
                                bool link)
{
    u64 target = branch_reg(c, fa(&in->a), pc, link);
    if (unlikely(target & 3)) {
        a64_thr_leave(c, target, left - 1);
        return;
    }
    a64_thr_jump(c, in, pc, left, target);
}
static void br_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)
{
    branch_reg_t(c, in, pc, left, false);
}
static void blr_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)
{
    branch_reg_t(c, in, pc, left, true);
}
static const struct a64_spec br_s = {br, br_t}; /* also RET: the same without BTI */
static const struct a64_spec blr_s = {blr, blr_t};

/* ---- ADRP: imm is the page offset in bytes ------------------------------------------------- */
static void adrp(struct a64_cpu *c, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    c->x[f->rd] = (c->pc & ~0xfffull) + f->imm;
}
static void adrp_t(struct a64_cpu *c, const struct a64_insn *in, u64 pc, u64 left)
{
    const struct a64_fast_args *f = fa(&in->a);
    c->x[f->rd] = (pc & ~0xfffull) + f->imm;
    a64_thr_next(c, in, pc, left);
}
static const struct a64_spec adrp_s = {adrp, adrp_t};

/* ---- Hints that execute as NOP (HINT, YIELD: their generic executors do nothing) ---------- */
static void nop(struct a64_cpu *c, const union a64_args *a)
{
}
SPEC_PLAIN(nop)

/* ---- Selection ------------------------------------------------------------------------------- */
const struct a64_spec *a64_spec_branch(a64_exec_fn fn, const union a64_args *g,
                                       struct a64_fast_args *f)
{
    if (fn == GENERIC(HINT) || fn == GENERIC(YIELD))
        return &nop_s;
    if (fn == GENERIC(B) || fn == GENERIC(BL)) {
        f->imm = (u64)((s64)g->B.imm * 4);
        return fn == GENERIC(B) ? &b_s : &bl_s;
    }
    if (fn == GENERIC(BR) || fn == GENERIC(BLR) || fn == GENERIC(RET)) {
        f->rn = (u8)g->br.rn;
        return fn == GENERIC(BLR) ? &blr_s : &br_s;
    }
    if (fn == GENERIC(B_cond)) {
        f->imm = (u64)((s64)g->B_cond.imm * 4);
        f->sh = (u8)g->B_cond.cond;
        return &b_cond_s;
    }
    if (fn == GENERIC(CBZ) || fn == GENERIC(CBNZ)) {
        f->imm = (u64)((s64)g->CBZ.imm * 4);
        f->rd = (u8)g->CBZ.rt;
        if (fn == GENERIC(CBZ))
            return g->CBZ.sf ? &cbz_x_s : &cbz_w_s;
        return g->CBZ.sf ? &cbnz_x_s : &cbnz_w_s;
    }
    if (fn == GENERIC(TBZ) || fn == GENERIC(TBNZ)) {
        f->imm = (u64)((s64)g->TBZ.imm * 4);
        f->rd = (u8)g->TBZ.rt;
        f->sh = (u8)(g->TBZ.b5 << 5 | g->TBZ.b40);
        return fn == GENERIC(TBZ) ? &tbz_s : &tbnz_s;
    }
    return NULL;
}

const struct a64_spec *a64_spec_adrp(const struct arg_adr *g, struct a64_fast_args *f)
{
    f->rd = spec_dest(g->rd);
    f->imm = (u64)(s64)g->imm << 12;
    return &adrp_s;
}
