// SPDX-License-Identifier: MIT
// Vector offsets and saved state (starts at EL1): current EL with SP_EL0 (+0x000), current EL
// with SP_ELx (+0x200), lower EL AArch64 (+0x400); SPSR_EL1.M/DAIF and ELR_EL1; EL0 rules:
// CurrentEL, SP_EL0 and ERET UNDEFINED, WFI trapped by SCTLR_EL1.nTWI, DC ZVA by DZE and
// CTR_EL0 by UCT (EC 0x18); semihosting UNDEFINED at EL0.
// Arm ARM D1.3.1 (vector table), D17.2.118 (SCTLR_EL1).
#include "macros.inc"

// Run the EL0 code at \label; the vector handler returns to label 1000 after it at EL1h.
.macro AT_EL0 label
    adr     x0, \label
    msr     elr_el1, x0
    msr     spsr_el1, xzr           // EL0t, DAIF clear
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
    // SCTLR_EL1: clear nTWI (16), DZE (14), UCT (15).
    mrs     x22, sctlr_el1
    bic     x0, x22, #(1 << 16)
    bic     x0, x0, #(3 << 14)
    msr     sctlr_el1, x0
    isb

    // Current EL with SP_EL0.
    msr     spsel, #0
    adr     x13, 1f
0:  svc     #1
1:  CHECK_EQ x9, 0x000, 1
    and     x12, x12, #0x3ff
    CHECK_EQ x12, 0x3c4, 2
    adr     x3, 0b + 4
    CHECK_REG x11, x3, 3
    CHECK_EQ x10, 0x56000001, 4
    // The handler returned to EL1h.
    mrs     x3, spsel
    CHECK_EQ x3, 1, 5

    // Current EL with SP_ELx.
    adr     x13, 1f
    svc     #2
1:  CHECK_EQ x9, 0x200, 6
    and     x12, x12, #0x3ff
    CHECK_EQ x12, 0x3c5, 7

    // Lower EL (EL0) SVC.
    AT_EL0  el0_svc
    CHECK_EQ x9, 0x400, 8
    CHECK_EQ x12, 0, 9
    CHECK_EQ x10, 0x56000003, 10
    adr     x3, el0_svc + 4
    CHECK_REG x11, x3, 11

    // EL0: MRS CurrentEL is UNDEFINED.
    AT_EL0  el0_currentel
    CHECK_EQ x9, 0x400, 12
    CHECK_EQ x10, 0x02000000, 13
    adr     x3, el0_currentel
    CHECK_REG x11, x3, 14
    // EL0: MRS SP_EL0 is UNDEFINED.
    AT_EL0  el0_sp_el0
    CHECK_EQ x10, 0x02000000, 15
    // EL0: ERET is UNDEFINED.
    AT_EL0  el0_eret
    CHECK_EQ x10, 0x02000000, 16
    // EL0: WFI with SCTLR_EL1.nTWI == 0 traps to EL1: EC 0x01.
    AT_EL0  el0_wfi
    CHECK_EQ x10, 0x07e00000, 17
    // EL0: DC ZVA with SCTLR_EL1.DZE == 0: EC 0x18, Op0=1 Op2=1 Op1=3 CRn=7 CRm=4 Rt=0.
    AT_EL0  el0_dczva
    CHECK_EQ x10, 0x6212dc08, 18
    // EL0: MRS CTR_EL0 with SCTLR_EL1.UCT == 0: Op0=3 Op2=1 Op1=3 CRn=0 CRm=0 Rt=0 read.
    AT_EL0  el0_ctr
    CHECK_EQ x10, 0x6232c001, 19
    // EL0: a semihosting call is UNDEFINED (no userspace semihosting).
    AT_EL0  el0_semihost
    CHECK_EQ x10, 0x02000000, 21
    adr     x3, el0_semihost + 4
    CHECK_REG x11, x3, 22
    // With UCT == 1 it is readable: the next exception is the SVC.
    orr     x0, x22, #(1 << 15)
    msr     sctlr_el1, x0
    isb
    AT_EL0  el0_ctr
    CHECK_EQ x10, 0x56000004, 20

    msr     sctlr_el1, x22
    msr     vbar_el1, x21
    isb
    mov     x0, #0
    ret     x20

el0_svc:
    svc     #3
el0_currentel:
    mrs     x0, CurrentEL
el0_sp_el0:
    mrs     x0, sp_el0
el0_eret:
    eret
el0_wfi:
    wfi
el0_dczva:
    mov     x0, sp
    dc      zva, x0
el0_ctr:
    mrs     x0, ctr_el0
    svc     #4
el0_semihost:
    mov     x0, #4
    hlt     #0xf000

// Every vector: x9 = its offset, x10/x11/x12 = ESR/ELR/SPSR; return to x13 at EL1h, masked.
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
