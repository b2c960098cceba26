/* SPDX-License-Identifier: MIT */
/*
 * Specialised loads and stores (single registers, pairs of X/W registers) with their threaded
 * entries and their selectors. The access itself is mem.h's inline fast path; everything that
 * leaves it (a TLB miss, MMIO, a fault, a store to decoded code) happens with the state synced,
 * and the threaded entry returns to the step loop if it changed anything the loop watches.
 */
#include "cpu/arm64/ldst.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/spec_internal.h"

/* ---- Single-register loads (zero-extending) and stores ---------------------------------------
 * imm: byte offset (offset forms) or writeback offset (pre/post); sh: Rm's shift (register
 * offset: LSL/UXTX/SXTX, UXTW or SXTW); flags: the ISS of forms without writeback. rd is Rt. The base may be SP
 * (a64_ldst_base() checks its alignment). */
enum ldst_mode { M_IMM, M_REG, M_UXTW, M_SXTW, M_POST, M_PRE };
/* A store, a zero-extending load, a load sign-extended to 64 or to 32 bits. */
enum ldst_op { K_STORE, K_LOAD, K_SX64, K_SX32 };

static inline u64 ldst_va(const struct a64_cpu *cpu, const struct a64_fast_args *f, u64 base,
                          enum ldst_mode mode)
{
    return mode == M_IMM    ? base + f->imm
           : mode == M_REG  ? base + (cpu->x[f->rm] << f->sh)
           : mode == M_UXTW ? base + ((u64)(u32)cpu->x[f->rm] << f->sh)
           : mode == M_SXTW ? base + ((u64)(s64)(s32)cpu->x[f->rm] << f->sh)
           : mode == M_PRE  ? base + f->imm
                            : base;
}

/* The base of a fast attempt: false when it is a misaligned SP (the slow path decides about
 * the SP alignment fault). */
static inline bool fast_base(const struct a64_cpu *cpu, unsigned rn, u64 *base)
{
    if (rn != 31) {
        *base = cpu->x[rn];
        return true;
    }
    *base = cpu->sp_el[cpu->sp_idx];
    return !(*base & 15);
}

/* The threaded fast attempt of ldst(): the whole instruction when the access hits the fast
 * TLB, else false with nothing done (the threaded entry then runs ldst() with the state
 * synced). */
static inline __attribute__((always_inline)) bool
ldst_fast(struct a64_cpu *cpu, const union a64_args *a, unsigned bytes, enum ldst_op op,
          enum ldst_mode mode)
{
    const struct a64_fast_args *f = fa(a);
    u64 base;
    if (!fast_base(cpu, f->rn, &base))
        return false;
    u64 va = ldst_va(cpu, f, base, mode);
    u8 *p;
    if (!a64_fast_hit(cpu, va, bytes, op == K_STORE, 0, &p))
        return false;
    if (op == K_STORE)
        a64_host_store(p, bytes, cpu->x[f->rd]);
    else if (op == K_LOAD)
        cpu->x[f->rd] = a64_host_load(p, bytes);
    else if (op == K_SX64)
        cpu->x[f->rd] = a64_sext(a64_host_load(p, bytes), bytes);
    else
        cpu->x[f->rd] = (u32)a64_sext(a64_host_load(p, bytes), bytes);
    if (mode == M_POST)
        a64_set_x_sp(cpu, f->rn, base + f->imm);
    else if (mode == M_PRE)
        a64_set_x_sp(cpu, f->rn, va);
    return true;
}

static inline void ldst(struct a64_cpu *cpu, const union a64_args *a, unsigned bytes,
                        enum ldst_op op, enum ldst_mode mode)
{
    const struct a64_fast_args *f = fa(a);
    u64 base = a64_ldst_base(cpu, f->rn);
    u64 va = ldst_va(cpu, f, base, mode);
    /* Never LDTR/STTR: masking the bit lets the compiler drop the fast-table choice. */
    u32 flags = f->flags & ~A64_MEM_UNPRIV;
    if (op == K_STORE)
        a64_write(cpu, va, bytes, cpu->x[f->rd], flags);
    else if (op == K_LOAD)
        cpu->x[f->rd] = a64_read(cpu, va, bytes, flags);
    else if (op == K_SX64)
        cpu->x[f->rd] = a64_sext(a64_read(cpu, va, bytes, flags), bytes);
    else
        cpu->x[f->rd] = (u32)a64_sext(a64_read(cpu, va, bytes, flags), bytes);
    if (mode == M_POST)
        a64_set_x_sp(cpu, f->rn, base + f->imm);
    else if (mode == M_PRE)
        a64_set_x_sp(cpu, f->rn, va);
}

#define LDST_SIZES(name, op, mode)                                                          \
    static void name##1(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 1, op, mode); } \
    static void name##2(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 2, op, mode); } \
    static void name##4(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 4, op, mode); } \
    static void name##8(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 8, op, mode); } \
    static bool name##1_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 1, op, mode); } \
    static bool name##2_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 2, op, mode); } \
    static bool name##4_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 4, op, mode); } \
    static bool name##8_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 8, op, mode); } \
    SPEC_MEM(name##1) SPEC_MEM(name##2) SPEC_MEM(name##4) SPEC_MEM(name##8)                \
    static const struct a64_spec *const name[4] = {&name##1_s, &name##2_s, &name##4_s, &name##8_s};
LDST_SIZES(ldr_imm, K_LOAD, M_IMM)
LDST_SIZES(str_imm, K_STORE, M_IMM)
LDST_SIZES(ldr_reg, K_LOAD, M_REG)
LDST_SIZES(str_reg, K_STORE, M_REG)
LDST_SIZES(ldr_uxtw, K_LOAD, M_UXTW)
LDST_SIZES(str_uxtw, K_STORE, M_UXTW)
LDST_SIZES(ldr_sxtw, K_LOAD, M_SXTW)
LDST_SIZES(str_sxtw, K_STORE, M_SXTW)
LDST_SIZES(ldr_post, K_LOAD, M_POST)
LDST_SIZES(str_post, K_STORE, M_POST)
LDST_SIZES(ldr_pre, K_LOAD, M_PRE)
LDST_SIZES(str_pre, K_STORE, M_PRE)
#undef LDST_SIZES

/* LDRSB/LDRSH/LDRSW: [0][size] extend to 64 bits, [1][size] to 32 (sizes 0 and 1 only). */
#define LDSX_SIZES(name, mode)                                                                 \
    static void name##_64_1(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 1, K_SX64, mode); } \
    static void name##_64_2(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 2, K_SX64, mode); } \
    static void name##_64_4(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 4, K_SX64, mode); } \
    static void name##_32_1(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 1, K_SX32, mode); } \
    static void name##_32_2(struct a64_cpu *c, const union a64_args *a) { ldst(c, a, 2, K_SX32, mode); } \
    static bool name##_64_1_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 1, K_SX64, mode); } \
    static bool name##_64_2_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 2, K_SX64, mode); } \
    static bool name##_64_4_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 4, K_SX64, mode); } \
    static bool name##_32_1_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 1, K_SX32, mode); } \
    static bool name##_32_2_fast(struct a64_cpu *c, const union a64_args *a) { return ldst_fast(c, a, 2, K_SX32, mode); } \
    SPEC_MEM(name##_64_1) SPEC_MEM(name##_64_2) SPEC_MEM(name##_64_4)                        \
    SPEC_MEM(name##_32_1) SPEC_MEM(name##_32_2)                                                \
    static const struct a64_spec *const name[2][3] = {                                         \
        {&name##_64_1_s, &name##_64_2_s, &name##_64_4_s}, {&name##_32_1_s, &name##_32_2_s, NULL}};
LDSX_SIZES(ldrs_imm, M_IMM)
LDSX_SIZES(ldrs_reg, M_REG)
LDSX_SIZES(ldrs_uxtw, M_UXTW)
LDSX_SIZES(ldrs_sxtw, M_SXTW)
LDSX_SIZES(ldrs_post, M_POST)
LDSX_SIZES(ldrs_pre, M_PRE)
#undef LDSX_SIZES

/* ---- Load/store pair of X or W registers (not LDPSW) -----------------------------------------
 * imm: byte offset; rd, rm: Rt, Rt2. Both accesses happen before any register is written;
 * word pairs are two word accesses (alignment is checked per element), as in ldst_pair.c. */
static inline void ldstp(struct a64_cpu *cpu, const union a64_args *a, unsigned bytes, bool load,
                         enum ldst_mode mode)
{
    const struct a64_fast_args *f = fa(a);
    u64 base = a64_ldst_base(cpu, f->rn);
    u64 va = mode == M_POST ? base : base + f->imm;
    if (load) {
        u64 v1 = a64_read(cpu, va, bytes, 0);
        u64 v2 = a64_read(cpu, va + bytes, bytes, 0);
        cpu->x[f->rd] = v1;
        cpu->x[f->rm] = v2;
    } else if (bytes == 8) {
        const u64 v[2] = {cpu->x[f->rd], cpu->x[f->rm]};
        a64_write16(cpu, va, v, 0);
    } else {
        u64 v1 = cpu->x[f->rd], v2 = cpu->x[f->rm];
        a64_write(cpu, va, 4, v1, 0);
        a64_write(cpu, va + 4, 4, v2, 0);
    }
    if (mode != M_IMM)
        a64_set_x_sp(cpu, f->rn, base + f->imm);
}

/* The threaded fast attempt of ldstp(): both elements hit the fast TLB (each may be on its own
 * page), else false with nothing done. */
static inline __attribute__((always_inline)) bool
ldstp_fast(struct a64_cpu *cpu, const union a64_args *a, unsigned bytes, bool load,
           enum ldst_mode mode)
{
    const struct a64_fast_args *f = fa(a);
    u64 base;
    if (!fast_base(cpu, f->rn, &base))
        return false;
    u64 va = mode == M_POST ? base : base + f->imm;
    u8 *p1, *p2;
    if (!a64_fast_hit(cpu, va, bytes, !load, 0, &p1) ||
        !a64_fast_hit(cpu, va + bytes, bytes, !load, 0, &p2))
        return false;
    if (load) {
        u64 v1 = a64_host_load(p1, bytes), v2 = a64_host_load(p2, bytes);
        cpu->x[f->rd] = v1;
        cpu->x[f->rm] = v2;
    } else {
        a64_host_store(p1, bytes, cpu->x[f->rd]);
        a64_host_store(p2, bytes, cpu->x[f->rm]);
    }
    if (mode != M_IMM)
        a64_set_x_sp(cpu, f->rn, base + f->imm);
    return true;
}

#define LDSTP_MODES(name, bytes, load)                                                          \
    static void name##_imm(struct a64_cpu *c, const union a64_args *a) { ldstp(c, a, bytes, load, M_IMM); } \
    static void name##_post(struct a64_cpu *c, const union a64_args *a) { ldstp(c, a, bytes, load, M_POST); } \
    static void name##_pre(struct a64_cpu *c, const union a64_args *a) { ldstp(c, a, bytes, load, M_PRE); } \
    static bool name##_imm_fast(struct a64_cpu *c, const union a64_args *a) { return ldstp_fast(c, a, bytes, load, M_IMM); } \
    static bool name##_post_fast(struct a64_cpu *c, const union a64_args *a) { return ldstp_fast(c, a, bytes, load, M_POST); } \
    static bool name##_pre_fast(struct a64_cpu *c, const union a64_args *a) { return ldstp_fast(c, a, bytes, load, M_PRE); } \
    SPEC_MEM(name##_imm) SPEC_MEM(name##_post) SPEC_MEM(name##_pre)                           \
    static const struct a64_spec *const name[4] = {&name##_imm_s, &name##_post_s, &name##_imm_s, \
                                                   &name##_pre_s};
LDSTP_MODES(ldp_x, 8, true)
LDSTP_MODES(stp_x, 8, false)
LDSTP_MODES(ldp_w, 4, true)
LDSTP_MODES(stp_w, 4, false)
#undef LDSTP_MODES


/* ---- Selection ------------------------------------------------------------------------------- */
/* size/opc of a plain load or store: opc 0 store, 1 zero-extending load. */
/* size/opc: opc 0 store, 1 zero-extending load, 2 load sign-extended to 64 bits (size 3:
 * PRFM), 3 to 32 bits (size >= 2: reserved). Returns -1 for forms left generic. */
static int ldst_sx(unsigned size, unsigned opc)
{
    if (opc == 2 && size < 3)
        return 0;
    if (opc == 3 && size < 2)
        return 1;
    return -1;
}

/* The ISS of a single-register access without writeback, as ldst.c computes it. */
static u32 ldst_iss(unsigned size, unsigned opc, unsigned rt)
{
    bool sx = opc >= 2;
    return a64_ldst_iss((int)rt, size == 3 || (sx && opc == 2), sx, false);
}

const struct a64_spec *a64_spec_ldst(a64_exec_fn fn, const struct arg_ldst *g, struct a64_fast_args *f)
{
    int sx = g->opc > 1 ? ldst_sx(g->size, g->opc) : 0;
    if (sx < 0)
        return NULL;
    bool load = g->opc == 1;
    f->rd = g->opc ? spec_dest(g->rt) : (u8)g->rt; /* a store reads Rt: 31 is XZR, x[31] */
    f->rn = (u8)g->rn;
    if (fn == GENERIC(LDST_uimm) || fn == GENERIC(LDST_unscaled)) {
        f->imm = fn == GENERIC(LDST_uimm) ? (u64)g->imm << g->size : (u64)(s64)g->imm;
        f->flags = ldst_iss(g->size, g->opc, g->rt);
        if (g->opc > 1)
            return ldrs_imm[sx][g->size];
        return (load ? ldr_imm : str_imm)[g->size];
    }
    f->imm = (u64)(s64)g->imm;
    f->flags = 0;
    if (fn == GENERIC(LDST_post))
        return g->opc > 1 ? ldrs_post[sx][g->size] : (load ? ldr_post : str_post)[g->size];
    return g->opc > 1 ? ldrs_pre[sx][g->size] : (load ? ldr_pre : str_pre)[g->size];
}

const struct a64_spec *a64_spec_ldst_reg(const struct arg_LDST_reg *g, struct a64_fast_args *f)
{
    int sx = g->opc > 1 ? ldst_sx(g->size, g->opc) : 0;
    if (sx < 0 || !(g->option & 2))
        return NULL; /* PRFM, reserved */
    f->rd = g->opc ? spec_dest(g->rt) : (u8)g->rt;
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)(g->s ? g->size : 0);
    f->flags = ldst_iss(g->size, g->opc, g->rt);
    /* UXTW (2), LSL/UXTX (3), SXTW (6), SXTX (7: the same as LSL on a 64-bit index). */
    if (g->option == 2) {
        if (g->opc > 1)
            return ldrs_uxtw[sx][g->size];
        return (g->opc == 1 ? ldr_uxtw : str_uxtw)[g->size];
    }
    if (g->option == 6) {
        if (g->opc > 1)
            return ldrs_sxtw[sx][g->size];
        return (g->opc == 1 ? ldr_sxtw : str_sxtw)[g->size];
    }
    if (g->opc > 1)
        return ldrs_reg[sx][g->size];
    return (g->opc == 1 ? ldr_reg : str_reg)[g->size];
}

const struct a64_spec *a64_spec_ldstp(const struct arg_LDSTP *g, struct a64_fast_args *f)
{
    if (g->opc != 0 && g->opc != 2)
        return NULL; /* LDPSW, reserved */
    unsigned bytes = g->opc == 2 ? 8 : 4;
    f->rd = g->l ? spec_dest(g->rt) : (u8)g->rt;
    f->rm = g->l ? spec_dest(g->rt2) : (u8)g->rt2;
    f->rn = (u8)g->rn;
    f->imm = (u64)((s64)g->imm * bytes);
    if (bytes == 8)
        return (g->l ? ldp_x : stp_x)[g->idx];
    return (g->l ? ldp_w : stp_w)[g->idx];
}
