/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD shift by immediate, vector and scalar (C4.1.96.17, C4.1.96.24): SSHR ... SLI,
 * saturating and rounding narrowing shifts, SSHLL/USHLL, and the fixed-point conversions.
 * The element size comes from the highest set bit of immh.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

enum { SH_SAME, SH_NARROW, SH_LONG, SH_FP };

static int shift_kind(int opcode)
{
    if (opcode >= 0x10 && opcode <= 0x13)
        return SH_NARROW;
    if (opcode == 0x14)
        return SH_LONG;
    if (opcode == 0x1c || opcode == 0x1f)
        return SH_FP;
    return SH_SAME;
}

/* One same-width element: returns false if (u, opcode) is unallocated. */
static bool shift_elem(struct a64_cpu *cpu, int u, int opcode, u64 a, u64 d, unsigned bits,
                       int rshift, int lshift, u64 *out)
{
    s128 v;
    switch (opcode) {
    case 0x00: case 0x02: case 0x04: case 0x06: /* [U|S][R]SHR, [U|S][R]SRA */
        v = shift_round(ival(a, bits, u), -rshift, opcode & 4);
        *out = (opcode & 2) ? d + (u64)v : (u64)v;
        return true;
    case 0x08: { /* SRI */
        if (!u)
            return false;
        u64 mask = rshift >= (int)bits ? 0 : ones(bits) >> rshift;
        u64 sh = rshift >= (int)bits ? 0 : (a & ones(bits)) >> rshift;
        *out = (d & ~mask) | (sh & mask);
        return true;
    }
    case 0x0a: { /* SHL / SLI */
        u64 mask = ones(bits) << lshift;
        *out = u ? (d & ~mask) | ((a << lshift) & mask) : a << lshift;
        return true;
    }
    case 0x0c: /* SQSHLU */
        if (!u)
            return false;
        *out = sat_u(cpu, (s128)sx(a, bits) << lshift, bits);
        return true;
    case 0x0e: /* SQSHL / UQSHL (immediate) */
        v = ival(a, bits, u) << lshift;
        *out = u ? sat_u(cpu, v, bits) : sat_s(cpu, v, bits);
        return true;
    default:
        return false;
    }
}

/* Narrowing: SHRN, RSHRN, SQSHRN, SQRSHRN, UQSHRN, UQRSHRN, SQSHRUN, SQRSHRUN. */
static void narrow_elem(struct a64_cpu *cpu, int u, int opcode, u64 a, unsigned bits, int rshift,
                        u64 *out)
{
    bool round = opcode & 1;
    bool src_unsigned = u && opcode >= 0x12;      /* UQ[R]SHRN */
    s128 v = shift_round(ival(a, 2 * bits, src_unsigned), -rshift, round);
    if (opcode <= 0x11 && !u) {                   /* SHRN, RSHRN: vector only */
        *out = (u64)v & ones(bits);
    } else if (opcode <= 0x11) {                  /* SQSHRUN, SQRSHRUN */
        *out = sat_u(cpu, v, bits);
    } else {
        *out = u ? sat_u(cpu, v, bits) : sat_s(cpu, v, bits);
    }
}

void a64_exec_SIMD_shift(struct a64_cpu *cpu, const struct arg_SIMD_shift *a)
{
    if (a->immh == 0)
        a64_undef(cpu);
    int hsb = 31 - __builtin_clz((unsigned)a->immh);
    unsigned bits = 8u << hsb, esize = bits / 8;
    int immhb = (a->immh << 3) | a->immb;
    int kind = shift_kind(a->opcode);
    bool sc = a->sc;
    union a64_vreg n = cpu->v[a->rn], d = cpu->v[a->rd], r = {0};

    if (kind == SH_NARROW || kind == SH_LONG) {
        if (hsb == 3 || (kind == SH_LONG && sc) || (sc && a->opcode <= 0x11 && !a->u))
            a64_undef(cpu);
        a64_fp_check(cpu);
        int rshift = 2 * (int)bits - immhb, lshift = immhb - (int)bits;
        unsigned elements = sc ? 1 : 8 / esize, part = a->q && !sc ? elements : 0;
        u64 out[8];
        for (unsigned e = 0; e < elements; e++) {
            if (kind == SH_LONG) {
                out[e] = (u64)(ival(velem(&n, part + e, esize), bits, a->u) << lshift);
            } else {
                narrow_elem(cpu, a->u, a->opcode, velem(&n, e, 2 * esize), bits, rshift, &out[e]);
            }
        }
        if (kind == SH_LONG) {
            for (unsigned e = 0; e < elements; e++)
                velem_set(&r, e, 2 * esize, out[e]);
            cpu->v[a->rd] = r;
        } else if (sc) {
            vreg_write(cpu, a->rd, out[0], esize);
        } else {
            r = d;
            for (unsigned e = 0; e < elements; e++)
                velem_set(&r, part + e, esize, out[e]);
            if (!a->q)
                r.d[1] = 0;
            cpu->v[a->rd] = r;
        }
        return;
    }

    if ((!sc && hsb == 3 && !a->q))
        a64_undef(cpu);
    int rshift = 2 * (int)bits - immhb, lshift = immhb - (int)bits;
    unsigned elements = sc ? 1 : (a->q ? 16 : 8) / esize;

    if (kind == SH_FP) {
        if (hsb == 0 || (hsb == 1 && !fp_have_fp16(cpu)))
            a64_undef(cpu); /* half precision (immh 001x) needs FEAT_FP16 */
        a64_fp_check(cpu);
        enum fp_fmt f = (enum fp_fmt)(hsb - 1);
        struct fpst st = fp_env(cpu);
        for (unsigned e = 0; e < elements; e++) {
            u64 v = velem(&n, e, esize);
            v = a->opcode == 0x1c
                    ? fp_from_fixed(&st, f, v, rshift, a->u, (int)bits, (enum fp_rounding)st.rmode)
                    : fp_to_fixed(&st, f, v, rshift, a->u, (int)bits, FPR_ZERO);
            velem_set(&r, e, esize, v);
        }
        fp_commit(cpu, &st);
    } else {
        /* scalar forms other than the saturating left shifts are 64-bit only */
        if (sc && hsb != 3 && a->opcode < 0x0c)
            a64_undef(cpu);
        u64 v;
        if (!shift_elem(cpu, a->u, a->opcode, 0, 0, bits, rshift, lshift, &v))
            a64_undef(cpu);
        a64_fp_check(cpu);
        for (unsigned e = 0; e < elements; e++) {
            shift_elem(cpu, a->u, a->opcode, velem(&n, e, esize), velem(&d, e, esize), bits,
                       rshift, lshift, &v);
            velem_set(&r, e, esize, v & ones(bits));
        }
    }
    if (sc)
        vreg_write(cpu, a->rd, r.d[0], esize);
    else
        vreg_set_vec(cpu, a->rd, &r, a->q);
}

void a64_exec_SIMD_shift_sc(struct a64_cpu *cpu, const struct arg_SIMD_shift *a)
{
    a64_exec_SIMD_shift(cpu, a);
}
