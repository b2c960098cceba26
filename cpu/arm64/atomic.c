/* SPDX-License-Identifier: MIT */
/*
 * A64 atomic memory operations (FEAT_LSE): LDADD/LDCLR/LDEOR/LDSET/LDSMAX/LDSMIN/LDUMAX/LDUMIN
 * (ST* aliases are Rt=XZR), SWP, CAS, CASP. Arm ARM C6.2. vCPUs run one at a time on the host
 * thread, so a read followed by a write is atomic; the write is checked after the read, and
 * registers are written only after both.
 */
#include "a64_decode.h"
#include "cpu/arm64/ldst.h"

static inline u32 atomic_flags(bool ordered)
{
    return A64_MEM_ALIGN | A64_MEM_ATOMIC | (ordered ? A64_MEM_ACQREL : 0);
}

static inline u64 size_mask(unsigned bytes)
{
    return bytes == 8 ? ~0ull : (1ull << (bytes * 8)) - 1;
}

void a64_exec_LDOP(struct a64_cpu *cpu, const struct arg_LDOP *a)
{
    unsigned bytes = 1u << a->size;
    u64 mask = size_mask(bytes);
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = atomic_flags(a->a || a->r);
    u64 s = a64_x(cpu, a->rs) & mask;
    u64 old = a64_read(cpu, va, bytes, flags);
    u64 r;
    switch (a->opc) {
    case 0: /* LDADD */
        r = old + s;
        break;
    case 1: /* LDCLR */
        r = old & ~s;
        break;
    case 2: /* LDEOR */
        r = old ^ s;
        break;
    case 3: /* LDSET */
        r = old | s;
        break;
    case 4: /* LDSMAX */
        r = (s64)a64_sext(old, bytes) > (s64)a64_sext(s, bytes) ? old : s;
        break;
    case 5: /* LDSMIN */
        r = (s64)a64_sext(old, bytes) < (s64)a64_sext(s, bytes) ? old : s;
        break;
    case 6: /* LDUMAX */
        r = old > s ? old : s;
        break;
    default: /* LDUMIN */
        r = old < s ? old : s;
        break;
    }
    a64_write(cpu, va, bytes, r & mask, flags);
    a64_set_x(cpu, a->rt, old);
}

void a64_exec_SWP(struct a64_cpu *cpu, const struct arg_SWP *a)
{
    unsigned bytes = 1u << a->size;
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = atomic_flags(a->a || a->r);
    u64 old = a64_read(cpu, va, bytes, flags);
    a64_write(cpu, va, bytes, a64_x(cpu, a->rs) & size_mask(bytes), flags);
    a64_set_x(cpu, a->rt, old);
}

/* CAS{A,L,AL}{B,H,}: l = acquire, o0 = release. Rs gets the old value either way. */
void a64_exec_CAS(struct a64_cpu *cpu, const struct arg_excl *a)
{
    unsigned bytes = 1u << a->size;
    u64 mask = size_mask(bytes);
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = atomic_flags(a->l || a->o0);
    u64 old = a64_read(cpu, va, bytes, flags);
    if (old == (a64_x(cpu, a->rs) & mask))
        a64_write(cpu, va, bytes, a64_x(cpu, a->rt) & mask, flags);
    a64_set_x(cpu, a->rs, old);
}

/* CASP{A,L,AL}: Rs and Rt must be even; size bit 30 selects word or doubleword pairs. */
void a64_exec_CASP(struct a64_cpu *cpu, const struct arg_excl *a)
{
    if ((a->rs & 1) || (a->rt & 1))
        a64_undef(cpu);
    bool x = a->size & 1;
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = atomic_flags(a->l || a->o0);
    u64 s0 = a64_x(cpu, a->rs), s1 = a64_x(cpu, a->rs + 1);
    u64 t0 = a64_x(cpu, a->rt), t1 = a64_x(cpu, a->rt + 1);
    if (x) {
        u64 old[2];
        a64_read16(cpu, va, old, flags);
        if (old[0] == s0 && old[1] == s1) {
            const u64 in[2] = {t0, t1};
            a64_write16(cpu, va, in, flags);
        }
        a64_set_x(cpu, a->rs, old[0]);
        a64_set_x(cpu, a->rs + 1, old[1]);
    } else {
        u64 old = a64_read(cpu, va, 8, flags);
        if (old == ((u32)s0 | (u64)(u32)s1 << 32))
            a64_write(cpu, va, 8, (u32)t0 | (u64)(u32)t1 << 32, flags);
        a64_set_x(cpu, a->rs, (u32)old);
        a64_set_x(cpu, a->rs + 1, old >> 32);
    }
}
