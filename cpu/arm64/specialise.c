/* SPDX-License-Identifier: MIT */
/*
 * Decode-time specialisation: picks the specialised executor pair of a decoded instruction
 * (spec_int.c, spec_mem.c, spec_branch.c), or keeps the generic executor.
 */
#include "cpu/arm64/spec_internal.h"

#include <string.h>

_Static_assert(sizeof(struct a64_fast_args) <= sizeof(union a64_args),
               "a64_fast_args must fit a decoded slot");

static const struct a64_spec *select_spec(a64_exec_fn fn, const union a64_args *g,
                                          struct a64_fast_args *f)
{
    if (fn == GENERIC(ADD_i) || fn == GENERIC(SUB_i) || fn == GENERIC(ADDS_i) ||
        fn == GENERIC(SUBS_i))
        return a64_spec_addsub_imm(fn, &g->ri, f);
    if (fn == GENERIC(AND_i) || fn == GENERIC(ORR_i) || fn == GENERIC(EOR_i) ||
        fn == GENERIC(ANDS_i))
        return a64_spec_logic_imm(fn, &g->logic_i, f);
    if (fn == GENERIC(MOVZ) || fn == GENERIC(MOVN) || fn == GENERIC(MOVK))
        return a64_spec_movw(fn, &g->movw, f);
    if (fn == GENERIC(UBFM) || fn == GENERIC(SBFM))
        return a64_spec_bfm(fn, &g->bfm, f);
    if (fn == GENERIC(B_cond) || fn == GENERIC(CBZ) || fn == GENERIC(CBNZ) ||
        fn == GENERIC(TBZ) || fn == GENERIC(TBNZ) || fn == GENERIC(B) || fn == GENERIC(BL) ||
        fn == GENERIC(BR) || fn == GENERIC(BLR) || fn == GENERIC(RET) || fn == GENERIC(HINT) ||
        fn == GENERIC(YIELD))
        return a64_spec_branch(fn, g, f);
    if (fn == GENERIC(LDST_uimm) || fn == GENERIC(LDST_unscaled) || fn == GENERIC(LDST_post) ||
        fn == GENERIC(LDST_pre))
        return a64_spec_ldst(fn, &g->ldst, f);
    if (fn == GENERIC(LDST_reg))
        return a64_spec_ldst_reg(&g->LDST_reg, f);
    if (fn == GENERIC(ADDSUB_ext))
        return a64_spec_addsub_ext(&g->ADDSUB_ext, f);
    if (fn == GENERIC(LDSTP))
        return a64_spec_ldstp(&g->LDSTP, f);
    if (fn == GENERIC(CSEL))
        return a64_spec_csel(&g->CSEL, f);
    if (fn == GENERIC(EXTR))
        return a64_spec_extr(&g->EXTR, f);
    if (fn == GENERIC(ADC_SBC))
        return a64_spec_adc(&g->ADC_SBC, f);
    if (fn == GENERIC(CCMP_r) || fn == GENERIC(CCMP_i))
        return a64_spec_ccmp(fn, g, f);
    if (fn == GENERIC(LSLV) || fn == GENERIC(LSRV) || fn == GENERIC(ASRV) || fn == GENERIC(RORV))
        return a64_spec_shiftv(fn, &g->dp2, f);
    if (fn == GENERIC(ADRP))
        return a64_spec_adrp(&g->adr, f);
    if (fn == GENERIC(MADD))
        return a64_spec_madd(&g->dp3, f);
    return a64_spec_shifted(fn, &g->logic_r, f);
}

a64_exec_fn a64_specialise(a64_exec_fn fn, union a64_args *a, a64_thr_fn *tfn)
{
    const union a64_args g = *a; /* the generic arguments; *a is rewritten below */
    struct a64_fast_args f = {0};
    const struct a64_spec *s = select_spec(fn, &g, &f);
    if (!s)
        return fn;
    memcpy(a, &f, sizeof(f));
    *tfn = s->tfn;
    return s->fn;
}
