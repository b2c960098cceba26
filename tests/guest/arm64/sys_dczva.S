// SPDX-License-Identifier: MIT
// DC ZVA zeroes exactly the naturally aligned block of 4 << DCZID_EL0.BS bytes that holds the
// address, and nothing else (any EL). Cache maintenance by VA and set/way on RAM are no-ops
// that do not fault. Arm ARM C5.3 (DC ZVA), D17.2.35 (DCZID_EL0).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x1, dczid_el0
    and     x1, x1, #0xf
    mov     x2, #4
    lsl     x2, x2, x1                  // block size in bytes
    CHECK_EQ x1, 4, 1                   // emu: 64-byte blocks; QEMU max too (sys.cfg)
    // Fill 3 blocks with 0xff, zero the middle one through an unaligned address inside it.
    adr     x3, buf
    add     x3, x3, x2
    sub     x4, x2, #1
    bic     x3, x3, x4                  // first aligned block inside buf
    mov     x5, #0
    mov     x6, #-1
1:  str     x6, [x3, x5]
    add     x5, x5, #8
    add     x7, x2, x2
    cmp     x5, x7
    b.ne    1b
    add     x7, x7, x2
2:  str     x6, [x3, x5]
    add     x5, x5, #8
    cmp     x5, x7
    b.ne    2b
    add     x8, x3, x2                  // the middle block
    add     x9, x8, #0x13
    dc      zva, x9
    // First block intact, middle zero, last intact.
    mov     x5, #0
3:  ldr     x10, [x3, x5]
    cmp     x5, x2
    b.hs    4f
    CHECK_EQ x10, 0xffffffffffffffff, 2
    b       6f
4:  add     x12, x2, x2
    cmp     x5, x12
    b.hs    5f
    CHECK_EQ x10, 0, 3
    b       6f
5:  CHECK_EQ x10, 0xffffffffffffffff, 4
6:  add     x5, x5, #8
    cmp     x5, x7
    b.ne    3b
    // Maintenance by VA on RAM and by set/way: no fault, no effect on the data.
    dc      civac, x3
    dc      cvac, x3
    dc      cvau, x3
    ic      ivau, x3
    dc      ivac, x3
    dc      isw, xzr
    dc      csw, xzr
    dc      cisw, xzr
    ic      iallu
    ic      ialluis
    ldr     x10, [x3]
    CHECK_EQ x10, 0xffffffffffffffff, 5
    mov     x0, #0
    ret     x20

    .data
    .balign 16
buf:
    .fill   4 * 2048, 1, 0
