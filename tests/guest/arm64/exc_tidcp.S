// SPDX-License-Identifier: MIT
// HCR_EL2.TIDCP traps EL1 accesses to the IMPLEMENTATION DEFINED encodings (op0 = 3, CRn = 11
// or 15) to EL2 with EC 0x18, whether or not a register exists there (starts at EL2). Without
// TIDCP such an unallocated encoding is UNDEFINED at EL1. Arm ARM D17.2.48 (HCR_EL2.TIDCP).
// QEMU 7.2 does not implement TIDCP (docs/DEVIATIONS.md).
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
    ldr     x0, =(1 << 31) | (1 << 20)   // RW | TIDCP
    msr     hcr_el2, x0
    isb
    eret

el1_entry:
    // S3_0_C15_C2_0: Op0=3 Op2=0 Op1=0 CRn=15 CRm=2 Rt=3 read, taken to EL2.
    EXPECT_EXC
    mrs     x3, s3_0_c15_c2_0
    CHECK_EQ x0, 0x62303c65, 1
    // S3_2_C11_C0_0 write, Rt=4: Op1=2 CRn=11.
    EXPECT_EXC
    msr     s3_2_c11_c0_0, x4
    CHECK_EQ x0, 0x6230ac80, 2
    mov     x0, #0
    b       test_exit
