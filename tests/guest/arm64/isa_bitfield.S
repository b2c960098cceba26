// SPDX-License-Identifier: MIT
// A64 bitfield moves and their aliases, EXTR, immediate shifts (C6.2 SBFM, BFM, UBFM, EXTR).
#include "macros.inc"
    .text
    .global test_main
test_main:
    ldr     x1, =0x8123456789abcdef
    lsl     x0, x1, #63
    CHECK_EQ x0, 0x8000000000000000, 1
    lsr     x0, x1, #63
    CHECK_EQ x0, 1, 2
    asr     x0, x1, #60
    CHECK_EQ x0, 0xfffffffffffffff8, 3
    lsl     w0, w1, #31
    CHECK_EQ x0, 0x80000000, 4
    asr     w0, w1, #31
    CHECK_EQ x0, 0xffffffff, 5
    ror     x0, x1, #4
    CHECK_EQ x0, 0xf8123456789abcde, 6
    ror     w0, w1, #8
    CHECK_EQ x0, 0xef89abcd, 7
    sbfx    x0, x1, #4, #8
    CHECK_EQ x0, 0xffffffffffffffde, 8
    ubfx    x0, x1, #4, #8
    CHECK_EQ x0, 0xde, 9
    sbfiz   x0, x1, #8, #4
    CHECK_EQ x0, 0xffffffffffffff00, 10
    ubfiz   w0, w1, #28, #4
    CHECK_EQ x0, 0xf0000000, 11
    sxtb    x0, w1
    CHECK_EQ x0, 0xffffffffffffffef, 12
    sxth    w0, w1
    CHECK_EQ x0, 0xffffcdef, 13
    sxtw    x0, w1
    CHECK_EQ x0, 0xffffffff89abcdef, 14
    uxtb    w0, w1
    CHECK_EQ x0, 0xef, 15
    uxth    w0, w1
    CHECK_EQ x0, 0xcdef, 16
    mov     x0, #-1
    bfi     x0, x1, #16, #8
    CHECK_EQ x0, 0xffffffffffefffff, 17
    mov     x0, #0
    bfxil   x0, x1, #60, #4
    CHECK_EQ x0, 8, 18
    mov     x0, #-1
    bfxil   w0, w1, #0, #16
    CHECK_EQ x0, 0xffffcdef, 19
    mov     x0, #-1
    bfc     x0, #8, #48
    CHECK_EQ x0, 0xff000000000000ff, 20
    sbfx    x0, x1, #63, #1
    CHECK_EQ x0, 0xffffffffffffffff, 21
    ubfx    x0, x1, #0, #64
    CHECK_EQ x0, 0x8123456789abcdef, 22
    ldr     x2, =0x0011223344556677
    extr    x0, x1, x2, #8
    CHECK_EQ x0, 0xef00112233445566, 23
    extr    w0, w1, w2, #24
    CHECK_EQ x0, 0xabcdef44, 24
    extr    x0, x1, x2, #0
    CHECK_EQ x0, 0x0011223344556677, 25
    // register shifts take the amount modulo the width
    mov     x3, #65
    lsl     x0, x1, x3
    CHECK_EQ x0, 0x02468acf13579bde, 26
    mov     x3, #33
    lsr     w0, w1, w3
    CHECK_EQ x0, 0x44d5e6f7, 27
    asr     w0, w1, w3
    CHECK_EQ x0, 0xc4d5e6f7, 28
    mov     x3, #68
    ror     x0, x1, x3
    CHECK_EQ x0, 0xf8123456789abcde, 29
    mov     x0, #0
    ret
