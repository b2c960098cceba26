// SPDX-License-Identifier: MIT
// PL011 at 0x09000000: identification registers as the AMBA probe reads them, the flag
// register, and characters written to UARTDR reach the console (DDI 0183G 3.3).
#include "macros.inc"
#include "virt.inc"
    .text
    .global test_main
test_main:
    ldr     x1, =UART_BASE
    ldr     w2, [x1, #0xfe0]
    CHECK_EQ x2, 0x11, 1
    ldr     w2, [x1, #0xfe4]
    CHECK_EQ x2, 0x10, 2
    ldr     w2, [x1, #0xff0]
    CHECK_EQ x2, 0x0d, 3
    ldr     w2, [x1, #0xff4]
    CHECK_EQ x2, 0xf0, 4
    ldr     w2, [x1, #0xff8]
    CHECK_EQ x2, 0x05, 5
    ldr     w2, [x1, #0xffc]
    CHECK_EQ x2, 0xb1, 6
    ldr     w2, [x1, #0x18]          // UARTFR: TXFE set, TXFF clear
    mov     w5, #0xa0
    and     w2, w2, w5
    CHECK_EQ x2, 0x80, 7
    adr     x3, msg
1:  ldrb    w4, [x3], #1
    cbz     w4, 2f
3:  ldr     w2, [x1, #0x18]
    tbnz    w2, #5, 3b
    str     w4, [x1]
    b       1b
2:  mov     x0, #0
    ret
msg: .asciz "PL011-OUTPUT-OK\n"
