/* SPDX-License-Identifier: MIT */
/*
 * Tables behind alu.h, built once at startup from the Arm ARM shared pseudocode:
 * ConditionHolds() for every condition and NZCV, DecodeBitMasks() for every logical immediate.
 */
#include "cpu/arm64/alu.h"

u16 a64_cond_table[16];
u64 a64_logic_imm_table[1 << 13];

/* ConditionHolds() (Arm ARM J1.1.3, shared/functions/system). */
static bool cond_holds_slow(unsigned cond, unsigned nzcv)
{
    bool n = nzcv >> 3 & 1, z = nzcv >> 2 & 1, c = nzcv >> 1 & 1, v = nzcv & 1;
    bool r;
    switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = c; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = c && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = true; break;
    }
    if ((cond & 1) && cond != 15)
        r = !r;
    return r;
}

static void __attribute__((constructor)) alu_tables_init(void)
{
    for (unsigned cond = 0; cond < 16; cond++)
        for (unsigned f = 0; f < 16; f++)
            if (cond_holds_slow(cond, f))
                a64_cond_table[cond] |= 1u << f;
    for (unsigned i = 0; i < (1u << 13); i++) {
        u64 w;
        if (a64_decode_bit_masks(i >> 12, i & 63, (i >> 6) & 63, true, 64, &w, NULL))
            a64_logic_imm_table[i] = w;
    }
}
