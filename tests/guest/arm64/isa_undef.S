// SPDX-License-Identifier: MIT
// Reserved encodings inside the integer classes are UNDEFINED (EC 0x00): reserved shift and
// size fields, N != sf, 32-bit forms with 64-bit-only values, reserved load/store forms
// (Arm ARM C4.1 encoding tables).
#include "macros.inc"

// Execute the word \insn, which must take an UNDEFINED exception (check \id).
.macro UNDEF insn, id
    EXPECT_EXC
    .inst   \insn
    lsr     x3, x0, #26
    CHECK_EQ x3, 0, \id
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30
    adr     x1, buf
    UNDEF   0x8BC00000, 1
    UNDEF   0x0B008000, 2
    UNDEF   0x12400000, 3
    UNDEF   0x9240FC00, 4
    UNDEF   0x52C00000, 5
    UNDEF   0x93000000, 6
    UNDEF   0x13808000, 7
    UNDEF   0x8B201400, 8
    UNDEF   0x1AC04C00, 9
    UNDEF   0x5AC00C00, 10
    UNDEF   0xF8600820, 11
    UNDEF   0xB8C00C20, 12
    UNDEF   0xF8800C20, 13
    UNDEF   0xE9400020, 14
    UNDEF   0x48217C20, 15
    UNDEF   0x1A800800, 16
    mov     x30, x28
    mov     x0, #0
    ret
    .data
    .balign 16
buf: .skip 64
