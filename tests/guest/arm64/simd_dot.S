// SPDX-License-Identifier: MIT
// FEAT_DotProd SDOT/UDOT (vector, by element): each 32-bit lane adds the four byte products
// of its quadruple, signed or unsigned, modulo 2^32. Known answers computed by hand.
#include "macros.inc"
    .arch_extension dotprod


// Vd = 100 in every 32-bit lane, then \insn.
.macro DOT insn:vararg
    movi    v0.4s, #100
    \insn
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    mrs     x1, id_aa64isar0_el1
    ubfx    x1, x1, #44, #4
    CHECK_EQ x1, 1, 1
    adr     x3, bytes
    ldp     q1, q2, [x3]
    DOT     sdot v0.4s, v1.16b, v2.16b
    CHECK_Q 0, 0x1e000000aa, 0x164000000c8, 2
    DOT     udot v0.4s, v1.16b, v2.16b
    CHECK_Q 0, 0x1a1e000000aa, 0xff64000000c8, 3
    DOT     sdot v0.4s, v1.16b, v2.4b[3]
    CHECK_Q 0, 0x564fffffb64, 0x164ffffce64, 4
    DOT     udot v0.4s, v1.16b, v2.4b[1]
    CHECK_Q 0, 0x1a1e000000aa, 0xd5500000320, 5
    DOT     sdot v0.2s, v1.8b, v2.8b    // Q = 0: upper half cleared
    CHECK_Q 0, 0x1e000000aa, 0, 6
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
bytes:  // Vn: 1 2 3 4 -1 -2 -3 -4 10 20 30 40 -128 -128 127 127; Vm: 5 6 7 8 5 6 7 8 1 1 1 1 -128 x4
    .byte 0x01, 0x02, 0x03, 0x04, 0xff, 0xfe, 0xfd, 0xfc, 0x0a, 0x14, 0x1e, 0x28, 0x80, 0x80, 0x7f, 0x7f
    .byte 0x05, 0x06, 0x07, 0x08, 0x05, 0x06, 0x07, 0x08, 0x01, 0x01, 0x01, 0x01, 0x80, 0x80, 0x80, 0x80
