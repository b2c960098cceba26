// SPDX-License-Identifier: MIT
// A64 conditional select and compare, condition codes (C6.2 CSEL..CSNEG, CCMP, CCMN, B.cond).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x1, #1
    mov     x2, #2
    cmp     x1, x2          // N=1 C=0: lt, lo, ne, mi (CHECK_EQ clobbers flags: select first)
    csel    x10, x1, x2, lt
    csel    x11, x1, x2, hi
    csinc   x12, x1, x2, eq
    csinv   x13, x1, x2, ge
    csneg   x14, x1, x2, pl
    csneg   w15, w1, w2, gt
    cset    x22, cc
    csetm   w23, ne
    cinc    x18, x1, ls
    csel    x20, x1, x2, al
    .inst   0x9a82f035      // csel x21, x1, x2, nv
    CHECK_EQ x10, 1, 1
    CHECK_EQ x11, 2, 2
    CHECK_EQ x12, 3, 3
    CHECK_EQ x13, 0xfffffffffffffffd, 4
    CHECK_EQ x14, 0xfffffffffffffffe, 5
    CHECK_EQ x15, 0xfffffffe, 6
    mov     x0, x22
    CHECK_EQ x0, 1, 7
    mov     x0, x23
    CHECK_EQ x0, 0xffffffff, 8
    CHECK_EQ x18, 2, 9
    CHECK_EQ x20, 1, 10
    CHECK_EQ x21, 1, 11
    // CCMP: condition true compares, false loads #nzcv
    cmp     x1, x1
    ccmp    x1, x2, #0xf, eq
    CHECK_NZCV 0x8, 12
    cmp     x1, x2               // Z=0 (CHECK_NZCV clobbered the flags)
    ccmp    x1, x2, #0x5, eq     // condition false: loads 0101
    CHECK_NZCV 0x5, 13
    ldr     x5, =0x8000000000000000
    cmp     x5, #1               // V=1
    ccmn    x1, #31, #0xf, vs    // condition true: 1 + 31
    CHECK_NZCV 0x0, 14
    mov     w3, #0x7fffffff
    cmp     x1, x1
    ccmn    w3, #1, #0, eq
    CHECK_NZCV 0x9, 15
    // every condition against a known flag set: N=1 Z=0 C=1 V=0 (from cmp -1, 1)
    mov     x4, #-1
    cmp     x4, #1
    b.lo    fail_hi
    b.hi    1f               // C && !Z
    b       fail_hi
1:  b.lt    2f               // N != V
    b       fail_hi
2:  b.le    3f
    b       fail_hi
3:  b.gt    fail_hi
    b.ge    fail_hi
    b.vs    fail_hi
    b.eq    fail_hi
    b.pl    fail_hi
    mov     x0, #0
    ret
fail_hi:
    mov     x0, #17
    b       test_fail
