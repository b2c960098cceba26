/* SPDX-License-Identifier: MIT */
/*
 * Directed vectors for the soft-float core: the Arm-specific rules the host cannot check
 * (NaN propagation order and default NaN, FZ input/output flushing, tininess detected before
 * rounding, alternative half precision, estimates, FPToFixed saturation). Expected values
 * are worked by hand from the Arm ARM pseudocode; the same functions are compared with
 * qemu-system-aarch64 on random operands by the generated tests in tests/fp/.
 */
#include <stdio.h>

#include "cpu/arm64/fp_soft.h"

static int fails, count;

static void check(const char *what, u64 got, u64 want, u32 gotf, u32 wantf)
{
    count++;
    if (got != want || gotf != wantf) {
        fails++;
        printf("FAIL %s: got %016llx/%02x want %016llx/%02x\n", what, (unsigned long long)got, gotf,
               (unsigned long long)want, wantf);
    }
}

#define T(name, fpcr, expr, want, wantf)              \
    do {                                              \
        struct fpst st_ = fpst_make(fpcr);            \
        struct fpst *st = &st_;                       \
        (void)st;                                     \
        u64 got_ = (expr);                            \
        check(name, got_, want, st_.exc, wantf);      \
    } while (0)

#define RN 0u
#define RP (1u << 22)
#define RM (2u << 22)
#define RZ (3u << 22)

int main(void)
{
    const u32 snan1 = 0x7f800123, qnan2 = 0xffc00456, qnan1 = 0x7fc00001;
    /* FPProcessNaNs: a signalling NaN wins over an earlier quiet one, and is quietened */
    T("add qnan,snan", RN, fp_add(st, FP_S, qnan2, snan1), 0x7fc00123, FPSR_IOC);
    T("add qnan,qnan", RN, fp_add(st, FP_S, qnan1, qnan2), qnan1, 0);
    T("add qnan,qnan DN", FPCR_DN, fp_add(st, FP_S, qnan2, qnan1), 0x7fc00000, 0);
    /* FPMulAdd: addend first; QNaN addend + inf*0 is Invalid with the default NaN */
    T("fma qnanA inf*0", RN, fp_muladd(st, FP_S, qnan2, 0x7f800000, 0), 0x7fc00000, FPSR_IOC);
    T("fma snan op2", RN, fp_muladd(st, FP_S, qnan2, 0x3f800000, snan1), 0x7fc00123, FPSR_IOC);
    T("inf-inf", RN, fp_sub(st, FP_D, 0x7ff0000000000000ull, 0x7ff0000000000000ull),
      0x7ff8000000000000ull, FPSR_IOC);
    /* Exact zero sums: +0 except round toward minus infinity */
    T("1-1 RN", RN, fp_sub(st, FP_S, 0x3f800000, 0x3f800000), 0, 0);
    T("1-1 RM", RM, fp_sub(st, FP_S, 0x3f800000, 0x3f800000), 0x80000000, 0);
    /* FZ: denormal inputs read as zero (IDC), tiny results flush to zero (UFC, no IXC) */
    T("FZ input", FPCR_FZ, fp_add(st, FP_S, 0x00000001, 0x80000000), 0x00000000, FPSR_IDC);
    T("FZ output", FPCR_FZ, fp_mul(st, FP_S, 0x00800000, 0x3f000000), 0x00000000, FPSR_UFC);
    T("no FZ denormal", RN, fp_mul(st, FP_S, 0x00800000, 0x3f000000), 0x00400000, 0);
    /* Tininess before rounding: 0x007fffff.8 rounds up to the smallest normal but is tiny */
    T("tiny before rounding", RN, fp_mul(st, FP_S, 0x00ffffff, 0x3f000000), 0x00800000,
      FPSR_UFC | FPSR_IXC);
    /* Overflow per rounding mode */
    T("ovf RN", RN, fp_mul(st, FP_S, 0x7f7fffff, 0x40000000), 0x7f800000, FPSR_OFC | FPSR_IXC);
    T("ovf RZ", RZ, fp_mul(st, FP_S, 0x7f7fffff, 0x40000000), 0x7f7fffff, FPSR_OFC | FPSR_IXC);
    T("ovf RM neg", RM, fp_mul(st, FP_S, 0xff7fffff, 0x40000000), 0xff800000, FPSR_OFC | FPSR_IXC);
    T("ovf RP neg", RP, fp_mul(st, FP_S, 0xff7fffff, 0x40000000), 0xff7fffff, FPSR_OFC | FPSR_IXC);
    T("div by zero", RN, fp_div(st, FP_D, 0xbff0000000000000ull, 0), 0xfff0000000000000ull, FPSR_DZC);
    T("sqrt -1", RN, fp_sqrt(st, FP_S, 0xbf800000), 0x7fc00000, FPSR_IOC);
    T("sqrt -0", RN, fp_sqrt(st, FP_S, 0x80000000), 0x80000000, 0);
    /* Min/max of zeros, and the NM forms with one quiet NaN */
    T("max(-0,+0)", RN, fp_max(st, FP_S, 0x80000000, 0), 0, 0);
    T("min(+0,-0)", RN, fp_min(st, FP_S, 0, 0x80000000), 0x80000000, 0);
    T("maxnm(qnan,1)", RN, fp_maxnum(st, FP_S, qnan1, 0x3f800000), 0x3f800000, 0);
    T("maxnm(snan,1)", RN, fp_maxnum(st, FP_S, snan1, 0x3f800000), 0x7fc00123, FPSR_IOC);
    /* Compare */
    T("fcmp qnan", RN, fp_compare(st, FP_S, qnan1, 0, false), 0x3, 0);
    T("fcmpe qnan", RN, fp_compare(st, FP_S, qnan1, 0, true), 0x3, FPSR_IOC);
    T("fcmp -0,+0", RN, fp_compare(st, FP_S, 0x80000000, 0, false), 0x6, 0);
    /* Conversions between formats, NaN payloads, AHP */
    T("cvt snan d->s", RN, fp_convert(st, FP_S, FP_D, 0x7ff0000000000001ull | (0x123ull << 29)),
      0x7fc00123, FPSR_IOC);
    T("cvt s->h ovf", RN, fp_convert(st, FP_H, FP_S, 0x47800000), 0x7c00, FPSR_OFC | FPSR_IXC);
    T("cvt s->h AHP", FPCR_AHP, fp_convert(st, FP_H, FP_S, 0x47800000), 0x7c00, 0);
    T("cvt inf->h AHP", FPCR_AHP, fp_convert(st, FP_H, FP_S, 0x7f800000), 0x7fff, FPSR_IOC);
    T("cvt nan->h AHP", FPCR_AHP, fp_convert(st, FP_H, FP_S, qnan2), 0x8000, FPSR_IOC);
    T("cvt h(AHP max)->s", FPCR_AHP, fp_convert(st, FP_S, FP_H, 0x7fff), 0x47ffe000, 0);
    T("cvt h denormal->s FZ", FPCR_FZ, fp_convert(st, FP_S, FP_H, 0x0001), 0x33800000, 0);
    /* FPToFixed: saturation is Invalid (no Inexact); NaN gives 0 */
    T("fcvtzs 1e10->w", RN, fp_to_fixed(st, FP_S, 0x501502f9, 0, false, 32, FPR_ZERO), 0x7fffffff,
      FPSR_IOC);
    T("fcvtzu -0.5", RN, fp_to_fixed(st, FP_S, 0xbf000000, 0, true, 32, FPR_ZERO), 0, FPSR_IXC);
    T("fcvtnu -0.7", RN, fp_to_fixed(st, FP_S, 0xbf333333, 0, true, 32, FPR_TIEEVEN), 0, FPSR_IOC);
    T("fcvtas 2.5", RN, fp_to_fixed(st, FP_D, 0x4004000000000000ull, 0, false, 64, FPR_TIEAWAY), 3,
      FPSR_IXC);
    T("fcvtns 2.5", RN, fp_to_fixed(st, FP_D, 0x4004000000000000ull, 0, false, 64, FPR_TIEEVEN), 2,
      FPSR_IXC);
    T("fcvtzs nan", RN, fp_to_fixed(st, FP_D, 0x7ff8000000000000ull, 0, false, 64, FPR_ZERO), 0,
      FPSR_IOC);
    T("fcvtzs -2^63", RN, fp_to_fixed(st, FP_D, 0xc3e0000000000000ull, 0, false, 64, FPR_ZERO),
      0x8000000000000000ull, 0);
    /* FRINT keeps the sign of a zero result; FRINTX signals Inexact */
    T("frintn -0.3", RN, fp_round_int(st, FP_S, 0xbe99999a, FPR_TIEEVEN, false), 0x80000000, 0);
    T("frintx 1.5", RN, fp_round_int(st, FP_S, 0x3fc00000, FPR_TIEEVEN, true), 0x40000000, FPSR_IXC);
    /* Estimates (RecipEstimate / RecipSqrtEstimate tables) */
    T("frecpe 1.0", RN, fp_recip_estimate(st, FP_S, 0x3f800000), 0x3f7f8000, 0);
    T("frsqrte 1.0", RN, fp_rsqrt_estimate(st, FP_S, 0x3f800000), 0x3f7f8000, 0);
    T("frsqrte 2.0", RN, fp_rsqrt_estimate(st, FP_S, 0x40000000), 0x3f348000, 0);
    T("frecpe 0", RN, fp_recip_estimate(st, FP_S, 0x80000000), 0xff800000, FPSR_DZC);
    T("frecpe tiny RZ", RZ, fp_recip_estimate(st, FP_S, 0x00000001), 0x7f7fffff,
      FPSR_OFC | FPSR_IXC);
    T("frecps inf*0", RN, fp_recip_step(st, FP_S, 0x7f800000, 0), 0x40000000, 0);
    T("frsqrts inf*0", RN, fp_rsqrt_step(st, FP_S, 0x7f800000, 0), 0x3fc00000, 0);
    T("frecpx 3.0", RN, fp_recpx(st, FP_S, 0x40400000), 0x3f800000, 0);
    T("urecpe 0.5", RN, fp_urecip_estimate(0x80000000u), 0xff800000u, 0);
    printf("softfloat_vectors: %d cases, %d failures\n", count, fails);
    return fails != 0;
}
