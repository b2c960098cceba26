// SPDX-License-Identifier: MIT
// virtio-mmio (VIRTIO 1.2 §4.2) from the guest: an empty transport reads DeviceID 0; the
// first -device (virtio-rng-device) sits on the highest transport, 0x0a003e00; the driver
// initialisation sequence of §3.1.1 with VERSION_1; one 16-byte entropy request through a
// split queue, completed in the used ring with InterruptStatus bit 0, then acknowledged.
// Run with -device virtio-rng-device.
#include "macros.inc"
#include "virtio.inc"
    .equ T0, 0x0a000000
    .equ T31, 0x0a003e00
    .text
    .global test_main
test_main:
    ldr     x9, =T0
    ldr     w1, [x9]
    CHECK_EQ x1, 0x74726976, 1
    ldr     w1, [x9, #0x004]
    CHECK_EQ x1, 2, 2
    ldr     w1, [x9, #0x008]
    CHECK_EQ x1, 0, 3
    ldr     x9, =T31
    ldr     w1, [x9, #0x008]
    CHECK_EQ x1, 4, 4
    // Reset, ACKNOWLEDGE, DRIVER.
    str     wzr, [x9, #0x070]
    mov     w1, #1
    str     w1, [x9, #0x070]
    mov     w1, #3
    str     w1, [x9, #0x070]
    // DeviceFeatures[63:32] must offer VERSION_1 (bit 32).
    mov     w1, #1
    str     w1, [x9, #0x014]
    ldr     w1, [x9, #0x010]
    and     w1, w1, #1
    CHECK_EQ x1, 1, 5
    // Accept only VERSION_1.
    mov     w1, #1
    str     w1, [x9, #0x024]
    str     w1, [x9, #0x020]
    str     wzr, [x9, #0x024]
    str     wzr, [x9, #0x020]
    mov     w1, #0xb
    str     w1, [x9, #0x070]
    ldr     w1, [x9, #0x070]
    CHECK_EQ x1, 0xb, 6
    // Queue 0: 8 entries at __free_mem (desc), +0x1000 (driver), +0x2000 (device).
    str     wzr, [x9, #0x030]
    ldr     w1, [x9, #0x044]
    CHECK_EQ x1, 0, 7
    ldr     w1, [x9, #0x034]
    cmp     w1, #8
    b.hs    1f
    mov     x0, #8
    b       test_fail
1:  VIRTQ0_SETUP 0x4000            // clears the three areas and the buffer
    ldr     w1, [x9, #0x044]
    CHECK_EQ x1, 1, 9
    mov     w1, #0xf
    str     w1, [x9, #0x070]
    // Descriptor 0: 16 device-writable bytes at +0x3000.
    add     x2, x10, #0x3000
    str     x2, [x10]
    mov     w1, #16
    str     w1, [x10, #8]
    mov     w1, #2                  // VIRTQ_DESC_F_WRITE
    strh    w1, [x10, #12]
    // avail->ring[0] = 0, avail->idx = 1, then notify queue 0.
    add     x3, x10, #0x1000
    strh    wzr, [x3, #4]
    dmb     ishst
    mov     w1, #1
    strh    w1, [x3, #2]
    dsb     sy
    str     wzr, [x9, #0x050]
    // Wait for used->idx == 1 (bounded).
    add     x4, x10, #0x2000
    ldr     x5, =100000000
3:  ldrh    w1, [x4, #2]
    cmp     w1, #1
    b.eq    4f
    subs    x5, x5, #1
    b.ne    3b
    mov     x0, #10
    b       test_fail
4:  dmb     ishld
    ldr     w1, [x4, #4]            // used->ring[0].id
    CHECK_EQ x1, 0, 11
    ldr     w1, [x4, #8]            // used->ring[0].len
    cbz     w1, 5f
    cmp     w1, #16
    b.ls    6f
5:  mov     x0, #12
    b       test_fail
6:  ldr     w1, [x9, #0x060]
    and     w1, w1, #1
    CHECK_EQ x1, 1, 13
    mov     w1, #1
    str     w1, [x9, #0x064]
    ldr     w1, [x9, #0x060]
    CHECK_EQ x1, 0, 14
    ldr     w1, [x9, #0x070]
    CHECK_EQ x1, 0xf, 15
    // Reset clears the status and the queue.
    str     wzr, [x9, #0x070]
    ldr     w1, [x9, #0x070]
    CHECK_EQ x1, 0, 16
    ldr     w1, [x9, #0x044]
    CHECK_EQ x1, 0, 17
    mov     x0, #0
    ret
