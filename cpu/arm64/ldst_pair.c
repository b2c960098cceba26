/* SPDX-License-Identifier: MIT */
/*
 * A64 load/store pair of general registers: LDP/STP, LDPSW, LDNP/STNP with offset, pre- and
 * post-index addressing. Arm ARM C4.1.88, C6.2 (LDP, STP, LDPSW, LDNP, STNP). Both accesses
 * happen before any register is written.
 */
#include "a64_decode.h"
#include "cpu/arm64/ldst.h"

void a64_exec_LDSTP(struct a64_cpu *cpu, const struct arg_LDSTP *a)
{
    /* opc: 00 32-bit, 01 LDPSW (load only; STGP needs FEAT_MTE), 10 64-bit, 11 reserved.
     * LDNP/STNP (idx 00) have no LDPSW form. */
    if (a->opc == 3 || (a->opc == 1 && (!a->l || a->idx == 0)))
        a64_undef(cpu);
    bool x = a->opc == 2;
    unsigned bytes = x ? 8 : 4;
    u64 base = a64_ldst_base(cpu, a->rn);
    s64 off = (s64)a->imm * bytes;
    u64 va = a->idx == 1 ? base : base + off;
    if (a->l) {
        u64 v1, v2;
        if (x) {
            u64 v[2];
            a64_read16(cpu, va, v, 0);
            v1 = v[0];
            v2 = v[1];
        } else {
            v1 = a64_read(cpu, va, 4, 0);
            v2 = a64_read(cpu, va + 4, 4, 0);
            if (a->opc == 1) {
                v1 = a64_sext(v1, 4);
                v2 = a64_sext(v2, 4);
            }
        }
        a64_set_x(cpu, a->rt, v1);
        a64_set_x(cpu, a->rt2, v2);
    } else if (x) {
        const u64 v[2] = {a64_x(cpu, a->rt), a64_x(cpu, a->rt2)};
        a64_write16(cpu, va, v, 0);
    } else {
        /* Two word accesses, not one doubleword: alignment (Device memory, SCTLR.A) is
         * checked per element. */
        u64 v1 = a64_x(cpu, a->rt), v2 = a64_x(cpu, a->rt2);
        a64_write(cpu, va, 4, v1, 0);
        a64_write(cpu, va + 4, 4, v2, 0);
    }
    if (a->idx == 1 || a->idx == 3)
        a64_set_x_sp(cpu, a->rn, base + off);
}
