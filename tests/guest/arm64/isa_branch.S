// SPDX-License-Identifier: MIT
// A64 branches: B, BL, BR, BLR, RET, CBZ/CBNZ, TBZ/TBNZ (C6.2).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x19, x30
    bl      sub1
    CHECK_EQ x0, 0x51, 1
    adr     x1, sub1
    blr     x1
    CHECK_EQ x0, 0x51, 2
    adr     x30, 1f
    adr     x1, sub2
    br      x1
1:  CHECK_EQ x0, 0x52, 3
    // BLR x30: the target is read before the link is written
    adr     x30, sub1
    blr     x30
    CHECK_EQ x0, 0x51, 4
    mov     x2, #0x100000000
    cbz     w2, 2f
    b       fail
2:  cbz     x2, fail
    cbnz    w2, fail
    cbnz    x2, 3f
    b       fail
3:  tbnz    x2, #32, 4f
    b       fail
4:  tbz     x2, #31, 5f
    b       fail
5:  mov     x3, #-1
    tbz     x3, #63, fail
    tbnz    w3, #0, 6f
    b       fail
6:  adr     x4, 7f
    ret     x4
    b       fail
7:  mov     x30, x19
    mov     x0, #0
    ret
fail:
    mov     x0, #99
    b       test_fail
sub1:
    mov     x0, #0x51
    ret
sub2:
    mov     x0, #0x52
    ret
