/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD three registers of the same type, integer (vector and scalar): arithmetic,
 * halving, saturating, shifts by register, compares, min/max, absolute difference, multiply,
 * pairwise, logical. Arm ARM C4.1.96.8 (table by U:opcode) and C7.2 pseudocode.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"


#define ELEM(name) static u64 name(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u)
ELEM(e_hadd) { return (u64)((ival(a, bits, u) + ival(b, bits, u)) >> 1); }
ELEM(e_rhadd) { return (u64)((ival(a, bits, u) + ival(b, bits, u) + 1) >> 1); }
ELEM(e_hsub) { return (u64)((ival(a, bits, u) - ival(b, bits, u)) >> 1); }
ELEM(e_qadd)
{
    s128 r = ival(a, bits, u) + ival(b, bits, u);
    return u ? sat_u(cpu, r, bits) : sat_s(cpu, r, bits);
}
ELEM(e_qsub)
{
    s128 r = ival(a, bits, u) - ival(b, bits, u);
    return u ? sat_u(cpu, r, bits) : sat_s(cpu, r, bits);
}
ELEM(e_cmgt) { return ival(a, bits, u) > ival(b, bits, u) ? ~0ull : 0; }
ELEM(e_cmge) { return ival(a, bits, u) >= ival(b, bits, u) ? ~0ull : 0; }
/* SSHL/USHL, SQSHL/UQSHL, SRSHL/URSHL, SQRSHL/UQRSHL: shift = SInt(b<7:0>) */
static u64 shl_reg(struct a64_cpu *cpu, u64 a, u64 b, unsigned bits, bool u, bool round, bool sat)
{
    s128 r = shift_round(ival(a, bits, u), (s8)(u8)b, round);
    if (!sat)
        return (u64)r;
    return u ? sat_u(cpu, r, bits) : sat_s(cpu, r, bits);
}
ELEM(e_shl) { return shl_reg(cpu, a, b, bits, u, false, false); }
ELEM(e_qshl) { return shl_reg(cpu, a, b, bits, u, false, true); }
ELEM(e_rshl) { return shl_reg(cpu, a, b, bits, u, true, false); }
ELEM(e_qrshl) { return shl_reg(cpu, a, b, bits, u, true, true); }
ELEM(e_max) { return ival(a, bits, u) >= ival(b, bits, u) ? a : b; }
ELEM(e_min) { return ival(a, bits, u) <= ival(b, bits, u) ? a : b; }
ELEM(e_abd)
{
    s128 r = ival(a, bits, u) - ival(b, bits, u);
    return (u64)(r < 0 ? -r : r);
}
ELEM(e_aba) { return d + e_abd(cpu, a, b, d, bits, u); }
ELEM(e_add) { return u ? a - b : a + b; } /* ADD / SUB */
ELEM(e_tst) { return u ? ((a ^ b) & ones(bits) ? 0 : ~0ull) : (a & b & ones(bits) ? ~0ull : 0); }
ELEM(e_mla) { return u ? d - a * b : d + a * b; } /* MLA / MLS */
ELEM(e_mul)
{
    if (!u)
        return a * b;
    u64 r = 0; /* PMUL: polynomial multiply over {0,1} (bytes only) */
    for (unsigned i = 0; i < 8; i++)
        if (b & (1u << i))
            r ^= a << i;
    return r;
}
/* SQDMULH / SQRDMULH: (2*a*b [+ rounding]) >> bits, saturated */
ELEM(e_qdmulh)
{
    s128 p = 2 * (s128)sx(a, bits) * sx(b, bits);
    if (u)
        p += (s128)1 << (bits - 1);
    return sat_s(cpu, p >> bits, bits);
}
ELEM(e_addp) { return a + b; }

u64 simd_e_qdmulh(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u)
{
    return e_qdmulh(cpu, a, b, d, bits, u);
}
/* SQRDMLAH / SQRDMLSH (FEAT_RDM): (d << bits) +/- 2*a*b, rounded, >> bits, saturated */
u64 simd_e_rdmlah(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u)
{
    s128 p = 2 * (s128)sx(a, bits) * sx(b, bits);
    s128 acc = ((s128)sx(d, bits) << bits) + (u ? -p : p) + ((s128)1 << (bits - 1));
    return sat_s(cpu, acc >> bits, bits);
}

void a64_exec_SIMD_rdm(struct a64_cpu *cpu, const struct arg_SIMD_rdm *a)
{
    if (a->size != 1 && a->size != 2)
        a64_undef(cpu);
    a64_fp_check(cpu);
    simd_elementwise(cpu, a->q, a->sc, 1u << a->size, a->rd, &cpu->v[a->rn], &cpu->v[a->rm],
                     simd_e_rdmlah, a->s, false);
}

void a64_exec_SIMD_rdm_sc(struct a64_cpu *cpu, const struct arg_SIMD_rdm *a)
{
    a64_exec_SIMD_rdm(cpu, a);
}

u64 simd_e_mul(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u)
{
    return a * b;
}
u64 simd_e_mla(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u)
{
    return e_mla(cpu, a, b, d, bits, u);
}

/* Which sizes an op allows: bit n set = size n allowed (vector); scalar forms have their
 * own mask. */
struct op3 {
    elem_fn fn;
    u8 vsizes, ssizes;
    bool pairwise, acc;
};

#define ALL 0xf
#define NO_D 0x7
#define D_ONLY 0x8
static const struct op3 op3_tab[2][24] = {
    [0] = {
        [0x00] = {e_hadd, NO_D, 0}, [0x01] = {e_qadd, ALL, ALL}, [0x02] = {e_rhadd, NO_D, 0},
        [0x04] = {e_hsub, NO_D, 0}, [0x05] = {e_qsub, ALL, ALL}, [0x06] = {e_cmgt, ALL, D_ONLY},
        [0x07] = {e_cmge, ALL, D_ONLY}, [0x08] = {e_shl, ALL, D_ONLY}, [0x09] = {e_qshl, ALL, ALL},
        [0x0a] = {e_rshl, ALL, D_ONLY}, [0x0b] = {e_qrshl, ALL, ALL}, [0x0c] = {e_max, NO_D, 0},
        [0x0d] = {e_min, NO_D, 0}, [0x0e] = {e_abd, NO_D, 0}, [0x0f] = {e_aba, NO_D, 0, false, true},
        [0x10] = {e_add, ALL, D_ONLY}, [0x11] = {e_tst, ALL, D_ONLY},
        [0x12] = {e_mla, NO_D, 0, false, true}, [0x13] = {e_mul, NO_D, 0},
        [0x14] = {e_max, NO_D, 0, true}, [0x15] = {e_min, NO_D, 0, true},
        [0x16] = {e_qdmulh, 0x6, 0x6}, [0x17] = {e_addp, ALL, 0, true},
    },
    [1] = {
        [0x00] = {e_hadd, NO_D, 0}, [0x01] = {e_qadd, ALL, ALL}, [0x02] = {e_rhadd, NO_D, 0},
        [0x04] = {e_hsub, NO_D, 0}, [0x05] = {e_qsub, ALL, ALL}, [0x06] = {e_cmgt, ALL, D_ONLY},
        [0x07] = {e_cmge, ALL, D_ONLY}, [0x08] = {e_shl, ALL, D_ONLY}, [0x09] = {e_qshl, ALL, ALL},
        [0x0a] = {e_rshl, ALL, D_ONLY}, [0x0b] = {e_qrshl, ALL, ALL}, [0x0c] = {e_max, NO_D, 0},
        [0x0d] = {e_min, NO_D, 0}, [0x0e] = {e_abd, NO_D, 0}, [0x0f] = {e_aba, NO_D, 0, false, true},
        [0x10] = {e_add, ALL, D_ONLY}, [0x11] = {e_tst, ALL, D_ONLY},
        [0x12] = {e_mla, NO_D, 0, false, true}, [0x13] = {e_mul, 0x1, 0},
        [0x14] = {e_max, NO_D, 0, true}, [0x15] = {e_min, NO_D, 0, true},
        [0x16] = {e_qdmulh, 0x6, 0x6},
    },
};

/* Apply fn to each element (pairwise: over the concatenation Vm:Vn). */
void simd_elementwise(struct a64_cpu *cpu, bool q, bool scalar, unsigned esize, int rd,
                      const union a64_vreg *vn, const union a64_vreg *vm, elem_fn fn, bool u,
                      bool pairwise)
{
    union a64_vreg n = *vn, m = *vm, d = cpu->v[rd], r = {0};
    unsigned bits = esize * 8, elements = scalar ? 1 : (q ? 16 : 8) / esize;
    for (unsigned e = 0; e < elements; e++) {
        u64 x, y;
        if (pairwise) {
            unsigned half = elements / 2;
            const union a64_vreg *src = e < half ? &n : &m;
            unsigned i = 2 * (e < half ? e : e - half);
            x = velem(src, i, esize);
            y = velem(src, i + 1, esize);
        } else {
            x = velem(&n, e, esize);
            y = velem(&m, e, esize);
        }
        velem_set(&r, e, esize, fn(cpu, x, y, velem(&d, e, esize), bits, u) & ones(bits));
    }
    if (scalar)
        vreg_write(cpu, rd, r.d[0], esize);
    else
        vreg_set_vec(cpu, rd, &r, q);
}

/* AND, BIC, ORR, ORN (U=0) and EOR, BSL, BIT, BIF (U=1) by size, on whole registers. */
static void simd_logic(struct a64_cpu *cpu, const struct arg_SIMD_3same *a)
{
    union a64_vreg r;
    for (int i = 0; i < 2; i++) {
        u64 n = cpu->v[a->rn].d[i], m = cpu->v[a->rm].d[i], d = cpu->v[a->rd].d[i];
        switch ((a->u << 2) | a->size) {
        case 0: r.d[i] = n & m; break;
        case 1: r.d[i] = n & ~m; break;
        case 2: r.d[i] = n | m; break;
        case 3: r.d[i] = n | ~m; break;
        case 4: r.d[i] = n ^ m; break;
        case 5: r.d[i] = (n & d) | (m & ~d); break;  /* BSL */
        case 6: r.d[i] = (n & m) | (d & ~m); break;  /* BIT */
        default: r.d[i] = (d & m) | (n & ~m); break; /* BIF */
        }
    }
    vreg_set_vec(cpu, a->rd, &r, a->q);
}

/* ADD, SUB, CMTST, CMEQ on whole 64-bit chunks (the string and checksum routines' staples). */
static void simd_swar(struct a64_cpu *cpu, const struct arg_SIMD_3same *a)
{
    unsigned bits = 8u << a->size;
    union a64_vreg r = {0};
    int chunks = a->q ? 2 : 1;
    for (int i = 0; i < chunks; i++) {
        u64 n = cpu->v[a->rn].d[i], m = cpu->v[a->rm].d[i];
        if (a->opcode == 0x10)
            r.d[i] = a->u ? swar_sub(n, m, bits) : swar_add(n, m, bits);
        else
            r.d[i] = a->u ? swar_zero_mask(n ^ m, bits) : ~swar_zero_mask(n & m, bits);
    }
    vreg_set_vec(cpu, a->rd, &r, a->q);
}

void a64_exec_SIMD_3same(struct a64_cpu *cpu, const struct arg_SIMD_3same *a)
{
    if ((a->opcode == 0x10 || a->opcode == 0x11) && (a->sc ? a->size == 3 : a->size != 3 || a->q)) {
        a64_fp_check(cpu);
        simd_swar(cpu, a);
        return;
    }
    if (a->opcode == 0x03 && !a->sc) {
        a64_fp_check(cpu);
        simd_logic(cpu, a);
        return;
    }
    const struct op3 *op = a->opcode < 24 ? &op3_tab[a->u][a->opcode] : NULL;
    if (!op || !op->fn)
        a64_undef(cpu);
    u8 sizes = a->sc ? op->ssizes : op->vsizes;
    if (!(sizes & (1u << a->size)) || (!a->sc && a->size == 3 && !a->q))
        a64_undef(cpu);
    a64_fp_check(cpu);
    simd_elementwise(cpu, a->q, a->sc, 1u << a->size, a->rd, &cpu->v[a->rn], &cpu->v[a->rm], op->fn, a->u,
                     op->pairwise);
}

void a64_exec_SIMD_3same_sc(struct a64_cpu *cpu, const struct arg_SIMD_3same *a)
{
    a64_exec_SIMD_3same(cpu, a);
}
