// SPDX-License-Identifier: MIT
// WFI with a pending but masked interrupt completes (starts at EL2 and runs EL1 with a virtual
// IRQ from HCR_EL2.VI); unmasking PSTATE.I then takes it at EL1's IRQ vector for the current EL
// with SP_ELx (+0x280) with the preferred return after the MSR. SEVL; WFE completes at once.
// Arm ARM D1.6.2 (WFI wake-up events), D1.3.6 (virtual interrupts).
#include "macros.inc"
    .text
    .global test_main
test_main:
    adr     x0, vt
    msr     vbar_el1, x0
    mov     x0, sp
    msr     sp_el1, x0
    adr     x0, el1_entry
    msr     elr_el2, x0
    mov     x0, #0x3c5                  // EL1h, DAIF masked
    msr     spsr_el2, x0
    ldr     x0, =(1 << 31) | (1 << 7) | (1 << 4)   // RW | VI | IMO
    msr     hcr_el2, x0
    isb
    eret

el1_entry:
    mov     x9, #-1
    wfi                                 // the virtual IRQ is pending: no wait
    CHECK_EQ x9, 0xffffffffffffffff, 1  // and it is masked: not taken
    adr     x13, 2f
    msr     daifclr, #2
1:  nop
2:  CHECK_EQ x9, 0x280, 2
    adr     x3, 1b
    CHECK_REG x11, x3, 3
    and     x12, x12, #0x3ff
    CHECK_EQ x12, 0x345, 4
    sevl
    wfe
    mov     x0, #0
    b       test_exit

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
