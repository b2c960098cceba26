// SPDX-License-Identifier: MIT
// A64 exclusives and ordered accesses: LDXR/STXR pass and fail, all sizes, pairs, LDAR/STLR,
// LDAPR (Arm ARM B2.9, C6.2).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x28, x30            // EXPECT_EXC calls the harness with BL
    adr     x1, buf
    ldr     x2, =0x0123456789abcdef
    str     x2, [x1]
    // pass: LDXR then STXR to the same address and size
    ldxr    x3, [x1]
    CHECK_EQ x3, 0x0123456789abcdef, 1
    mov     x4, #0x55
    stxr    w5, x4, [x1]
    CHECK_EQ x5, 0, 2
    ldr     x0, [x1]
    CHECK_EQ x0, 0x55, 3
    // fail: the monitor was cleared by the successful STXR
    mov     x4, #0x66
    stxr    w5, x4, [x1]
    CHECK_EQ x5, 1, 4
    ldr     x0, [x1]
    CHECK_EQ x0, 0x55, 5
    // fail: CLREX between
    ldaxr   w3, [x1]
    clrex
    stlxr   w5, w4, [x1]
    CHECK_EQ x5, 1, 6
    // bytes and halfwords; W forms zero-extend
    mov     x6, #-1
    str     x6, [x1, #8]
    add     x7, x1, #8
    ldxrb   w3, [x7]
    CHECK_EQ x3, 0xff, 7
    mov     w4, #0x12
    add     x7, x1, #8
    stxrb   w5, w4, [x7]
    CHECK_EQ x5, 0, 8
    add     x7, x1, #10
    ldaxrh  w3, [x7]
    CHECK_EQ x3, 0xffff, 9
    stlxrh  w5, wzr, [x7]
    CHECK_EQ x5, 0, 10
    ldr     x0, [x1, #8]
    CHECK_EQ x0, 0xffffffff0000ff12, 11
    // pairs
    add     x7, x1, #16
    ldr     x2, =0x1111111122222222
    ldr     x3, =0x3333333344444444
    stp     x2, x3, [x7]
    ldxp    x8, x9, [x7]
    CHECK_EQ x8, 0x1111111122222222, 12
    CHECK_EQ x9, 0x3333333344444444, 13
    stxp    w5, x9, x8, [x7]
    CHECK_EQ x5, 0, 14
    ldp     x8, x9, [x7]
    CHECK_EQ x8, 0x3333333344444444, 15
    CHECK_EQ x9, 0x1111111122222222, 16
    ldaxp   w8, w9, [x7]
    CHECK_EQ x8, 0x44444444, 17
    CHECK_EQ x9, 0x33333333, 18
    stlxp   w5, w9, w8, [x7]
    CHECK_EQ x5, 0, 19
    ldr     x0, [x7]
    CHECK_EQ x0, 0x4444444433333333, 20
    stlxp   w5, w9, w8, [x7]
    CHECK_EQ x5, 1, 21
    // load-acquire / store-release
    ldr     x2, =0xfedcba9876543210
    add     x9, x1, #32
    stlr    x2, [x9]
    ldar    x0, [x9]
    CHECK_EQ x0, 0xfedcba9876543210, 22
    ldarb   w0, [x9]
    CHECK_EQ x0, 0x10, 23
    add     x7, x1, #36
    ldarh   w0, [x7]
    CHECK_EQ x0, 0xba98, 24
    stlrb   w2, [x7]
    stlrh   w2, [x9]
    ldar    w0, [x9]
    CHECK_EQ x0, 0x76543210, 25
    ldapr   x0, [x9]
    CHECK_EQ x0, 0xfedcba1076543210, 26
    ldaprb  w0, [x7]
    CHECK_EQ x0, 0x10, 27
    mov     x0, #0
    mov     x30, x28
    ret
    .data
    .balign 16
buf: .skip 64
