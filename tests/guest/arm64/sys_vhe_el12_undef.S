// SPDX-License-Identifier: MIT
// The _EL12 aliases are UNDEFINED at EL2 when HCR_EL2.E2H == 0 (starts at EL2), and at EL1.
// Arm ARM D5.6.2 and the SCTLR_EL12 / TTBR0_EL12 accessor pseudocode. QEMU 7.2 does not
// trap them (docs/DEVIATIONS.md).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    EXPECT_EXC
    mrs     x3, sctlr_el12
    CHECK_EQ x0, 0x02000000, 1
    EXPECT_EXC
    msr     ttbr0_el12, x3
    CHECK_EQ x0, 0x02000000, 2
    EXPECT_EXC
    mrs     x3, elr_el12
    CHECK_EQ x0, 0x02000000, 3
    mov     x0, #0
    ret     x20
