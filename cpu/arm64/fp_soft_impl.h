/* SPDX-License-Identifier: MIT */
/*
 * Internals shared by the soft-float core's files (fp_soft.c: unpacking, rounding, NaN
 * processing, arithmetic, conversions; fp_soft_est.c: estimates, steps, FRECPX, FJCVTZS).
 * Not for the instruction handlers: they use fp_soft.h.
 */
#ifndef EMU_CPU_ARM64_FP_SOFT_IMPL_H
#define EMU_CPU_ARM64_FP_SOFT_IMPL_H

#include "cpu/arm64/fp_soft.h"

/* Format parameters: exponent bits E, fraction bits F. */
static const struct {
    int e, f;
} fmt_info[3] = {{5, 10}, {8, 23}, {11, 52}};

enum fp_type { FPT_ZERO, FPT_NUM, FPT_INF, FPT_QNAN, FPT_SNAN };

/* An unpacked operand: value = sig * 2^e0 (sig normalised, bit 63 set) for FPT_NUM. */
struct fp_unp {
    enum fp_type type;
    bool sign;
    int e0;
    u64 sig;
};

static inline int fbits(enum fp_fmt f) { return fmt_info[f].f; }
static inline int ebits(enum fp_fmt f) { return fmt_info[f].e; }
static inline int fp_n(enum fp_fmt f) { return 1 + fmt_info[f].e + fmt_info[f].f; }
static inline u64 frac_mask(enum fp_fmt f) { return (1ull << fbits(f)) - 1; }
static inline u64 emax_field(enum fp_fmt f) { return (1ull << ebits(f)) - 1; }
static inline u64 sign_bit(enum fp_fmt f) { return 1ull << (fp_n(f) - 1); }
static inline int bias(enum fp_fmt f) { return (1 << (ebits(f) - 1)) - 1; }
static inline u64 quiet_bit(enum fp_fmt f) { return 1ull << (fbits(f) - 1); }

static inline void fp_raise(struct fpst *st, u32 flags) { st->exc |= flags; }

static inline bool is_nan(enum fp_type t) { return t == FPT_QNAN || t == FPT_SNAN; }

static inline int clz128(u128 m)
{
    u64 hi = (u64)(m >> 64);
    return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((u64)m);
}

/* The largest finite value of f with the given sign. */
u64 fp_max_normal(enum fp_fmt f, bool sign);
/* FPUnpack (FPUnpackCV when st->cv): type, sign, value = sig * 2^e0. */
struct fp_unp fp_unpack(struct fpst *st, enum fp_fmt f, u64 a);
/* FPProcessNaN, FPProcessNaNs (false: neither operand is a NaN). */
u64 process_nan(struct fpst *st, enum fp_fmt f, enum fp_type t, u64 op);
bool process_nans(struct fpst *st, enum fp_fmt f, enum fp_type t1, enum fp_type t2, u64 op1,
                  u64 op2, u64 *res);
/* FPRound of the nonzero value m * 2^e0 (m may carry a sticky bit well below the rounding
 * point), with the FPCR's flush-to-zero. */
u64 fp_round(struct fpst *st, enum fp_fmt f, bool sign, int e0, u128 m, enum fp_rounding r);
/* Exact signed sum of two values m * 2^e0 (m < 2^126), sticky when alignment lost bits. */
u128 add_mag(bool sa, int ea, u128 ma, bool sb, int eb, u128 mb, bool *sign, int *e0);

#endif
