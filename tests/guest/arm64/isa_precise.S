// SPDX-License-Identifier: MIT
// Precise data aborts: a faulting load/store writes no register and no base writeback, a pair
// whose second half faults writes neither register, an atomic that faults returns nothing
// (Arm ARM D1.3.1, "synchronous exceptions are precise"). The fault is an external abort on an
// unmapped physical address just above the default 128 MiB of RAM.
#include "macros.inc"

RAM_END = 0x48000000

// The next instruction must take a data abort at the current EL with FAR = \far.
.macro DABT
    mov     x0, #0
    EXPECT_EXC
.endm
.macro DABT_CHECK far, id
    ubfx    x9, x0, #26, #6
    CHECK_EQ x9, 0x25, \id
    CHECK_EQ x1, \far, (\id + 1)
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30            // EXPECT_EXC calls the harness with BL
    ldr     x5, =RAM_END
    mov     x3, #0x33
    mov     x4, #0x44
    // pre-index load: neither Rt nor the base changes
    DABT
    ldr     x3, [x5, #8]!
    DABT_CHECK RAM_END + 8, 1
    CHECK_EQ x3, 0x33, 3
    CHECK_EQ x5, RAM_END, 4
    // post-index store
    DABT
    str     x4, [x5], #16
    DABT_CHECK RAM_END, 5
    CHECK_EQ x5, RAM_END, 7
    // register-offset sign-extending load
    mov     x6, #4
    DABT
    ldrsw   x3, [x5, x6]
    DABT_CHECK RAM_END + 4, 8
    CHECK_EQ x3, 0x33, 10
    // pair straddling the end of RAM: the first half is readable, the second faults
    sub     x7, x5, #8
    str     xzr, [x7]
    DABT
    ldp     x3, x4, [x7]
    DABT_CHECK RAM_END, 11
    CHECK_EQ x3, 0x33, 13
    CHECK_EQ x4, 0x44, 14
    DABT
    ldp     x3, x4, [x7], #-16
    CHECK_EQ x7, RAM_END - 8, 15
    CHECK_EQ x3, 0x33, 16
    // atomics and exclusives
    DABT
    ldadd   x3, x4, [x5]
    DABT_CHECK RAM_END, 17
    CHECK_EQ x4, 0x44, 19
    mov     x10, #0x10
    DABT
    cas     x10, x3, [x5]
    CHECK_EQ x10, 0x10, 20
    DABT
    ldxr    x3, [x5]
    DABT_CHECK RAM_END, 21
    CHECK_EQ x3, 0x33, 23
    mov     x30, x28
    mov     x0, #0
    ret
