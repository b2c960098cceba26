// SPDX-License-Identifier: MIT
// HCR_EL2 traps of EL1 (starts at EL2): HVC disabled by HCD, SMC with TSC, ID registers with
// TID3, SCTLR_EL1 writes with TVM and reads with TRVM, ACTLR_EL1 with TACR, WFI with TWI
// (EC 0x18 ISS encoding and EC 0x01), HVC from EL1. Arm ARM D17.2.48 (HCR_EL2), D17.2.37 (ESR_ELx ISS encodings).
#include "macros.inc"
    .text
    .global test_main
test_main:
    // HCR_EL2.HCD (no EL3): HVC is UNDEFINED, here at EL2.
    mrs     x19, hcr_el2
    orr     x0, x19, #(1 << 29)
    msr     hcr_el2, x0
    isb
    EXPECT_EXC
    hvc     #3
    CHECK_EQ x0, 0x02000000, 12
    msr     hcr_el2, x19
    isb
    mrs     x0, vbar_el2
    msr     vbar_el1, x0
    mov     x0, sp
    msr     sp_el1, x0
    adr     x0, el1_entry
    msr     elr_el2, x0
    mov     x0, #0x3c5                  // EL1h, DAIF masked
    msr     spsr_el2, x0
    // RW | TRVM | TVM | TACR | TSC | TID3 | TWI
    ldr     x0, =(1 << 31) | (1 << 30) | (1 << 26) | (1 << 21) | (1 << 19) | (1 << 18) | (1 << 13)
    msr     hcr_el2, x0
    isb
    eret

el1_entry:
    mrs     x3, CurrentEL
    CHECK_EQ x3, 4, 1
    // SMC trapped by TSC: EC 0x17, ISS = imm16, ELR = the SMC itself.
    EXPECT_EXC
1:  smc     #5
    CHECK_EQ x0, 0x5e000005, 2
    adr     x3, 1b
    CHECK_REG x2, x3, 3
    // MRS ID_AA64PFR0_EL1 with TID3: Op0=3 Op2=0 Op1=0 CRn=0 Rt=3 CRm=4 read.
    EXPECT_EXC
    mrs     x3, id_aa64pfr0_el1
    CHECK_EQ x0, 0x62300069, 4
    // MSR SCTLR_EL1 with TVM: CRn=1 Rt=3 write.
    EXPECT_EXC
    msr     sctlr_el1, x3
    CHECK_EQ x0, 0x62300460, 5
    // MRS SCTLR_EL1 with TRVM.
    EXPECT_EXC
    mrs     x3, sctlr_el1
    CHECK_EQ x0, 0x62300461, 6
    // MRS ACTLR_EL1 with TACR: Op2=1 Rt=4.
    EXPECT_EXC
    mrs     x4, actlr_el1
    CHECK_EQ x0, 0x62320481, 7
    // WFI with TWI and nothing pending: EC 0x01, CV=1, COND=0b1110, TI=0 (WFI).
    EXPECT_EXC
2:  wfi
    CHECK_EQ x0, 0x07e00000, 8
    adr     x3, 2b
    CHECK_REG x2, x3, 9
    // HVC from EL1: EC 0x16, preferred return = the next instruction.
    EXPECT_EXC
3:  hvc     #7
    nop
    CHECK_EQ x0, 0x5a000007, 10
    adr     x3, 3b + 4
    CHECK_REG x2, x3, 11
    // Registers no enabled control traps.
    mrs     x3, tpidr_el1
    mrs     x3, midr_el1
    mov     x0, #0
    b       test_exit
