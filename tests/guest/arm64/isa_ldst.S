// SPDX-License-Identifier: MIT
// A64 single-register loads/stores: all sizes, sign extension, every addressing mode, literal,
// prefetch, unprivileged (C6.2 LDR/STR...).
#include "macros.inc"
    .text
    .global test_main
test_main:
    adr     x1, buf
    ldr     x2, =0x8182838485868788
    str     x2, [x1]
    ldrb    w0, [x1]
    CHECK_EQ x0, 0x88, 1
    ldrsb   w0, [x1]
    CHECK_EQ x0, 0xffffff88, 2
    ldrsb   x0, [x1, #7]
    CHECK_EQ x0, 0xffffffffffffff81, 3
    ldrh    w0, [x1, #2]
    CHECK_EQ x0, 0x8586, 4
    ldrsh   w0, [x1, #2]
    CHECK_EQ x0, 0xffff8586, 5
    ldrsh   x0, [x1, #6]
    CHECK_EQ x0, 0xffffffffffff8182, 6
    ldr     w0, [x1, #4]
    CHECK_EQ x0, 0x81828384, 7
    ldrsw   x0, [x1, #4]
    CHECK_EQ x0, 0xffffffff81828384, 8
    // stores of each size leave the neighbours alone
    mov     x3, #0x11
    strb    w3, [x1, #1]
    mov     x3, #0x2233
    strh    w3, [x1, #4]
    ldr     x0, [x1]
    CHECK_EQ x0, 0x8182223385861188, 9
    ldr     x3, =0xdeadbeefcafef00d
    str     w3, [x1, #8]
    str     xzr, [x1, #16]
    ldr     x0, [x1, #8]
    CHECK_EQ x0, 0x00000000cafef00d, 10
    // unscaled, negative offsets
    add     x4, x1, #16
    stur    x3, [x4, #-8]
    ldur    x0, [x1, #8]
    CHECK_EQ x0, 0xdeadbeefcafef00d, 11
    ldursh  x0, [x4, #-2]
    CHECK_EQ x0, 0xffffffffffffdead, 12
    // pre- and post-index write back after the access
    mov     x4, x1
    ldr     x0, [x4, #8]!
    CHECK_EQ x0, 0xdeadbeefcafef00d, 13
    sub     x5, x4, x1
    CHECK_EQ x5, 8, 14
    ldrh    w0, [x4], #-6
    CHECK_EQ x0, 0xf00d, 15
    sub     x5, x4, x1
    CHECK_EQ x5, 2, 16
    strb    w3, [x4, #-1]!
    sub     x5, x4, x1
    CHECK_EQ x5, 1, 17
    ldrb    w0, [x1, #1]
    CHECK_EQ x0, 0x0d, 18
    add     x4, x1, #8
    str     x3, [x4], #248
    sub     x5, x4, x1
    CHECK_EQ x5, 256, 19
    // register offset with extends and scaling
    mov     x6, #1
    ldr     x0, [x1, x6, lsl #3]
    CHECK_EQ x0, 0xdeadbeefcafef00d, 20
    mov     w6, #-2
    add     x4, x1, #16
    ldr     w0, [x4, w6, sxtw #2]
    CHECK_EQ x0, 0xcafef00d, 21
    mov     x6, #12
    ldrh    w0, [x1, w6, uxtw]
    CHECK_EQ x0, 0xbeef, 22
    mov     x6, #-4
    ldrsw   x0, [x4, x6, sxtx]
    CHECK_EQ x0, 0xffffffffdeadbeef, 23
    mov     x6, #6
    ldrb    w0, [x1, x6]
    CHECK_EQ x0, 0x82, 24
    // literal
    ldr     w0, lit
    CHECK_EQ x0, 0x89abcdef, 25
    ldrsw   x0, lit
    CHECK_EQ x0, 0xffffffff89abcdef, 26
    ldr     x0, lit
    CHECK_EQ x0, 0x0123456789abcdef, 27
    prfm    pldl1keep, lit
    prfm    pstl2strm, [x1, #64]
    prfum   pldl1keep, [x1, #-1]
    prfm    pldl3keep, [x1, x6]
    // unprivileged (MMU off: permitted)
    sttr    x3, [x1, #24]
    ldtrsh  x0, [x1, #30]
    CHECK_EQ x0, 0xffffffffffffdead, 28
    ldtrb   w0, [x1, #24]
    CHECK_EQ x0, 0x0d, 29
    // Loads to XZR discard; WZR stores zero
    ldr     xzr, [x1]
    strh    wzr, [x1, #24]
    ldrh    w0, [x1, #24]
    CHECK_EQ x0, 0, 30
    mov     x0, #0
    ret
    .balign 8
lit: .quad 0x0123456789abcdef
    .data
    .balign 16
buf: .skip 512
