// SPDX-License-Identifier: MIT
// -cpu cortex-a57 (starts at EL2): MIDR r1p0, an Armv8.0 feature set (no PAN, VHE, UAO, SSBS,
// DIT, SB: their instructions and registers are UNDEFINED and HCR_EL2.E2H is RES0).
// Arm ARM D17.2; Cortex-A57 TRM (MIDR_EL1). Not run on QEMU: its A57 has AArch32 and a PMU.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x3, midr_el1
    CHECK_EQ x3, 0x411fd070, 1
    mrs     x3, id_aa64mmfr1_el1
    CHECK_EQ x3, 0, 2
    mrs     x3, id_aa64pfr0_el1
    CHECK_EQ x3, 0x01000111, 3
    EXPECT_EXC
    msr     pan, #1
    CHECK_EQ x0, 0x02000000, 4
    EXPECT_EXC
    mrs     x3, s3_0_c4_c2_3            // PAN
    CHECK_EQ x0, 0x02000000, 5
    EXPECT_EXC
    msr     dit, #1
    CHECK_EQ x0, 0x02000000, 6
    EXPECT_EXC
    sb
    CHECK_EQ x0, 0x02000000, 7
    EXPECT_EXC
    mrs     x3, ttbr1_el2
    CHECK_EQ x0, 0x02000000, 8
    mrs     x19, hcr_el2
    orr     x0, x19, #(1 << 34)
    msr     hcr_el2, x0
    mrs     x3, hcr_el2
    tst     x3, #(1 << 34)
    b.eq    1f
    mov     x0, #9
    b       test_fail
1:  msr     hcr_el2, x19
    mov     x0, #0
    ret     x20
