// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_reverse_output.sh: prints "line 01".."line 12" to the PL011, one
// line per loop iteration, and each line again to the semihosting console (SYS_WRITE0),
// passing rev_line_done after each; exits 0. Going back over printed
// lines and forward again must not print them twice (core/output_gate.h).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    ldr     x1, =0x09000000
    mov     x6, #1                  // line number
line:
    ldr     x8, =linebuf
    adr     x3, prefix
1:  ldrb    w4, [x3], #1
    cbz     w4, 2f
    bl      putc
    b       1b
2:  mov     x5, #10
    udiv    x7, x6, x5
    add     w4, w7, #'0'
    bl      putc
    msub    x7, x7, x5, x6
    add     w4, w7, #'0'
    bl      putc
    mov     w4, #'\n'
    bl      putc
    strb    wzr, [x8]
    mov     w0, #4                  // SYS_WRITE0
    ldr     x1, =linebuf
    hlt     #0xf000
    ldr     x1, =0x09000000
    .global rev_line_done
rev_line_done:
    add     x6, x6, #1
    cmp     x6, #12
    b.ls    line
    ldp     x29, x30, [sp], #16
    mov     x0, #0
    ret

// w4 to UARTDR once the TX FIFO has room (x1 = UART base), and to linebuf at x8 (advanced);
// clobbers w2.
putc:
3:  ldr     w2, [x1, #0x18]
    tbnz    w2, #5, 3b
    str     w4, [x1]
    strb    w4, [x8], #1
    ret

prefix: .asciz "line "

    .data
linebuf: .space 16
