// SPDX-License-Identifier: MIT
// FP/SIMD access traps (starts at EL2): CPACR_EL1.FPEN traps EL1 (FPEN = 0b00) and EL0
// (FPEN = 0b01) to EL1, CPTR_EL2.TFP traps EL0/EL1 to EL2 after them: EC 0x07, ISS CV = 1,
// COND = 0b1110. FPCR access stands for every FP/SIMD instruction (same check).
// Arm ARM D17.2.30 (CPACR_EL1), D17.2.31 (CPTR_EL2), AArch64.CheckFPAdvSIMDEnabled().
#include "macros.inc"

.macro AT_EL0 label
    adr     x0, \label
    msr     elr_el1, x0
    msr     spsr_el1, xzr
    adr     x13, 1000f
    eret
1000:
.endm

    .text
    .global test_main
test_main:
    // EL2 itself: CPTR_EL2.TFP also traps EL2 (E2H = 0).
    mrs     x19, cptr_el2
    orr     x0, x19, #(1 << 10)
    msr     cptr_el2, x0
    isb
    EXPECT_EXC
    mrs     x3, fpcr
    CHECK_EQ x0, 0x1fe00000, 1
    msr     cptr_el2, x19
    isb
    mrs     x3, fpsr                    // allowed again

    adr     x0, vt
    msr     vbar_el1, x0
    mov     x0, sp
    msr     sp_el1, x0
    msr     cpacr_el1, xzr              // FPEN = 0b00
    adr     x0, el1_entry
    msr     elr_el2, x0
    mov     x0, #0x3c5
    msr     spsr_el2, x0
    mov     x0, #(1 << 31)              // HCR_EL2.RW
    msr     hcr_el2, x0
    orr     x0, x19, #(1 << 10)         // CPTR_EL2.TFP for all of EL1/EL0 below
    msr     cptr_el2, x0
    isb
    eret

el1_entry:
    // FPEN = 0b00: the EL1 trap has priority over CPTR_EL2.TFP (vector +0x200).
    adr     x13, 1f
    mrs     x3, fpcr
1:  CHECK_EQ x9, 0x200, 2
    CHECK_EQ x10, 0x1fe00000, 3
    // FPEN = 0b01: EL1 passes CPACR_EL1 and traps to EL2 by TFP (the harness vector at EL2).
    mov     x0, #(1 << 20)
    msr     cpacr_el1, x0
    isb
    EXPECT_EXC
    mrs     x3, fpcr
    CHECK_EQ x0, 0x1fe00000, 4
    // ... while EL0 traps to EL1 (vector +0x400).
    AT_EL0  el0_fp
    CHECK_EQ x9, 0x400, 5
    CHECK_EQ x10, 0x1fe00000, 6
    // FPEN = 0b11: EL0 passes CPACR_EL1 and traps to EL2; the SVC that follows goes to EL1.
    mov     x0, #(3 << 20)
    msr     cpacr_el1, x0
    isb
    adr     x0, el0_fp_expect
    msr     elr_el1, x0
    msr     spsr_el1, xzr
    adr     x13, 2f
    eret
2:  CHECK_EQ x10, 0x56000000, 7
    CHECK_EQ x21, 0x1fe00000, 8
    mov     x0, #0
    b       test_exit

el0_fp_expect:
    EXPECT_EXC
    mrs     x0, fpcr
    mov     x21, x0
    svc     #0

el0_fp:
    mrs     x0, fpcr
    svc     #0

    .balign 2048
vt:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    mov     x9, #(\n * 0x80)
    b       vt_common
    .endr
vt_common:
    mrs     x10, esr_el1
    mrs     x11, elr_el1
    mrs     x12, spsr_el1
    msr     elr_el1, x13
    mov     x14, #0x3c5
    msr     spsr_el1, x14
    eret
