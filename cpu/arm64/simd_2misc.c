/* SPDX-License-Identifier: MIT */
/*
 * Advanced SIMD two-register miscellaneous, vector and scalar: reversals, counts, pairwise
 * long adds, saturating abs/neg/accumulate, compares with zero, narrowing and widening, and
 * the floating-point unary group (rounding, conversions, estimates). Arm ARM C4.1.96.13.
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

#define ELEM(name) static u64 name(struct a64_cpu *cpu, u64 a, u64 b, u64 d, unsigned bits, bool u)
ELEM(e_cls)
{
    s64 v = sx(a, bits);
    u64 x = (u64)(v ^ (v >> 63)) << (64 - bits); /* leading sign bits after the first */
    return x ? (u64)__builtin_clzll(x) - 1 : bits - 1;
}
ELEM(e_clz)
{
    u64 x = (a & ones(bits)) << (64 - bits);
    return x ? (u64)__builtin_clzll(x) : bits;
}
ELEM(e_cnt) { return (u64)__builtin_popcountll(a & 0xff); }
ELEM(e_not) { return ~a; }
ELEM(e_rbit)
{
    u64 r = 0;
    for (int i = 0; i < 8; i++)
        r |= ((a >> i) & 1) << (7 - i);
    return r;
}
ELEM(e_qabs)
{
    s128 v = sx(a, bits);
    return sat_s(cpu, v < 0 ? -v : v, bits);
}
ELEM(e_qneg) { return sat_s(cpu, -(s128)sx(a, bits), bits); }
ELEM(e_abs) { s64 v = sx(a, bits); return (u64)(v < 0 ? -v : v); }
ELEM(e_neg) { return (u64)0 - a; }
ELEM(e_cmgt0) { return sx(a, bits) > 0 ? ~0ull : 0; }
ELEM(e_cmge0) { return sx(a, bits) >= 0 ? ~0ull : 0; }
ELEM(e_cmeq0) { return (a & ones(bits)) == 0 ? ~0ull : 0; }
ELEM(e_cmle0) { return sx(a, bits) <= 0 ? ~0ull : 0; }
ELEM(e_cmlt0) { return sx(a, bits) < 0 ? ~0ull : 0; }
/* SUQADD: signed saturate of SInt(d) + UInt(a); USQADD: unsigned of UInt(d) + SInt(a). */
ELEM(e_suqadd) { return sat_s(cpu, (s128)sx(d, bits) + (s128)(a & ones(bits)), bits); }
ELEM(e_usqadd) { return sat_u(cpu, (s128)(d & ones(bits)) + (s128)sx(a, bits), bits); }

struct misc_op {
    elem_fn fn;
    u8 vsizes, ssizes;
};

static const struct misc_op misc_tab[2][0x0c] = {
    [0] = {
        [0x03] = {e_suqadd, 0xf, 0xf}, [0x04] = {e_cls, 0x7, 0}, [0x05] = {e_cnt, 0x1, 0},
        [0x07] = {e_qabs, 0xf, 0xf}, [0x08] = {e_cmgt0, 0xf, 0x8}, [0x09] = {e_cmeq0, 0xf, 0x8},
        [0x0a] = {e_cmlt0, 0xf, 0x8}, [0x0b] = {e_abs, 0xf, 0x8},
    },
    [1] = {
        [0x03] = {e_usqadd, 0xf, 0xf}, [0x04] = {e_clz, 0x7, 0},
        [0x07] = {e_qneg, 0xf, 0xf}, [0x08] = {e_cmge0, 0xf, 0x8}, [0x09] = {e_cmle0, 0xf, 0x8},
        [0x0b] = {e_neg, 0xf, 0x8},
    },
};

/* REV16/REV32/REV64: reverse the esize elements within each container of 2^(rev) bytes. */
static void simd_rev(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a, unsigned container)
{
    unsigned esize = 1u << a->size;
    if (esize >= container)
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[a->rn], r;
    unsigned per = container / esize;
    for (unsigned e = 0; e < 16 / esize; e++)
        velem_set(&r, e, esize, velem(&n, (e / per) * per + (per - 1 - e % per), esize));
    vreg_set_vec(cpu, a->rd, &r, a->q);
}

/* SADDLP/UADDLP/SADALP/UADALP: pairs of esize elements summed into 2*esize elements. */
static void simd_addlp(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a, bool acc)
{
    if (a->size == 3)
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned esize = 1u << a->size, bits = esize * 8, elements = (a->q ? 16 : 8) / (2 * esize);
    union a64_vreg n = cpu->v[a->rn], d = cpu->v[a->rd], r = {0};
    for (unsigned e = 0; e < elements; e++) {
        s128 s = ival(velem(&n, 2 * e, esize), bits, a->u) + ival(velem(&n, 2 * e + 1, esize), bits, a->u);
        u64 v = (u64)s + (acc ? velem(&d, e, 2 * esize) : 0);
        velem_set(&r, e, 2 * esize, v);
    }
    vreg_set_vec(cpu, a->rd, &r, a->q);
}

/* XTN, SQXTN, UQXTN, SQXTUN (kind 0..3): 2*esize elements of Vn to esize in the lower half
 * of Vd (Q=0) or the upper half keeping the lower (Q=1, the "2" forms). */
static void simd_narrow(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a, int kind)
{
    if (a->size == 3)
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned esize = 1u << a->size, bits = esize * 8, elements = a->sc ? 1 : 8 / esize;
    union a64_vreg n = cpu->v[a->rn], r = cpu->v[a->rd];
    unsigned part = a->q && !a->sc ? elements : 0;
    u64 out[8];
    for (unsigned e = 0; e < elements; e++) {
        u64 v = velem(&n, e, 2 * esize);
        switch (kind) {
        case 0: out[e] = v; break;
        case 1: out[e] = sat_s(cpu, sx(v, 2 * bits), bits); break;
        case 2: out[e] = sat_u(cpu, (s128)v, bits); break;
        default: out[e] = sat_u(cpu, sx(v, 2 * bits), bits); break;
        }
    }
    if (a->sc) {
        vreg_write(cpu, a->rd, out[0] & ones(bits), esize);
        return;
    }
    for (unsigned e = 0; e < elements; e++)
        velem_set(&r, part + e, esize, out[e]);
    if (!a->q)
        r.d[1] = 0;
    cpu->v[a->rd] = r;
}

/* SHLL/SHLL2: widen the lower/upper half's elements and shift left by esize. */
static void simd_shll(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a)
{
    if (a->size == 3)
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned esize = 1u << a->size, elements = 8 / esize, base = a->q ? elements : 0;
    union a64_vreg n = cpu->v[a->rn], r;
    for (unsigned e = 0; e < elements; e++)
        velem_set(&r, e, 2 * esize, velem(&n, base + e, esize) << (esize * 8));
    cpu->v[a->rd] = r;
}

/* FCVTN/FCVTN2 (S->H, D->S), FCVTXN (D->S, round to odd), FCVTL/FCVTL2 (H->S, S->D). */
static void simd_fcvt_nl(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a, bool narrow, bool odd)
{
    enum fp_fmt big = (a->size & 1) ? FP_D : FP_S, small = (a->size & 1) ? FP_S : FP_H;
    if (odd && big != FP_D)
        a64_undef(cpu);
    a64_fp_check(cpu);
    struct fpst st = fp_env(cpu);
    if (odd)
        st.rmode = FPR_ODD;
    union a64_vreg n = cpu->v[a->rn], r = cpu->v[a->rd];
    unsigned bs = fp_esize(big), ss = fp_esize(small), elements;
    if (narrow) {
        elements = a->sc ? 1 : 8 / ss;
        unsigned part = a->q && !a->sc ? elements : 0;
        u64 out[4];
        for (unsigned e = 0; e < elements; e++)
            out[e] = fp_convert(&st, small, big, velem(&n, e, bs));
        fp_commit(cpu, &st);
        if (a->sc) {
            vreg_write(cpu, a->rd, out[0], ss);
            return;
        }
        for (unsigned e = 0; e < elements; e++)
            velem_set(&r, part + e, ss, out[e]);
        if (!a->q)
            r.d[1] = 0;
    } else {
        elements = 8 / ss;
        unsigned base = a->q ? elements : 0;
        for (unsigned e = 0; e < elements; e++)
            velem_set(&r, e, bs, fp_convert(&st, big, small, velem(&n, base + e, ss)));
        fp_commit(cpu, &st);
    }
    cpu->v[a->rd] = r;
}

/* The floating-point unary ops of this group, as lane functions (b, d unused). */
#define FPU(name, expr) \
    static u64 name(struct fpst *st, enum fp_fmt f, u64 a, u64 b, u64 d) { return expr; }
FPU(u_rintn, fp_round_int(st, f, a, FPR_TIEEVEN, false))
FPU(u_rintm, fp_round_int(st, f, a, FPR_NEGINF, false))
FPU(u_rintp, fp_round_int(st, f, a, FPR_POSINF, false))
FPU(u_rintz, fp_round_int(st, f, a, FPR_ZERO, false))
FPU(u_rinta, fp_round_int(st, f, a, FPR_TIEAWAY, false))
FPU(u_rintx, fp_round_int(st, f, a, (enum fp_rounding)st->rmode, true))
FPU(u_rinti, fp_round_int(st, f, a, (enum fp_rounding)st->rmode, false))
FPU(u_rint32z, fp_round_int_n(st, f, a, FPR_ZERO, 32))
FPU(u_rint32x, fp_round_int_n(st, f, a, (enum fp_rounding)st->rmode, 32))
FPU(u_rint64z, fp_round_int_n(st, f, a, FPR_ZERO, 64))
FPU(u_rint64x, fp_round_int_n(st, f, a, (enum fp_rounding)st->rmode, 64))
#define CVT(name, r, u) FPU(name, fp_to_fixed(st, f, a, 0, u, 8 * (int)fp_esize(f), r))
CVT(u_cvtns, FPR_TIEEVEN, false)
CVT(u_cvtms, FPR_NEGINF, false)
CVT(u_cvtas, FPR_TIEAWAY, false)
CVT(u_cvtps, FPR_POSINF, false)
CVT(u_cvtzs, FPR_ZERO, false)
CVT(u_cvtnu, FPR_TIEEVEN, true)
CVT(u_cvtmu, FPR_NEGINF, true)
CVT(u_cvtau, FPR_TIEAWAY, true)
CVT(u_cvtpu, FPR_POSINF, true)
CVT(u_cvtzu, FPR_ZERO, true)
FPU(u_scvtf, fp_from_fixed(st, f, a, 0, false, 8 * (int)fp_esize(f), (enum fp_rounding)st->rmode))
FPU(u_ucvtf, fp_from_fixed(st, f, a, 0, true, 8 * (int)fp_esize(f), (enum fp_rounding)st->rmode))
FPU(u_cmgt0, fp_compare_gt(st, f, a, 0) ? ~0ull : 0)
FPU(u_cmge0, fp_compare_ge(st, f, a, 0) ? ~0ull : 0)
FPU(u_cmeq0, fp_compare_eq(st, f, a, 0) ? ~0ull : 0)
FPU(u_cmle0, fp_compare_ge(st, f, 0, a) ? ~0ull : 0)
FPU(u_cmlt0, fp_compare_gt(st, f, 0, a) ? ~0ull : 0)
FPU(u_abs, fp_abs(f, a))
FPU(u_neg, fp_neg(f, a))
FPU(u_sqrt, fp_sqrt(st, f, a))
FPU(u_recpe, fp_recip_estimate(st, f, a))
FPU(u_rsqrte, fp_rsqrt_estimate(st, f, a))
FPU(u_recpx, fp_recpx(st, f, a))
FPU(u_urecpe, fp_urecip_estimate((u32)a))
FPU(u_ursqrte, fp_ursqrt_estimate((u32)a))

struct fpu_op {
    fp3_fn fn;
    u8 where; /* 1 vector, 2 scalar, 3 both */
};

/* Indexed by U : size<1> : opcode<4:0> - 0x0c (opcodes 0x0c..0x1f). */
static const struct fpu_op fpu_tab[2][2][20] = {
    [0][0] = {[0x18 - 12] = {u_rintn, 1}, [0x19 - 12] = {u_rintm, 1}, [0x1a - 12] = {u_cvtns, 3},
              [0x1b - 12] = {u_cvtms, 3}, [0x1c - 12] = {u_cvtas, 3}, [0x1d - 12] = {u_scvtf, 3},
              [0x1e - 12] = {u_rint32z, 1}, [0x1f - 12] = {u_rint64z, 1}},
    [0][1] = {[0x0c - 12] = {u_cmgt0, 3}, [0x0d - 12] = {u_cmeq0, 3}, [0x0e - 12] = {u_cmlt0, 3},
              [0x0f - 12] = {u_abs, 1}, [0x18 - 12] = {u_rintp, 1}, [0x19 - 12] = {u_rintz, 1},
              [0x1a - 12] = {u_cvtps, 3}, [0x1b - 12] = {u_cvtzs, 3}, [0x1d - 12] = {u_recpe, 3},
              [0x1f - 12] = {u_recpx, 2}},
    [1][0] = {[0x18 - 12] = {u_rinta, 1}, [0x19 - 12] = {u_rintx, 1}, [0x1a - 12] = {u_cvtnu, 3},
              [0x1b - 12] = {u_cvtmu, 3}, [0x1c - 12] = {u_cvtau, 3}, [0x1d - 12] = {u_ucvtf, 3},
              [0x1e - 12] = {u_rint32x, 1}, [0x1f - 12] = {u_rint64x, 1}},
    [1][1] = {[0x0c - 12] = {u_cmge0, 3}, [0x0d - 12] = {u_cmle0, 3}, [0x0f - 12] = {u_neg, 1},
              [0x19 - 12] = {u_rinti, 1}, [0x1a - 12] = {u_cvtpu, 3}, [0x1b - 12] = {u_cvtzu, 3},
              [0x1d - 12] = {u_rsqrte, 3}, [0x1f - 12] = {u_sqrt, 1}},
};

/* Two-register misc FP16 (FEAT_FP16): the same U:a:opcode table on half-precision lanes. */
void a64_exec_SIMD_fp2h(struct a64_cpu *cpu, const struct arg_SIMD_fp2h *a)
{
    /* no half-precision FRINT32Z/X, FRINT64Z/X (a = 0, opcode 1111x) */
    if (!fp_have_fp16(cpu) || a->opcode < 0x0c || (!a->a && a->opcode >= 0x1e))
        a64_undef(cpu);
    const struct fpu_op *op = &fpu_tab[a->u][a->a][a->opcode - 12];
    if (!op->fn || !(op->where & (a->sc ? 2 : 1)))
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[a->rn];
    simd_fp_lanes(cpu, a->q, a->sc, FP_H, a->rd, &n, &n, op->fn, false);
}

void a64_exec_SIMD_fp2h_sc(struct a64_cpu *cpu, const struct arg_SIMD_fp2h *a)
{
    a64_exec_SIMD_fp2h(cpu, a);
}

static void simd_fp_unary(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a)
{
    /* URECPE/URSQRTE: 32-bit unsigned lanes, vector only */
    if ((a->size >> 1) && a->opcode == 0x1c) {
        if ((a->size & 1) || a->sc)
            a64_undef(cpu);
        a64_fp_check(cpu);
        union a64_vreg n = cpu->v[a->rn];
        simd_fp_lanes(cpu, a->q, false, FP_S, a->rd, &n, &n, a->u ? u_ursqrte : u_urecpe, false);
        return;
    }
    const struct fpu_op *op = &fpu_tab[a->u][a->size >> 1][a->opcode - 12];
    if (!op->fn || !(op->where & (a->sc ? 2 : 1)) || (!a->sc && (a->size & 1) && !a->q) ||
        (!(a->size >> 1) && a->opcode >= 0x1e && !fp_have_frintts(cpu)))
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg n = cpu->v[a->rn];
    simd_fp_lanes(cpu, a->q, a->sc, (a->size & 1) ? FP_D : FP_S, a->rd, &n, &n, op->fn, false);
}

void a64_exec_SIMD_2misc(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a)
{
    int op = a->opcode;
    bool sc = a->sc;
    if (!sc) {
        switch ((a->u << 5) | op) {
        case 0x00: simd_rev(cpu, a, 8); return;
        case 0x01: simd_rev(cpu, a, 2); return;
        case 0x20: simd_rev(cpu, a, 4); return;
        case 0x02: case 0x22: simd_addlp(cpu, a, false); return;
        case 0x06: case 0x26: simd_addlp(cpu, a, true); return;
        case 0x12: simd_narrow(cpu, a, 0); return;
        case 0x33: simd_shll(cpu, a); return;
        case 0x25:
            if (a->size > 1)
                a64_undef(cpu);
            a64_fp_check(cpu);
            simd_elementwise(cpu, a->q, false, 1, a->rd, &cpu->v[a->rn], &cpu->v[a->rn], a->size ? e_rbit : e_not,
                             false, false);
            return;
        default: break;
        }
    }
    switch ((a->u << 5) | op) {
    case 0x14: simd_narrow(cpu, a, 1); return;
    case 0x34: simd_narrow(cpu, a, 2); return;
    case 0x32: simd_narrow(cpu, a, 3); return;
    case 0x16: if (!sc) { simd_fcvt_nl(cpu, a, true, false); return; } break;
    case 0x17: if (!sc) { simd_fcvt_nl(cpu, a, false, false); return; } break;
    case 0x36:
        if (a->size == 1) {
            simd_fcvt_nl(cpu, a, true, true);
            return;
        }
        break;
    default: break;
    }
    if (op >= 0x0c && ((a->size >> 1) || op >= 0x16)) {
        if (op < 0x0c + 20 && op >= 0x0c && !(op >= 0x10 && op < 0x18))
            simd_fp_unary(cpu, a);
        else
            a64_undef(cpu);
        return;
    }
    if (op == 0x09 && !a->u && !sc && (a->size != 3 || a->q)) { /* CMEQ #0, chunk-wise */
        a64_fp_check(cpu);
        union a64_vreg r = {0};
        for (int i = 0; i < (a->q ? 2 : 1); i++)
            r.d[i] = swar_zero_mask(cpu->v[a->rn].d[i], 8u << a->size);
        vreg_set_vec(cpu, a->rd, &r, a->q);
        return;
    }
    const struct misc_op *m = op < 0x0c ? &misc_tab[a->u][op] : NULL;
    if (!m || !m->fn || !((sc ? m->ssizes : m->vsizes) & (1u << a->size)) ||
        (!sc && a->size == 3 && !a->q))
        a64_undef(cpu);
    a64_fp_check(cpu);
    simd_elementwise(cpu, a->q, sc, 1u << a->size, a->rd, &cpu->v[a->rn], &cpu->v[a->rn], m->fn, a->u,
                     false);
}

void a64_exec_SIMD_2misc_sc(struct a64_cpu *cpu, const struct arg_SIMD_2misc *a)
{
    a64_exec_SIMD_2misc(cpu, a);
}
