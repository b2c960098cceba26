// SPDX-License-Identifier: MIT
// A64 logical immediate (DecodeBitMasks shapes) and shifted register, move wide (C6.2).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x1, #-1
    // every element size, rotations, 32-bit forms
    and     x0, x1, #0x5555555555555555
    CHECK_EQ x0, 0x5555555555555555, 1
    and     x0, x1, #0x3333333333333333
    CHECK_EQ x0, 0x3333333333333333, 2
    and     x0, x1, #0x0f0f0f0f0f0f0f0f
    CHECK_EQ x0, 0x0f0f0f0f0f0f0f0f, 3
    and     x0, x1, #0x00ff00ff00ff00ff
    CHECK_EQ x0, 0x00ff00ff00ff00ff, 4
    and     x0, x1, #0x0000ffff0000ffff
    CHECK_EQ x0, 0x0000ffff0000ffff, 5
    and     x0, x1, #0x7fffffffffffffff
    CHECK_EQ x0, 0x7fffffffffffffff, 6
    and     x0, x1, #0x8000000000000001
    CHECK_EQ x0, 0x8000000000000001, 7
    orr     x0, xzr, #0xfffffffffffffffe
    CHECK_EQ x0, 0xfffffffffffffffe, 8
    eor     x0, x1, #0xc3c3c3c3c3c3c3c3
    CHECK_EQ x0, 0x3c3c3c3c3c3c3c3c, 9
    orr     w0, wzr, #0x80000001
    CHECK_EQ x0, 0x80000001, 10
    eor     w0, w1, #0x0000ffff
    CHECK_EQ x0, 0xffff0000, 11
    orr     x0, xzr, #0x1ffe0
    CHECK_EQ x0, 0x1ffe0, 12
    ands    x0, x1, #0x8000000000000000
    CHECK_NZCV 0x8, 13
    ands    w0, w1, #0x7fffffff
    CHECK_NZCV 0x0, 14
    mov     x2, #0x10
    tst     x2, #0x1
    CHECK_NZCV 0x4, 15
    // ORR immediate may write SP
    mov     x3, sp
    orr     sp, xzr, #0x40000
    mov     x4, sp
    mov     sp, x3
    CHECK_EQ x4, 0x40000, 16
    // shifted register forms, including ROR
    ldr     x2, =0x00000000000000f1
    orr     x0, xzr, x2, ror #4
    CHECK_EQ x0, 0x100000000000000f, 17
    orr     w0, wzr, w2, ror #4
    CHECK_EQ x0, 0x1000000f, 18
    bic     x0, x1, x2, lsl #8
    CHECK_EQ x0, 0xffffffffffff0eff, 19
    orn     w0, wzr, w2
    CHECK_EQ x0, 0xffffff0e, 20
    eon     x0, x2, x2
    CHECK_EQ x0, 0xffffffffffffffff, 21
    bics    x0, x2, x2
    CHECK_NZCV 0x4, 22
    ldr     x2, =0x80000000
    ands    w0, w2, w2, asr #0
    CHECK_NZCV 0x8, 23
    // move wide
    movz    x0, #0xbeef, lsl #48
    CHECK_EQ x0, 0xbeef000000000000, 24
    movn    x0, #0x1234, lsl #16
    CHECK_EQ x0, 0xffffffffedcbffff, 25
    movn    w0, #0x1234, lsl #16
    CHECK_EQ x0, 0xedcbffff, 26
    mov     x0, #-1
    movk    x0, #0x5678, lsl #32
    CHECK_EQ x0, 0xffff5678ffffffff, 27
    mov     x0, #-1
    movk    w0, #0x5678, lsl #16
    CHECK_EQ x0, 0x5678ffff, 28
    mov     x0, #0
    ret
