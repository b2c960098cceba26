/* SPDX-License-Identifier: MIT */
/*
 * TLBI: every AArch64 TLB maintenance instruction (Arm ARM C5.5 "A64 system instructions for
 * TLB maintenance", D8.13.5 "TLB maintenance instructions"), local, Inner and Outer Shareable,
 * the range forms (FEAT_TLBIRANGE), the nXS forms (FEAT_XS, CRn=9), the TTL hint (FEAT_TTL),
 * HCR_EL2.FB (broadcast) and HCR_EL2.TTLB (trap), and the VHE redirection to EL2&0.
 */
#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mmu.h"
#include "cpu/arm64/sysreg.h"

#define HCR_EL2_FB (1ull << 9)
#define HCR_EL2_TTLB (1ull << 25)
#define HCR_EL2_TGE (1ull << 27)
#define HCR_EL2_E2H (1ull << 34)

enum tlbi_what {
    TLBI_VMALLE1, TLBI_VMALLS12E1, TLBI_ALLE1, TLBI_ASIDE1,
    TLBI_VAE1, TLBI_VAAE1, TLBI_ALLE2, TLBI_VAE2, TLBI_ALLE3, TLBI_VAE3, TLBI_IPAS2E1,
};

struct tlbi_op {
    const char *name;
    u8 op1, crm, op2;
    u8 what;
    bool last, range, bcast;
};

/* Encodings: op0=1, CRn=8 (9 for nXS), op1/CRm/op2 as below (C5.5). */
static const struct tlbi_op tlbi_ops[] = {
    {"VMALLE1OS", 0, 1, 0, TLBI_VMALLE1, 0, 0, 1},   {"VAE1OS", 0, 1, 1, TLBI_VAE1, 0, 0, 1},
    {"ASIDE1OS", 0, 1, 2, TLBI_ASIDE1, 0, 0, 1},     {"VAAE1OS", 0, 1, 3, TLBI_VAAE1, 0, 0, 1},
    {"VALE1OS", 0, 1, 5, TLBI_VAE1, 1, 0, 1},        {"VAALE1OS", 0, 1, 7, TLBI_VAAE1, 1, 0, 1},
    {"RVAE1IS", 0, 2, 1, TLBI_VAE1, 0, 1, 1},        {"RVAAE1IS", 0, 2, 3, TLBI_VAAE1, 0, 1, 1},
    {"RVALE1IS", 0, 2, 5, TLBI_VAE1, 1, 1, 1},       {"RVAALE1IS", 0, 2, 7, TLBI_VAAE1, 1, 1, 1},
    {"VMALLE1IS", 0, 3, 0, TLBI_VMALLE1, 0, 0, 1},   {"VAE1IS", 0, 3, 1, TLBI_VAE1, 0, 0, 1},
    {"ASIDE1IS", 0, 3, 2, TLBI_ASIDE1, 0, 0, 1},     {"VAAE1IS", 0, 3, 3, TLBI_VAAE1, 0, 0, 1},
    {"VALE1IS", 0, 3, 5, TLBI_VAE1, 1, 0, 1},        {"VAALE1IS", 0, 3, 7, TLBI_VAAE1, 1, 0, 1},
    {"RVAE1OS", 0, 5, 1, TLBI_VAE1, 0, 1, 1},        {"RVAAE1OS", 0, 5, 3, TLBI_VAAE1, 0, 1, 1},
    {"RVALE1OS", 0, 5, 5, TLBI_VAE1, 1, 1, 1},       {"RVAALE1OS", 0, 5, 7, TLBI_VAAE1, 1, 1, 1},
    {"RVAE1", 0, 6, 1, TLBI_VAE1, 0, 1, 0},          {"RVAAE1", 0, 6, 3, TLBI_VAAE1, 0, 1, 0},
    {"RVALE1", 0, 6, 5, TLBI_VAE1, 1, 1, 0},         {"RVAALE1", 0, 6, 7, TLBI_VAAE1, 1, 1, 0},
    {"VMALLE1", 0, 7, 0, TLBI_VMALLE1, 0, 0, 0},     {"VAE1", 0, 7, 1, TLBI_VAE1, 0, 0, 0},
    {"ASIDE1", 0, 7, 2, TLBI_ASIDE1, 0, 0, 0},       {"VAAE1", 0, 7, 3, TLBI_VAAE1, 0, 0, 0},
    {"VALE1", 0, 7, 5, TLBI_VAE1, 1, 0, 0},          {"VAALE1", 0, 7, 7, TLBI_VAAE1, 1, 0, 0},

    {"IPAS2E1IS", 4, 0, 1, TLBI_IPAS2E1, 0, 0, 1},   {"RIPAS2E1IS", 4, 0, 2, TLBI_IPAS2E1, 0, 1, 1},
    {"IPAS2LE1IS", 4, 0, 5, TLBI_IPAS2E1, 1, 0, 1},  {"RIPAS2LE1IS", 4, 0, 6, TLBI_IPAS2E1, 1, 1, 1},
    {"ALLE2OS", 4, 1, 0, TLBI_ALLE2, 0, 0, 1},       {"VAE2OS", 4, 1, 1, TLBI_VAE2, 0, 0, 1},
    {"ALLE1OS", 4, 1, 4, TLBI_ALLE1, 0, 0, 1},       {"VALE2OS", 4, 1, 5, TLBI_VAE2, 1, 0, 1},
    {"VMALLS12E1OS", 4, 1, 6, TLBI_VMALLS12E1, 0, 0, 1},
    {"RVAE2IS", 4, 2, 1, TLBI_VAE2, 0, 1, 1},        {"RVALE2IS", 4, 2, 5, TLBI_VAE2, 1, 1, 1},
    {"ALLE2IS", 4, 3, 0, TLBI_ALLE2, 0, 0, 1},       {"VAE2IS", 4, 3, 1, TLBI_VAE2, 0, 0, 1},
    {"ALLE1IS", 4, 3, 4, TLBI_ALLE1, 0, 0, 1},       {"VALE2IS", 4, 3, 5, TLBI_VAE2, 1, 0, 1},
    {"VMALLS12E1IS", 4, 3, 6, TLBI_VMALLS12E1, 0, 0, 1},
    {"IPAS2E1OS", 4, 4, 0, TLBI_IPAS2E1, 0, 0, 1},   {"IPAS2E1", 4, 4, 1, TLBI_IPAS2E1, 0, 0, 0},
    {"RIPAS2E1", 4, 4, 2, TLBI_IPAS2E1, 0, 1, 0},    {"RIPAS2E1OS", 4, 4, 3, TLBI_IPAS2E1, 0, 1, 1},
    {"IPAS2LE1OS", 4, 4, 4, TLBI_IPAS2E1, 1, 0, 1},  {"IPAS2LE1", 4, 4, 5, TLBI_IPAS2E1, 1, 0, 0},
    {"RIPAS2LE1", 4, 4, 6, TLBI_IPAS2E1, 1, 1, 0},   {"RIPAS2LE1OS", 4, 4, 7, TLBI_IPAS2E1, 1, 1, 1},
    {"RVAE2OS", 4, 5, 1, TLBI_VAE2, 0, 1, 1},        {"RVALE2OS", 4, 5, 5, TLBI_VAE2, 1, 1, 1},
    {"RVAE2", 4, 6, 1, TLBI_VAE2, 0, 1, 0},          {"RVALE2", 4, 6, 5, TLBI_VAE2, 1, 1, 0},
    {"ALLE2", 4, 7, 0, TLBI_ALLE2, 0, 0, 0},         {"VAE2", 4, 7, 1, TLBI_VAE2, 0, 0, 0},
    {"ALLE1", 4, 7, 4, TLBI_ALLE1, 0, 0, 0},         {"VALE2", 4, 7, 5, TLBI_VAE2, 1, 0, 0},
    {"VMALLS12E1", 4, 7, 6, TLBI_VMALLS12E1, 0, 0, 0},

    {"ALLE3OS", 6, 1, 0, TLBI_ALLE3, 0, 0, 1},       {"VAE3OS", 6, 1, 1, TLBI_VAE3, 0, 0, 1},
    {"VALE3OS", 6, 1, 5, TLBI_VAE3, 1, 0, 1},
    {"RVAE3IS", 6, 2, 1, TLBI_VAE3, 0, 1, 1},        {"RVALE3IS", 6, 2, 5, TLBI_VAE3, 1, 1, 1},
    {"ALLE3IS", 6, 3, 0, TLBI_ALLE3, 0, 0, 1},       {"VAE3IS", 6, 3, 1, TLBI_VAE3, 0, 0, 1},
    {"VALE3IS", 6, 3, 5, TLBI_VAE3, 1, 0, 1},
    {"RVAE3OS", 6, 5, 1, TLBI_VAE3, 0, 1, 1},        {"RVALE3OS", 6, 5, 5, TLBI_VAE3, 1, 1, 1},
    {"RVAE3", 6, 6, 1, TLBI_VAE3, 0, 1, 0},          {"RVALE3", 6, 6, 5, TLBI_VAE3, 1, 1, 0},
    {"ALLE3", 6, 7, 0, TLBI_ALLE3, 0, 0, 0},         {"VAE3", 6, 7, 1, TLBI_VAE3, 0, 0, 0},
    {"VALE3", 6, 7, 5, TLBI_VAE3, 1, 0, 0},
};

#define NOPS ARRAY_SIZE(tlbi_ops)

static bool is_el1_op(const struct tlbi_op *op)
{
    return op->op1 == 0;
}

/* HCR_EL2.TTLB: EL1 TLBIs at EL1 trap to EL2 with EC 0x18 (D13.2.x). */
static int tlbi_check(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    const struct tlbi_op *op = r->opaque;
    if (cpu->el == 1 && is_el1_op(op) && (cpu->sr[SR_HCR_EL2] & HCR_EL2_TTLB)) {
        u32 rt = a64_raw_insn(cpu) & 31;
        u32 enc = r->enc;
        u32 op0 = enc >> 14, op1 = (enc >> 11) & 7, crn = (enc >> 7) & 15, crm = (enc >> 3) & 15,
            op2 = enc & 7;
        u32 iss = op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1;
        a64_raise(cpu, 2, esr_make(ESR_EC_SYS64, true, iss), 0, false);
    }
    return A64_SR_OK;
}

static u8 tg_shift(unsigned tg)
{
    return tg == 1 ? 12 : tg == 2 ? 14 : tg == 3 ? 16 : 0;
}

bool a64_tlbi_decode_range(u64 xt, bool sign_extend, struct tlb_inv *inv)
{
    unsigned g = tg_shift((xt >> 46) & 3);
    if (!g)
        return false; /* TG=0b00 is reserved: nothing need be invalidated */
    unsigned scale = (xt >> 44) & 3, num = (xt >> 39) & 31, ttl = (xt >> 37) & 3;
    u64 base = (xt & ((1ull << 37) - 1)) << g;
    if (sign_extend)
        base = (u64)sextract64(base, 0, 37 + g);
    /* Range = (NUM+1) * 2^(5*SCALE+1) granules. */
    u64 len = ((u64)num + 1) << (5 * scale + 1) << g;
    inv->lo = base;
    inv->hi = base + len - 1;
    inv->ttl_level = ttl ? (int)ttl : -1;
    inv->ttl_granule = ttl ? (u8)g : 0;
    return true;
}

/* Build the selection of one TLBI from Xt (D8.13.5.x: the Xt formats of TLBI by VA, by IPA,
 * and the range format). Returns false when the operation invalidates nothing (range with a
 * reserved TG). */
static bool tlbi_decode(struct a64_cpu *cpu, const struct tlbi_op *op, u64 xt, struct tlb_inv *inv,
                        u8 *regime2)
{
    u64 hcr = cpu->sr[SR_HCR_EL2];
    bool vhe_host = cpu->el == 2 && (hcr & (HCR_EL2_E2H | HCR_EL2_TGE)) ==
                                        (HCR_EL2_E2H | HCR_EL2_TGE);
    struct a64_mmu_ctx c10;
    *regime2 = 0xff;
    *inv = (struct tlb_inv){.ttl_level = -1, .last_level = op->last};
    u8 regime;
    switch (op->what) {
    case TLBI_ALLE2: case TLBI_VAE2:
        regime = (hcr & HCR_EL2_E2H) ? VMSA_REGIME_EL20 : VMSA_REGIME_EL2;
        break;
    case TLBI_ALLE3: case TLBI_VAE3:
        regime = VMSA_REGIME_EL3;
        break;
    default:
        /* With E2H=1 and TGE=1, the EL1 operations executed at EL2 apply to EL2&0. */
        regime = vhe_host && op->what != TLBI_ALLE1 && op->what != TLBI_VMALLS12E1 &&
                         op->what != TLBI_IPAS2E1
                     ? VMSA_REGIME_EL20
                     : VMSA_REGIME_EL10;
        break;
    }
    inv->regime = regime;
    inv->match_regime = true;
    if (regime == VMSA_REGIME_EL10 && op->what != TLBI_ALLE1) {
        a64_mmu_ctx_for(cpu, VMSA_REGIME_EL10, &c10);
        inv->match_vmid = true;
        inv->vmid = c10.vmid;
    } else if (regime != VMSA_REGIME_EL10) {
        inv->match_vmid = true; /* entries of the other regimes carry VMID 0 */
        inv->vmid = 0;
    }
    bool two_ranges = regime == VMSA_REGIME_EL10 || regime == VMSA_REGIME_EL20;
    switch (op->what) {
    case TLBI_ALLE1:
    case TLBI_ALLE3:
        inv->kind = TLB_INV_REGIME;
        return true;
    case TLBI_ALLE2:
        /* ALLE2 covers both EL2 regimes. */
        inv->kind = TLB_INV_REGIME;
        inv->regime = VMSA_REGIME_EL2;
        *regime2 = VMSA_REGIME_EL20;
        return true;
    case TLBI_VMALLE1:
    case TLBI_VMALLS12E1:
        inv->kind = regime == VMSA_REGIME_EL10 ? TLB_INV_VMID : TLB_INV_REGIME;
        return true;
    case TLBI_ASIDE1:
        inv->kind = TLB_INV_ASID;
        inv->match_asid = true;
        inv->keep_global = true;
        inv->asid = (u16)(xt >> 48);
        return true;
    default:
        break;
    }
    bool ipa = op->what == TLBI_IPAS2E1;
    if ((op->what == TLBI_VAE1 || op->what == TLBI_VAE2) && regime != VMSA_REGIME_EL2) {
        inv->match_asid = true;
        inv->asid = (u16)(xt >> 48);
    }
    if (op->range) {
        if (!a64_tlbi_decode_range(xt, two_ranges && !ipa, inv))
            return false;
        inv->kind = ipa ? TLB_INV_IPA_RANGE : TLB_INV_VA_RANGE;
    } else {
        u64 a = ipa ? (xt & ((1ull << 40) - 1)) << 12 : (xt & ((1ull << 44) - 1)) << 12;
        if (two_ranges && !ipa)
            a = (u64)sextract64(a, 0, 56);
        inv->lo = inv->hi = a;
        unsigned ttl = (xt >> 44) & 15;
        if (ttl >> 2) { /* TTL[3:2] = granule, TTL[1:0] = level (FEAT_TTL) */
            inv->ttl_level = (int)(ttl & 3);
            inv->ttl_granule = tg_shift(ttl >> 2);
        }
        inv->kind = ipa ? TLB_INV_IPA : TLB_INV_VA;
    }
    if (ipa)
        inv->match_ipa = true;
    else
        inv->match_va = true;
    return true;
}

static void tlbi_write(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 xt)
{
    const struct tlbi_op *op = r->opaque;
    struct tlb_inv inv;
    u8 regime2;
    if (!tlbi_decode(cpu, op, xt, &inv, &regime2))
        return;
    /* HCR_EL2.FB: EL1 TLBIs at EL1 are broadcast in the Inner Shareable domain. */
    bool bcast = op->bcast ||
                 (cpu->el == 1 && is_el1_op(op) && (cpu->sr[SR_HCR_EL2] & HCR_EL2_FB));
    struct machine *m = cpu->vcpu.machine;
    unsigned removed = 0;
    for (int i = 0; i < m->ncpus; i++) {
        struct a64_cpu *c = a64_from_vcpu(m->cpus[i]);
        if (!bcast && c != cpu)
            continue;
        removed += a64_tlb_invalidate(c, &inv);
        if (regime2 != 0xff) {
            struct tlb_inv inv2 = inv;
            inv2.regime = regime2;
            removed += a64_tlb_invalidate(c, &inv2);
        }
    }
    if (unlikely(log_mask & LOG_TLB))
        log_printf("tlb: cpu%d EL%d %s %#llx: %s regime %d vmid %s%u asid %s%u range "
                   "[%#llx, %#llx] ttl %d -> removed %u\n",
                   cpu->vcpu.index, cpu->el, r->name, (unsigned long long)xt,
                   tlb_inv_kind_name(inv.kind), inv.regime, inv.match_vmid ? "" : "*",
                   inv.vmid, inv.match_asid ? "" : "*", inv.asid, (unsigned long long)inv.lo,
                   (unsigned long long)inv.hi, inv.ttl_level, removed);
}

static struct a64_sysreg tlbi_rows[2 * NOPS + 1];
static char tlbi_names[2 * NOPS][24];

void a64_tlbi_register(void);
void a64_tlbi_register(void)
{
    if (tlbi_rows[0].name)
        return;
    for (unsigned x = 0; x < 2; x++)
        for (unsigned i = 0; i < NOPS; i++) {
            const struct tlbi_op *op = &tlbi_ops[i];
            struct a64_sysreg *r = &tlbi_rows[x * NOPS + i];
            snprintf(tlbi_names[x * NOPS + i], sizeof(tlbi_names[0]), "TLBI %s%s", op->name,
                     x ? "NXS" : "");
            r->name = tlbi_names[x * NOPS + i];
            r->enc = SR_ENC(1, op->op1, x ? 9 : 8, op->crm, op->op2);
            r->access = SRA_SYSINSN | (op->op1 == 0 ? (SRA_W1 | SRA_W2 | SRA_W3)
                                       : op->op1 == 4 ? (SRA_W2 | SRA_W3)
                                                      : SRA_W3);
            r->traps = is_el1_op(op) ? SRT_TTLB : 0;
            r->slot = -1;
            r->write = tlbi_write;
            r->check = tlbi_check;
            r->opaque = op;
        }
    a64_sysreg_register(tlbi_rows);
}
