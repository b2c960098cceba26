// SPDX-License-Identifier: MIT
// HCR_EL2.TGE (starts at EL2): synchronous exceptions from EL0 go to EL2 (lower-EL vector
// +0x400), with E2H = 0 and with E2H = 1 (host); an ERET to EL1 with TGE = 1 is an illegal
// return (EC 0x0e at EL2, vector +0x200). Arm ARM D1.3.4 (routing), D17.2.48 (HCR_EL2.TGE).
#include "macros.inc"

.macro AT_EL0 label
    adr     x0, \label
    msr     elr_el2, x0
    msr     spsr_el2, xzr
    adr     x13, 1000f
    eret
1000:
.endm

    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x21, vbar_el2
    mrs     x22, hcr_el2
    adr     x0, vt
    msr     vbar_el2, x0
    ldr     x0, =(1 << 31) | (1 << 27)   // RW | TGE
    msr     hcr_el2, x0
    isb
    AT_EL0  el0_svc
    CHECK_EQ x9, 0x400, 1
    CHECK_EQ x10, 0x56000005, 2
    AT_EL0  el0_udf
    CHECK_EQ x9, 0x400, 3
    CHECK_EQ x10, 0x02000000, 4
    AT_EL0  el0_brk
    CHECK_EQ x10, 0xf2000001, 5
    // Host: E2H = 1 as well.
    ldr     x0, =(1 << 34) | (1 << 31) | (1 << 27)
    msr     hcr_el2, x0
    isb
    AT_EL0  el0_svc
    CHECK_EQ x9, 0x400, 6
    CHECK_EQ x10, 0x56000005, 7
    // ERET to EL1 while TGE = 1: illegal return.
    ldr     x0, =(1 << 31) | (1 << 27)
    msr     hcr_el2, x0
    adr     x0, 1f
    msr     elr_el2, x0
    mov     x0, #0x3c5
    msr     spsr_el2, x0
    adr     x13, 2f
    isb
    eret
1:  nop
2:  CHECK_EQ x9, 0x200, 8
    CHECK_EQ x10, 0x3a000000, 9

    msr     hcr_el2, x22
    msr     vbar_el2, x21
    isb
    mov     x0, #0
    ret     x20

el0_svc:
    svc     #5
el0_udf:
    udf     #0
el0_brk:
    brk     #1

    .balign 2048
vt:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    mov     x9, #(\n * 0x80)
    b       vt_common
    .endr
vt_common:
    mrs     x10, esr_el2
    mrs     x11, elr_el2
    mrs     x12, spsr_el2
    msr     elr_el2, x13
    mov     x14, #0x3c9
    msr     spsr_el2, x14
    eret
