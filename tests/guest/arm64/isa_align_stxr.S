// SPDX-License-Identifier: MIT
// A misaligned store-exclusive takes an alignment fault even when the local monitor fails:
// AArch64.ExclusiveMonitorsPass() calls CheckAlignment() before IsExclusiveVA(). Nothing is
// written, not even the status register. QEMU returns status 1 without faulting.
#include "macros.inc"

// The instruction \insn must take a data abort with DFSC=alignment fault (checks \id, \id+1).
.macro ALIGN_FAULT id, insn:vararg
    mov     x0, #0              // no exception leaves 0: not a data abort
    EXPECT_EXC
    \insn
    ubfx    x3, x0, #26, #6
    CHECK_EQ x3, 0x25, \id
    and     x3, x0, #0x3f
    CHECK_EQ x3, 0x21, (\id + 1)
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30            // EXPECT_EXC calls the harness with BL
    adr     x20, buf
    add     x21, x20, #4
    add     x22, x20, #1
    add     x23, x20, #8
    ALIGN_FAULT 1, stxr w4, x3, [x21]
    ALIGN_FAULT 3, stlxrh w4, w3, [x22]
    ALIGN_FAULT 5, stxp w4, x5, x6, [x23]
    // with a monitor set on the same (misaligned) address: still a fault
    EXPECT_EXC
    ldxr    x3, [x21]
    ALIGN_FAULT 7, stxr w4, x3, [x21]
    // the faulting store-exclusive wrote nothing and no register
    mov     x3, #0x1234
    mov     w4, #7
    EXPECT_EXC
    stxr    w4, x3, [x21]
    CHECK_EQ x4, 7, 9
    ldr     x5, [x20]
    CHECK_EQ x5, 0, 10
    mov     x30, x28
    mov     x0, #0
    ret
    .data
    .balign 16
buf: .skip 64
