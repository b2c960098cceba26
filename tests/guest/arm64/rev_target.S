// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_reverse.sh: a counted loop that stores its counter (a write
// watchpoint's hits are known: rev_counter goes 1..10), and a call, so that reverse-stepi,
// reverse-continue to breakpoints and watchpoints, and the beginning of history can be
// checked against known values. Run alone it exits 0.
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    mov     x29, sp
    ldr     x1, =rev_counter
    mov     x2, #0
    .global rev_loop
rev_loop:
    add     x2, x2, #1
    .global rev_store
rev_store:
    str     x2, [x1]
    .global rev_mark
rev_mark:
    cmp     x2, #10
    b.ne    rev_loop
    bl      rev_func
    .global rev_done
rev_done:
    ldp     x29, x30, [sp], #16
    sub     x0, x0, #20             // rev_func returned 2 * 10
    ret

    .global rev_func
    .type   rev_func, %function
rev_func:
    add     x0, x2, x2
    ret

    .data
    .balign 8
    .global rev_counter
rev_counter:
    .quad   0
