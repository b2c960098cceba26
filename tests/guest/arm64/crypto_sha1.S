// SPDX-License-Identifier: MIT
// SHA-1 known answer: one block of "abc" (FIPS 180-4 example) through SHA1SU0/SU1, SHA1H and
// SHA1C/P/M; checks the instructions against the standard digest a9993e36...9cd0d89d,
// independently of any emulator (Arm ARM C7.2 SHA1C ... SHA1SU1).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    adr     x2, block                   // message words W0..W15 (already big-endian values)
    ldp     q16, q17, [x2]
    ldp     q18, q19, [x2, #32]
    adr     x2, h0
    ldr     q0, [x2]                    // ABCD
    ldr     s1, [x2, #16]               // E
    mov     v22.16b, v0.16b
    mov     v23.16b, v1.16b
    ldr     w10, =0x5a827999
    ldr     w11, =0x6ed9eba1
    ldr     w12, =0x8f1bbcdc
    ldr     w13, =0xca62c1d6
    dup     v24.4s, w10
    dup     v25.4s, w11
    dup     v26.4s, w12
    dup     v27.4s, w13
    add     v21.4s, v16.4s, v24.4s
    sha1h   s3, s0
    sha1c   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v16.4s, v17.4s, v18.4s
    sha1su1 v16.4s, v19.4s
    add     v21.4s, v17.4s, v24.4s
    sha1h   s3, s0
    sha1c   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v17.4s, v18.4s, v19.4s
    sha1su1 v17.4s, v16.4s
    add     v21.4s, v18.4s, v24.4s
    sha1h   s3, s0
    sha1c   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v18.4s, v19.4s, v16.4s
    sha1su1 v18.4s, v17.4s
    add     v21.4s, v19.4s, v24.4s
    sha1h   s3, s0
    sha1c   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v19.4s, v16.4s, v17.4s
    sha1su1 v19.4s, v18.4s
    add     v21.4s, v16.4s, v24.4s
    sha1h   s3, s0
    sha1c   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v16.4s, v17.4s, v18.4s
    sha1su1 v16.4s, v19.4s
    add     v21.4s, v17.4s, v25.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v17.4s, v18.4s, v19.4s
    sha1su1 v17.4s, v16.4s
    add     v21.4s, v18.4s, v25.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v18.4s, v19.4s, v16.4s
    sha1su1 v18.4s, v17.4s
    add     v21.4s, v19.4s, v25.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v19.4s, v16.4s, v17.4s
    sha1su1 v19.4s, v18.4s
    add     v21.4s, v16.4s, v25.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v16.4s, v17.4s, v18.4s
    sha1su1 v16.4s, v19.4s
    add     v21.4s, v17.4s, v25.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v17.4s, v18.4s, v19.4s
    sha1su1 v17.4s, v16.4s
    add     v21.4s, v18.4s, v26.4s
    sha1h   s3, s0
    sha1m   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v18.4s, v19.4s, v16.4s
    sha1su1 v18.4s, v17.4s
    add     v21.4s, v19.4s, v26.4s
    sha1h   s3, s0
    sha1m   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v19.4s, v16.4s, v17.4s
    sha1su1 v19.4s, v18.4s
    add     v21.4s, v16.4s, v26.4s
    sha1h   s3, s0
    sha1m   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v16.4s, v17.4s, v18.4s
    sha1su1 v16.4s, v19.4s
    add     v21.4s, v17.4s, v26.4s
    sha1h   s3, s0
    sha1m   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v17.4s, v18.4s, v19.4s
    sha1su1 v17.4s, v16.4s
    add     v21.4s, v18.4s, v26.4s
    sha1h   s3, s0
    sha1m   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v18.4s, v19.4s, v16.4s
    sha1su1 v18.4s, v17.4s
    add     v21.4s, v19.4s, v27.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    sha1su0 v19.4s, v16.4s, v17.4s
    sha1su1 v19.4s, v18.4s
    add     v21.4s, v16.4s, v27.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    add     v21.4s, v17.4s, v27.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    add     v21.4s, v18.4s, v27.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    add     v21.4s, v19.4s, v27.4s
    sha1h   s3, s0
    sha1p   q0, s1, v21.4s
    mov     v1.16b, v3.16b
    add     v0.4s, v0.4s, v22.4s
    add     v1.4s, v1.4s, v23.4s
    adr     x2, digest
    ldp     x5, x6, [x2]
    ldr     w7, [x2, #16]
    mov     x3, v0.d[0]
    CHECK_REG x3, x5, 1
    mov     x3, v0.d[1]
    CHECK_REG x3, x6, 2
    fmov    w3, s1
    CHECK_REG x3, x7, 3
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
    .ltorg

    .balign 16
block:  .word 0x61626380, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x18
h0:     .word 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0
        .balign 8
digest: .word 0xa9993e36, 0x4706816a, 0xba3e2571, 0x7850c26c, 0x9cd0d89d
