// SPDX-License-Identifier: MIT
// SP alignment checking applies to SIMD&FP loads and stores too (Arm ARM D1.3.5.3): with
// SCTLR_EL1.SA set, LDR Q via a misaligned SP takes EC 0x26. QEMU does not implement the check.
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    // SP alignment check: SCTLR_EL1.SA set, SP misaligned, LDR Q via SP faults with EC 0x26
    mrs     x5, sctlr_el1
    orr     x6, x5, #(1 << 3)
    msr     sctlr_el1, x6
    isb
    mov     x7, sp
    sub     sp, sp, #8
    EXPECT_EXC
    ldr     q19, [sp]
    mov     sp, x7
    msr     sctlr_el1, x5
    isb
    lsr     x0, x0, #26
    CHECK_EQ x0, 0x26, 1
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
