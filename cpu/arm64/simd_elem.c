/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD vector x indexed element and the scalar forms (C4.1.96.20, C4.1.96.23):
 * the element Vm[index] is broadcast and the same-type, long or FP operation applied.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

static u64 f_fmla(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d) { return fp_muladd(st, f, d, a, b); }
static u64 f_fmls(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d) { return fp_muladd(st, f, d, fp_neg(f, a), b); }
static u64 f_fmul(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d) { return fp_mul(st, f, a, b); }
static u64 f_fmulx(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d) { return fp_mulx(st, f, a, b); }

void a64_exec_SIMD_elem(struct a64_cpu *cpu, const struct arg_SIMD_elem *a)
{
    int op = a->opcode, u = a->u;
    bool sc = a->sc;
    if (u && (op & 0x9) == 0x1) { /* FCMLA (by element): opcode 0 rot 1 */
        simd_fcmla_elem(cpu, a);
        return;
    }
    if (op == 0xe || (op == 0xf && !u)) { /* SDOT/UDOT, USDOT/SUDOT (by element) */
        simd_dot_elem(cpu, a);
        return;
    }
    if ((op & 0xb) == (u ? 0x8 : 0x0)) { /* FMLAL/FMLSL{2} (by element): U=0 0S00, U=1 1S00 */
        if (a->size != 2 || sc)
            a64_undef(cpu);
        simd_fmlal(cpu, a->q, u, op & 4, a->rd, a->rn, a->rm, (a->h << 2) | (a->l << 1) | a->m);
        return;
    }
    bool is_fp = op == 0x1 || op == 0x5 || op == 0x9;
    unsigned esize, index;
    int rm;
    if (is_fp && a->size == 0) {
        /* FEAT_FP16: H lanes, index H:L:M, Vm in V0-V15 */
        if (!fp_have_fp16(cpu) || (u && op != 0x9))
            a64_undef(cpu);
        esize = 2;
        index = (unsigned)((a->h << 2) | (a->l << 1) | a->m);
        rm = a->rm;
    } else if (is_fp) {
        /* size 01 is reserved; D lanes take the index from H alone */
        if (!(a->size & 2) || (u && op != 0x9) || ((a->size & 1) && (a->l || (!sc && !a->q))))
            a64_undef(cpu);
        esize = (a->size & 1) ? 8 : 4;
        index = (a->size & 1) ? (unsigned)a->h : (unsigned)((a->h << 1) | a->l);
        rm = (a->m << 4) | a->rm;
    } else {
        if (a->size == 0 || a->size == 3)
            a64_undef(cpu);
        esize = 1u << a->size;
        if (a->size == 1) {
            index = (unsigned)((a->h << 2) | (a->l << 1) | a->m);
            rm = a->rm;
        } else {
            index = (unsigned)((a->h << 1) | a->l);
            rm = (a->m << 4) | a->rm;
        }
    }
    /* Which integer ops exist (U:opcode), and which have scalar forms. */
    bool ok;
    switch ((u << 4) | op) {
    case 0x01: case 0x05: case 0x09: case 0x19: ok = true; break;       /* FP */
    case 0x03: case 0x07: case 0x0b: case 0x0c: case 0x0d: ok = true; break;
    case 0x1d: case 0x1f: ok = true; break;                             /* SQRDMLAH/SH */
    case 0x02: case 0x06: case 0x08: case 0x0a:
    case 0x10: case 0x12: case 0x14: case 0x16: case 0x1a: ok = !sc; break;
    default: ok = false; break;
    }
    if (!ok)
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[a->rn], m;
    u64 ev = velem(&cpu->v[rm], index, esize);
    for (unsigned e = 0; e < 16 / esize; e++)
        velem_set(&m, e, esize, ev);

    if (is_fp) {
        fp3_fn fn = op == 0x1 ? f_fmla : op == 0x5 ? f_fmls : u ? f_fmulx : f_fmul;
        enum fp_fmt f = esize == 8 ? FP_D : esize == 4 ? FP_S : FP_H;
        simd_fp_lanes(cpu, a->q, sc, f, a->rd, &n, &m, fn, false);
        return;
    }
    switch ((u << 4) | op) {
    case 0x08: /* MUL */
        simd_elementwise(cpu, a->q, false, esize, a->rd, &n, &m, simd_e_mul, false, false);
        return;
    case 0x10: case 0x14: /* MLA, MLS */
        simd_elementwise(cpu, a->q, false, esize, a->rd, &n, &m, simd_e_mla, op == 0x4, false);
        return;
    case 0x1d: case 0x1f: /* SQRDMLAH, SQRDMLSH */
        simd_elementwise(cpu, a->q, sc, esize, a->rd, &n, &m, simd_e_rdmlah, op == 0xf, false);
        return;
    case 0x0c: case 0x0d: /* SQDMULH, SQRDMULH */
        simd_elementwise(cpu, a->q, sc, esize, a->rd, &n, &m, simd_e_qdmulh, op == 0xd, false);
        return;
    default: { /* long: [SU]MLAL 2->8, [SU]MLSL 6->a, [SU]MULL a->c, SQDMLAL 3->9,
                  SQDMLSL 7->b, SQDMULL b->d */
        static const int to3diff[16] = {[2] = 0x8, [3] = 0x9, [6] = 0xa, [7] = 0xb, [0xa] = 0xc,
                                        [0xb] = 0xd};
        simd_3diff_long(cpu, to3diff[op], u, a->size, a->q, sc, a->rd, &n, &m);
        return;
    }
    }
}

void a64_exec_SIMD_elem_sc(struct a64_cpu *cpu, const struct arg_SIMD_elem *a)
{
    a64_exec_SIMD_elem(cpu, a);
}
