// SPDX-License-Identifier: MIT
// PSCI SYSTEM_RESET restarts the machine: the images are loaded again and the boot CPU starts
// at the entry point, while RAM outside the images keeps its contents (a warm reset). The
// first pass leaves a mark in free RAM and resets; the second finds the mark, checks that the
// image's own data was reloaded, and passes. DEN 0022D 5.11.
#include "macros.inc"
#include "virt.inc"

#define MARK 0x5e7a11ed

    .text
    .global test_main
test_main:
    ldr     x9, =__free_mem
    ldr     x1, [x9]
    ldr     x2, =MARK
    cmp     x1, x2
    b.eq    second
    str     x2, [x9]
    adr     x3, data_word
    mov     x4, #7
    str     x4, [x3]                 // changed in RAM: the reset must restore 1
    dsb     sy
    ldr     x0, =0x84000009          // SYSTEM_RESET
    PSCI_CALL
    mov     x0, #1                   // not reached
    ret
second:
    str     xzr, [x9]
    adr     x3, data_word
    ldr     x4, [x3]
    CHECK_EQ x4, 1, 2
    mov     x0, #0
    ret

    .data
    .balign 8
data_word: .quad 1
