/* SPDX-License-Identifier: MIT */
/*
 * Specialised executors for the hottest A64 integer forms, chosen once per decoded slot by
 * a64_specialise(). Each one is the generic executor's pseudocode with the decode-time
 * constants folded in; anything unusual (register 31 as SP where the fast form assumes a
 * general register, reserved encodings, PRFM, EXTR with lsb 0) keeps the generic executor.
 */
#include "cpu/arm64/specialise.h"

#include "cpu/arm64/alu.h"
#include "cpu/arm64/ldst.h"

_Static_assert(sizeof(struct a64_fast_args) <= sizeof(union a64_args),
               "a64_fast_args must fit a decoded slot");

static inline const struct a64_fast_args *fa(const union a64_args *a)
{
    return (const struct a64_fast_args *)(const void *)a;
}

/* ---- Add/subtract and logical, immediate --------------------------------------------------
 * ADD/SUB: imm holds +imm or -imm, already shifted; Rd and Rn are not 31 (not SP). */
static void addi_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = cpu->x[f->rn] + f->imm;
}

static void addi_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = (u32)(cpu->x[f->rn] + f->imm);
}

/* 64-bit ADD/SUB with SP as Rd and/or Rn (stack adjustments). */
static void addi_xsp(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x_sp(cpu, f->rd, a64_x_sp(cpu, f->rn) + f->imm);
}

/* ADDS/SUBS (CMP/CMN when Rd is 31): Rn is not 31. */
static inline void addsub_flags(struct a64_cpu *cpu, const struct a64_fast_args *f, bool sf,
                                bool sub, u64 y)
{
    u32 nzcv;
    u64 r = a64_add_with_carry(sf, cpu->x[f->rn], sub ? ~y : y, sub, &nzcv);
    cpu->nzcv = nzcv;
    a64_set_x(cpu, f->rd, r);
}

static void subsi_x(struct a64_cpu *cpu, const union a64_args *a)
{
    addsub_flags(cpu, fa(a), true, true, fa(a)->imm);
}
static void subsi_w(struct a64_cpu *cpu, const union a64_args *a)
{
    addsub_flags(cpu, fa(a), false, true, fa(a)->imm);
}
static void addsi_x(struct a64_cpu *cpu, const union a64_args *a)
{
    addsub_flags(cpu, fa(a), true, false, fa(a)->imm);
}
static void addsi_w(struct a64_cpu *cpu, const union a64_args *a)
{
    addsub_flags(cpu, fa(a), false, false, fa(a)->imm);
}

/* AND/ORR/EOR (immediate), Rd not 31 (that would be SP): imm is the mask, truncated to 32 bits
 * for W forms, so AND needs no truncation of its own. */
static void andi(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = cpu->x[f->rn] & f->imm;
}
static void orri_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = cpu->x[f->rn] | f->imm;
}
static void orri_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = (u32)(cpu->x[f->rn] | f->imm);
}
static void eori_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = cpu->x[f->rn] ^ f->imm;
}
static void eori_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = (u32)(cpu->x[f->rn] ^ f->imm);
}

/* ANDS (immediate), TST when Rd is 31. */
static inline void andsi(struct a64_cpu *cpu, const union a64_args *a, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r = cpu->x[f->rn] & f->imm;
    cpu->nzcv = a64_nz_flags(sf, r);
    a64_set_x(cpu, f->rd, r);
}
static void andsi_x(struct a64_cpu *cpu, const union a64_args *a) { andsi(cpu, a, true); }
static void andsi_w(struct a64_cpu *cpu, const union a64_args *a) { andsi(cpu, a, false); }

/* MOVZ/MOVN: the final value; MOVK: imm is the lane value, imm2 the lane mask. */
static void movi(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, f->imm);
}
static void movk_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, (cpu->x[f->rd] & ~f->imm2) | f->imm);
}
static void movk_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, (u32)((cpu->x[f->rd] & ~f->imm2) | f->imm));
}

/* ---- Logical and add/subtract, shifted register, LSL only --------------------------------
 * The operand is Rm << sh; W results are truncated at the end (the low 32 bits of every
 * operation here depend only on the low 32 bits of its inputs). */
enum alu_op { OP_AND, OP_BIC, OP_ORR, OP_ORN, OP_EOR, OP_ADD, OP_SUB };

static inline u64 alu(enum alu_op op, u64 x, u64 y)
{
    switch (op) {
    case OP_AND: return x & y;
    case OP_BIC: return x & ~y;
    case OP_ORR: return x | y;
    case OP_ORN: return x | ~y;
    case OP_EOR: return x ^ y;
    case OP_ADD: return x + y;
    default: return x - y;
    }
}

static inline void alu_lsl(struct a64_cpu *cpu, const union a64_args *a, enum alu_op op, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r = alu(op, cpu->x[f->rn], cpu->x[f->rm] << f->sh);
    a64_set_x(cpu, f->rd, a64_trunc(sf, r));
}

static void and_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_AND, true); }
static void and_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_AND, false); }
static void bic_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_BIC, true); }
static void bic_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_BIC, false); }
static void orr_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_ORR, true); }
static void orr_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_ORR, false); }
static void orn_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_ORN, true); }
static void orn_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_ORN, false); }
static void eor_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_EOR, true); }
static void eor_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_EOR, false); }
static void add_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_ADD, true); }
static void add_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_ADD, false); }
static void sub_x(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_SUB, true); }
static void sub_w(struct a64_cpu *c, const union a64_args *a) { alu_lsl(c, a, OP_SUB, false); }

/* The same with LSR/ASR/ROR (imm2 = shift type; ROR is reserved for ADD/SUB and never gets
 * here): one executor per operation and size, the shift type chosen at run time. */
static inline void alu_shifted(struct a64_cpu *cpu, const union a64_args *a, enum alu_op op,
                               bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r = alu(op, cpu->x[f->rn], a64_shift(sf, cpu->x[f->rm], (unsigned)f->imm2, f->sh));
    a64_set_x(cpu, f->rd, a64_trunc(sf, r));
}

static void and_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_AND, true); }
static void and_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_AND, false); }
static void bic_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_BIC, true); }
static void bic_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_BIC, false); }
static void orr_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_ORR, true); }
static void orr_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_ORR, false); }
static void orn_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_ORN, true); }
static void orn_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_ORN, false); }
static void eor_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_EOR, true); }
static void eor_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_EOR, false); }
static void add_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_ADD, true); }
static void add_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_ADD, false); }
static void sub_sx(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_SUB, true); }
static void sub_sw(struct a64_cpu *c, const union a64_args *a) { alu_shifted(c, a, OP_SUB, false); }

static inline void ands_lsl(struct a64_cpu *cpu, const union a64_args *a, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r = a64_trunc(sf, cpu->x[f->rn] & (cpu->x[f->rm] << f->sh));
    cpu->nzcv = a64_nz_flags(sf, r);
    a64_set_x(cpu, f->rd, r);
}
static void ands_x(struct a64_cpu *c, const union a64_args *a) { ands_lsl(c, a, true); }
static void ands_w(struct a64_cpu *c, const union a64_args *a) { ands_lsl(c, a, false); }

static void subs_x(struct a64_cpu *c, const union a64_args *a)
{
    addsub_flags(c, fa(a), true, true, c->x[fa(a)->rm] << fa(a)->sh);
}
static void subs_w(struct a64_cpu *c, const union a64_args *a)
{
    addsub_flags(c, fa(a), false, true, c->x[fa(a)->rm] << fa(a)->sh);
}
static void adds_x(struct a64_cpu *c, const union a64_args *a)
{
    addsub_flags(c, fa(a), true, false, c->x[fa(a)->rm] << fa(a)->sh);
}
static void adds_w(struct a64_cpu *c, const union a64_args *a)
{
    addsub_flags(c, fa(a), false, false, c->x[fa(a)->rm] << fa(a)->sh);
}

/* ---- Add/subtract, extended register: imm2 = option, sh = left shift (<= 4) ---------------
 * Rn may be SP, and Rd too without S. */
static inline void addsub_ext(struct a64_cpu *cpu, const union a64_args *a, bool sub, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 y = a64_extend(cpu->x[f->rm], (unsigned)f->imm2, f->sh);
    u64 x = a64_x_sp(cpu, f->rn);
    a64_set_x_sp(cpu, f->rd, a64_trunc(sf, sub ? x - y : x + y));
}
static void addext_x(struct a64_cpu *c, const union a64_args *a) { addsub_ext(c, a, false, true); }
static void addext_w(struct a64_cpu *c, const union a64_args *a) { addsub_ext(c, a, false, false); }
static void subext_x(struct a64_cpu *c, const union a64_args *a) { addsub_ext(c, a, true, true); }
static void subext_w(struct a64_cpu *c, const union a64_args *a) { addsub_ext(c, a, true, false); }

static inline void addsub_ext_flags(struct a64_cpu *cpu, const union a64_args *a, bool sub,
                                    bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 y = a64_trunc(sf, a64_extend(cpu->x[f->rm], (unsigned)f->imm2, f->sh));
    u32 nzcv;
    u64 r = a64_add_with_carry(sf, a64_x_sp(cpu, f->rn), sub ? ~y : y, sub, &nzcv);
    cpu->nzcv = nzcv;
    a64_set_x(cpu, f->rd, r);
}
static void addsext_x(struct a64_cpu *c, const union a64_args *a) { addsub_ext_flags(c, a, false, true); }
static void addsext_w(struct a64_cpu *c, const union a64_args *a) { addsub_ext_flags(c, a, false, false); }
static void subsext_x(struct a64_cpu *c, const union a64_args *a) { addsub_ext_flags(c, a, true, true); }
static void subsext_w(struct a64_cpu *c, const union a64_args *a) { addsub_ext_flags(c, a, true, false); }

/* ---- Bitfield moves: imm = wmask, imm2 = tmask, sh = immr, rm = imms -------------------- */
static inline void ubfm(struct a64_cpu *cpu, const union a64_args *a, unsigned ds)
{
    const struct a64_fast_args *f = fa(a);
    u64 bot = a64_ror(cpu->x[f->rn], f->sh, ds) & f->imm;
    a64_set_x(cpu, f->rd, a64_trunc(ds == 64, bot & f->imm2));
}
static void ubfm_x(struct a64_cpu *c, const union a64_args *a) { ubfm(c, a, 64); }
static void ubfm_w(struct a64_cpu *c, const union a64_args *a) { ubfm(c, a, 32); }

static inline void sbfm(struct a64_cpu *cpu, const union a64_args *a, unsigned ds)
{
    const struct a64_fast_args *f = fa(a);
    u64 src = cpu->x[f->rn];
    u64 bot = a64_ror(src, f->sh, ds) & f->imm;
    u64 top = (src >> f->rm) & 1 ? ~0ull : 0;
    a64_set_x(cpu, f->rd, a64_trunc(ds == 64, (top & ~f->imm2) | (bot & f->imm2)));
}
static void sbfm_x(struct a64_cpu *c, const union a64_args *a) { sbfm(c, a, 64); }
static void sbfm_w(struct a64_cpu *c, const union a64_args *a) { sbfm(c, a, 32); }

/* ---- Branches: imm is the byte offset; sh the condition or the tested bit ----------------- */
static void b_cond(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    if (a64_cond_holds(f->sh, cpu->nzcv))
        cpu->npc = cpu->pc + f->imm;
}
static void cbz_x(struct a64_cpu *cpu, const union a64_args *a)
{
    if (cpu->x[fa(a)->rd] == 0)
        cpu->npc = cpu->pc + fa(a)->imm;
}
static void cbz_w(struct a64_cpu *cpu, const union a64_args *a)
{
    if ((u32)cpu->x[fa(a)->rd] == 0)
        cpu->npc = cpu->pc + fa(a)->imm;
}
static void cbnz_x(struct a64_cpu *cpu, const union a64_args *a)
{
    if (cpu->x[fa(a)->rd] != 0)
        cpu->npc = cpu->pc + fa(a)->imm;
}
static void cbnz_w(struct a64_cpu *cpu, const union a64_args *a)
{
    if ((u32)cpu->x[fa(a)->rd] != 0)
        cpu->npc = cpu->pc + fa(a)->imm;
}
static void tbz(struct a64_cpu *cpu, const union a64_args *a)
{
    if (!((cpu->x[fa(a)->rd] >> fa(a)->sh) & 1))
        cpu->npc = cpu->pc + fa(a)->imm;
}
static void tbnz(struct a64_cpu *cpu, const union a64_args *a)
{
    if ((cpu->x[fa(a)->rd] >> fa(a)->sh) & 1)
        cpu->npc = cpu->pc + fa(a)->imm;
}

/* ---- Single-register loads (zero-extending) and stores ---------------------------------------
 * imm: byte offset (offset forms) or writeback offset (pre/post); sh: Rm's shift (register
 * offset: LSL/UXTX/SXTX, UXTW or SXTW); flags: the ISS of forms without writeback. rd is Rt. The base may be SP
 * (a64_ldst_base() checks its alignment). */
enum ldst_mode { M_IMM, M_REG, M_UXTW, M_SXTW, M_POST, M_PRE };
/* A store, a zero-extending load, a load sign-extended to 64 or to 32 bits. */
enum ldst_op { K_STORE, K_LOAD, K_SX64, K_SX32 };

static inline void ldst(struct a64_cpu *cpu, const union a64_args *a, unsigned bytes,
                        enum ldst_op op, enum ldst_mode mode)
{
    const struct a64_fast_args *f = fa(a);
    u64 base = a64_ldst_base(cpu, f->rn);
    u64 va = mode == M_IMM   ? base + f->imm
             : mode == M_REG ? base + (cpu->x[f->rm] << f->sh)
             : mode == M_UXTW ? base + ((u64)(u32)cpu->x[f->rm] << f->sh)
             : mode == M_SXTW ? base + ((u64)(s64)(s32)cpu->x[f->rm] << f->sh)
             : mode == M_PRE ? base + f->imm
                             : base;
    /* Never LDTR/STTR: masking the bit lets the compiler drop the fast-table choice. */
    u32 flags = f->flags & ~A64_MEM_UNPRIV;
    if (op == K_STORE)
        a64_write(cpu, va, bytes, cpu->x[f->rd], flags);
    else if (op == K_LOAD)
        a64_set_x(cpu, f->rd, a64_read(cpu, va, bytes, flags));
    else if (op == K_SX64)
        a64_set_x(cpu, f->rd, a64_sext(a64_read(cpu, va, bytes, flags), bytes));
    else
        a64_set_w(cpu, f->rd, (u32)a64_sext(a64_read(cpu, va, bytes, flags), bytes));
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
    static const a64_exec_fn name[4] = {name##1, name##2, name##4, name##8};
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
    static const a64_exec_fn name[2][3] = {{name##_64_1, name##_64_2, name##_64_4},             \
                                           {name##_32_1, name##_32_2, NULL}};
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
        a64_set_x(cpu, f->rd, v1);
        a64_set_x(cpu, f->rm, v2);
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

#define LDSTP_MODES(name, bytes, load)                                                          \
    static void name##_imm(struct a64_cpu *c, const union a64_args *a) { ldstp(c, a, bytes, load, M_IMM); } \
    static void name##_post(struct a64_cpu *c, const union a64_args *a) { ldstp(c, a, bytes, load, M_POST); } \
    static void name##_pre(struct a64_cpu *c, const union a64_args *a) { ldstp(c, a, bytes, load, M_PRE); } \
    static const a64_exec_fn name[4] = {name##_imm, name##_post, name##_imm, name##_pre};
LDSTP_MODES(ldp_x, 8, true)
LDSTP_MODES(stp_x, 8, false)
LDSTP_MODES(ldp_w, 4, true)
LDSTP_MODES(stp_w, 4, false)
#undef LDSTP_MODES

/* ---- Conditional select: sh = cond; inv/inc select CSINV/CSINC/CSNEG ------------------------ */
static inline void csel(struct a64_cpu *cpu, const union a64_args *a, bool inv, bool inc, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r;
    if (a64_cond_holds(f->sh, cpu->nzcv))
        r = cpu->x[f->rn];
    else
        r = (inv ? ~cpu->x[f->rm] : cpu->x[f->rm]) + inc;
    a64_set_x(cpu, f->rd, a64_trunc(sf, r));
}
static void csel_x(struct a64_cpu *c, const union a64_args *a) { csel(c, a, false, false, true); }
static void csel_w(struct a64_cpu *c, const union a64_args *a) { csel(c, a, false, false, false); }
static void csinc_x(struct a64_cpu *c, const union a64_args *a) { csel(c, a, false, true, true); }
static void csinc_w(struct a64_cpu *c, const union a64_args *a) { csel(c, a, false, true, false); }
static void csinv_x(struct a64_cpu *c, const union a64_args *a) { csel(c, a, true, false, true); }
static void csinv_w(struct a64_cpu *c, const union a64_args *a) { csel(c, a, true, false, false); }
static void csneg_x(struct a64_cpu *c, const union a64_args *a) { csel(c, a, true, true, true); }
static void csneg_w(struct a64_cpu *c, const union a64_args *a) { csel(c, a, true, true, false); }

/* ---- Multiply-add: sh = Ra ------------------------------------------------------------------ */
static void madd_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, cpu->x[f->sh] + cpu->x[f->rn] * cpu->x[f->rm]);
}
static void madd_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, (u32)(cpu->x[f->sh] + cpu->x[f->rn] * cpu->x[f->rm]));
}

/* ---- Flag-setting shifted-register forms with LSR/ASR/ROR (imm2 = shift type) --------------
 * BICS is also here with LSL: only its operand inversion differs from ANDS. */
static inline void logic_flags(struct a64_cpu *cpu, const union a64_args *a, bool inv, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 y = a64_shift(sf, cpu->x[f->rm], (unsigned)f->imm2, f->sh);
    u64 r = a64_trunc(sf, cpu->x[f->rn] & (inv ? ~y : y));
    cpu->nzcv = a64_nz_flags(sf, r);
    a64_set_x(cpu, f->rd, r);
}
static void ands_sx(struct a64_cpu *c, const union a64_args *a) { logic_flags(c, a, false, true); }
static void ands_sw(struct a64_cpu *c, const union a64_args *a) { logic_flags(c, a, false, false); }
static void bics_sx(struct a64_cpu *c, const union a64_args *a) { logic_flags(c, a, true, true); }
static void bics_sw(struct a64_cpu *c, const union a64_args *a) { logic_flags(c, a, true, false); }

static inline void bics_lsl(struct a64_cpu *cpu, const union a64_args *a, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r = a64_trunc(sf, cpu->x[f->rn] & ~(cpu->x[f->rm] << f->sh));
    cpu->nzcv = a64_nz_flags(sf, r);
    a64_set_x(cpu, f->rd, r);
}
static void bics_x(struct a64_cpu *c, const union a64_args *a) { bics_lsl(c, a, true); }
static void bics_w(struct a64_cpu *c, const union a64_args *a) { bics_lsl(c, a, false); }

static inline void addsub_shifted_flags(struct a64_cpu *c, const union a64_args *a, bool sub,
                                        bool sf)
{
    const struct a64_fast_args *f = fa(a);
    addsub_flags(c, f, sf, sub, a64_shift(sf, c->x[f->rm], (unsigned)f->imm2, f->sh));
}
static void adds_sx(struct a64_cpu *c, const union a64_args *a) { addsub_shifted_flags(c, a, false, true); }
static void adds_sw(struct a64_cpu *c, const union a64_args *a) { addsub_shifted_flags(c, a, false, false); }
static void subs_sx(struct a64_cpu *c, const union a64_args *a) { addsub_shifted_flags(c, a, true, true); }
static void subs_sw(struct a64_cpu *c, const union a64_args *a) { addsub_shifted_flags(c, a, true, false); }

/* ---- EXTR (ROR immediate when Rn == Rm): sh = lsb, never 0 (that is a plain move, left to
 * the generic executor) ------------------------------------------------------------------- */
static void extr_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, (cpu->x[f->rm] >> f->sh) | (cpu->x[f->rn] << (64 - f->sh)));
}
static void extr_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    u32 lo = (u32)cpu->x[f->rm], hi = (u32)cpu->x[f->rn];
    a64_set_x(cpu, f->rd, (u32)((lo >> f->sh) | (hi << (32 - f->sh))));
}

/* ---- ADC/SBC/ADCS/SBCS: the carry in is PSTATE.C ------------------------------------------ */
static inline void adc(struct a64_cpu *cpu, const union a64_args *a, bool sub, bool s, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 y = sub ? ~cpu->x[f->rm] : cpu->x[f->rm];
    unsigned carry = (cpu->nzcv >> 29) & 1;
    if (s) {
        u32 nzcv;
        u64 r = a64_add_with_carry(sf, cpu->x[f->rn], y, carry, &nzcv);
        cpu->nzcv = nzcv;
        a64_set_x(cpu, f->rd, r);
    } else {
        a64_set_x(cpu, f->rd, a64_trunc(sf, cpu->x[f->rn] + y + carry));
    }
}
static void adc_x(struct a64_cpu *c, const union a64_args *a) { adc(c, a, false, false, true); }
static void adc_w(struct a64_cpu *c, const union a64_args *a) { adc(c, a, false, false, false); }
static void sbc_x(struct a64_cpu *c, const union a64_args *a) { adc(c, a, true, false, true); }
static void sbc_w(struct a64_cpu *c, const union a64_args *a) { adc(c, a, true, false, false); }
static void adcs_x(struct a64_cpu *c, const union a64_args *a) { adc(c, a, false, true, true); }
static void adcs_w(struct a64_cpu *c, const union a64_args *a) { adc(c, a, false, true, false); }
static void sbcs_x(struct a64_cpu *c, const union a64_args *a) { adc(c, a, true, true, true); }
static void sbcs_w(struct a64_cpu *c, const union a64_args *a) { adc(c, a, true, true, false); }

/* ---- CCMP/CCMN: sh = cond, imm2 = the #nzcv flags in place (bits 31:28); imm = the
 * immediate of the immediate forms, rm the register of the register forms ------------------ */
static inline void ccmp(struct a64_cpu *cpu, const union a64_args *a, bool imm, bool sub,
                        bool sf)
{
    const struct a64_fast_args *f = fa(a);
    if (a64_cond_holds(f->sh, cpu->nzcv)) {
        u64 y = imm ? f->imm : cpu->x[f->rm];
        u32 nzcv;
        a64_add_with_carry(sf, cpu->x[f->rn], sub ? ~y : y, sub, &nzcv);
        cpu->nzcv = nzcv;
    } else {
        cpu->nzcv = (u32)f->imm2;
    }
}
static void ccmn_rx(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, false, false, true); }
static void ccmn_rw(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, false, false, false); }
static void ccmp_rx(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, false, true, true); }
static void ccmp_rw(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, false, true, false); }
static void ccmn_ix(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, true, false, true); }
static void ccmn_iw(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, true, false, false); }
static void ccmp_ix(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, true, true, true); }
static void ccmp_iw(struct a64_cpu *c, const union a64_args *a) { ccmp(c, a, true, true, false); }

/* ---- Variable shifts LSLV/LSRV/ASRV/RORV: imm2 = shift type ------------------------------- */
static inline void shiftv(struct a64_cpu *cpu, const union a64_args *a, unsigned type, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    unsigned amt = cpu->x[f->rm] & (sf ? 63 : 31);
    a64_set_x(cpu, f->rd, a64_trunc(sf, a64_shift(sf, cpu->x[f->rn], type, amt)));
}
static void lslv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 0, true); }
static void lslv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 0, false); }
static void lsrv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 1, true); }
static void lsrv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 1, false); }
static void asrv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 2, true); }
static void asrv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 2, false); }
static void rorv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 3, true); }
static void rorv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 3, false); }

/* ---- ADRP: imm is the page offset in bytes ------------------------------------------------- */
static void adrp(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    a64_set_x(cpu, f->rd, (cpu->pc & ~0xfffull) + f->imm);
}

/* ---- Selection ----------------------------------------------------------------------------- */
/* The decoder's executor for a pattern (see tools/decodetree.py: called through the generic
 * type). */
#define GENERIC(name) ((a64_exec_fn)(void (*)(void))a64_exec_##name)

static a64_exec_fn spec_addsub_imm(a64_exec_fn fn, const struct arg_ri *g, struct a64_fast_args *f)
{
    u64 y = (u64)g->imm << (g->sh ? 12 : 0);
    bool sub = fn == GENERIC(SUB_i) || fn == GENERIC(SUBS_i);
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    if (fn == GENERIC(ADD_i) || fn == GENERIC(SUB_i)) {
        f->imm = sub ? -y : y;
        if (g->rd != 31 && g->rn != 31)
            return g->sf ? addi_x : addi_w;
        return g->sf ? addi_xsp : NULL;
    }
    if (g->rn == 31)
        return NULL;
    f->imm = y;
    if (sub)
        return g->sf ? subsi_x : subsi_w;
    return g->sf ? addsi_x : addsi_w;
}

static a64_exec_fn spec_logic_imm(a64_exec_fn fn, const struct arg_logic_i *g,
                                  struct a64_fast_args *f)
{
    u64 m = a64_logic_imm(g->n, g->immr, g->imms);
    if (!m || (!g->sf && g->n))
        return NULL; /* reserved: the generic executor raises UNDEFINED */
    f->imm = a64_trunc(g->sf, m);
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    if (fn == GENERIC(ANDS_i))
        return g->sf ? andsi_x : andsi_w;
    if (g->rd == 31)
        return NULL; /* SP destination */
    if (fn == GENERIC(AND_i))
        return andi;
    if (fn == GENERIC(ORR_i))
        return g->sf ? orri_x : orri_w;
    return g->sf ? eori_x : eori_w;
}

static a64_exec_fn spec_movw(a64_exec_fn fn, const struct arg_movw *g, struct a64_fast_args *f)
{
    if (!g->sf && g->hw >= 2)
        return NULL;
    unsigned sh = g->hw * 16;
    u64 lane = (u64)(u16)g->imm << sh;
    f->rd = (u8)g->rd;
    if (fn == GENERIC(MOVZ)) {
        f->imm = lane;
        return movi;
    }
    if (fn == GENERIC(MOVN)) {
        f->imm = a64_trunc(g->sf, ~lane);
        return movi;
    }
    f->imm = lane;
    f->imm2 = 0xffffull << sh;
    return g->sf ? movk_x : movk_w;
}

static a64_exec_fn spec_shifted(a64_exec_fn fn, const struct arg_logic_r *g,
                                struct a64_fast_args *f)
{
    /* arg_logic_r and arg_addsub_r have the same fields. */
    static const struct {
        a64_exec_fn generic, x, w, sx, sw; /* sx/sw: LSR/ASR/ROR */
    } forms[] = {
        {GENERIC(AND_r), and_x, and_w, and_sx, and_sw},
        {GENERIC(BIC_r), bic_x, bic_w, bic_sx, bic_sw},
        {GENERIC(ORR_r), orr_x, orr_w, orr_sx, orr_sw},
        {GENERIC(ORN_r), orn_x, orn_w, orn_sx, orn_sw},
        {GENERIC(EOR_r), eor_x, eor_w, eor_sx, eor_sw},
        {GENERIC(ANDS_r), ands_x, ands_w, ands_sx, ands_sw},
        {GENERIC(BICS_r), bics_x, bics_w, bics_sx, bics_sw},
        {GENERIC(ADD_r), add_x, add_w, add_sx, add_sw},
        {GENERIC(SUB_r), sub_x, sub_w, sub_sx, sub_sw},
        {GENERIC(ADDS_r), adds_x, adds_w, adds_sx, adds_sw},
        {GENERIC(SUBS_r), subs_x, subs_w, subs_sx, subs_sw},
    };
    for (unsigned i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        if (forms[i].generic != fn)
            continue;
        bool addsub = fn == GENERIC(ADD_r) || fn == GENERIC(SUB_r) || fn == GENERIC(ADDS_r) ||
                      fn == GENERIC(SUBS_r);
        if ((!g->sf && g->imm >= 32) || (addsub && g->shift == 3))
            return NULL; /* reserved: the generic executor raises UNDEFINED */
        f->rd = (u8)g->rd;
        f->rn = (u8)g->rn;
        f->rm = (u8)g->rm;
        f->sh = (u8)g->imm;
        f->imm2 = (u64)g->shift;
        if (g->shift == 0)
            return g->sf ? forms[i].x : forms[i].w;
        return g->sf ? forms[i].sx : forms[i].sw;
    }
    return NULL;
}

static a64_exec_fn spec_addsub_ext(const struct arg_ADDSUB_ext *g, struct a64_fast_args *f)
{
    static const a64_exec_fn forms[2][2][2] = {
        {{addext_w, addext_x}, {subext_w, subext_x}},
        {{addsext_w, addsext_x}, {subsext_w, subsext_x}},
    };
    if (g->imm > 4)
        return NULL; /* reserved */
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->imm;
    f->imm2 = (u64)g->option;
    return forms[g->s][g->op][g->sf];
}

static a64_exec_fn spec_bfm(a64_exec_fn fn, const struct arg_bfm *g, struct a64_fast_args *f)
{
    unsigned ds = g->sf ? 64 : 32;
    u64 wmask, tmask;
    if (g->n != g->sf || (!g->sf && (g->immr >= 32 || g->imms >= 32)) ||
        !a64_decode_bit_masks(g->n, g->imms, g->immr, false, ds, &wmask, &tmask))
        return NULL;
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    f->sh = (u8)g->immr;
    f->rm = (u8)g->imms;
    f->imm = wmask;
    f->imm2 = tmask;
    if (fn == GENERIC(UBFM))
        return g->sf ? ubfm_x : ubfm_w;
    return g->sf ? sbfm_x : sbfm_w;
}

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

static a64_exec_fn spec_ldst(a64_exec_fn fn, const struct arg_ldst *g, struct a64_fast_args *f)
{
    int sx = g->opc > 1 ? ldst_sx(g->size, g->opc) : 0;
    if (sx < 0)
        return NULL;
    bool load = g->opc == 1;
    f->rd = (u8)g->rt;
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

static a64_exec_fn spec_ldst_reg(const struct arg_LDST_reg *g, struct a64_fast_args *f)
{
    int sx = g->opc > 1 ? ldst_sx(g->size, g->opc) : 0;
    if (sx < 0 || !(g->option & 2))
        return NULL; /* PRFM, reserved */
    f->rd = (u8)g->rt;
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

static a64_exec_fn spec_extr(const struct arg_EXTR *g, struct a64_fast_args *f)
{
    if (g->n != g->sf || (!g->sf && g->imms >= 32) || g->imms == 0)
        return NULL; /* reserved, or a move */
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->imms;
    return g->sf ? extr_x : extr_w;
}

static a64_exec_fn spec_adc(const struct arg_ADC_SBC *g, struct a64_fast_args *f)
{
    static const a64_exec_fn forms[2][2][2] = {
        {{adc_w, adc_x}, {sbc_w, sbc_x}},
        {{adcs_w, adcs_x}, {sbcs_w, sbcs_x}},
    };
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    return forms[g->s][g->op][g->sf];
}

static a64_exec_fn spec_ccmp(a64_exec_fn fn, const union a64_args *g, struct a64_fast_args *f)
{
    static const a64_exec_fn forms[2][2][2] = {
        {{ccmn_rw, ccmn_rx}, {ccmp_rw, ccmp_rx}},
        {{ccmn_iw, ccmn_ix}, {ccmp_iw, ccmp_ix}},
    };
    bool imm = fn == GENERIC(CCMP_i);
    /* The two argument records differ only in rm/imm. */
    const struct arg_CCMP_r *r = &g->CCMP_r;
    f->rn = (u8)r->rn;
    f->sh = (u8)r->cond;
    f->imm2 = (u64)r->nzcv << 28;
    if (imm)
        f->imm = (u64)g->CCMP_i.imm;
    else
        f->rm = (u8)r->rm;
    return forms[imm][r->op][r->sf];
}

static a64_exec_fn spec_shiftv(a64_exec_fn fn, const struct arg_dp2 *g, struct a64_fast_args *f)
{
    static const struct {
        a64_exec_fn generic, x, w;
    } forms[] = {
        {GENERIC(LSLV), lslv_x, lslv_w},
        {GENERIC(LSRV), lsrv_x, lsrv_w},
        {GENERIC(ASRV), asrv_x, asrv_w},
        {GENERIC(RORV), rorv_x, rorv_w},
    };
    for (unsigned i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        if (forms[i].generic != fn)
            continue;
        f->rd = (u8)g->rd;
        f->rn = (u8)g->rn;
        f->rm = (u8)g->rm;
        return g->sf ? forms[i].x : forms[i].w;
    }
    return NULL;
}

static a64_exec_fn spec_ldstp(const struct arg_LDSTP *g, struct a64_fast_args *f)
{
    if (g->opc != 0 && g->opc != 2)
        return NULL; /* LDPSW, reserved */
    unsigned bytes = g->opc == 2 ? 8 : 4;
    f->rd = (u8)g->rt;
    f->rm = (u8)g->rt2;
    f->rn = (u8)g->rn;
    f->imm = (u64)((s64)g->imm * bytes);
    if (bytes == 8)
        return (g->l ? ldp_x : stp_x)[g->idx];
    return (g->l ? ldp_w : stp_w)[g->idx];
}

static a64_exec_fn spec_csel(const struct arg_CSEL *g, struct a64_fast_args *f)
{
    static const a64_exec_fn forms[2][2][2] = {
        {{csel_w, csel_x}, {csinc_w, csinc_x}},
        {{csinv_w, csinv_x}, {csneg_w, csneg_x}},
    };
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->cond;
    return forms[g->op][g->o2][g->sf];
}

static a64_exec_fn spec_branch(a64_exec_fn fn, const union a64_args *g, struct a64_fast_args *f)
{
    if (fn == GENERIC(B_cond)) {
        f->imm = (u64)((s64)g->B_cond.imm * 4);
        f->sh = (u8)g->B_cond.cond;
        return b_cond;
    }
    if (fn == GENERIC(CBZ) || fn == GENERIC(CBNZ)) {
        f->imm = (u64)((s64)g->CBZ.imm * 4);
        f->rd = (u8)g->CBZ.rt;
        if (fn == GENERIC(CBZ))
            return g->CBZ.sf ? cbz_x : cbz_w;
        return g->CBZ.sf ? cbnz_x : cbnz_w;
    }
    f->imm = (u64)((s64)g->TBZ.imm * 4);
    f->rd = (u8)g->TBZ.rt;
    f->sh = (u8)(g->TBZ.b5 << 5 | g->TBZ.b40);
    return fn == GENERIC(TBZ) ? tbz : tbnz;
}

a64_exec_fn a64_specialise(a64_exec_fn fn, union a64_args *a)
{
    const union a64_args g = *a; /* the generic arguments; *a is rewritten below */
    struct a64_fast_args f = {0};
    a64_exec_fn s = NULL;
    if (fn == GENERIC(ADD_i) || fn == GENERIC(SUB_i) || fn == GENERIC(ADDS_i) ||
        fn == GENERIC(SUBS_i))
        s = spec_addsub_imm(fn, &g.ri, &f);
    else if (fn == GENERIC(AND_i) || fn == GENERIC(ORR_i) || fn == GENERIC(EOR_i) ||
             fn == GENERIC(ANDS_i))
        s = spec_logic_imm(fn, &g.logic_i, &f);
    else if (fn == GENERIC(MOVZ) || fn == GENERIC(MOVN) || fn == GENERIC(MOVK))
        s = spec_movw(fn, &g.movw, &f);
    else if (fn == GENERIC(UBFM) || fn == GENERIC(SBFM))
        s = spec_bfm(fn, &g.bfm, &f);
    else if (fn == GENERIC(B_cond) || fn == GENERIC(CBZ) || fn == GENERIC(CBNZ) ||
             fn == GENERIC(TBZ) || fn == GENERIC(TBNZ))
        s = spec_branch(fn, &g, &f);
    else if (fn == GENERIC(LDST_uimm) || fn == GENERIC(LDST_unscaled) ||
             fn == GENERIC(LDST_post) || fn == GENERIC(LDST_pre))
        s = spec_ldst(fn, &g.ldst, &f);
    else if (fn == GENERIC(LDST_reg))
        s = spec_ldst_reg(&g.LDST_reg, &f);
    else if (fn == GENERIC(ADDSUB_ext))
        s = spec_addsub_ext(&g.ADDSUB_ext, &f);
    else if (fn == GENERIC(LDSTP))
        s = spec_ldstp(&g.LDSTP, &f);
    else if (fn == GENERIC(CSEL))
        s = spec_csel(&g.CSEL, &f);
    else if (fn == GENERIC(EXTR))
        s = spec_extr(&g.EXTR, &f);
    else if (fn == GENERIC(ADC_SBC))
        s = spec_adc(&g.ADC_SBC, &f);
    else if (fn == GENERIC(CCMP_r) || fn == GENERIC(CCMP_i))
        s = spec_ccmp(fn, &g, &f);
    else if (fn == GENERIC(LSLV) || fn == GENERIC(LSRV) || fn == GENERIC(ASRV) ||
             fn == GENERIC(RORV))
        s = spec_shiftv(fn, &g.dp2, &f);
    else if (fn == GENERIC(ADRP)) {
        f.rd = (u8)g.adr.rd;
        f.imm = (u64)(s64)g.adr.imm << 12;
        s = adrp;
    }
    else if (fn == GENERIC(MADD)) {
        f.rd = (u8)g.dp3.rd;
        f.rn = (u8)g.dp3.rn;
        f.rm = (u8)g.dp3.rm;
        f.sh = (u8)g.dp3.ra;
        s = g.dp3.sf ? madd_x : madd_w;
    }
    else
        s = spec_shifted(fn, &g.logic_r, &f);
    if (!s)
        return fn;
    memcpy(a, &f, sizeof(f));
    return s;
}
