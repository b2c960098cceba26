// SPDX-License-Identifier: MIT
// A64 LSE atomics: LD<op>, ST<op>, SWP, CAS, CASP in every size, results and old values (C6.2).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x28, x30            // EXPECT_EXC calls the harness with BL
    adr     x1, buf
    mov     x2, #10
    str     x2, [x1]
    mov     x3, #5
    ldadd   x3, x4, [x1]
    CHECK_EQ x4, 10, 1
    ldr     x0, [x1]
    CHECK_EQ x0, 15, 2
    ldclral x3, x4, [x1]            // 15 & ~5 = 10
    CHECK_EQ x4, 15, 3
    ldeora  x3, x4, [x1]            // 10 ^ 5 = 15
    ldsetl  x2, x4, [x1]            // 15 | 10
    CHECK_EQ x4, 15, 4
    ldr     x0, [x1]
    CHECK_EQ x0, 15, 5
    // signed/unsigned max/min on bytes: 0x80 is -128 signed, 128 unsigned
    mov     w2, #0x80
    strb    w2, [x1, #8]
    mov     w3, #0x7f
    add     x5, x1, #8
    ldsmaxb w3, w4, [x5]
    CHECK_EQ x4, 0x80, 6
    ldrb    w0, [x5]
    CHECK_EQ x0, 0x7f, 7
    strb    w2, [x5]
    ldumaxb w3, w4, [x5]
    ldrb    w0, [x5]
    CHECK_EQ x0, 0x80, 8
    lduminab w3, w4, [x5]
    ldrb    w0, [x5]
    CHECK_EQ x0, 0x7f, 9
    strb    w2, [x5]
    ldsminlb w3, w4, [x5]
    ldrb    w0, [x5]
    CHECK_EQ x0, 0x80, 10
    // halfword add wraps inside the halfword; neighbours untouched
    mov     x6, #-1
    str     x6, [x1, #16]
    add     x5, x1, #16
    mov     w3, #1
    ldaddh  w3, w4, [x5]
    CHECK_EQ x4, 0xffff, 11
    ldr     x0, [x1, #16]
    CHECK_EQ x0, 0xffffffffffff0000, 12
    // word signed max with negative values; ST alias discards the old value
    mov     w3, #-5
    add     x5, x1, #20
    stsmax  w3, [x5]                // max(-1, -5) = -1
    ldr     x0, [x1, #16]
    CHECK_EQ x0, 0xffffffffffff0000, 13
    stumin  w3, [x5]                // umin(0xffffffff, 0xfffffffb)
    ldr     w0, [x5]
    CHECK_EQ x0, 0xfffffffb, 14
    steorl  w3, [x5]
    ldr     w0, [x5]
    CHECK_EQ x0, 0, 15
    // SWP
    ldr     x2, =0x1122334455667788
    str     x2, [x1, #24]
    mov     x3, #0x99
    add     x5, x1, #24
    swpal   x3, x4, [x5]
    CHECK_EQ x4, 0x1122334455667788, 16
    swpb    w3, w4, [x5]
    CHECK_EQ x4, 0x99, 17
    swph    wzr, w4, [x5]
    ldr     x0, [x5]
    CHECK_EQ x0, 0, 18
    // CAS: success writes and returns old; failure only returns old
    mov     x6, #0x42
    str     x6, [x1, #32]
    add     x5, x1, #32
    mov     x7, #0x42
    mov     x8, #0x43
    cas     x7, x8, [x5]
    CHECK_EQ x7, 0x42, 19
    ldr     x0, [x5]
    CHECK_EQ x0, 0x43, 20
    mov     x7, #0x42
    casal   x7, x6, [x5]
    CHECK_EQ x7, 0x43, 21
    ldr     x0, [x5]
    CHECK_EQ x0, 0x43, 22
    mov     w7, #0x43
    mov     w8, #0xaa
    casab   w7, w8, [x5]
    CHECK_EQ x7, 0x43, 23
    ldr     x0, [x5]
    CHECK_EQ x0, 0xaa, 24
    ldr     x7, =0xffffffffffff00aa  // only the low halfword is compared
    caslh   w7, w8, [x5]
    CHECK_EQ x7, 0xaa, 25
    mov     w7, #0xaa
    casa    w7, w6, [x5]
    ldr     x0, [x5]
    CHECK_EQ x0, 0x42, 26
    // CASP: doubleword and word pairs
    add     x5, x1, #48
    ldr     x2, =0xaaaaaaaa11111111
    ldr     x3, =0xbbbbbbbb22222222
    stp     x2, x3, [x5]
    mov     x10, x2
    mov     x11, x3
    mov     x12, #1
    mov     x13, #2
    casp    x10, x11, x12, x13, [x5]
    CHECK_EQ x10, 0xaaaaaaaa11111111, 27
    ldp     x14, x15, [x5]
    CHECK_EQ x14, 1, 28
    CHECK_EQ x15, 2, 29
    caspal  x10, x11, x12, x13, [x5]   // fails now
    CHECK_EQ x10, 1, 30
    CHECK_EQ x11, 2, 31
    mov     w10, #1
    mov     w11, #0
    mov     w12, #7
    mov     w13, #8
    caspa   w10, w11, w12, w13, [x5]
    CHECK_EQ x10, 1, 32
    ldr     x0, [x5]
    CHECK_EQ x0, 0x0000000800000007, 33
    mov     x0, #0
    mov     x30, x28
    ret
    .data
    .balign 16
buf: .skip 128
