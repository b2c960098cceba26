/* SPDX-License-Identifier: MIT */
/*
 * The Arm VMSAv8-64 translation formats (Arm ARM D8: stage 1 and stage 2 descriptors, granules,
 * TxSZ/starting level, TTBR0/TTBR1 split, TBI, permissions), independent of the vCPU: the
 * caller decodes its system registers into the parameter structs below, so that the unit tests
 * can drive it with synthetic tables.
 */
#ifndef EMU_MMU_VMSA_H
#define EMU_MMU_VMSA_H

#include "mmu/walk.h"

/* Translation regimes (Arm ARM D8.1.2). Numbers are the TLB's regime tags. */
enum vmsa_regime {
    VMSA_REGIME_EL10 = 0, /* EL1&0, with stage 2 when enabled */
    VMSA_REGIME_EL20 = 1, /* EL2&0: HCR_EL2.E2H=1 */
    VMSA_REGIME_EL2 = 2,  /* EL2 without E2H */
    VMSA_REGIME_EL3 = 3,
    VMSA_REGIME_S2 = 4,   /* stage 2 alone (table walks, AT, `walk`) */
};

/* One translation table (a TTBRn half, or VTTBR). */
struct vmsa_tt {
    u64 baddr;          /* table base address */
    u8 tsz;             /* TxSZ */
    u8 granule_shift;   /* 12, 14 or 16 */
    bool epd;           /* EPDn: walks on a TLB miss are disabled */
    bool tbi, tbid;     /* top byte ignored (data; fetch too unless TBID) */
    bool hpd;           /* hierarchical permissions disabled */
};

struct vmsa_s1_params {
    u8 regime;          /* enum vmsa_regime */
    bool enabled;       /* SCTLR_ELx.M (and not disabled by HCR_EL2.TGE/DC) */
    bool two_ranges;    /* EL1&0, EL2&0 */
    bool wxn;
    struct vmsa_tt tt[2];
    u8 oa_bits;         /* {I}PS decoded, capped at the implemented PA size */
    u64 mair;
};

struct vmsa_s2_params {
    bool enabled;       /* HCR_EL2.VM */
    u64 baddr;
    u8 tsz, sl0, granule_shift, oa_bits;
};

enum vmsa_access { VMSA_READ, VMSA_WRITE, VMSA_FETCH };

/* Permissions and attributes of a completed translation, as cached in the TLB (packed into
 * tlb_entry.arch with vmsa_pack/vmsa_unpack). Table attributes are already folded in. */
struct vmsa_attrs {
    bool s1;            /* stage 1 took part (else flat: Normal fetch / Device data) */
    u8 ap;              /* effective AP[2:1] */
    bool pxn, uxn;      /* effective; for one-privilege regimes uxn is XN */
    bool ng, ns;
    u8 attr;            /* MAIR_ELx byte selected by AttrIndx (0x00 = Device-nGnRnE) */
    u8 sh;
    bool s2;            /* stage 2 took part */
    u8 s2ap;            /* S2AP: bit 0 read, bit 1 write */
    bool s2xn;
    u8 s2memattr;       /* MemAttr[3:0] */
};

u64 vmsa_pack(const struct vmsa_attrs *a);
void vmsa_unpack(u64 v, struct vmsa_attrs *a);

/* A completed translation (before permission checks). */
struct vmsa_result {
    u64 va;             /* input address with the top byte normalised (TBI) */
    u64 ipa, pa;
    u8 level, s2_level;
    u8 size_shift;      /* min of stage 1 and stage 2 sizes */
    u8 granule, s2_granule;
    struct vmsa_attrs a;
};

/* Descriptor reads go through this; for stage 1 under stage 2 it translates addr first (the
 * caller's job) and reports stage-2 faults with s1ptw in w->fault. */
struct vmsa_io {
    /* Read 8 bytes of physical memory; false = external abort. */
    bool (*read_pa)(void *opaque, u64 pa, u64 *val);
    void *opaque;
    const struct vmsa_s2_params *s2; /* NULL or !enabled: stage 1 table addresses are PAs */
    /* Logging of every step (-d mmu, `walk`); may be NULL. */
    void (*trace)(void *opaque, int stage, const struct mmu_walk *w);
};

/* Normalise va for the regime (TBI) and select its table: returns the TTBR index (0/1) or -1
 * with a translation fault at level 0 when va is outside both ranges. */
int vmsa_select_tt(const struct vmsa_s1_params *p, u64 va, bool fetch, u64 *norm_va);

/* Stage 1 then stage 2 (Arm ARM AArch64.FullTranslate()), without permission checks.
 * Returns false with *f set. AF=0 is an Access flag fault (no FEAT_HAFDBS). */
bool vmsa_translate(const struct vmsa_s1_params *s1, const struct vmsa_io *io, u64 va,
                    bool fetch, struct vmsa_result *r, struct mmu_fault *f);
/* Stage 2 alone of ipa (AArch64.S2Translate()). */
bool vmsa_s2_translate(const struct vmsa_s2_params *s2, const struct vmsa_io *io, u64 ipa,
                       bool s1ptw, struct vmsa_result *r, struct mmu_fault *f);

/* Who is asking, for the permission check. */
struct vmsa_who {
    u8 regime;
    bool unpriv;        /* EL0, or LDTR/STTR from EL1 (EL2 with E2H and TGE) */
    bool pan;           /* PSTATE.PAN (or AT S1E1RP/WP) for a privileged data access */
    bool wxn;           /* SCTLR_ELx.WXN */
};

/* Permission check of a completed translation (AArch64.S1CheckPermissions(),
 * AArch64.S2CheckPermissions()): MMU_FAULT_NONE or a permission fault with stage and level. */
bool vmsa_check(const struct vmsa_result *r, const struct vmsa_who *who, enum vmsa_access acc,
                struct mmu_fault *f);
/* Device memory (alignment and execute rules): MAIR attr 0b0000xxxx or stage-2 MemAttr 00xx. */
bool vmsa_is_device(const struct vmsa_attrs *a);

/* Decode a stage-1 or stage-2 descriptor for the `walk` command. */
int vmsa_describe(char *buf, size_t len, u64 desc, int level, int stage, bool last_level);

#endif
