// SPDX-License-Identifier: MIT
// SP alignment checking (Arm ARM D1.3.5.3): with SCTLR_EL1.SA set, a load or store using a
// misaligned SP as base takes EC 0x26 and writes nothing. QEMU does not implement the check.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x28, x30            // EXPECT_EXC calls the harness with BL
    // SP alignment checking (SCTLR_ELx.SA): EC 0x26, nothing written
    mrs     x7, CurrentEL
    cmp     x7, #(1 << 2)
    b.ne    9f
    mrs     x8, SCTLR_EL1
    orr     x9, x8, #(1 << 3)
    msr     SCTLR_EL1, x9
    isb
    mov     x10, sp
    sub     x11, x10, #8
    mov     sp, x11
    mov     x12, #0x77
    EXPECT_EXC
    ldr     x12, [sp]
    mov     sp, x10
    msr     SCTLR_EL1, x8
    isb
    lsr     x0, x0, #26
    CHECK_EQ x0, 0x26, 1
    CHECK_EQ x12, 0x77, 2
    // aligned SP and non-SP bases are not checked
    mrs     x8, SCTLR_EL1
    orr     x9, x8, #(1 << 3)
    msr     SCTLR_EL1, x9
    isb
    adr     x13, buf
    add     x13, x13, #1
    ldrb    w0, [x13]
    ldr     x0, [sp]
    msr     SCTLR_EL1, x8
    isb
9:  mov     x0, #0
    mov     x30, x28
    ret
    .data
    .balign 16
buf: .skip 64
