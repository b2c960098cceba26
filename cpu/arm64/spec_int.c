/* SPDX-License-Identifier: MIT */
/*
 * Specialised integer executors (no memory access, no branch): each one is the generic
 * executor's pseudocode with the decode-time constants folded in, with its threaded entry, and
 * the selectors that pick one for a decoded instruction. Anything unusual (register 31 as SP
 * where the fast form assumes a general register, reserved encodings, EXTR with lsb 0) keeps
 * the generic executor.
 */
#include "cpu/arm64/alu.h"
#include "cpu/arm64/spec_internal.h"

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
    u64 r = a64_addsub_flags(sf, sub, cpu->x[f->rn], y, &nzcv);
    cpu->nzcv = nzcv;
    cpu->x[f->rd] = r;
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
    cpu->x[f->rd] = r;
}
static void andsi_x(struct a64_cpu *cpu, const union a64_args *a) { andsi(cpu, a, true); }
static void andsi_w(struct a64_cpu *cpu, const union a64_args *a) { andsi(cpu, a, false); }

/* MOVZ/MOVN: the final value; MOVK: imm is the lane value, imm2 the lane mask. */
static void movi(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = f->imm;
}
static void movk_x(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = (cpu->x[f->rd] & ~f->imm2) | f->imm;
}
static void movk_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = (u32)((cpu->x[f->rd] & ~f->imm2) | f->imm);
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
    cpu->x[f->rd] = a64_trunc(sf, r);
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
    cpu->x[f->rd] = a64_trunc(sf, r);
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
    cpu->x[f->rd] = r;
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
    u64 x = a64_x_sp(cpu, f->rn);
    u64 r = a64_addsub_flags(sf, sub, x, y, &nzcv);
    cpu->nzcv = nzcv;
    cpu->x[f->rd] = r;
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
    cpu->x[f->rd] = a64_trunc(ds == 64, bot & f->imm2);
}
static void ubfm_x(struct a64_cpu *c, const union a64_args *a) { ubfm(c, a, 64); }
static void ubfm_w(struct a64_cpu *c, const union a64_args *a) { ubfm(c, a, 32); }

static inline void sbfm(struct a64_cpu *cpu, const union a64_args *a, unsigned ds)
{
    const struct a64_fast_args *f = fa(a);
    u64 src = cpu->x[f->rn];
    u64 bot = a64_ror(src, f->sh, ds) & f->imm;
    u64 top = (src >> f->rm) & 1 ? ~0ull : 0;
    cpu->x[f->rd] = a64_trunc(ds == 64, (top & ~f->imm2) | (bot & f->imm2));
}
static void sbfm_x(struct a64_cpu *c, const union a64_args *a) { sbfm(c, a, 64); }
static void sbfm_w(struct a64_cpu *c, const union a64_args *a) { sbfm(c, a, 32); }


/* ---- Conditional select: sh = cond; inv/inc select CSINV/CSINC/CSNEG ------------------------ */
static inline void csel(struct a64_cpu *cpu, const union a64_args *a, bool inv, bool inc, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 r;
    if (a64_cond_holds(f->sh, cpu->nzcv))
        r = cpu->x[f->rn];
    else
        r = (inv ? ~cpu->x[f->rm] : cpu->x[f->rm]) + inc;
    cpu->x[f->rd] = a64_trunc(sf, r);
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
    cpu->x[f->rd] = cpu->x[f->sh] + cpu->x[f->rn] * cpu->x[f->rm];
}
static void madd_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    cpu->x[f->rd] = (u32)(cpu->x[f->sh] + cpu->x[f->rn] * cpu->x[f->rm]);
}

/* ---- Flag-setting shifted-register forms with LSR/ASR/ROR (imm2 = shift type) --------------
 * BICS is also here with LSL: only its operand inversion differs from ANDS. */
static inline void logic_flags(struct a64_cpu *cpu, const union a64_args *a, bool inv, bool sf)
{
    const struct a64_fast_args *f = fa(a);
    u64 y = a64_shift(sf, cpu->x[f->rm], (unsigned)f->imm2, f->sh);
    u64 r = a64_trunc(sf, cpu->x[f->rn] & (inv ? ~y : y));
    cpu->nzcv = a64_nz_flags(sf, r);
    cpu->x[f->rd] = r;
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
    cpu->x[f->rd] = r;
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
    cpu->x[f->rd] = (cpu->x[f->rm] >> f->sh) | (cpu->x[f->rn] << (64 - f->sh));
}
static void extr_w(struct a64_cpu *cpu, const union a64_args *a)
{
    const struct a64_fast_args *f = fa(a);
    u32 lo = (u32)cpu->x[f->rm], hi = (u32)cpu->x[f->rn];
    cpu->x[f->rd] = (u32)((lo >> f->sh) | (hi << (32 - f->sh)));
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
        cpu->x[f->rd] = r;
    } else {
        cpu->x[f->rd] = a64_trunc(sf, cpu->x[f->rn] + y + carry);
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
        a64_addsub_flags(sf, sub, cpu->x[f->rn], y, &nzcv);
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
    cpu->x[f->rd] = a64_trunc(sf, a64_shift(sf, cpu->x[f->rn], type, amt));
}
static void lslv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 0, true); }
static void lslv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 0, false); }
static void lsrv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 1, true); }
static void lsrv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 1, false); }
static void asrv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 2, true); }
static void asrv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 2, false); }
static void rorv_x(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 3, true); }
static void rorv_w(struct a64_cpu *c, const union a64_args *a) { shiftv(c, a, 3, false); }


/* ---- Threaded entries ------------------------------------------------------------------------ */
SPEC_PLAIN(addi_x)
SPEC_PLAIN(addi_w)
SPEC_PLAIN(addi_xsp)
SPEC_FLAGS(subsi_x)
SPEC_FLAGS(subsi_w)
SPEC_FLAGS(addsi_x)
SPEC_FLAGS(addsi_w)
SPEC_PLAIN(andi)
SPEC_PLAIN(orri_x)
SPEC_PLAIN(orri_w)
SPEC_PLAIN(eori_x)
SPEC_PLAIN(eori_w)
SPEC_FLAGS(andsi_x)
SPEC_FLAGS(andsi_w)
SPEC_PLAIN(movi)
SPEC_PLAIN(movk_x)
SPEC_PLAIN(movk_w)
SPEC_PLAIN(and_x)
SPEC_PLAIN(and_w)
SPEC_PLAIN(bic_x)
SPEC_PLAIN(bic_w)
SPEC_PLAIN(orr_x)
SPEC_PLAIN(orr_w)
SPEC_PLAIN(orn_x)
SPEC_PLAIN(orn_w)
SPEC_PLAIN(eor_x)
SPEC_PLAIN(eor_w)
SPEC_PLAIN(add_x)
SPEC_PLAIN(add_w)
SPEC_PLAIN(sub_x)
SPEC_PLAIN(sub_w)
SPEC_PLAIN(and_sx)
SPEC_PLAIN(and_sw)
SPEC_PLAIN(bic_sx)
SPEC_PLAIN(bic_sw)
SPEC_PLAIN(orr_sx)
SPEC_PLAIN(orr_sw)
SPEC_PLAIN(orn_sx)
SPEC_PLAIN(orn_sw)
SPEC_PLAIN(eor_sx)
SPEC_PLAIN(eor_sw)
SPEC_PLAIN(add_sx)
SPEC_PLAIN(add_sw)
SPEC_PLAIN(sub_sx)
SPEC_PLAIN(sub_sw)
SPEC_FLAGS(ands_x)
SPEC_FLAGS(ands_w)
SPEC_FLAGS(subs_x)
SPEC_FLAGS(subs_w)
SPEC_FLAGS(adds_x)
SPEC_FLAGS(adds_w)
SPEC_PLAIN(addext_x)
SPEC_PLAIN(addext_w)
SPEC_PLAIN(subext_x)
SPEC_PLAIN(subext_w)
SPEC_PLAIN(addsext_x)
SPEC_PLAIN(addsext_w)
SPEC_PLAIN(subsext_x)
SPEC_PLAIN(subsext_w)
SPEC_PLAIN(ubfm_x)
SPEC_PLAIN(ubfm_w)
SPEC_PLAIN(sbfm_x)
SPEC_PLAIN(sbfm_w)
SPEC_PLAIN(csel_x)
SPEC_PLAIN(csel_w)
SPEC_PLAIN(csinc_x)
SPEC_PLAIN(csinc_w)
SPEC_PLAIN(csinv_x)
SPEC_PLAIN(csinv_w)
SPEC_PLAIN(csneg_x)
SPEC_PLAIN(csneg_w)
SPEC_PLAIN(madd_x)
SPEC_PLAIN(madd_w)
SPEC_FLAGS(ands_sx)
SPEC_FLAGS(ands_sw)
SPEC_PLAIN(bics_sx)
SPEC_PLAIN(bics_sw)
SPEC_PLAIN(bics_x)
SPEC_PLAIN(bics_w)
SPEC_FLAGS(adds_sx)
SPEC_FLAGS(adds_sw)
SPEC_FLAGS(subs_sx)
SPEC_FLAGS(subs_sw)
SPEC_PLAIN(extr_x)
SPEC_PLAIN(extr_w)
SPEC_PLAIN(adc_x)
SPEC_PLAIN(adc_w)
SPEC_PLAIN(sbc_x)
SPEC_PLAIN(sbc_w)
SPEC_PLAIN(adcs_x)
SPEC_PLAIN(adcs_w)
SPEC_PLAIN(sbcs_x)
SPEC_PLAIN(sbcs_w)
SPEC_PLAIN(ccmn_rx)
SPEC_PLAIN(ccmn_rw)
SPEC_PLAIN(ccmp_rx)
SPEC_PLAIN(ccmp_rw)
SPEC_PLAIN(ccmn_ix)
SPEC_PLAIN(ccmn_iw)
SPEC_PLAIN(ccmp_ix)
SPEC_PLAIN(ccmp_iw)
SPEC_PLAIN(lslv_x)
SPEC_PLAIN(lslv_w)
SPEC_PLAIN(lsrv_x)
SPEC_PLAIN(lsrv_w)
SPEC_PLAIN(asrv_x)
SPEC_PLAIN(asrv_w)
SPEC_PLAIN(rorv_x)
SPEC_PLAIN(rorv_w)

/* ---- Compare and branch -------------------------------------------------------------------- */
a64_thr_fn a64_spec_fuse(a64_thr_fn tfn, u32 next)
{
    static const struct {
        a64_thr_fn plain, fused;
    } fusable[] = {
#define FUSABLE(name) {name##_t, name##_bcc_t},
        FUSABLE(subsi_x) FUSABLE(subsi_w) FUSABLE(addsi_x) FUSABLE(addsi_w)
        FUSABLE(andsi_x) FUSABLE(andsi_w) FUSABLE(ands_x) FUSABLE(ands_w)
        FUSABLE(subs_x) FUSABLE(subs_w) FUSABLE(adds_x) FUSABLE(adds_w)
        FUSABLE(ands_sx) FUSABLE(ands_sw) FUSABLE(adds_sx) FUSABLE(adds_sw)
        FUSABLE(subs_sx) FUSABLE(subs_sw)
#undef FUSABLE
    };
    if ((next & 0xff000010) != 0x54000000) /* B.cond */
        return tfn;
    for (unsigned i = 0; i < sizeof(fusable) / sizeof(fusable[0]); i++)
        if (fusable[i].plain == tfn)
            return fusable[i].fused;
    return tfn;
}

/* ---- Selection ------------------------------------------------------------------------------- */
const struct a64_spec *a64_spec_addsub_imm(a64_exec_fn fn, const struct arg_ri *g, struct a64_fast_args *f)
{
    u64 y = (u64)g->imm << (g->sh ? 12 : 0);
    bool sub = fn == GENERIC(SUB_i) || fn == GENERIC(SUBS_i);
    f->rd = (u8)g->rd;
    f->rn = (u8)g->rn;
    if (fn == GENERIC(ADD_i) || fn == GENERIC(SUB_i)) {
        f->imm = sub ? -y : y;
        if (g->rd != 31 && g->rn != 31)
            return g->sf ? &addi_x_s : &addi_w_s;
        return g->sf ? &addi_xsp_s : NULL;
    }
    if (g->rn == 31)
        return NULL;
    f->rd = spec_dest(g->rd); /* CMP/CMN */
    f->imm = y;
    if (sub)
        return g->sf ? &subsi_x_s : &subsi_w_s;
    return g->sf ? &addsi_x_s : &addsi_w_s;
}

const struct a64_spec *a64_spec_logic_imm(a64_exec_fn fn, const struct arg_logic_i *g,
                                  struct a64_fast_args *f)
{
    u64 m = a64_logic_imm(g->n, g->immr, g->imms);
    if (!m || (!g->sf && g->n))
        return NULL; /* reserved: the generic executor raises UNDEFINED */
    f->imm = a64_trunc(g->sf, m);
    f->rd = spec_dest(g->rd);
    f->rn = (u8)g->rn;
    if (fn == GENERIC(ANDS_i))
        return g->sf ? &andsi_x_s : &andsi_w_s;
    if (g->rd == 31)
        return NULL; /* SP destination */
    if (fn == GENERIC(AND_i))
        return &andi_s;
    if (fn == GENERIC(ORR_i))
        return g->sf ? &orri_x_s : &orri_w_s;
    return g->sf ? &eori_x_s : &eori_w_s;
}

const struct a64_spec *a64_spec_movw(a64_exec_fn fn, const struct arg_movw *g, struct a64_fast_args *f)
{
    if (!g->sf && g->hw >= 2)
        return NULL;
    unsigned sh = g->hw * 16;
    u64 lane = (u64)(u16)g->imm << sh;
    f->rd = spec_dest(g->rd);
    if (fn == GENERIC(MOVZ)) {
        f->imm = lane;
        return &movi_s;
    }
    if (fn == GENERIC(MOVN)) {
        f->imm = a64_trunc(g->sf, ~lane);
        return &movi_s;
    }
    f->imm = lane;
    f->imm2 = 0xffffull << sh;
    return g->sf ? &movk_x_s : &movk_w_s;
}

const struct a64_spec *a64_spec_shifted(a64_exec_fn fn, const struct arg_logic_r *g,
                                struct a64_fast_args *f)
{
    /* arg_logic_r and arg_addsub_r have the same fields. */
    static const struct {
        a64_exec_fn generic;
        const struct a64_spec *x, *w, *sx, *sw; /* sx/sw: LSR/ASR/ROR */
    } forms[] = {
        {GENERIC(AND_r), &and_x_s, &and_w_s, &and_sx_s, &and_sw_s},
        {GENERIC(BIC_r), &bic_x_s, &bic_w_s, &bic_sx_s, &bic_sw_s},
        {GENERIC(ORR_r), &orr_x_s, &orr_w_s, &orr_sx_s, &orr_sw_s},
        {GENERIC(ORN_r), &orn_x_s, &orn_w_s, &orn_sx_s, &orn_sw_s},
        {GENERIC(EOR_r), &eor_x_s, &eor_w_s, &eor_sx_s, &eor_sw_s},
        {GENERIC(ANDS_r), &ands_x_s, &ands_w_s, &ands_sx_s, &ands_sw_s},
        {GENERIC(BICS_r), &bics_x_s, &bics_w_s, &bics_sx_s, &bics_sw_s},
        {GENERIC(ADD_r), &add_x_s, &add_w_s, &add_sx_s, &add_sw_s},
        {GENERIC(SUB_r), &sub_x_s, &sub_w_s, &sub_sx_s, &sub_sw_s},
        {GENERIC(ADDS_r), &adds_x_s, &adds_w_s, &adds_sx_s, &adds_sw_s},
        {GENERIC(SUBS_r), &subs_x_s, &subs_w_s, &subs_sx_s, &subs_sw_s},
    };
    for (unsigned i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        if (forms[i].generic != fn)
            continue;
        bool addsub = fn == GENERIC(ADD_r) || fn == GENERIC(SUB_r) || fn == GENERIC(ADDS_r) ||
                      fn == GENERIC(SUBS_r);
        if ((!g->sf && g->imm >= 32) || (addsub && g->shift == 3))
            return NULL; /* reserved: the generic executor raises UNDEFINED */
        f->rd = spec_dest(g->rd);
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

const struct a64_spec *a64_spec_addsub_ext(const struct arg_ADDSUB_ext *g, struct a64_fast_args *f)
{
    static const struct a64_spec *const forms[2][2][2] = {
        {{&addext_w_s, &addext_x_s}, {&subext_w_s, &subext_x_s}},
        {{&addsext_w_s, &addsext_x_s}, {&subsext_w_s, &subsext_x_s}},
    };
    if (g->imm > 4)
        return NULL; /* reserved */
    f->rd = g->s ? spec_dest(g->rd) : (u8)g->rd; /* without S, Rd 31 is SP */
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->imm;
    f->imm2 = (u64)g->option;
    return forms[g->s][g->op][g->sf];
}

const struct a64_spec *a64_spec_bfm(a64_exec_fn fn, const struct arg_bfm *g, struct a64_fast_args *f)
{
    unsigned ds = g->sf ? 64 : 32;
    u64 wmask, tmask;
    if (g->n != g->sf || (!g->sf && (g->immr >= 32 || g->imms >= 32)) ||
        !a64_decode_bit_masks(g->n, g->imms, g->immr, false, ds, &wmask, &tmask))
        return NULL;
    f->rd = spec_dest(g->rd);
    f->rn = (u8)g->rn;
    f->sh = (u8)g->immr;
    f->rm = (u8)g->imms;
    f->imm = wmask;
    f->imm2 = tmask;
    if (fn == GENERIC(UBFM))
        return g->sf ? &ubfm_x_s : &ubfm_w_s;
    return g->sf ? &sbfm_x_s : &sbfm_w_s;
}

const struct a64_spec *a64_spec_extr(const struct arg_EXTR *g, struct a64_fast_args *f)
{
    if (g->n != g->sf || (!g->sf && g->imms >= 32) || g->imms == 0)
        return NULL; /* reserved, or a move */
    f->rd = spec_dest(g->rd);
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->imms;
    return g->sf ? &extr_x_s : &extr_w_s;
}

const struct a64_spec *a64_spec_adc(const struct arg_ADC_SBC *g, struct a64_fast_args *f)
{
    static const struct a64_spec *const forms[2][2][2] = {
        {{&adc_w_s, &adc_x_s}, {&sbc_w_s, &sbc_x_s}},
        {{&adcs_w_s, &adcs_x_s}, {&sbcs_w_s, &sbcs_x_s}},
    };
    f->rd = spec_dest(g->rd);
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    return forms[g->s][g->op][g->sf];
}

const struct a64_spec *a64_spec_ccmp(a64_exec_fn fn, const union a64_args *g, struct a64_fast_args *f)
{
    static const struct a64_spec *const forms[2][2][2] = {
        {{&ccmn_rw_s, &ccmn_rx_s}, {&ccmp_rw_s, &ccmp_rx_s}},
        {{&ccmn_iw_s, &ccmn_ix_s}, {&ccmp_iw_s, &ccmp_ix_s}},
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

const struct a64_spec *a64_spec_shiftv(a64_exec_fn fn, const struct arg_dp2 *g, struct a64_fast_args *f)
{
    static const struct {
        a64_exec_fn generic;
        const struct a64_spec *x, *w;
    } forms[] = {
        {GENERIC(LSLV), &lslv_x_s, &lslv_w_s},
        {GENERIC(LSRV), &lsrv_x_s, &lsrv_w_s},
        {GENERIC(ASRV), &asrv_x_s, &asrv_w_s},
        {GENERIC(RORV), &rorv_x_s, &rorv_w_s},
    };
    for (unsigned i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        if (forms[i].generic != fn)
            continue;
        f->rd = spec_dest(g->rd);
        f->rn = (u8)g->rn;
        f->rm = (u8)g->rm;
        return g->sf ? forms[i].x : forms[i].w;
    }
    return NULL;
}

const struct a64_spec *a64_spec_csel(const struct arg_CSEL *g, struct a64_fast_args *f)
{
    static const struct a64_spec *const forms[2][2][2] = {
        {{&csel_w_s, &csel_x_s}, {&csinc_w_s, &csinc_x_s}},
        {{&csinv_w_s, &csinv_x_s}, {&csneg_w_s, &csneg_x_s}},
    };
    f->rd = spec_dest(g->rd);
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->cond;
    return forms[g->op][g->o2][g->sf];
}


const struct a64_spec *a64_spec_madd(const struct arg_dp3 *g, struct a64_fast_args *f)
{
    f->rd = spec_dest(g->rd);
    f->rn = (u8)g->rn;
    f->rm = (u8)g->rm;
    f->sh = (u8)g->ra;
    return g->sf ? &madd_x_s : &madd_w_s;
}
