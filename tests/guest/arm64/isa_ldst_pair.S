// SPDX-License-Identifier: MIT
// A64 load/store pair: LDP/STP (W and X), LDPSW, LDNP/STNP, offset/pre/post-index (C6.2).
#include "macros.inc"
    .text
    .global test_main
test_main:
    adr     x1, buf
    ldr     x2, =0x1111111122222222
    ldr     x3, =0x8333333344444444
    stp     x2, x3, [x1, #16]
    ldp     w4, w5, [x1, #20]
    CHECK_EQ x4, 0x11111111, 1
    CHECK_EQ x5, 0x44444444, 2
    ldpsw   x4, x5, [x1, #24]
    CHECK_EQ x4, 0x44444444, 3
    CHECK_EQ x5, 0xffffffff83333333, 4
    stp     w3, w2, [x1]
    ldr     x0, [x1]
    CHECK_EQ x0, 0x2222222244444444, 5
    // pre-index
    add     x6, x1, #64
    stp     x3, x2, [x6, #-32]!
    sub     x7, x6, x1
    CHECK_EQ x7, 32, 6
    ldp     x4, x5, [x1, #32]
    CHECK_EQ x4, 0x8333333344444444, 7
    CHECK_EQ x5, 0x1111111122222222, 8
    // post-index
    ldp     x4, x5, [x6], #-16
    sub     x7, x6, x1
    CHECK_EQ x7, 16, 9
    CHECK_EQ x5, 0x1111111122222222, 10
    ldpsw   x4, x5, [x6, #16]!
    CHECK_EQ x4, 0x44444444, 11
    CHECK_EQ x5, 0xffffffff83333333, 12
    // non-temporal
    stnp    x2, xzr, [x1, #48]
    ldnp    w4, w5, [x1, #48]
    CHECK_EQ x4, 0x22222222, 13
    CHECK_EQ x5, 0x11111111, 14
    ldnp    x4, x5, [x1, #48]
    CHECK_EQ x5, 0, 15
    // SP-based, as in function prologues
    stp     x29, x30, [sp, #-16]!
    mov     x29, #5
    ldp     x29, x30, [sp], #16
    CHECK_REG x29, x29, 16
    mov     x0, #0
    ret
    .data
    .balign 16
buf: .skip 256
