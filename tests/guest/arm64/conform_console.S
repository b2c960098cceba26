// SPDX-License-Identifier: MIT
// The emu-conform console protocol end to end (docs/CONFORMANCE.md): sub-result lines
// `PASS name` / `SKIP name: reason` and a register dump `NAME = 0x...` that emu-conform compares
// with the reference's. Checks ADDS (C6.2.5) and CurrentEL (C5.2.1); exits 0.
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    mov     x1, #0x7fffffffffffffff
    adds    x2, x1, #1                  // signed overflow: N = 1, V = 1
    CHECK_NZCV 0x9, 1                   // before CHECK_EQ, which sets the flags
    CHECK_EQ x2, 0x8000000000000000, 2
    PUTS    pass_adds
    PUTS    skip_feature
    PUTS    name_x2
    mov     x0, x2
    bl      put_hex
    PUTS    name_el
    mrs     x0, CurrentEL
    bl      put_hex
    mov     x0, #0
    ldp     x29, x30, [sp], #16
    ret

// Print x0 as 0x and 16 hex digits, then a newline, through SYS_WRITE0 of a buffer.
put_hex:
    adr     x3, hexbuf + 2
    mov     x4, #60
1:  lsr     x5, x0, x4
    and     x5, x5, #0xf
    cmp     x5, #10
    add     x6, x5, #'0'
    add     x7, x5, #('a' - 10)
    csel    x5, x6, x7, lo
    strb    w5, [x3], #1
    subs    x4, x4, #4
    b.pl    1b
    adr     x1, hexbuf
    mov     x0, #4
    hlt     #0xf000
    ret

pass_adds:    .asciz "PASS conform.adds\n"
skip_feature: .asciz "SKIP conform.demo_skip: shows a skipped sub-result\n"
name_x2:      .asciz "X2 = "
name_el:      .asciz "CurrentEL = "

    .data
hexbuf: .ascii "0x0000000000000000\n"
        .byte 0
