// SPDX-License-Identifier: MIT
// MSR DAIFSet/DAIFClr and MRS/MSR DAIF at EL0 with SCTLR_EL1.UMA == 0 trap to EL1 with EC 0x18
// (starts at EL1). ISS of the immediate form: Op0 = 0, Op2 = 0b110/0b111, Op1 = 0b011,
// CRn = 0b0100, CRm = imm, Rt = 0b11111. With UMA == 1 they execute. Arm ARM D17.2.118
// (SCTLR_EL1.UMA), D17.2.37 (ISS for EC 0x18). QEMU 7.2 swaps Op1 and Op2 in this ISS
// (docs/DEVIATIONS.md).
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
    adr     x0, vt
    msr     vbar_el1, x0
    mrs     x22, sctlr_el1
    bic     x0, x22, #(1 << 9)          // UMA = 0
    msr     sctlr_el1, x0
    isb
    AT_EL0  el0_daifset
    // Op0=0 Op2=6 Op1=3 CRn=4 Rt=31 CRm=2 write
    CHECK_EQ x10, 0x620cd3e4, 1
    AT_EL0  el0_daifclr
    // Op2=7 CRm=1
    CHECK_EQ x10, 0x620ed3e2, 2
    AT_EL0  el0_mrs_daif
    // MRS DAIF: Op0=3 Op2=1 Op1=3 CRn=4 Rt=5 CRm=2 read
    CHECK_EQ x10, 0x6232d0a5, 3
    orr     x0, x22, #(1 << 9)          // UMA = 1
    msr     sctlr_el1, x0
    isb
    AT_EL0  el0_daifset
    CHECK_EQ x10, 0x56000007, 4         // reached the SVC
    and     x12, x12, #0x3c0
    CHECK_EQ x12, 0x080, 5              // and PSTATE.I was set at EL0

    msr     sctlr_el1, x22
    msr     vbar_el1, x21
    isb
    mov     x0, #0
    ret     x20

el0_daifset:
    msr     daifset, #2
    svc     #7
el0_daifclr:
    msr     daifclr, #1
el0_mrs_daif:
    mrs     x5, daif

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
