// SPDX-License-Identifier: MIT
// A SIMD&FP structure load whose later part faults writes no register, and a post-index base
// is not updated (precise exceptions; Arm ARM C7.2 LD4 pseudocode reads all elements first in
// emu, and D1.3 says the faulting instruction has no architectural effect on registers).
// The access runs off the end of the 128 MB of RAM at 0x40000000: external abort, EC 0x25.
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    movi    v0.16b, #0x11
    movi    v1.16b, #0x22
    movi    v2.16b, #0x33
    movi    v3.16b, #0x44
    ldr     x5, =0x48000000 - 32
    mov     x6, x5
    EXPECT_EXC
    ld4     {v0.16b, v1.16b, v2.16b, v3.16b}, [x6], #64
    lsr     x0, x0, #26
    CHECK_EQ x0, 0x25, 1
    CHECK_REG x6, x5, 2
    mov     x1, v0.d[0]
    CHECK_EQ x1, 0x1111111111111111, 3
    mov     x1, v3.d[1]
    CHECK_EQ x1, 0x4444444444444444, 4
    // LDP Q: the second register's access faults, the first register is not written either
    ldr     x5, =0x48000000 - 16
    EXPECT_EXC
    ldp     q1, q2, [x5]
    lsr     x0, x0, #26
    CHECK_EQ x0, 0x25, 5
    mov     x1, v1.d[0]
    CHECK_EQ x1, 0x2222222222222222, 6
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
