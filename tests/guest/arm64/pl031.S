// SPDX-License-Identifier: MIT
// PL031 RTC on arm64-virt (ARM DDI 0224 §3): ID registers, DR from -rtc base=2026-01-01,
// LR loads the counter, MR == DR raises RIS at once, IMSC/MIS, ICR clears.
// Run with -rtc base=2026-01-01T00:00:00.
#include "macros.inc"
    .equ RTC, 0x09010000
    .text
    .global test_main
test_main:
    ldr     x9, =RTC
    ldr     w1, [x9, #0xfe0]
    CHECK_EQ x1, 0x31, 1
    ldr     w1, [x9, #0xfe4]
    CHECK_EQ x1, 0x10, 2
    ldr     w1, [x9, #0xfe8]
    and     w1, w1, #0x0f                   // revision bits [7:4] may differ
    CHECK_EQ x1, 0x04, 3
    ldr     w1, [x9, #0xfec]
    CHECK_EQ x1, 0x00, 4
    ldr     w1, [x9, #0xff0]
    CHECK_EQ x1, 0x0d, 5
    ldr     w1, [x9, #0xff4]
    CHECK_EQ x1, 0xf0, 6
    ldr     w1, [x9, #0xff8]
    CHECK_EQ x1, 0x05, 7
    ldr     w1, [x9, #0xffc]
    CHECK_EQ x1, 0xb1, 8
    // DR: 2026-01-01T00:00:00Z = 1767225600, plus at most a minute of run time.
    ldr     w1, [x9]
    ldr     x2, =1767225600
    sub     x1, x1, x2
    cmp     x1, #60
    b.lo    1f
    mov     x0, #9
    b       test_fail
1:  // LR sets the counter.
    mov     w1, #1000
    str     w1, [x9, #0x08]
    ldr     w1, [x9, #0x08]
    CHECK_EQ x1, 1000, 10
    ldr     w1, [x9]
    sub     x1, x1, #1000
    cmp     x1, #2
    b.lo    2f
    mov     x0, #11
    b       test_fail
2:  // Mask off, clear, then MR = DR: raw status at once, masked status 0.
    str     wzr, [x9, #0x10]
    mov     w1, #1
    str     w1, [x9, #0x1c]
    ldr     w1, [x9]
    str     w1, [x9, #0x04]
    ldr     w2, [x9, #0x04]
    CHECK_REG x1, x2, 12
    ldr     w1, [x9, #0x14]
    CHECK_EQ x1, 1, 13
    ldr     w1, [x9, #0x18]
    CHECK_EQ x1, 0, 14
    mov     w1, #1
    str     w1, [x9, #0x10]
    ldr     w1, [x9, #0x10]
    CHECK_EQ x1, 1, 15
    ldr     w1, [x9, #0x18]
    CHECK_EQ x1, 1, 16
    mov     w1, #1
    str     w1, [x9, #0x1c]
    ldr     w1, [x9, #0x14]
    CHECK_EQ x1, 0, 17
    ldr     w1, [x9, #0x18]
    CHECK_EQ x1, 0, 18
    str     wzr, [x9, #0x10]
    // A match 100 s away does not fire now.
    ldr     w1, [x9]
    add     w1, w1, #100
    str     w1, [x9, #0x04]
    ldr     w1, [x9, #0x14]
    CHECK_EQ x1, 0, 19
    // CR: the RTC is started at reset (as firmware leaves it), and RTCStart cannot be cleared.
    ldr     w1, [x9, #0x0c]
    CHECK_EQ x1, 1, 20
    str     wzr, [x9, #0x0c]
    ldr     w1, [x9, #0x0c]
    CHECK_EQ x1, 1, 21
    mov     x0, #0
    ret
