// SPDX-License-Identifier: MIT
// WFE at EL0 with SCTLR_EL1.nTWE == 0 traps to EL1 (EC 0x01, TI = 0b01) when it would wait;
// with the event register set (SEVL) it completes without trapping (starts at EL1).
// Arm ARM D1.6.1, the WFE pseudocode. QEMU 7.2 never traps WFE (docs/DEVIATIONS.md).
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
    mov     x20, x30
    mrs     x21, vbar_el1
    mrs     x22, sctlr_el1
    adr     x0, vt
    msr     vbar_el1, x0
    bic     x0, x22, #(1 << 18)         // nTWE = 0
    msr     sctlr_el1, x0
    isb
    // The ERET to EL0 sets the event register (SendEventLocal): the first WFE consumes it.
    AT_EL0  el0_wfe
    CHECK_EQ x10, 0x07e00001, 1
    adr     x3, el0_wfe + 4
    CHECK_REG x11, x3, 2
    AT_EL0  el0_sevl_wfe
    CHECK_EQ x10, 0x07e00001, 3
    adr     x3, el0_sevl_wfe + 12
    CHECK_REG x11, x3, 4
    msr     sctlr_el1, x22
    msr     vbar_el1, x21
    isb
    mov     x0, #0
    ret     x20

el0_wfe:
    wfe                                 // consumes the event of the ERET
    wfe                                 // traps
el0_sevl_wfe:
    wfe
    sevl
    wfe                                 // consumes the SEVL event
    wfe                                 // traps

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
