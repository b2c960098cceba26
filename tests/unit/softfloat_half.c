/* SPDX-License-Identifier: MIT */
/*
 * Half-precision arithmetic of the soft-float core (fp_add/sub/mul/div/sqrt/muladd on FP_H,
 * round to nearest, which takes fp_fast.h's binary64 path for normal values) against an
 * independent reference built from other parts of the core: the exact (add, sub, mul, fma
 * product) or round-to-odd binary64 result (div, sqrt, fma sum), then FPConvert to half.
 * Round to odd at 53 bits followed by one rounding to 11 bits is correctly rounded, and every
 * exception (IXC, UFC, OFC) comes out of the conversion as FPRound would raise it for H with
 * FZ16 = AHP = 0. Every finite half is used as the first operand.
 */
#include <stdio.h>

#include "cpu/arm64/fp_soft.h"

static int fails, count;
static u64 rs = 0x2545f4914f6cdd1dull;

static u64 rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return rs;
}

/* A finite half, biased to normal values near the first operand's exponent. */
static u64 pick(u64 a)
{
    u64 r = rnd();
    u64 v = (r % 4 == 0) ? (a & 0x7c00) ^ ((r >> 8) & 0x03ff) ^ ((r >> 20) & 0x0c00) : r & 0x7fff;
    if ((v & 0x7c00) == 0x7c00)
        v &= 0x3fff;
    return v | ((r >> 40) & 0x8000);
}

/* Exact binary64 of a finite half (FPCR = 0: conversions are exact, no flags). */
static u64 widen(u64 h)
{
    struct fpst st = fpst_make(0);
    return fp_convert(&st, FP_D, FP_H, h);
}

/* Round a binary64 value (carrying the flags of its computation) to half. */
static u64 narrow(u64 d, u32 *exc)
{
    struct fpst st = fpst_make(0);
    u64 r = fp_convert(&st, FP_H, FP_D, d);
    *exc |= st.exc;
    return r;
}

static void compare(const char *op, u64 a, u64 b, u64 c, u64 got, u32 gotf, u64 want, u32 wantf)
{
    count++;
    if (got != want || gotf != wantf) {
        if (fails++ < 20)
            printf("FAIL %s %04llx %04llx %04llx: got %04llx/%02x want %04llx/%02x\n", op,
                   (unsigned long long)a, (unsigned long long)b, (unsigned long long)c,
                   (unsigned long long)got, gotf, (unsigned long long)want, wantf);
    }
}

int main(void)
{
    for (u64 a = 0; a < 0x10000; a++) {
        if ((a & 0x7c00) == 0x7c00)
            continue;
        for (int k = 0; k < 4; k++) {
            u64 b = pick(a), c = pick(a);
            u64 da = widen(a), db = widen(b), dc = widen(c);
            for (int op = 0; op < 6; op++) {
                struct fpst st = fpst_make(0), ref = fpst_make(0);
                u64 got, d;
                const char *name;
                ref.rmode = FPR_ODD;
                switch (op) {
                case 0: name = "add"; got = fp_add(&st, FP_H, a, b); d = fp_add(&ref, FP_D, da, db); break;
                case 1: name = "sub"; got = fp_sub(&st, FP_H, a, b); d = fp_sub(&ref, FP_D, da, db); break;
                case 2: name = "mul"; got = fp_mul(&st, FP_H, a, b); d = fp_mul(&ref, FP_D, da, db); break;
                case 3:
                    if ((b & 0x7fff) == 0)
                        continue;
                    name = "div"; got = fp_div(&st, FP_H, a, b); d = fp_div(&ref, FP_D, da, db);
                    break;
                case 4:
                    if (a & 0x8000)
                        continue;
                    name = "sqrt"; got = fp_sqrt(&st, FP_H, a); d = fp_sqrt(&ref, FP_D, da);
                    break;
                default:
                    name = "fma"; got = fp_muladd(&st, FP_H, c, a, b);
                    d = fp_muladd(&ref, FP_D, dc, da, db);
                    break;
                }
                /* an exact zero sum is +0 under both RNE and ODD, like the H operation */
                u32 wantf = ref.exc & FPSR_IXC;
                u64 want = narrow(d, &wantf);
                compare(name, a, b, c, got, st.exc, want, wantf);
            }
        }
    }
    printf("softfloat_half: %d cases, %d failures\n", count, fails);
    return fails != 0;
}
