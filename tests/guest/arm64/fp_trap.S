// SPDX-License-Identifier: MIT
// With CPACR_EL1.FPEN = 0b00, every SIMD&FP instruction class traps at EL1 with EC 0x07
// (ESR 0x1fe00000: IL, CV, COND 0b1110) before touching registers or memory, while a reserved
// SIMD encoding is still UNDEFINED (EC 0x00): the trap is part of the instruction's execution,
// which an unallocated encoding never reaches. Arm ARM AArch64.CheckFPAdvSIMDEnabled().
#include "macros.inc"

.macro TRAP_CASE id, insn:vararg
    adr     x5, buf
    EXPECT_EXC
    \insn
    CHECK_EQ x0, 0x1fe00000, \id
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    mov     x0, #(3 << 20)
    msr     cpacr_el1, x0
    isb
    movi    v1.16b, #0x11
    msr     cpacr_el1, xzr              // FPEN = 0b00: trap EL0 and EL1
    isb
    TRAP_CASE 1, fadd d1, d2, d3
    TRAP_CASE 2, ldr q1, [x5]
    TRAP_CASE 3, st1 {v1.16b}, [x5]
    TRAP_CASE 4, add v1.4s, v2.4s, v3.4s
    TRAP_CASE 5, aese v1.16b, v2.16b
    TRAP_CASE 6, fmov x1, d1
    TRAP_CASE 7, ldr d1, [x5], #8
    CHECK_REG x5, x5, 8
    adr     x6, buf
    CHECK_REG x5, x6, 9                 // no base writeback
    EXPECT_EXC
    .inst   0x0ee08400                  // ADD V.1D: UNDEFINED, not trapped
    lsr     x0, x0, #26
    CHECK_EQ x0, 0, 10
    mov     x0, #(3 << 20)
    msr     cpacr_el1, x0
    isb
    mov     x1, v1.d[0]                 // the trapped instructions wrote nothing
    CHECK_EQ x1, 0x1111111111111111, 11
    ldr     x1, buf
    CHECK_EQ x1, 0, 12
    mov     x0, #0
test_fail:
    mov     x1, #(3 << 20)
    msr     cpacr_el1, x1
    isb
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
buf: .skip 32
