/* SPDX-License-Identifier: MIT */
/*
 * A64 exclusive and ordered loads/stores: LDXR/LDAXR/STXR/STLXR (and pairs), LDAR/STLR,
 * LDAPR. Arm ARM B2.9 (synchronization and semaphores), C6.2. The local monitor lives in
 * struct a64_cpu; the global monitor is modelled by comparing memory with the value LDXR saw.
 */
#include "a64_decode.h"
#include "cpu/arm64/ldst.h"

#define EXCL_FLAGS (A64_MEM_ALIGN | A64_MEM_EXCL)

static inline u32 excl_flags(bool ordered)
{
    return EXCL_FLAGS | (ordered ? A64_MEM_ACQREL : 0);
}

/* A misaligned store-exclusive: a64_rmw_ptr() raises the alignment fault (reported as a
 * write) before any translation. */
static void excl_alignment_check(struct a64_cpu *cpu, u64 va, unsigned bytes, u32 flags)
{
    a64_rmw_ptr(cpu, va, bytes, flags | A64_MEM_ALIGN);
}

/* LDXR/LDAXR (l=1) and STXR/STLXR (l=0) of 1, 2, 4 or 8 bytes. o0 = acquire/release. */
void a64_exec_LDSTX(struct a64_cpu *cpu, const struct arg_excl *a)
{
    unsigned bytes = 1u << a->size;
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = excl_flags(a->o0);
    if (a->l) {
        u64 v = a64_read(cpu, va, bytes, flags);
        cpu->excl_valid = true;
        cpu->excl_addr = va;
        cpu->excl_size = bytes;
        cpu->excl_val[0] = v;
        a64_set_x(cpu, a->rt, v);
        return;
    }
    /* The store happens only if the monitor holds this address and size and memory still
     * holds what LDXR read; otherwise no access is made. AArch64.ExclusiveMonitorsPass()
     * checks alignment before the monitor, so a misaligned STXR faults even when it fails. */
    if (unlikely(va & (bytes - 1)))
        excl_alignment_check(cpu, va, bytes, flags);
    u32 status = 1;
    if (cpu->excl_valid && cpu->excl_addr == va && cpu->excl_size == bytes) {
        u64 cur = a64_read(cpu, va, bytes, flags);
        if (cur == cpu->excl_val[0]) {
            a64_write(cpu, va, bytes, a64_x(cpu, a->rt), flags);
            status = 0;
        }
    }
    cpu->excl_valid = false;
    a64_set_w(cpu, a->rs, status);
}

/* LDXP/LDAXP/STXP/STLXP: size 2 is a pair of words (one 8-byte access), size 3 a pair of
 * doublewords (16 bytes, single-copy atomic as a whole). */
void a64_exec_LDSTXP(struct a64_cpu *cpu, const struct arg_excl *a)
{
    bool x = a->size == 3;
    unsigned bytes = x ? 16 : 8;
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = excl_flags(a->o0);
    u64 v[2];
    if (a->l) {
        if (x) {
            a64_read16(cpu, va, v, flags);
        } else {
            v[0] = a64_read(cpu, va, 8, flags);
            v[1] = 0;
        }
        cpu->excl_valid = true;
        cpu->excl_addr = va;
        cpu->excl_size = bytes;
        cpu->excl_val[0] = v[0];
        cpu->excl_val[1] = v[1];
        if (x) {
            a64_set_x(cpu, a->rt, v[0]);
            a64_set_x(cpu, a->rt2, v[1]);
        } else {
            a64_set_x(cpu, a->rt, (u32)v[0]);
            a64_set_x(cpu, a->rt2, v[0] >> 32);
        }
        return;
    }
    if (unlikely(va & (bytes - 1)))
        excl_alignment_check(cpu, va, bytes, flags);
    u32 status = 1;
    if (cpu->excl_valid && cpu->excl_addr == va && cpu->excl_size == bytes) {
        if (x) {
            a64_read16(cpu, va, v, flags);
            if (v[0] == cpu->excl_val[0] && v[1] == cpu->excl_val[1]) {
                const u64 in[2] = {a64_x(cpu, a->rt), a64_x(cpu, a->rt2)};
                a64_write16(cpu, va, in, flags);
                status = 0;
            }
        } else if (a64_read(cpu, va, 8, flags) == cpu->excl_val[0]) {
            a64_write(cpu, va, 8, (u32)a64_x(cpu, a->rt) | a64_x(cpu, a->rt2) << 32, flags);
            status = 0;
        }
    }
    cpu->excl_valid = false;
    a64_set_w(cpu, a->rs, status);
}

/* LDAR/STLR (o0=1). The LOAcquire/StoreLORelease forms (o0=0, FEAT_LOR) are not advertised. */
void a64_exec_LDAR_STLR(struct a64_cpu *cpu, const struct arg_excl *a)
{
    if (!a->o0)
        a64_undef(cpu);
    unsigned bytes = 1u << a->size;
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = A64_MEM_ALIGN | A64_MEM_ACQREL | a64_ldst_iss(a->rt, a->size == 3, false, true);
    if (a->l)
        a64_set_x(cpu, a->rt, a64_read(cpu, va, bytes, flags));
    else
        a64_write(cpu, va, bytes, a64_x(cpu, a->rt), flags);
}

/* LDAPR: load-acquire RCpc; in a sequentially consistent interpreter the same as LDAR. */
void a64_exec_LDAPR(struct a64_cpu *cpu, const struct arg_LDAPR *a)
{
    unsigned bytes = 1u << a->size;
    u64 va = a64_ldst_base(cpu, a->rn);
    u32 flags = A64_MEM_ALIGN | A64_MEM_ACQREL | a64_ldst_iss(a->rt, a->size == 3, false, true);
    a64_set_x(cpu, a->rt, a64_read(cpu, va, bytes, flags));
}
