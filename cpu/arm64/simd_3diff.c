/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD three registers of different types (C4.1.96.7): long (L), wide (W) and
 * high-narrow (HN) add/sub, absolute difference, multiply(-accumulate) long, saturating
 * doubling multiplies (also scalar), and PMULL/PMULL2 for 8-bit and 64-bit polynomials.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

/* Carry-less multiply of two 64-bit polynomials into 128 bits. */
u128 simd_clmul64(u64 a, u64 b)
{
    u128 r = 0;
    for (int i = 0; i < 64; i++)
        if (b >> i & 1)
            r ^= (u128)a << i;
    return r;
}

void a64_exec_SIMD_3diff(struct a64_cpu *cpu, const struct arg_SIMD_3diff *a)
{
    int op = a->opcode, u = a->u;
    bool sc = a->sc;
    /* PMULL/PMULL2: size 00 (8-bit) or 11 (64-bit, FEAT_PMULL) */
    if (op == 0xe) {
        if (u || sc || (a->size != 0 && a->size != 3))
            a64_undef(cpu);
        a64_fp_check(cpu);
        union a64_vreg n = cpu->v[a->rn], m = cpu->v[a->rm], r;
        if (a->size == 3) {
            r.q = simd_clmul64(n.d[a->q], m.d[a->q]);
        } else {
            for (int e = 0; e < 8; e++)
                r.h[e] = (u16)simd_clmul64(n.b[8 * a->q + e], m.b[8 * a->q + e]);
        }
        cpu->v[a->rd] = r;
        return;
    }
    bool sat_dbl = op == 0x9 || op == 0xb || op == 0xd;
    if (a->size == 3 || op == 0xf || (sat_dbl && (u || a->size == 0)) || (sc && !sat_dbl))
        a64_undef(cpu);
    a64_fp_check(cpu);
    simd_3diff_long(cpu, op, u, a->size, a->q, sc, a->rd, &cpu->v[a->rn], &cpu->v[a->rm]);
}

void simd_3diff_long(struct a64_cpu *cpu, int op, int u, int size, bool q, bool sc, int rd,
                     const union a64_vreg *vn, const union a64_vreg *vm)
{
    unsigned esize = 1u << size, bits = esize * 8, elements = sc ? 1 : 8 / esize;
    unsigned part = q && !sc ? elements : 0;
    union a64_vreg n = *vn, m = *vm, d = cpu->v[rd], r = {0};

    if (op == 0x4 || op == 0x6) { /* ADDHN, RADDHN, SUBHN, RSUBHN */
        r = d;
        for (unsigned e = 0; e < elements; e++) {
            u64 x = velem(&n, e, 2 * esize), y = velem(&m, e, 2 * esize);
            u64 s = op == 0x4 ? x + y : x - y;
            if (u)
                s += 1ull << (bits - 1);
            velem_set(&r, part + e, esize, s >> bits);
        }
        if (!q)
            r.d[1] = 0;
        cpu->v[rd] = r;
        return;
    }
    for (unsigned e = 0; e < elements; e++) {
        bool wide = op == 0x1 || op == 0x3;
        s128 x = wide ? ival(velem(&n, e, 2 * esize), 2 * bits, u)
                      : ival(velem(&n, part + e, esize), bits, u);
        s128 y = ival(velem(&m, part + e, esize), bits, u);
        s128 acc = ival(velem(&d, e, 2 * esize), 2 * bits, u);
        u64 res;
        switch (op) {
        case 0x0: case 0x1: res = (u64)(x + y); break;
        case 0x2: case 0x3: res = (u64)(x - y); break;
        case 0x5: res = (u64)(acc + (x > y ? x - y : y - x)); break;
        case 0x7: res = (u64)(x > y ? x - y : y - x); break;
        case 0x8: res = (u64)(acc + x * y); break;
        case 0xa: res = (u64)(acc - x * y); break;
        case 0xc: res = (u64)(x * y); break;
        default: { /* SQDMLAL, SQDMLSL, SQDMULL */
            s128 p = sat_s(cpu, 2 * x * y, 2 * bits);
            p = sx((u64)p, 2 * bits);
            if (op == 0xd)
                res = (u64)p;
            else
                res = sat_s(cpu, op == 0x9 ? acc + p : acc - p, 2 * bits);
            break;
        }
        }
        velem_set(&r, e, 2 * esize, res);
    }
    if (sc)
        vreg_write(cpu, rd, r.d[0], 2 * esize);
    else
        cpu->v[rd] = r;
}

void a64_exec_SIMD_3diff_sc(struct a64_cpu *cpu, const struct arg_SIMD_3diff *a)
{
    a64_exec_SIMD_3diff(cpu, a);
}
