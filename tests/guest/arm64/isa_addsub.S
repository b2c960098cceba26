// SPDX-License-Identifier: MIT
// A64 add/subtract: immediate, shifted and extended register, with carry; flags (C6.2 ADD...SBCS).
#include "macros.inc"
    .text
    .global test_main
test_main:
    // ADDS: unsigned carry out and signed overflow, 64 bit
    ldr     x1, =0xffffffffffffffff
    adds    x0, x1, #1
    CHECK_NZCV 0x6, 1
    CHECK_EQ x0, 0, 2
    ldr     x1, =0x7fffffffffffffff
    adds    x0, x1, #1
    CHECK_NZCV 0x9, 3
    CHECK_EQ x0, 0x8000000000000000, 4
    // 32-bit: carry from bit 31, upper half zeroed
    ldr     x1, =0xabcdef12ffffffff
    adds    w0, w1, #2
    CHECK_NZCV 0x2, 5
    CHECK_EQ x0, 1, 6
    ldr     x1, =0x7fffffff
    adds    w0, w1, w1
    CHECK_NZCV 0x9, 7
    CHECK_EQ x0, 0xfffffffe, 8
    // SUBS: borrow means C=0
    mov     x1, #3
    subs    x0, x1, #5
    CHECK_NZCV 0x8, 9
    CHECK_EQ x0, 0xfffffffffffffffe, 10
    subs    x0, x1, #3
    CHECK_NZCV 0x6, 11
    ldr     x1, =0x8000000000000000
    subs    x0, x1, #1
    CHECK_NZCV 0x3, 12
    // immediate shifted by 12
    mov     x1, #1
    add     x0, x1, #0xabc, lsl #12
    CHECK_EQ x0, 0xabc001, 13
    // shifted register: LSL/LSR/ASR by 0, 31, 63
    ldr     x2, =0x8000000000000001
    add     x0, xzr, x2, lsl #63
    CHECK_EQ x0, 0x8000000000000000, 14
    add     x0, xzr, x2, lsr #63
    CHECK_EQ x0, 1, 15
    add     x0, xzr, x2, asr #63
    CHECK_EQ x0, 0xffffffffffffffff, 16
    sub     x0, xzr, x2, asr #0
    CHECK_EQ x0, 0x7fffffffffffffff, 17
    add     w0, wzr, w2, asr #31
    CHECK_EQ x0, 0, 18
    ldr     x2, =0x80000000
    add     w0, wzr, w2, asr #31
    CHECK_EQ x0, 0xffffffff, 19
    // extended register, with SP as a source and destination
    ldr     x2, =0x1234567890abcdef
    mov     x1, #0x100
    add     x0, x1, w2, sxtb #2
    CHECK_EQ x0, 0x100 + (0xffffffffffffffef << 2) & 0xffffffffffffffff, 20
    add     x0, x1, w2, uxth #4
    CHECK_EQ x0, 0x100 + (0xcdef << 4), 21
    add     x0, x1, w2, sxtw
    CHECK_EQ x0, 0xffffffff90abcdef + 0x100, 22
    sub     x0, x1, x2, uxtx #1
    CHECK_EQ x0, (0x100 - (0x1234567890abcdef << 1)) & 0xffffffffffffffff, 23
    mov     x3, sp
    add     sp, sp, #16
    mov     x4, sp
    sub     sp, sp, w1, uxtb   // w1 = 0x100: UXTB gives 0
    mov     x5, sp
    mov     sp, x3
    sub     x4, x4, x3
    CHECK_EQ x4, 16, 24
    sub     x5, x5, x3
    CHECK_EQ x5, 16, 25
    cmn     w2, w2, uxtb          // 0x90abcdef + 0xef: no carry out of 32 bits
    CHECK_NZCV 0x8, 26
    // ADC/SBC use C
    mov     x1, #5
    mov     x2, #7
    cmp     x1, x1                // C=1
    adc     x0, x1, x2
    CHECK_EQ x0, 13, 27
    sbc     x0, x1, x2            // 5 - 7 - 0
    CHECK_EQ x0, 0xfffffffffffffffe, 28
    cmn     xzr, xzr              // C=0
    sbc     x0, x1, x2            // 5 - 7 - 1
    CHECK_EQ x0, 0xfffffffffffffffd, 29
    ldr     x1, =0xffffffffffffffff
    cmp     x1, #0                // C=1
    adcs    x0, x1, xzr           // 0xff..ff + 0 + 1 = 0, carry
    CHECK_NZCV 0x6, 30
    mov     w1, #0x80000000
    cmn     xzr, xzr              // C=0
    sbcs    w0, w1, wzr           // 0x80000000 - 0 - 1: overflow
    CHECK_NZCV 0x3, 31
    CHECK_EQ x0, 0x7fffffff, 32
    mov     x0, #0
    ret
