// SPDX-License-Identifier: MIT
// A64 multiply, multiply-high, long multiply and divide (C6.2 MADD..UMULH, UDIV, SDIV).
#include "macros.inc"
    .text
    .global test_main
test_main:
    ldr     x1, =0x123456789
    ldr     x2, =0xfedcba987
    mov     x3, #100
    madd    x0, x1, x2, x3
    CHECK_EQ x0, (0x123456789 * 0xfedcba987 + 100) & 0xffffffffffffffff, 1
    msub    x0, x1, x2, x3
    CHECK_EQ x0, (100 - 0x123456789 * 0xfedcba987) & 0xffffffffffffffff, 2
    mul     w0, w1, w2
    CHECK_EQ x0, (0x23456789 * 0xedcba987) & 0xffffffff, 3
    mov     x4, #-3
    mov     x5, #7
    smull   x0, w4, w5
    CHECK_EQ x0, 0xffffffffffffffeb, 4
    umull   x0, w4, w5
    CHECK_EQ x0, 0xfffffffd * 7, 5
    smsubl  x0, w4, w5, x3
    CHECK_EQ x0, 121, 6
    umsubl  x0, w5, w5, x3
    CHECK_EQ x0, 51, 7
    smulh   x0, x4, x5
    CHECK_EQ x0, 0xffffffffffffffff, 8
    umulh   x0, x4, x5
    CHECK_EQ x0, 6, 9
    ldr     x6, =0x8000000000000000
    smulh   x0, x6, x6
    CHECK_EQ x0, 0x4000000000000000, 10
    // divide: by zero gives 0, INT_MIN / -1 gives INT_MIN, rounding towards zero
    udiv    x0, x1, xzr
    CHECK_EQ x0, 0, 11
    sdiv    w0, w1, wzr
    CHECK_EQ x0, 0, 12
    sdiv    x0, x6, x4           // / -3
    CHECK_EQ x0, 0x2aaaaaaaaaaaaaaa, 13
    mov     x7, #-1
    sdiv    x0, x6, x7
    CHECK_EQ x0, 0x8000000000000000, 14
    mov     w8, #0x80000000
    sdiv    w0, w8, w7
    CHECK_EQ x0, 0x80000000, 15
    mov     x9, #-7
    mov     x10, #2
    sdiv    x0, x9, x10
    CHECK_EQ x0, 0xfffffffffffffffd, 16
    udiv    w0, w9, w10
    CHECK_EQ x0, 0x7ffffffc, 17
    udiv    x0, x9, x10
    CHECK_EQ x0, 0x7ffffffffffffffc, 18
    mov     x0, #0
    ret
