/* SPDX-License-Identifier: MIT */
/*
 * Userspace floating-point smoke test, run under Linux on emu and on QEMU with the outputs
 * compared line by line (tests/cli/fp-userspace.sh). Static aarch64 binary: glibc's libm,
 * printf/strtod (%a and %.17g), fenv rounding modes and flags, half precision through
 * __fp16 (storage, FCVT) and _Float16 (FEAT_FP16 arithmetic), loops GCC vectorises at -O3
 * (FMLA .4S/.8H, SDOT), FJCVTZS through __jcvt(). Every line must be the same on any correct
 * implementation of the features it checks in HWCAP/HWCAP2.
 */
#include <arm_acle.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#ifndef HWCAP_FPHP
#define HWCAP_FPHP (1 << 9)
#define HWCAP_ASIMDHP (1 << 10)
#endif

#define N 1024

/* volatile so the compiler cannot fold the libm calls at build time */
static volatile double args[] = {0.5, -2.5, 1e-300, 1e300, 3.0, 0x1p-1074, 0.1, 100.0, -0.0};
static float fa[N], fb[N], fc[N];
static double da[N], db[N];
static _Float16 ha[N], hb[N], hc[N];
static __fp16 hs[N];
static signed char i8a[N], i8b[N];

static void line_d(const char *what, double v)
{
    printf("%s %a %.17g\n", what, v, v);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void libm_lines(void)
{
    for (unsigned i = 0; i < sizeof(args) / sizeof(args[0]); i++) {
        double x = args[i];
        printf("x=%a\n", x);
        line_d(" sin", sin(x));
        line_d(" cos", cos(x));
        line_d(" tan", tan(x));
        line_d(" exp", exp(x));
        line_d(" log", log(fabs(x)));
        line_d(" pow", pow(fabs(x), 1.0 / 3.0));
        line_d(" sqrt", sqrt(fabs(x)));
        line_d(" cbrt", cbrt(x));
        line_d(" atan2", atan2(x, 0.75));
        line_d(" hypot", hypot(x, 3.0));
        line_d(" erf", erf(x));
        line_d(" lgamma", lgamma(x));
        line_d(" expm1", expm1(x));
        line_d(" log1p", log1p(fabs(x)));
        line_d(" fmod", fmod(x, 0.3));
        line_d(" fma", fma(x, 1.0 / 3.0, -x / 3.0));
        printf(" sinf %a expf %a logf %a powf %a\n", (double)sinf((float)x), (double)expf((float)x),
               (double)logf(fabsf((float)x)), (double)powf(fabsf((float)x), 0.3f));
    }
}

static void rounding_lines(void)
{
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *names[] = {"nearest", "upward", "downward", "towardzero"};
    volatile double one = 1.0, three = 3.0, half = 2.5;
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        volatile double q = one / three;
        volatile float qf = (float)one / (float)three;
        printf("%s: 1/3=%a f=%a rint(2.5)=%g rint(-2.5)=%g lrint(3.5)=%ld sqrt2=%a\n", names[m], q,
               (double)qf, rint(half), rint(-half), lrint(half + 1.0), sqrt(2.0 * one));
    }
    fesetround(FE_TONEAREST);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double zero = 0.0, big = 1e308;
    volatile double r = one / zero;
    printf("1/0=%g divbyzero=%d\n", r, fetestexcept(FE_DIVBYZERO) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = big * 10.0;
    printf("overflow=%d inexact=%d\n", fetestexcept(FE_OVERFLOW) != 0, fetestexcept(FE_INEXACT) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = zero / zero;
    printf("0/0 nan=%d invalid=%d\n", isnan(r), fetestexcept(FE_INVALID) != 0);
    feclearexcept(FE_ALL_EXCEPT);
    r = 0x1p-1022 * 0.75;
    printf("tiny=%a underflow=%d\n", r, fetestexcept(FE_UNDERFLOW) != 0);
}

static void string_lines(void)
{
    static const char *in[] = {"0.1", "1e23", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308",
                               "0x1.fffffffffffffp+1023", "123456789012345678901234567890", "-0.0", "nan", "inf"};
    for (unsigned i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        double d = strtod(in[i], NULL);
        float f = strtof(in[i], NULL);
        printf("strtod(%s) = %.17g %a | %.9g %e\n", in[i], d, d, (double)f, d);
    }
}

static void half_lines(void)
{
    _Float16 x = (_Float16)1.5, acc = 0;
    for (int i = 0; i < 40; i++) {
        acc = acc * (_Float16)0.75 + x;       /* FEAT_FP16 scalar arithmetic */
        x = x / (_Float16)1.25 - (_Float16)0.01;
    }
    printf("f16 acc=%a x=%a sqrt=%a\n", (double)acc, (double)x, (double)(_Float16)sqrtf(fabsf((float)acc)));
    __fp16 s = (__fp16)65504.0f;
    float sf = s;
    __fp16 tiny = (__fp16)0x1p-24f;
    printf("fp16 max=%a tiny=%a round=%a\n", (double)sf, (double)tiny, (double)(__fp16)3.14159f);
}

static void vector_lines(void)
{
    for (int i = 0; i < N; i++) {
        fa[i] = (float)i * 0.37f - 100.0f;
        fb[i] = 1.0f / (float)(i + 1);
        fc[i] = (float)(i % 7) - 3.0f;
        da[i] = (double)i * 1e-3 + 0.5;
        db[i] = (double)(N - i) * 3.25;
        ha[i] = (_Float16)((i % 31) * 0.125);
        hb[i] = (_Float16)((i % 17) - 8);
        hs[i] = (__fp16)((float)i * 0.01f);
    }
    for (int i = 0; i < N; i++)                     /* vectorised: FMLA/FMUL .4s */
        fc[i] = fa[i] * fb[i] + fc[i] * 0.5f;
    for (int i = 0; i < N; i++)                     /* .8h half-precision lanes */
        hc[i] = ha[i] * hb[i] + ha[i];
    float fsum = 0, fmax = -INFINITY;
    double dsum = 0;
    float hsum = 0, ssum = 0;
    for (int i = 0; i < N; i++) {
        fsum += fc[i];
        fmax = fmaxf(fmax, fc[i]);
        dsum += da[i] * db[i];
        hsum += (float)hc[i];
        ssum += (float)hs[i];
    }
    printf("vec fsum=%a fmax=%a dsum=%a %.17g hsum=%a ssum=%a\n", (double)fsum, (double)fmax, dsum,
           dsum, (double)hsum, (double)ssum);
    int dot = 0;
    for (int i = 0; i < N; i++) {
        i8a[i] = (signed char)(i * 7 - 300);
        i8b[i] = (signed char)(i * 13 + 5);
    }
    for (int i = 0; i < N; i++)                     /* SDOT at -O3 with +dotprod */
        dot += i8a[i] * i8b[i];
    printf("int8 dot=%d\n", dot);
    qsort(da, N, sizeof(da[0]), cmp_double);
    for (int i = 0; i < N; i++)
        da[i] = sin(da[i] * db[i]);
    qsort(da, N, sizeof(da[0]), cmp_double);
    printf("sorted sin: %a %a %a\n", da[0], da[N / 2], da[N - 1]);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "--data")) {
        /* a data file for the busybox utilities: numbers in scrambled order */
        unsigned s = 12345;
        for (int i = 0; i < 2000; i++) {
            s = s * 1103515245u + 12345u;
            printf("%.6f %u\n", (double)(s >> 8) / 1000.0 - 5000.0, s % 1000);
        }
        return 0;
    }
    unsigned long hw = getauxval(AT_HWCAP);
    unsigned long hw2 = getauxval(AT_HWCAP2);
    printf("hwcap fphp=%d asimdhp=%d\n", (hw & HWCAP_FPHP) != 0, (hw & HWCAP_ASIMDHP) != 0);
    printf("hwcap jscvt=%d fcma=%d asimddp=%d asimdfhm=%d frint=%d i8mm=%d\n",
           (hw & HWCAP_JSCVT) != 0, (hw & HWCAP_FCMA) != 0, (hw & HWCAP_ASIMDDP) != 0,
           (hw & HWCAP_ASIMDFHM) != 0, (hw2 & HWCAP2_FRINT) != 0, (hw2 & HWCAP2_I8MM) != 0);
    libm_lines();
    rounding_lines();
    string_lines();
    half_lines();
    static volatile double js[] = {1.9, -1.9, 4294967301.5, -0.0, 1e300, 2147483648.0};
    for (unsigned i = 0; i < sizeof(js) / sizeof(js[0]); i++)
        printf("jcvt(%a) = %d\n", js[i], __jcvt(js[i]));
    vector_lines();
    return 0;
}
