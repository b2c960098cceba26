// SPDX-License-Identifier: MIT
// Code that changes under the decoded-instruction cache and the threaded step loop
// (docs/INT.md "Step loop"): a store over the next instruction of a running straight line, over
// the B.cond of a compare-and-branch pair that has been fused, a B.cond replaced by a NOP and
// back, and straight-line runs and branches across page boundaries. Every modification is
// followed by DSB ISH; ISB (CTR_EL0.IDC/DIC = 1: no cache maintenance needed), so the
// architecture defines the result and QEMU must agree.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x19, x30

    // 1. The instruction after the barriers is rewritten by the store before them.
    adr     x10, 1f
    ldr     w9, =0xd2800040             // MOVZ X0, #2
    str     w9, [x10]
    dsb     ish
    isb
1:  movz    x0, #1
    CHECK_EQ x0, 2, 1

    // 2. A CMP + B.EQ pair, run both ways (the fused entry is installed), then the B.EQ
    // becomes B.NE, then a NOP, then B.EQ again.
    mov     x11, #0
    bl      pair
    CHECK_EQ x12, 0x11, 2
    mov     x11, #1
    bl      pair
    CHECK_EQ x12, 0x22, 3
    adr     x10, pair_bcc
    ldr     w20, [x10]                  // the B.EQ
    orr     w9, w20, #1                 // cond EQ (0000) -> NE (0001)
    str     w9, [x10]
    dsb     ish
    isb
    mov     x11, #0
    bl      pair
    CHECK_EQ x12, 0x22, 4
    mov     x11, #1
    bl      pair
    CHECK_EQ x12, 0x11, 5
    ldr     w9, =0xd503201f             // NOP
    str     w9, [x10]
    dsb     ish
    isb
    mov     x11, #0
    bl      pair
    CHECK_EQ x12, 0x22, 6
    str     w20, [x10]                  // B.EQ again
    dsb     ish
    isb
    mov     x11, #0
    bl      pair
    CHECK_EQ x12, 0x11, 7
    mov     x11, #1
    bl      pair
    CHECK_EQ x12, 0x22, 8

    // 3. A loop whose SUBS + B.NE pair runs across many turn budgets (1000 instructions).
    mov     x1, #0
    ldr     x2, =12345
2:  add     x1, x1, #3
    subs    x2, x2, #1
    b.ne    2b
    ldr     x3, =(12345 * 3)
    CHECK_REG x1, x3, 9

    // 4. Straight-line code across a page boundary, and branches between pages.
    mov     x0, #0
    bl      cross
    CHECK_EQ x0, 10, 10
    mov     x0, #0
    bl      hop
    CHECK_EQ x0, 0x111, 11

    // 5. The first instruction of the next page is rewritten while running on this one.
    adr     x10, cross_next
    ldr     w20, [x10]
    ldr     w9, =0x91010000             // ADD X0, X0, #0x40
    str     w9, [x10]
    dsb     ish
    isb
    mov     x0, #0
    bl      cross
    CHECK_EQ x0, 0x46, 12
    str     w20, [x10]
    dsb     ish
    isb
    mov     x0, #0
    bl      cross
    CHECK_EQ x0, 10, 13

    mov     x0, #0
    mov     x30, x19
    ret
test_fail:
    mov     x30, x19
    ret

// x12 = 0x11 if x11 == 0 else 0x22 (while pair_bcc is B.EQ).
pair:
    cmp     x11, #0
pair_bcc:
    b.eq    1f
    mov     x12, #0x22
    ret
1:  mov     x12, #0x11
    ret

// x0 += 1 + 2 + 3 + 4, the last three instructions of a page and the first of the next.
    .balign 4096
    .skip   4096 - 12
cross:
    add     x0, x0, #1
    add     x0, x0, #2
    add     x0, x0, #3
cross_next:
    add     x0, x0, #4
    ret

// x0 = 0x111 through a B and a CBZ to the next page and a B back.
hop:
    add     x0, x0, #1
    b       hop_far
hop_back:
    add     x0, x0, #0x100
    ret
    .balign 4096
hop_far:
    add     x0, x0, #0x10
    mov     x5, #0
    cbz     x5, 1f
    brk     #1
1:  b       hop_back
    .ltorg
