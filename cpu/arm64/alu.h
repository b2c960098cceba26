/* SPDX-License-Identifier: MIT */
/*
 * Shared integer helpers for the A64 data-processing handlers: AddWithCarry, shifts and
 * extends, DecodeBitMasks and ConditionHolds (Arm ARM J1.1 shared pseudocode, C6.2).
 */
#ifndef EMU_CPU_ARM64_ALU_H
#define EMU_CPU_ARM64_ALU_H

#include "cpu/arm64/cpu.h"

/* ADDS and SUBS (CMN, CMP): AddWithCarry(x, y, 0) and AddWithCarry(x, NOT(y), 1) written the
 * way the host computes them, so that the compiler can use the host's own flags: C of a
 * subtraction is "no borrow" (x >= y), V the signed overflow. */
static inline u64 a64_addsub_flags(bool sf, bool sub, u64 x, u64 y, u32 *nzcv)
{
    bool c, v;
    u64 r;
    if (sf) {
        s64 sr;
        v = sub ? __builtin_sub_overflow((s64)x, (s64)y, &sr)
                : __builtin_add_overflow((s64)x, (s64)y, &sr);
        r = (u64)sr;
        c = sub ? x >= y : r < x;
    } else {
        s32 sr;
        v = sub ? __builtin_sub_overflow((s32)x, (s32)y, &sr)
                : __builtin_add_overflow((s32)x, (s32)y, &sr);
        r = (u32)sr;
        c = sub ? (u32)x >= (u32)y : (u32)r < (u32)x;
    }
    *nzcv = (u32)(sf ? r >> 63 : r >> 31) << 31 | (u32)(r == 0) << 30 | (u32)c << 29 |
            (u32)v << 28;
    return r;
}

/* AddWithCarry(): returns the (width-truncated) sum, and the NZCV bits [31:28] in *nzcv. */
static inline u64 a64_add_with_carry(bool sf, u64 x, u64 y, unsigned carry_in, u32 *nzcv)
{
    if (sf) {
        u64 t, r;
        bool c = __builtin_add_overflow(x, y, &t);
        c |= __builtin_add_overflow(t, (u64)carry_in, &r);
        bool v = (s64)((~(x ^ y) & (x ^ r))) < 0;
        *nzcv = (u32)(r >> 63) << 31 | (u32)(r == 0) << 30 | (u32)c << 29 | (u32)v << 28;
        return r;
    }
    u32 a = (u32)x, b = (u32)y, t, s;
    bool c = __builtin_add_overflow(a, b, &t);
    c |= __builtin_add_overflow(t, carry_in, &s);
    bool v = (s32)(~(a ^ b) & (a ^ s)) < 0;
    *nzcv = (s >> 31) << 31 | (u32)(s == 0) << 30 | (u32)c << 29 | (u32)v << 28;
    return s;
}

/* N and Z of a logical result (C and V cleared): ANDS, BICS, TST. */
static inline u32 a64_nz_flags(bool sf, u64 r)
{
    if (!sf)
        r = (u64)(s64)(s32)(u32)r;
    return (u32)(r >> 63) << 31 | (u32)(r == 0) << 30;
}

static inline u64 a64_trunc(bool sf, u64 v)
{
    return sf ? v : (u32)v;
}

/* ShiftReg(): shift type LSL=0 LSR=1 ASR=2 ROR=3; amount < datasize. */
static inline u64 a64_shift(bool sf, u64 v, unsigned type, unsigned amt)
{
    if (!sf)
        v = (u32)v;
    if (amt == 0)
        return v;
    switch (type) {
    case 0:
        return a64_trunc(sf, v << amt);
    case 1:
        return v >> amt;
    case 2:
        return sf ? (u64)((s64)v >> amt) : (u32)((s32)(u32)v >> amt);
    default:
        return sf ? (v >> amt) | (v << (64 - amt)) : (u32)(((u32)v >> amt) | ((u32)v << (32 - amt)));
    }
}

/* ExtendReg(): option UXTB..SXTX (0..7), then LSL by shift (0..4). */
static inline u64 a64_extend(u64 v, unsigned option, unsigned shift)
{
    switch (option) {
    case 0: v = (u8)v; break;
    case 1: v = (u16)v; break;
    case 2: v = (u32)v; break;
    case 3: break;
    case 4: v = (u64)(s64)(s8)v; break;
    case 5: v = (u64)(s64)(s16)v; break;
    case 6: v = (u64)(s64)(s32)v; break;
    default: break;
    }
    return v << shift;
}

static inline u64 a64_ror(u64 v, unsigned amt, unsigned esize)
{
    u64 mask = esize == 64 ? ~0ull : (1ull << esize) - 1;
    amt %= esize;
    v &= mask;
    if (amt == 0)
        return v;
    return ((v >> amt) | (v << (esize - amt))) & mask;
}

static inline u64 a64_replicate(u64 v, unsigned esize)
{
    while (esize < 64) {
        v |= v << esize;
        esize *= 2;
    }
    return v;
}

/* DecodeBitMasks(immN, imms, immr, immediate=true, M): returns false for reserved encodings.
 * *wmask is the bitfield mask, *tmask the "top" mask used by the bitfield instructions. */
static inline bool a64_decode_bit_masks(unsigned n, unsigned imms, unsigned immr, bool immediate,
                                        unsigned datasize, u64 *wmask, u64 *tmask)
{
    unsigned v = (n << 6) | (~imms & 0x3f);
    if (v == 0)
        return false;
    int len = 31 - __builtin_clz(v);
    if (len < 1)
        return false;
    unsigned esize = 1u << len;
    if (esize > datasize)
        return false;
    unsigned levels = esize - 1;
    if (immediate && (imms & levels) == levels)
        return false;
    unsigned s = imms & levels, r = immr & levels;
    unsigned diff = (s - r) & levels;
    u64 welem = s + 1 == 64 ? ~0ull : (1ull << (s + 1)) - 1;
    u64 telem = diff + 1 == 64 ? ~0ull : (1ull << (diff + 1)) - 1;
    u64 w = a64_replicate(a64_ror(welem, r, esize), esize);
    u64 t = a64_replicate(telem, esize);
    if (datasize == 32) {
        w = (u32)w;
        t = (u32)t;
    }
    *wmask = w;
    if (tmask)
        *tmask = t;
    return true;
}

/* DecodeBitMasks(N, imms, immr, immediate=TRUE) for 64-bit forms, indexed by N:immr:imms
 * (0 for reserved encodings: no logical immediate is 0). A 32-bit form uses the low half,
 * after rejecting N=1. Built at startup by alu.c. */
extern u64 a64_logic_imm_table[1 << 13];

static inline u64 a64_logic_imm(unsigned n, unsigned immr, unsigned imms)
{
    return a64_logic_imm_table[n << 12 | immr << 6 | imms];
}

/* ConditionHolds() as a table: bit n of a64_cond_table[cond] says whether cond holds when
 * NZCV = n (alu.c builds it from the pseudocode at startup). */
extern u16 a64_cond_table[16];

static inline bool a64_cond_holds(unsigned cond, u32 f)
{
    return (a64_cond_table[cond] >> (f >> 28)) & 1;
}

/* Writes a W or X result: 32-bit results zero the upper half. */
static inline void a64_set_reg(struct a64_cpu *cpu, bool sf, int n, u64 v)
{
    a64_set_x(cpu, n, sf ? v : (u32)v);
}

#endif
