// SPDX-License-Identifier: MIT
// Semihosting SYS_READC from the host's stdin: reads two characters and echoes them as
// "IN:<c1><c2>" through SYS_WRITEC (tests/cli/replay.sh records and replays this input).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x19, x30, [sp, #-16]!
    PUTS    msg
    mov     x19, #2
1:  mov     x0, #7                   // SYS_READC
    hlt     #0xf000
    adr     x1, ch
    strb    w0, [x1]
    mov     x0, #3                   // SYS_WRITEC
    hlt     #0xf000
    subs    x19, x19, #1
    b.ne    1b
    mov     x0, #0
    ldp     x19, x30, [sp], #16
    ret
    .data
msg: .asciz "IN:"
ch:  .byte 0
