/* SPDX-License-Identifier: MIT */
/*
 * AT: address translation instructions writing PAR_EL1 (Arm ARM C5.5 "A64 system instructions
 * for address translation", D8.15 "Address translation instructions", D17.2 PAR_EL1).
 * They walk the tables afresh (using the TLB is allowed but not required) and fill no TLB entry.
 */
#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mmu.h"
#include "cpu/arm64/sysreg.h"

#define HCR_EL2_TGE (1ull << 27)
#define HCR_EL2_E2H (1ull << 34)
#define HCR_EL2_AT (1ull << 44)

enum at_kind { AT_S1E0, AT_S1E1, AT_S1E1P, AT_S1E2, AT_S12E1, AT_S12E0, AT_S1E3 };

struct at_op {
    const char *name;
    u8 op1, crm, op2;
    u8 kind;
    bool write;
};

static const struct at_op at_ops[] = {
    {"AT S1E1R", 0, 8, 0, AT_S1E1, 0},   {"AT S1E1W", 0, 8, 1, AT_S1E1, 1},
    {"AT S1E0R", 0, 8, 2, AT_S1E0, 0},   {"AT S1E0W", 0, 8, 3, AT_S1E0, 1},
    {"AT S1E1RP", 0, 9, 0, AT_S1E1P, 0}, {"AT S1E1WP", 0, 9, 1, AT_S1E1P, 1},
    {"AT S1E2R", 4, 8, 0, AT_S1E2, 0},   {"AT S1E2W", 4, 8, 1, AT_S1E2, 1},
    {"AT S12E1R", 4, 8, 4, AT_S12E1, 0}, {"AT S12E1W", 4, 8, 5, AT_S12E1, 1},
    {"AT S12E0R", 4, 8, 6, AT_S12E0, 0}, {"AT S12E0W", 4, 8, 7, AT_S12E0, 1},
    {"AT S1E3R", 6, 8, 0, AT_S1E3, 0},   {"AT S1E3W", 6, 8, 1, AT_S1E3, 1},
};

/* HCR_EL2.AT traps AT S1E0* and S1E1* from EL1 to EL2 (EC 0x18). */
static int at_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    const struct at_op *op = r->opaque;
    if (cpu->el == 1 && op->op1 == 0 && (cpu->sr[SR_HCR_EL2] & HCR_EL2_AT)) {
        u32 enc = r->enc, rt = a64_raw_insn(cpu) & 31;
        u32 iss = (enc >> 14) << 20 | (enc & 7) << 17 | ((enc >> 11) & 7) << 14 |
                  ((enc >> 7) & 15) << 10 | rt << 5 | ((enc >> 3) & 15) << 1;
        a64_raise(cpu, 2, esr_make(ESR_EC_SYS64, true, iss), 0, false);
    }
    return A64_SR_OK;
}

static u64 par_fault(const struct mmu_fault *f)
{
    /* F=1, FST, PTW (fault on a stage-2 walk of a stage-1 table), S (stage 2), bit 11 RES1. */
    return 1 | (u64)a64_fault_fsc(f) << 1 | (u64)f->s1ptw << 8 | (u64)(f->stage == 2) << 9 |
           1ull << 11;
}

static void at_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 va)
{
    const struct at_op *op = r->opaque;
    u64 hcr = cpu->sr[SR_HCR_EL2];
    bool vhe_host = (hcr & (HCR_EL2_E2H | HCR_EL2_TGE)) == (HCR_EL2_E2H | HCR_EL2_TGE);
    u8 regime;
    struct vmsa_who who = {0};
    switch (op->kind) {
    case AT_S1E0: case AT_S1E1: case AT_S1E1P:
        /* At EL2 with E2H=1, TGE=1 these translate in the EL2&0 regime. */
        regime = cpu->el == 2 && vhe_host ? VMSA_REGIME_EL20 : VMSA_REGIME_EL10;
        who.unpriv = op->kind == AT_S1E0;
        who.pan = op->kind == AT_S1E1P && cpu->pan; /* only the *P forms honour PAN */
        break;
    case AT_S1E2:
        regime = (hcr & HCR_EL2_E2H) ? VMSA_REGIME_EL20 : VMSA_REGIME_EL2;
        break;
    case AT_S1E3:
        regime = VMSA_REGIME_EL3;
        break;
    default:
        regime = VMSA_REGIME_EL10;
        who.unpriv = op->kind == AT_S12E0;
        break;
    }
    struct a64_mmu_ctx c;
    a64_mmu_ctx_for(cpu, regime, &c);
    who.regime = regime;
    who.wxn = c.s1.wxn;
    bool two_stage = op->kind == AT_S12E1 || op->kind == AT_S12E0;
    /* AT S1E0/S1E1 stop at the IPA; their stage-1 walks still go through stage 2. */
    struct vmsa_s2_params s2_walk_only = c.s2;
    struct a64_mmu_ctx c1 = c;
    if (!two_stage)
        c1.s2.enabled = false;
    struct vmsa_result res;
    struct mmu_fault f;
    u64 par;
    bool ok;
    if (!two_stage && regime == VMSA_REGIME_EL10 && s2_walk_only.enabled) {
        /* Stage 1 alone, with table addresses through stage 2. */
        c1.s2 = s2_walk_only;
        ok = a64_mmu_translate(cpu, &c1, va, false, false, &res, &f);
        /* From EL1 a stage-2 fault on the walk is an exception to EL2 (HPFAR_EL2 holds the
         * IPA); at EL2/EL3 it is reported in PAR. */
        if (!ok && f.stage == 2 && f.s1ptw && cpu->el == 1)
            a64_raise_mmu_fault(cpu, va, &f, false, false, 0);
        if (ok) {
            res.pa = res.ipa;
            res.a.s2 = false;
        } else if (f.stage == 2 && !f.s1ptw) {
            /* The final IPA's stage-2 fault is not part of an S1 operation: res holds the
             * stage-1 result already. */
            ok = true;
            res.pa = res.ipa;
        }
    } else {
        ok = a64_mmu_translate(cpu, &c1, va, false, false, &res, &f);
    }
    if (ok && !vmsa_check(&res, &who, op->write ? VMSA_WRITE : VMSA_READ, &f)) {
        if (f.stage == 1 || two_stage)
            ok = false;
    }
    if (!ok) {
        par = par_fault(&f);
    } else {
        u64 pa = res.pa | (va & ((1ull << res.size_shift) - 1));
        u8 attr = res.a.attr;
        if (res.a.s2 && !res.a.s1)
            attr = (res.a.s2memattr & 0xc) == 0 ? 0x00 : 0xff;
        if (res.a.s2 && (res.a.s2memattr & 0xc) == 0)
            attr = 0x00; /* Device at stage 2 overrides */
        /* Device and Normal Non-cacheable memory report Outer Shareable (D17.2 PAR_EL1.SH). */
        unsigned sh = res.a.s1 ? res.a.sh : 0;
        if ((attr & 0xf0) == 0 || attr == 0x44)
            sh = 2;
        bool ns = regime == VMSA_REGIME_EL3 ? res.a.ns : true;
        par = (pa & 0xfffffffff000ull) | (u64)attr << 56 | (u64)sh << 7 | (u64)ns << 9 |
              1ull << 11;
    }
    if (unlikely(log_mask & LOG_MMU))
        log_printf("mmu: cpu%d %s %#llx -> PAR %#llx\n", cpu->vcpu.index, r->name,
                   (unsigned long long)va, (unsigned long long)par);
    cpu->sr[SR_PAR_EL1] = par;
}

static struct a64_sysreg at_rows[ARRAY_SIZE(at_ops) + 1];

void a64_at_register(void);
void a64_at_register(void)
{
    if (at_rows[0].name)
        return;
    for (unsigned i = 0; i < ARRAY_SIZE(at_ops); i++) {
        const struct at_op *op = &at_ops[i];
        struct a64_sysreg *r = &at_rows[i];
        r->name = op->name;
        r->enc = SR_ENC(1, op->op1, 7, op->crm, op->op2);
        r->access = SRA_SYSINSN | (op->op1 == 0 ? (SRA_W1 | SRA_W2 | SRA_W3)
                                   : op->op1 == 4 ? (SRA_W2 | SRA_W3)
                                                  : SRA_W3);
        r->traps = op->op1 == 0 ? SRT_AT : 0;
        r->slot = -1;
        r->write = at_write;
        r->check = at_check;
        r->opaque = op;
    }
    a64_sysreg_register(at_rows);
}
