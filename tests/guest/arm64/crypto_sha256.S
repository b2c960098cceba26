// SPDX-License-Identifier: MIT
// SHA-256 known answer: one block of "abc" (FIPS 180-4 example) through SHA256SU0/SU1 and
// SHA256H/H2; checks the instructions against the standard digest ba7816bf...f20015ad,
// independently of any emulator (Arm ARM C7.2 SHA256H ... SHA256SU1).
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
    ldp     q0, q1, [x2]                // ABCD, EFGH
    mov     v22.16b, v0.16b
    mov     v23.16b, v1.16b
    adr     x1, k256
    ldr     q20, [x1, #0]
    add     v21.4s, v16.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v16.4s, v17.4s
    sha256su1 v16.4s, v18.4s, v19.4s
    ldr     q20, [x1, #16]
    add     v21.4s, v17.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v17.4s, v18.4s
    sha256su1 v17.4s, v19.4s, v16.4s
    ldr     q20, [x1, #32]
    add     v21.4s, v18.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v18.4s, v19.4s
    sha256su1 v18.4s, v16.4s, v17.4s
    ldr     q20, [x1, #48]
    add     v21.4s, v19.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v19.4s, v16.4s
    sha256su1 v19.4s, v17.4s, v18.4s
    ldr     q20, [x1, #64]
    add     v21.4s, v16.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v16.4s, v17.4s
    sha256su1 v16.4s, v18.4s, v19.4s
    ldr     q20, [x1, #80]
    add     v21.4s, v17.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v17.4s, v18.4s
    sha256su1 v17.4s, v19.4s, v16.4s
    ldr     q20, [x1, #96]
    add     v21.4s, v18.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v18.4s, v19.4s
    sha256su1 v18.4s, v16.4s, v17.4s
    ldr     q20, [x1, #112]
    add     v21.4s, v19.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v19.4s, v16.4s
    sha256su1 v19.4s, v17.4s, v18.4s
    ldr     q20, [x1, #128]
    add     v21.4s, v16.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v16.4s, v17.4s
    sha256su1 v16.4s, v18.4s, v19.4s
    ldr     q20, [x1, #144]
    add     v21.4s, v17.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v17.4s, v18.4s
    sha256su1 v17.4s, v19.4s, v16.4s
    ldr     q20, [x1, #160]
    add     v21.4s, v18.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v18.4s, v19.4s
    sha256su1 v18.4s, v16.4s, v17.4s
    ldr     q20, [x1, #176]
    add     v21.4s, v19.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    sha256su0 v19.4s, v16.4s
    sha256su1 v19.4s, v17.4s, v18.4s
    ldr     q20, [x1, #192]
    add     v21.4s, v16.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    ldr     q20, [x1, #208]
    add     v21.4s, v17.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    ldr     q20, [x1, #224]
    add     v21.4s, v18.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    ldr     q20, [x1, #240]
    add     v21.4s, v19.4s, v20.4s
    mov     v2.16b, v0.16b
    sha256h q0, q1, v21.4s
    sha256h2 q1, q2, v21.4s
    add     v0.4s, v0.4s, v22.4s
    add     v1.4s, v1.4s, v23.4s
    adr     x2, digest
    ldp     x5, x6, [x2]
    ldp     x7, x8, [x2, #16]
    mov     x3, v0.d[0]
    CHECK_REG x3, x5, 1
    mov     x3, v0.d[1]
    CHECK_REG x3, x6, 2
    mov     x3, v1.d[0]
    CHECK_REG x3, x7, 3
    mov     x3, v1.d[1]
    CHECK_REG x3, x8, 4
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .balign 16
block:  .word 0x61626380, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x18
h0:     .word 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a
        .word 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
digest: .word 0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223
        .word 0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad
k256:
    .word 0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5
    .word 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5
    .word 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3
    .word 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174
    .word 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc
    .word 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da
    .word 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7
    .word 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967
    .word 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13
    .word 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85
    .word 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3
    .word 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070
    .word 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5
    .word 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3
    .word 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208
    .word 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
