// SPDX-License-Identifier: MIT
// AES-128 known answer (FIPS-197 Appendix C.1) through AESE/AESMC and AESD/AESIMC, with the
// round keys of key 000102...0f precomputed: checks the crypto instructions against the
// standard, independently of any emulator (Arm ARM C7.2 AESE ... AESIMC).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    adr     x1, rk
    ldr     q0, plaintext
    mov     x2, #0
1:  ldr     q1, [x1, x2, lsl #4]        // rounds 0..8: AESE + AESMC
    aese    v0.16b, v1.16b
    aesmc   v0.16b, v0.16b
    add     x2, x2, #1
    cmp     x2, #9
    b.ne    1b
    ldr     q1, [x1, #144]
    aese    v0.16b, v1.16b
    ldr     q1, [x1, #160]
    eor     v0.16b, v0.16b, v1.16b
    ldr     q2, ciphertext
    mov     x3, v0.d[0]
    mov     x4, v2.d[0]
    CHECK_REG x3, x4, 1
    mov     x3, v0.d[1]
    mov     x4, v2.d[1]
    CHECK_REG x3, x4, 2
    // decrypt with the equivalent inverse cipher: keys 9..1 through InvMixColumns
    ldr     q1, [x1, #160]
    aesd    v0.16b, v1.16b
    aesimc  v0.16b, v0.16b
    mov     x2, #9
2:  ldr     q1, [x1, x2, lsl #4]
    aesimc  v1.16b, v1.16b
    aesd    v0.16b, v1.16b
    cmp     x2, #1
    b.eq    3f
    aesimc  v0.16b, v0.16b
    sub     x2, x2, #1
    b       2b
3:  ldr     q1, [x1]
    eor     v0.16b, v0.16b, v1.16b
    ldr     q2, plaintext
    mov     x3, v0.d[0]
    mov     x4, v2.d[0]
    CHECK_REG x3, x4, 3
    mov     x3, v0.d[1]
    mov     x4, v2.d[1]
    CHECK_REG x3, x4, 4
    // PMULL2 (64 x 64 -> 128): x^63 * x^63 = x^126
    mov     x5, #(1 << 63)
    mov     v3.d[1], x5
    pmull2  v4.1q, v3.2d, v3.2d
    mov     x3, v4.d[1]
    CHECK_EQ x3, (1 << 62), 5
    mov     x3, v4.d[0]
    CHECK_EQ x3, 0, 6
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .balign 16
plaintext:  .byte 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77
            .byte 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff
ciphertext: .byte 0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30
            .byte 0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a
rk:
    .quad 0x0706050403020100, 0x0f0e0d0c0b0a0908   // round key 0
    .quad 0xfa72afd2fd74aad6, 0xfe76abd6f178a6da   // round key 1
    .quad 0xf1bd3d640bcf92b6, 0xfeb3306800c59bbe   // round key 2
    .quad 0xbfc9c2d24e74ffb6, 0x41bf6904bf0c596c   // round key 3
    .quad 0x033e3595bcf7f747, 0xfd8d05fdbc326cf9   // round key 4
    .quad 0xeb9d9fa9e8a3aa3c, 0xaa22f6ad57aff350   // round key 5
    .quad 0x9692a6f77d0f395e, 0x6b1fa30ac13d55a7   // round key 6
    .quad 0x8ce25fe31a70f914, 0x26c0a94e4ddf0a44   // round key 7
    .quad 0xb9651ca435874347, 0xd27abfaef4ba16e0   // round key 8
    .quad 0x685785f0d1329954, 0x4e972cbe9ced9310   // round key 9
    .quad 0x174a94e37f1d1113, 0xc5302b4d8ba707f3   // round key 10
