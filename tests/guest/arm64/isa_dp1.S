// SPDX-License-Identifier: MIT
// A64 data-processing (1 source) and CRC32/CRC32C (C6.2 CLZ, CLS, RBIT, REV*, CRC32*).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x1, #0
    clz     x0, x1
    CHECK_EQ x0, 64, 1
    clz     w0, w1
    CHECK_EQ x0, 32, 2
    mov     x1, #1
    clz     x0, x1
    CHECK_EQ x0, 63, 3
    cls     x0, xzr
    CHECK_EQ x0, 63, 4
    mov     x1, #-1
    cls     x0, x1
    CHECK_EQ x0, 63, 5
    cls     w0, w1
    CHECK_EQ x0, 31, 6
    ldr     x1, =0xf0f0000000000000
    cls     x0, x1
    CHECK_EQ x0, 3, 7
    ldr     x1, =0x0123456789abcdef
    rbit    x0, x1
    CHECK_EQ x0, 0xf7b3d591e6a2c480, 8
    rbit    w0, w1
    CHECK_EQ x0, 0xf7b3d591, 9
    rev     x0, x1
    CHECK_EQ x0, 0xefcdab8967452301, 10
    rev     w0, w1
    CHECK_EQ x0, 0xefcdab89, 11
    rev16   x0, x1
    CHECK_EQ x0, 0x23016745ab89efcd, 12
    rev16   w0, w1
    CHECK_EQ x0, 0xab89efcd, 13
    rev32   x0, x1
    CHECK_EQ x0, 0x67452301efcdab89, 14
    // CRC32 of "123456789" is 0xcbf43926, CRC32C 0xe3069283 (init ~0, final ~)
    adr     x2, digits
    mov     w0, #-1
    mov     x3, #9
1:  ldrb    w4, [x2], #1
    crc32b  w0, w0, w4
    subs    x3, x3, #1
    b.ne    1b
    mvn     w0, w0
    CHECK_EQ x0, 0xcbf43926, 15
    adr     x2, digits
    mov     w0, #-1
    ldr     x4, [x2]
    crc32cx w0, w0, x4
    ldrb    w4, [x2, #8]
    crc32cb w0, w0, w4
    mvn     w0, w0
    CHECK_EQ x0, 0xe3069283, 16
    adr     x2, digits
    mov     w0, #-1
    ldr     w4, [x2]
    crc32w  w0, w0, w4
    ldrh    w4, [x2, #4]
    crc32h  w0, w0, w4
    ldrh    w4, [x2, #6]
    crc32ch w5, w0, w4      // different polynomial: just must differ from crc32h
    crc32h  w0, w0, w4
    ldrb    w4, [x2, #8]
    crc32b  w0, w0, w4
    mvn     w0, w0
    CHECK_EQ x0, 0xcbf43926, 17
    crc32cw w6, wzr, wzr
    CHECK_EQ x6, 0, 18
    mov     x0, #0
    ret
    .balign 8           // MMU off: Device memory, so no unaligned accesses
digits: .ascii "123456789"
