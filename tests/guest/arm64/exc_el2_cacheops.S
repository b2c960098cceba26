// SPDX-License-Identifier: MIT
// HCR_EL2.TPC / TPU / TSW trap EL1 cache maintenance to EL2 with EC 0x18 (starts at EL2):
// DC CIVAC (to PoC), DC CVAU and IC IALLU (to PoU), DC ISW (set/way). Arm ARM D17.2.48.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mrs     x0, vbar_el2
    msr     vbar_el1, x0
    mov     x0, sp
    msr     sp_el1, x0
    adr     x0, el1_entry
    msr     elr_el2, x0
    mov     x0, #0x3c5
    msr     spsr_el2, x0
    // RW | TPU | TPC | TSW
    ldr     x0, =(1 << 31) | (1 << 24) | (1 << 23) | (1 << 22)
    msr     hcr_el2, x0
    isb
    eret

el1_entry:
    mov     x5, sp
    // DC CIVAC, X5: Op0=1 Op2=1 Op1=3 CRn=7 CRm=14 Rt=5 write.
    EXPECT_EXC
    dc      civac, x5
    CHECK_EQ x0, 0x6212dcbc, 1
    // DC CVAU, X5: CRm=11.
    EXPECT_EXC
    dc      cvau, x5
    CHECK_EQ x0, 0x6212dcb6, 2
    // DC ISW, X5: Op2=2 Op1=0 CRm=6.
    EXPECT_EXC
    dc      isw, x5
    CHECK_EQ x0, 0x62141cac, 3
    // IC IALLU: Op2=0 Op1=0 CRm=5 Rt=31.
    EXPECT_EXC
    ic      iallu
    CHECK_EQ x0, 0x62101fea, 4
    // DC ZVA is not trapped by these controls.
    adr     x5, buf
    dc      zva, x5
    mov     x0, #0
    b       test_exit

    .data
    .balign 64
buf:
    .fill   4096, 1, 0
