// SPDX-License-Identifier: MIT
// VHE register redirection (starts at EL2): with HCR_EL2.E2H == 1 the _EL1 encodings reach the
// _EL2 registers and the _EL12 aliases reach the EL1 ones (UNDEFINED with E2H == 0: see
// sys_vhe_el12_undef.S). TTBR1_EL2 and CONTEXTIDR_EL2 exist with FEAT_VHE. Arm ARM D5.6.2.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x19, hcr_el2
    ldr     x1, =0x1111000
    msr     ttbr0_el1, x1
    ldr     x1, =0x44ff
    msr     mair_el1, x1
    ldr     x1, =0x123000
    msr     far_el1, x1
    mov     x1, #5
    msr     contextidr_el1, x1
    ldr     x1, =0x2222000
    msr     ttbr0_el2, x1
    ldr     x1, =0xff44
    msr     mair_el2, x1
    mov     x1, #7
    msr     contextidr_el2, x1
    ldr     x1, =0xabc000
    msr     ttbr1_el2, x1
    mrs     x3, ttbr1_el2
    CHECK_EQ x3, 0xabc000, 3

    // E2H = 1 (and RW).
    orr     x0, x19, #(1 << 34)
    orr     x0, x0, #(1 << 31)
    msr     hcr_el2, x0
    isb
    mrs     x3, ttbr0_el1
    CHECK_EQ x3, 0x2222000, 4
    mrs     x3, mair_el1
    CHECK_EQ x3, 0xff44, 5
    mrs     x3, contextidr_el1
    CHECK_EQ x3, 7, 6
    mrs     x3, ttbr0_el12
    CHECK_EQ x3, 0x1111000, 7
    mrs     x3, mair_el12
    CHECK_EQ x3, 0x44ff, 8
    mrs     x3, far_el12
    CHECK_EQ x3, 0x123000, 9
    mrs     x3, contextidr_el12
    CHECK_EQ x3, 5, 10
    // VBAR_EL1 reads VBAR_EL2 (the harness vectors).
    mrs     x3, vbar_el1
    mrs     x4, vbar_el2
    CHECK_REG x3, x4, 11
    // Writes: _EL1 -> EL2, _EL12 -> EL1.
    ldr     x1, =0x3333000
    msr     ttbr0_el1, x1
    mrs     x3, ttbr0_el2
    CHECK_EQ x3, 0x3333000, 12
    ldr     x1, =0x5555000
    msr     far_el12, x1
    // ELR_EL1 / SPSR_EL1 are ELR_EL2 / SPSR_EL2.
    ldr     x1, =0x40001234
    msr     elr_el1, x1
    mrs     x3, elr_el2
    CHECK_EQ x3, 0x40001234, 13
    mov     x1, #0x3c5
    msr     spsr_el1, x1
    mrs     x3, spsr_el2
    CHECK_EQ x3, 0x3c5, 14
    // CPACR_EL1 is CPTR_EL2 (in its CPACR layout with E2H).
    mrs     x23, cptr_el2
    mov     x1, #(3 << 20)
    msr     cpacr_el1, x1
    mrs     x3, cptr_el2
    CHECK_EQ x3, 0x300000, 19
    msr     cptr_el2, x23
    // TPIDR_EL1 is not redirected.
    mov     x1, #9
    msr     tpidr_el1, x1
    mrs     x3, tpidr_el2
    CHECK_REG x3, x3, 15

    // Back to E2H = 0: _EL1 encodings reach EL1 again.
    msr     hcr_el2, x19
    isb
    mrs     x3, far_el1
    CHECK_EQ x3, 0x5555000, 16
    mrs     x3, ttbr0_el1
    CHECK_EQ x3, 0x1111000, 17
    mrs     x3, tpidr_el1
    CHECK_EQ x3, 9, 18
    mov     x0, #0
    ret     x20
