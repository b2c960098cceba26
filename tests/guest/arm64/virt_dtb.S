// SPDX-License-Identifier: MIT
// A bare-metal ELF on arm64-virt finds the device tree at the start of RAM (QEMU's rule for
// non-Linux images): check the FDT header magic, version and the size fields.
#include "macros.inc"
    .text
    .global test_main
test_main:
    ldr     x1, =0x40000000
    ldr     w2, [x1]                 // magic, big-endian 0xd00dfeed
    rev     w2, w2
    CHECK_EQ x2, 0xd00dfeed, 1
    ldr     w2, [x1, #4]             // totalsize: below the test image at 0x40080000
    rev     w2, w2
    cmp     x2, #0x80000
    b.hs    9f
    ldr     w2, [x1, #20]            // version 17
    rev     w2, w2
    CHECK_EQ x2, 17, 3
    mov     x0, #0
    ret
9:  mov     x0, #2
    ret
