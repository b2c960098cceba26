// SPDX-License-Identifier: MIT
// SIMD&FP loads and stores: addressing modes and writeback, structure (de)interleaving, lane
// and replicate forms, LDR literal (Arm ARM C4.1.88).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    adr     x1, src
    // LDR Q, pre-index writeback
    mov     x2, x1
    ldr     q0, [x2, #16]!
    sub     x3, x2, x1
    CHECK_EQ x3, 16, 1
    mov     x4, v0.d[0]
    CHECK_EQ x4, 0x1716151413121110, 2
    // LDR D, post-index: loads at the old base, zeroes the upper half
    mov     x2, x1
    movi    v1.16b, #0xff
    ldr     d1, [x2], #8
    CHECK_EQ x2, src + 8, 3
    mov     x4, v1.d[0]
    CHECK_EQ x4, 0x0706050403020100, 4
    mov     x4, v1.d[1]
    CHECK_EQ x4, 0, 5
    // register offset, SXTW #2 with a negative index
    add     x2, x1, #32
    mov     w3, #-2
    ldr     s2, [x2, w3, sxtw #2]
    fmov    w4, s2
    CHECK_EQ x4, 0x1b1a1918, 6
    // LDP Q
    ldp     q3, q4, [x1]
    mov     x4, v4.d[1]
    CHECK_EQ x4, 0x1f1e1d1c1b1a1918, 7
    // LD3 (multiple structures) de-interleaves bytes
    ld3     {v5.8b, v6.8b, v7.8b}, [x1]
    mov     x4, v5.d[0]
    CHECK_EQ x4, 0x15120f0c09060300, 8
    mov     x4, v7.d[0]
    CHECK_EQ x4, 0x1714110e0b080502, 9
    // LD1 (two registers), post-index by register
    mov     x2, x1
    mov     x3, #5
    ld1     {v8.2d, v9.2d}, [x2], x3
    CHECK_EQ x2, src + 5, 10
    mov     x4, v9.d[0]
    CHECK_EQ x4, 0x1716151413121110, 11
    // LD1R replicates, LD2 single lane keeps the other lanes
    ld1r    {v10.4h}, [x1]
    mov     x4, v10.d[0]
    CHECK_EQ x4, 0x0100010001000100, 12
    movi    v11.16b, #0xaa
    movi    v12.16b, #0xbb
    ld2     {v11.s, v12.s}[1], [x1]
    mov     x4, v11.d[0]
    CHECK_EQ x4, 0x03020100aaaaaaaa, 13
    mov     x4, v12.d[0]
    CHECK_EQ x4, 0x07060504bbbbbbbb, 14
    // ST4 single lane, then read back the interleaved bytes
    adr     x2, dst
    movi    v13.16b, #0x11
    movi    v14.16b, #0x22
    movi    v15.16b, #0x33
    movi    v16.16b, #0x44
    st4     {v13.b, v14.b, v15.b, v16.b}[3], [x2]
    ldr     w4, [x2]
    CHECK_EQ x4, 0x44332211, 15
    // ST1 (4 registers) writes 64 contiguous bytes
    st1     {v3.16b, v4.16b, v5.16b, v6.16b}, [x2]
    ldr     x4, [x2, #24]
    CHECK_EQ x4, 0x1f1e1d1c1b1a1918, 16
    // STUR/LDUR B with a negative offset
    add     x3, x2, #8
    mov     w4, #0x5a
    fmov    s17, w4
    stur    b17, [x3, #-1]
    ldurb   w4, [x2, #7]
    CHECK_EQ x4, 0x5a, 17
    // LDR literal
    ldr     q18, lit
    mov     x4, v18.d[1]
    CHECK_EQ x4, 0xfedcba9876543210, 18
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .balign 16
lit: .quad 0x0123456789abcdef, 0xfedcba9876543210
    .data
    .balign 16
src:
    .byte 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .byte 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    .balign 16
dst: .skip 64
