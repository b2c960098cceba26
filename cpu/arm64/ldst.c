/* SPDX-License-Identifier: MIT */
/*
 * A64 single-register loads and stores of general registers: unsigned offset, unscaled,
 * pre/post-index, unprivileged, register offset and literal. Arm ARM C4.1.88, C6.2 (LDR, STR,
 * LDRB...LDRSW, LDTR, PRFM). Registers are written after the access, so a fault leaves
 * them untouched.
 */
#include "a64_decode.h"
#include "cpu/arm64/ldst.h"

/* What size/opc select: a store, a load zero-extended, a load sign-extended to 32 or 64 bits, a
 * prefetch, or a reserved encoding. */
enum ldst_kind { LDST_STORE, LDST_LOAD, LDST_LOAD_SX64, LDST_LOAD_SX32, LDST_PRFM, LDST_RESERVED };

static inline enum ldst_kind ldst_kind(unsigned size, unsigned opc)
{
    switch (opc) {
    case 0:
        return LDST_STORE;
    case 1:
        return LDST_LOAD;
    case 2:
        return size == 3 ? LDST_PRFM : LDST_LOAD_SX64;
    default:
        return size >= 2 ? LDST_RESERVED : LDST_LOAD_SX32;
    }
}

/* One access at va. writeback: the base Rn gets wb_val after the access. */
static inline void ldst_do(struct a64_cpu *cpu, unsigned size, unsigned opc, int rt, u64 va,
                           bool writeback, int rn, u64 wb_val, u32 flags)
{
    enum ldst_kind k = ldst_kind(size, opc);
    unsigned bytes = 1u << size;
    bool sf = size == 3 || k == LDST_LOAD_SX64;
    if (!writeback)
        flags |= a64_ldst_iss(rt, sf, k == LDST_LOAD_SX64 || k == LDST_LOAD_SX32, false);
    switch (k) {
    case LDST_STORE:
        a64_write(cpu, va, bytes, a64_x(cpu, rt), flags);
        break;
    case LDST_LOAD:
        a64_set_x(cpu, rt, a64_read(cpu, va, bytes, flags));
        break;
    case LDST_LOAD_SX64:
        a64_set_x(cpu, rt, a64_sext(a64_read(cpu, va, bytes, flags), bytes));
        break;
    case LDST_LOAD_SX32:
        a64_set_w(cpu, rt, (u32)a64_sext(a64_read(cpu, va, bytes, flags), bytes));
        break;
    case LDST_PRFM:
        /* Prefetch is a hint: no access, no fault. Only offset forms reach here. */
        return;
    default:
        a64_undef(cpu);
    }
    if (writeback)
        a64_set_x_sp(cpu, rn, wb_val);
}

void a64_exec_LDST_uimm(struct a64_cpu *cpu, const struct arg_ldst *a)
{
    if (ldst_kind(a->size, a->opc) == LDST_PRFM)
        return;
    u64 va = a64_ldst_base(cpu, a->rn) + ((u64)a->imm << a->size);
    ldst_do(cpu, a->size, a->opc, a->rt, va, false, 0, 0, 0);
}

void a64_exec_LDST_unscaled(struct a64_cpu *cpu, const struct arg_ldst *a)
{
    if (ldst_kind(a->size, a->opc) == LDST_PRFM)
        return; /* PRFUM */
    u64 va = a64_ldst_base(cpu, a->rn) + (s64)a->imm;
    ldst_do(cpu, a->size, a->opc, a->rt, va, false, 0, 0, 0);
}

/* Pre/post-index and unprivileged forms have no prefetch variant. */
static inline void reject_prfm(struct a64_cpu *cpu, const struct arg_ldst *a)
{
    if (ldst_kind(a->size, a->opc) == LDST_PRFM)
        a64_undef(cpu);
}

void a64_exec_LDST_post(struct a64_cpu *cpu, const struct arg_ldst *a)
{
    reject_prfm(cpu, a);
    u64 base = a64_ldst_base(cpu, a->rn);
    ldst_do(cpu, a->size, a->opc, a->rt, base, true, a->rn, base + (s64)a->imm, 0);
}

void a64_exec_LDST_pre(struct a64_cpu *cpu, const struct arg_ldst *a)
{
    reject_prfm(cpu, a);
    u64 va = a64_ldst_base(cpu, a->rn) + (s64)a->imm;
    ldst_do(cpu, a->size, a->opc, a->rt, va, true, a->rn, va, 0);
}

/* LDTR/STTR: checked with EL0 permissions when executed at EL1 (or EL2 in the EL2&0 regime);
 * the translation code decides when the flag applies. */
void a64_exec_LDST_unpriv(struct a64_cpu *cpu, const struct arg_ldst *a)
{
    reject_prfm(cpu, a);
    u64 va = a64_ldst_base(cpu, a->rn) + (s64)a->imm;
    ldst_do(cpu, a->size, a->opc, a->rt, va, false, 0, 0, A64_MEM_UNPRIV);
}

/* Register offset: option<1> must be 1 (UXTW, LSL/UXTX, SXTW, SXTX); S scales by the size. */
void a64_exec_LDST_reg(struct a64_cpu *cpu, const struct arg_LDST_reg *a)
{
    if (!(a->option & 2))
        a64_undef(cpu);
    enum ldst_kind k = ldst_kind(a->size, a->opc);
    if (k == LDST_PRFM)
        return;
    u64 off = a64_extend(a64_x(cpu, a->rm), a->option, a->s ? a->size : 0);
    u64 va = a64_ldst_base(cpu, a->rn) + off;
    ldst_do(cpu, a->size, a->opc, a->rt, va, false, 0, 0, 0);
}

void a64_exec_LDR_lit(struct a64_cpu *cpu, const struct arg_LDR_lit *a)
{
    u64 va = cpu->pc + (s64)a->imm * 4;
    switch (a->opc) {
    case 0:
        a64_set_x(cpu, a->rt, a64_read(cpu, va, 4, a64_ldst_iss(a->rt, false, false, false)));
        break;
    case 1:
        a64_set_x(cpu, a->rt, a64_read(cpu, va, 8, a64_ldst_iss(a->rt, true, false, false)));
        break;
    case 2:
        a64_set_x(cpu, a->rt,
                  a64_sext(a64_read(cpu, va, 4, a64_ldst_iss(a->rt, true, true, false)), 4));
        break;
    default:
        break; /* PRFM (literal) */
    }
}
