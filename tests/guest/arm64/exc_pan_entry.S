// SPDX-License-Identifier: MIT
// PSTATE on exception entry (starts at EL1): PAN is set when SCTLR_EL1.SPAN == 0 and kept
// when SPAN == 1; SSBS takes SCTLR_EL1.DSSBS; UAO is cleared; SPSR keeps the old values.
// Arm ARM AArch64.TakeException(), D17.2.118 (SCTLR_EL1.SPAN, DSSBS).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x21, vbar_el1
    mrs     x22, sctlr_el1
    adr     x0, vt
    msr     vbar_el1, x0
    // SPAN = 0, DSSBS = 1.
    bic     x0, x22, #(1 << 23)
    orr     x0, x0, #(1 << 44)
    msr     sctlr_el1, x0
    isb
    msr     pan, #0
    msr     uao, #1
    msr     ssbs, #0
    adr     x13, 1f
    svc     #0
1:  CHECK_EQ x15, 0x400000, 1           // PAN set on entry
    CHECK_EQ x16, 0, 2                  // UAO cleared
    CHECK_EQ x17, 0x1000, 3             // SSBS = DSSBS
    ubfx    x3, x12, #22, #2
    CHECK_EQ x3, 2, 4                   // SPSR: PAN 0, UAO 1
    // SPAN = 1, DSSBS = 0: PAN unchanged (0), SSBS 0.
    orr     x0, x22, #(1 << 23)
    bic     x0, x0, #(1 << 44)
    msr     sctlr_el1, x0
    isb
    msr     uao, #0
    msr     ssbs, #1
    adr     x13, 2f
    svc     #0
2:  CHECK_EQ x15, 0, 5
    CHECK_EQ x17, 0, 6
    msr     sctlr_el1, x22
    msr     vbar_el1, x21
    isb
    mov     x0, #0
    ret     x20

    .balign 2048
vt:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    mov     x9, #(\n * 0x80)
    b       vt_common
    .endr
vt_common:
    mrs     x15, pan
    mrs     x16, uao
    mrs     x17, ssbs
    mrs     x10, esr_el1
    mrs     x11, elr_el1
    mrs     x12, spsr_el1
    msr     elr_el1, x13
    mov     x14, #0x3c5
    msr     spsr_el1, x14
    eret
