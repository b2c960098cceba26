/* SPDX-License-Identifier: MIT */
/*
 * Integer element helpers for Advanced SIMD: sign extension, saturation with FPSR.QC
 * (Arm ARM shared/functions/integer: SignedSatQ, UnsignedSatQ), shifts by register.
 */
#ifndef EMU_CPU_ARM64_SIMD_INT_H
#define EMU_CPU_ARM64_SIMD_INT_H

#include "cpu/arm64/fp_regs.h"

static inline u64 ones(unsigned bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

static inline s64 sx(u64 v, unsigned bits)
{
    return bits >= 64 ? (s64)v : (s64)(v << (64 - bits)) >> (64 - bits);
}

/* SignedSatQ / UnsignedSatQ of a 128-bit intermediate to bits; QC on saturation. */
static inline u64 sat_s(struct a64_cpu *cpu, s128 v, unsigned bits)
{
    s128 max = ((s128)1 << (bits - 1)) - 1, min = -max - 1;
    if (v > max) {
        cpu->fpsr |= FPSR_QC;
        v = max;
    } else if (v < min) {
        cpu->fpsr |= FPSR_QC;
        v = min;
    }
    return (u64)v & ones(bits);
}

static inline u64 sat_u(struct a64_cpu *cpu, s128 v, unsigned bits)
{
    s128 max = (s128)ones(bits);
    if (v > max) {
        cpu->fpsr |= FPSR_QC;
        v = max;
    } else if (v < 0) {
        cpu->fpsr |= FPSR_QC;
        v = 0;
    }
    return (u64)v & ones(bits);
}

/* Element value as a 128-bit integer, signed or unsigned. */
static inline s128 ival(u64 v, unsigned bits, bool is_unsigned)
{
    return is_unsigned ? (s128)(v & ones(bits)) : (s128)sx(v, bits);
}

/* Shift a (bits wide) by the signed amount sh: left if positive, right (arithmetic when
 * signed) if negative, with optional rounding of right shifts. Exact in 128 bits for
 * |sh| < 128; callers saturate or truncate. */
static inline s128 shift_round(s128 a, int sh, bool round)
{
    /* |a| < 2^64, so shifts up to 63 are exact; beyond, only "zero or out of range" matters
     * (the low 64 bits are zero either way). */
    if (sh >= 0)
        return sh >= 64 ? (a == 0 ? 0 : (a < 0 ? -((s128)1 << 100) : ((s128)1 << 100))) : a << sh;
    int r = -sh;
    if (r > 100)
        return round ? 0 : (a < 0 ? -1 : 0);
    if (round)
        a += (s128)1 << (r - 1);
    return a >> r;
}

/* Element operation and the generic element-wise driver (simd_3same.c): a, b from Vn, Vm
 * (pairwise: adjacent elements of Vm:Vn), d the old Vd element, bits the element width. */
typedef u64 (*elem_fn)(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u);
void simd_elementwise(struct a64_cpu *cpu, bool q, bool scalar, unsigned esize, int rd,
                      const union a64_vreg *vn, const union a64_vreg *vm, elem_fn fn, bool u,
                      bool pairwise);
/* SQDMULH/SQRDMULH element (u = rounding) and MUL, MLA/MLS (u = subtract) for by-element. */
u64 simd_e_qdmulh(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u);
u64 simd_e_mul(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u);
u64 simd_e_mla(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u);
/* SQRDMLAH (u = 0) / SQRDMLSH (u = 1), FEAT_RDM. */
u64 simd_e_rdmlah(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u);
/* The long/saturating-doubling body of the three-different group on given operands
 * (simd_3diff.c), shared with the by-element forms. */
void simd_3diff_long(struct a64_cpu *cpu, int op, int u, int size, bool q, bool sc, int rd,
                     const union a64_vreg *n, const union a64_vreg *m);

/* Floating-point lane operation and driver (simd_fp3.c); d is the old Vd lane. */
typedef u64 (*fp3_fn)(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d);
void simd_fp_lanes(struct a64_cpu *cpu, bool q, bool scalar, enum fp_fmt f, int rd,
                   const union a64_vreg *n, const union a64_vreg *m, fp3_fn fn, bool pairwise);

/* FCMLA (by element), FEAT_FCMA (simd_fcma.c): the U=1, opcode 0rr1 rows of the group. */
struct arg_SIMD_elem;
void simd_fcmla_elem(struct a64_cpu *cpu, const struct arg_SIMD_elem *a);

/* FMLAL/FMLSL{2}, FEAT_FHM (simd_fhm.c): part 0/1 = lower/upper half of the H sources;
 * index < 0 for the vector form, else Vm.H[index]. */
void simd_fmlal(struct a64_cpu *cpu, bool q, int part, bool sub, int rd, int rn, int rm,
                int index);

/* SDOT/UDOT (by element, U:opcode x 1110; FEAT_DotProd), USDOT/SUDOT (by element, 0 1111;
 * FEAT_I8MM), in simd_dot.c. */
void simd_dot_elem(struct a64_cpu *cpu, const struct arg_SIMD_elem *a);

/* FEAT_I8MM: ID_AA64ISAR1_EL1.I8MM != 0. */
static inline bool simd_have_i8mm(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR1_EL1, 52) != 0;
}

/* FEAT_DotProd: ID_AA64ISAR0_EL1.DP != 0. */
static inline bool simd_have_dotprod(const struct a64_cpu *cpu)
{
    return a64_id_field(cpu, SR_ID_AA64ISAR0_EL1, 44) != 0;
}

/* SIMD-within-a-register forms of the hottest element ops on one 64-bit chunk, for element
 * width bits (8..64): high-bit mask, ADD, SUB, and "element is zero -> all ones". */
static inline u64 swar_high(unsigned bits)
{
    switch (bits) {
    case 8: return 0x8080808080808080ull;
    case 16: return 0x8000800080008000ull;
    case 32: return 0x8000000080000000ull;
    default: return 0x8000000000000000ull;
    }
}

static inline u64 swar_add(u64 a, u64 b, unsigned bits)
{
    u64 h = swar_high(bits);
    return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h);
}

static inline u64 swar_sub(u64 a, u64 b, unsigned bits)
{
    u64 h = swar_high(bits);
    return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h);
}

static inline u64 swar_zero_mask(u64 x, unsigned bits)
{
    u64 h = swar_high(bits);
    u64 nonzero = (((x & ~h) + ~h) | x) & h;  /* high bit set where the element is nonzero */
    u64 zero = (~nonzero & h) >> (bits - 1);  /* 1 in the low bit of each zero element */
    return zero * (bits == 64 ? ~0ull : (1ull << bits) - 1);
}

#endif
