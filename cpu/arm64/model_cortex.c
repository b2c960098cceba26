/* SPDX-License-Identifier: MIT */
/*
 * -cpu cortex-a57 / cortex-a72: Armv8.0 cores. MIDR/cache geometry from the cores' TRMs; the
 * ID_AA64* registers advertise only what those cores have AND emu implements (AArch64 only at
 * every EL, no PMU, no crypto/CRC32 until emu implements them).
 */
#include "cpu/arm64/model.h"
#include "cpu/arm64/model_impl.h"

#define V80_PFR0 0x01000011ull  /* EL0, EL1 AArch64; FP, AdvSIMD; GICv3 system registers */
#define V80_DFR0 0x10305006ull  /* Armv8.0 debug, no PMU, 6 breakpoints, 4 watchpoints */
#define V80_MMFR0 0x00001124ull /* PARange 44 bits, 16-bit ASID, 4K and 64K granules */

const struct a64_model a64_model_cortex_a57 = {
    .name = "cortex-a57",
    .desc = "ARM Cortex-A57 (Armv8.0)",
    .midr = 0x411fd070, /* r1p0 */
    .ctr = 0x8444c004,
    .dczid = 4,
    .clidr = 0x0a200023,
    .ccsidr = {0x701fe00a, 0x201fe012, 0x707fe07a},
    .pfr0 = V80_PFR0,
    .dfr0 = V80_DFR0,
    .mmfr0 = V80_MMFR0,
};

const struct a64_model a64_model_cortex_a72 = {
    .name = "cortex-a72",
    .desc = "ARM Cortex-A72 (Armv8.0)",
    .midr = 0x410fd083, /* r0p3 */
    .ctr = 0x8444c004,
    .dczid = 4,
    .clidr = 0x0a200023,
    .ccsidr = {0x701fe012, 0x201fe00a, 0x707fe03a},
    .pfr0 = V80_PFR0,
    .dfr0 = V80_DFR0,
    .mmfr0 = V80_MMFR0,
};
