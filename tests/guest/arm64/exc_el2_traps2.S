// SPDX-License-Identifier: MIT
// More EL2 traps of EL1 (starts at EL2): HCR_EL2.TID2 (CTR_EL0, CCSIDR_EL1), TID1 (REVIDR_EL1),
// MDCR_EL2.TDA (MDSCR_EL1, DBGBVR1_EL1) and TDOSA (OSLSR_EL1), CPTR_EL2.TCPAC (CPACR_EL1);
// debug registers keep their values. Arm ARM D17.2.48, D17.2.56 (MDCR_EL2), D17.2.31.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mrs     x0, vbar_el2
    msr     vbar_el1, x0
    mov     x0, sp
    msr     sp_el1, x0
    ldr     x0, =0x40001000
    msr     dbgbvr1_el1, x0              // storage, from EL2
    mrs     x3, dbgbvr1_el1
    CHECK_EQ x3, 0x40001000, 8
    adr     x0, el1_entry
    msr     elr_el2, x0
    mov     x0, #0x3c5
    msr     spsr_el2, x0
    // RW | TID2 | TID1
    ldr     x0, =(1 << 31) | (1 << 17) | (1 << 16)
    msr     hcr_el2, x0
    mov     x0, #(3 << 9)                // MDCR_EL2.TDA | TDOSA
    msr     mdcr_el2, x0
    mrs     x0, cptr_el2
    orr     x0, x0, #(1 << 31)           // CPTR_EL2.TCPAC
    msr     cptr_el2, x0
    isb
    eret

el1_entry:
    // CTR_EL0: Op0=3 Op2=1 Op1=3 CRn=0 CRm=0 Rt=3 read.
    EXPECT_EXC
    mrs     x3, ctr_el0
    CHECK_EQ x0, 0x6232c061, 1
    // CCSIDR_EL1: Op0=3 Op2=0 Op1=1 CRn=0 CRm=0 Rt=3 read.
    EXPECT_EXC
    mrs     x3, ccsidr_el1
    CHECK_EQ x0, 0x62304061, 2
    // REVIDR_EL1: Op2=6 Op1=0 CRm=0.
    EXPECT_EXC
    mrs     x3, revidr_el1
    CHECK_EQ x0, 0x623c0061, 3
    // IMPLEMENTATION DEFINED encodings with TIDCP: exc_tidcp.S (QEMU 7.2 lacks TIDCP).
    // MDSCR_EL1 with TDA: Op0=2 Op2=2 Op1=0 CRn=0 CRm=2 Rt=3 read.
    EXPECT_EXC
    mrs     x3, mdscr_el1
    CHECK_EQ x0, 0x62240065, 5
    // DBGBVR1_EL1 with TDA: Op0=2 Op2=4 CRm=1 Rt=3.
    EXPECT_EXC
    mrs     x3, dbgbvr1_el1
    CHECK_EQ x0, 0x62280063, 6
    // OSLSR_EL1 with TDOSA: Op0=2 Op2=4 Op1=0 CRn=1 CRm=1 Rt=3.
    EXPECT_EXC
    mrs     x3, oslsr_el1
    CHECK_EQ x0, 0x62280463, 7
    // CPACR_EL1 with CPTR_EL2.TCPAC: Op0=3 Op2=2 Op1=0 CRn=1 CRm=0 Rt=3 read.
    EXPECT_EXC
    mrs     x3, cpacr_el1
    CHECK_EQ x0, 0x62340461, 9
    // Not trapped: MIDR_EL1, TPIDR_EL1.
    mrs     x3, midr_el1
    mrs     x3, tpidr_el1
    mov     x0, #0
    b       test_exit
