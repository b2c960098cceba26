// SPDX-License-Identifier: MIT
// Natural alignment of exclusives, acquire/release and atomics: a misaligned access takes an
// alignment fault (data abort, DFSC 0b100001). Arm ARM B2.5.2, C6.2. (Store-exclusive:
// isa_align_stxr.S.)
#include "macros.inc"

// The instruction \insn must take a data abort with DFSC=alignment fault (checks \id, \id+1).
.macro ALIGN_FAULT id, insn:vararg
    mov     x0, #0              // no exception leaves 0: not a data abort
    EXPECT_EXC
    \insn
    ubfx    x3, x0, #26, #6
    CHECK_EQ x3, 0x25, \id
    and     x3, x0, #0x3f
    CHECK_EQ x3, 0x21, (\id + 1)
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30            // EXPECT_EXC calls the harness with BL
    adr     x20, buf
    add     x21, x20, #4        // 4-byte aligned, not 8
    add     x22, x20, #1
    add     x23, x20, #8        // 8-byte aligned, not 16
    ALIGN_FAULT 1, ldxr x3, [x21]
    ALIGN_FAULT 3, ldaxrh w3, [x22]
    ALIGN_FAULT 7, ldar x3, [x21]
    ALIGN_FAULT 9, stlr w3, [x22]
    ALIGN_FAULT 11, ldadd w3, w4, [x22]
    ALIGN_FAULT 13, swpal x3, x4, [x21]
    ALIGN_FAULT 15, cas x3, x4, [x21]
    ALIGN_FAULT 17, ldxp x3, x4, [x23]
    ALIGN_FAULT 19, casp x4, x5, x6, x7, [x23]
    mov     x30, x28
    mov     x0, #0
    ret
    .data
    .balign 16
buf: .skip 64
