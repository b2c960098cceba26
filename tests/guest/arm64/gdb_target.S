// SPDX-License-Identifier: MIT
// Target of the gdbstub tests (tests/cli/gdb_*.sh): a known function, known data, and an
// announced exception, so that a scripted gdb session can check breakpoints, stepping (also
// into a vector), register and memory reads and writes. Run alone it exits 0; a gdb session
// that changes x0/x2/gdb_data2 as the scripts do makes it exit with their sum (127).
#include "macros.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    bl      harness_expect_exception
    .global gdb_fault
gdb_fault:
    udf     #0
    mov     x0, #7
    ldr     x1, =gdb_data
    bl      gdb_known_func
    str     x0, [x1, #16]           // gdb_result: a store for write watchpoints
    ldr     x3, =gdb_data2
    ldr     x3, [x3]
    add     x0, x0, x3
    ldr     x4, =0x112233445566778f
    cmp     x0, x4
    b.eq    1f
    and     x0, x0, #0xff
    cbnz    x0, 2f
    mov     x0, #1
    b       2f
1:  mov     x0, #0
2:  ldp     x29, x30, [sp], #16
    ret

    .global gdb_known_func
    .type   gdb_known_func, %function
// x0 + [x1]
gdb_known_func:
    ldr     x2, [x1]
    add     x0, x0, x2
    ret

    .data
    .balign 8
    .global gdb_data, gdb_data2, gdb_result
gdb_data:
    .quad   0x1122334455667788
gdb_data2:
    .quad   0
gdb_result:
    .quad   0
