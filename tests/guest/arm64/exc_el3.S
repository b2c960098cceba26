// SPDX-License-Identifier: MIT
// EL3 (starts at EL3): SMC at EL3 is taken to EL3 with the next instruction as return; HVC
// without SCR_EL3.HCE (or without EL2) and SMC with SCR_EL3.SMD are UNDEFINED; Secure EL1 SMC is
// taken to EL3, Secure EL1 HVC is UNDEFINED (no FEAT_SEL2), EL3 registers are UNDEFINED at EL1.
// Arm ARM D1.3.4, D17.2.117 (SCR_EL3).
#include "macros.inc"
    .text
    .global test_main
test_main:
    EXPECT_EXC
1:  smc     #3
    nop
    CHECK_EQ x0, 0x5e000003, 1
    adr     x3, 1b + 4
    CHECK_REG x2, x3, 2
    EXPECT_EXC
    hvc     #1
    CHECK_EQ x0, 0x02000000, 3
    mrs     x19, scr_el3
    orr     x0, x19, #(1 << 7)          // SMD
    msr     scr_el3, x0
    isb
    EXPECT_EXC
    smc     #0
    CHECK_EQ x0, 0x02000000, 4
    // Secure EL1, AArch64.
    mrs     x0, vbar_el3
    msr     vbar_el1, x0
    mov     x0, sp
    msr     sp_el1, x0
    bic     x0, x19, #1                 // NS = 0
    orr     x0, x0, #(1 << 10)          // RW
    msr     scr_el3, x0
    adr     x0, el1_entry
    msr     elr_el3, x0
    mov     x0, #0x3c5
    msr     spsr_el3, x0
    isb
    eret

el1_entry:
    mrs     x3, CurrentEL
    CHECK_EQ x3, 4, 5
    EXPECT_EXC                          // to EL3
2:  smc     #9
    nop
    CHECK_EQ x0, 0x5e000009, 6
    adr     x3, 2b + 4
    CHECK_REG x2, x3, 7
    EXPECT_EXC
    hvc     #0
    CHECK_EQ x0, 0x02000000, 8
    EXPECT_EXC
    mrs     x3, scr_el3
    CHECK_EQ x0, 0x02000000, 9
    mov     x0, #0
    b       test_exit
