// SPDX-License-Identifier: MIT
// Synchronous exceptions taken to the current EL (run at EL1, EL2 and EL3): ESR_ELx EC/IL/ISS
// and ELR_ELx of SVC, BRK, UDF, HLT without semihosting and an unallocated MRS.
// Arm ARM D1.3 and D17.2.37 (ESR_ELx).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    // SVC: EC 0x15, IL 1, ISS = imm16; preferred return = the next instruction.
    EXPECT_EXC
1:  svc     #0x1234
    nop                         // the harness resumes at ELR + 4
    CHECK_EQ x0, 0x56001234, 1
    adr     x3, 1b + 4
    CHECK_REG x2, x3, 2
    // BRK: EC 0x3c, ISS = imm16; preferred return = the BRK itself.
    EXPECT_EXC
2:  brk     #0x42
    CHECK_EQ x0, 0xf2000042, 3
    adr     x3, 2b
    CHECK_REG x2, x3, 4
    // UDF: EC 0 (unknown reason), IL 1.
    EXPECT_EXC
3:  udf     #7
    CHECK_EQ x0, 0x02000000, 5
    adr     x3, 3b
    CHECK_REG x2, x3, 6
    // HLT with an immediate other than the semihosting one: UNDEFINED (no halting debug).
    EXPECT_EXC
    hlt     #1
    CHECK_EQ x0, 0x02000000, 7
    // An unallocated system register: UNDEFINED.
    EXPECT_EXC
    mrs     x3, s3_2_c15_c15_7
    CHECK_EQ x0, 0x02000000, 8
    mov     x0, #0
    ret     x20
