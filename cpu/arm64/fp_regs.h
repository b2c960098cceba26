/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the SIMD&FP handlers (each starts with a64_fp_check(), exception.h):
 * V register views with the "write zeroes the rest of the register" rule (Arm ARM C1.2.5),
 * FPCR/FPSR plumbing.
 */
#ifndef EMU_CPU_ARM64_FP_REGS_H
#define EMU_CPU_ARM64_FP_REGS_H

#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/fp_soft.h"
#include "cpu/arm64/model.h"

/* The low esize bytes of Vn (esize 1, 2, 4, 8). */
static inline u64 vreg_read(const struct a64_cpu *cpu, int n, unsigned esize)
{
    u64 v = cpu->v[n].d[0];
    return esize == 8 ? v : v & ((1ull << (esize * 8)) - 1);
}

/* Write a scalar of esize bytes to Vd, zeroing bits above it. */
static inline void vreg_write(struct a64_cpu *cpu, int d, u64 val, unsigned esize)
{
    cpu->v[d].d[0] = esize == 8 ? val : val & ((1ull << (esize * 8)) - 1);
    cpu->v[d].d[1] = 0;
}

/* Element e of esize bytes from a register value. */
static inline u64 velem(const union a64_vreg *r, unsigned e, unsigned esize)
{
    switch (esize) {
    case 1: return r->b[e];
    case 2: return r->h[e];
    case 4: return r->s[e];
    default: return r->d[e];
    }
}

static inline void velem_set(union a64_vreg *r, unsigned e, unsigned esize, u64 v)
{
    switch (esize) {
    case 1: r->b[e] = (u8)v; break;
    case 2: r->h[e] = (u16)v; break;
    case 4: r->s[e] = (u32)v; break;
    default: r->d[e] = v; break;
    }
}

/* Signed element value. */
static inline s64 velem_s(const union a64_vreg *r, unsigned e, unsigned esize)
{
    u64 v = velem(r, e, esize);
    unsigned sh = 64 - esize * 8;
    return (s64)(v << sh) >> sh;
}

/* Write a whole vector result: Q=0 writes 64 bits and clears the top half. */
static inline void vreg_set_vec(struct a64_cpu *cpu, int d, const union a64_vreg *r, bool q)
{
    cpu->v[d].d[0] = r->d[0];
    cpu->v[d].d[1] = q ? r->d[1] : 0;
}

/* FEAT_FP16: ID_AA64PFR0_EL1.FP == 0b0001 (half-precision data processing). */
static inline bool fp_have_fp16(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64PFR0_EL1, 16) == 1;
}

/* FEAT_JSCVT: ID_AA64ISAR1_EL1.JSCVT != 0 (FJCVTZS). */
static inline bool fp_have_jscvt(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR1_EL1, 12) != 0;
}

/* FEAT_FRINTTS: ID_AA64ISAR1_EL1.FRINTTS != 0 (FRINT32*, FRINT64*). */
static inline bool fp_have_frintts(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR1_EL1, 32) != 0;
}

/* FEAT_FHM: ID_AA64ISAR0_EL1.FHM != 0 (FMLAL, FMLSL). */
static inline bool fp_have_fhm(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR0_EL1, 48) != 0;
}

/* FEAT_FCMA: ID_AA64ISAR1_EL1.FCMA != 0 (FCADD, FCMLA). */
static inline bool fp_have_fcma(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR1_EL1, 16) != 0;
}

/* Scalar ftype field -> format; false for the encodings that are UNDEFINED: ftype 10
 * always, ftype 11 (half precision) without FEAT_FP16. */
static inline bool fp_ftype(const struct a64_cpu *cpu, unsigned ftype, enum fp_fmt *f)
{
    if (ftype == 0)
        *f = FP_S;
    else if (ftype == 1)
        *f = FP_D;
    else if (ftype == 3 && fp_have_fp16(cpu))
        *f = FP_H;
    else
        return false;
    return true;
}

static inline unsigned fp_esize(enum fp_fmt f)
{
    return 2u << f;
}

static inline struct fpst fp_env(const struct a64_cpu *cpu)
{
    return fpst_make(cpu->fpcr);
}

/* Commit the cumulative exception flags of one instruction. */
static inline void fp_commit(struct a64_cpu *cpu, const struct fpst *st)
{
    cpu->fpsr |= st->exc;
}

/* VFPExpandImm(): the 8-bit FMOV immediate as an f value (fp_dp2.c). */
u64 fp_expand_imm(enum fp_fmt f, unsigned imm8);

/* ConditionHolds() on PSTATE.NZCV (Arm ARM J1 shared/functions/system). */
static inline bool fp_cond_holds(const struct a64_cpu *cpu, unsigned cond)
{
    u32 f = cpu->nzcv;
    bool n = f & PSTATE_N, z = f & PSTATE_Z, c = f & PSTATE_C, v = f & PSTATE_V;
    bool r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = true; break;
    }
    if ((cond & 1) && cond != 15)
        r = !r;
    return r;
}

#endif
