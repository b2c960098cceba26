// SPDX-License-Identifier: MIT
// virtio-blk over virtio-mmio from the guest (VIRTIO 1.2 §5.2): the disk is this test's own
// ELF file, attached read-only as the first -device (transport 31). Sector 0 reads back the
// ELF magic with status OK; a write fails with IOERR; a read past the end fails with IOERR.
// Run with -drive file=virtio_blk.elf,format=raw,if=none,id=d0,readonly=on
//          -device virtio-blk-device,drive=d0
#include "macros.inc"
    .equ T31, 0x0a003e00
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    ldr     x9, =T31
    ldr     w1, [x9, #0x008]
    CHECK_EQ x1, 2, 1
    str     wzr, [x9, #0x070]
    mov     w1, #3
    str     w1, [x9, #0x070]
    // Read-only disks offer VIRTIO_BLK_F_RO (bit 5).
    str     wzr, [x9, #0x014]
    ldr     w1, [x9, #0x010]
    ubfx    w1, w1, #5, #1
    CHECK_EQ x1, 1, 2
    mov     w1, #1                  // VERSION_1
    str     w1, [x9, #0x024]
    str     w1, [x9, #0x020]
    str     wzr, [x9, #0x024]
    mov     w1, #(1 << 5)           // RO
    str     w1, [x9, #0x020]
    mov     w1, #0xb
    str     w1, [x9, #0x070]
    ldr     w1, [x9, #0x070]
    CHECK_EQ x1, 0xb, 3
    // capacity (config +0) is non-zero
    ldr     w1, [x9, #0x100]
    cbnz    w1, 1f
    mov     x0, #4
    b       test_fail
1:  str     wzr, [x9, #0x030]
    mov     w1, #8
    str     w1, [x9, #0x038]
    ldr     x10, =__free_mem
    mov     x2, x10
    add     x3, x10, #0x5000
2:  stp     xzr, xzr, [x2], #16
    cmp     x2, x3
    b.lo    2b
    str     w10, [x9, #0x080]
    lsr     x1, x10, #32
    str     w1, [x9, #0x084]
    add     x2, x10, #0x1000
    str     w2, [x9, #0x090]
    lsr     x1, x2, #32
    str     w1, [x9, #0x094]
    add     x2, x10, #0x2000
    str     w2, [x9, #0x0a0]
    lsr     x1, x2, #32
    str     w1, [x9, #0x0a4]
    mov     w1, #1
    str     w1, [x9, #0x044]
    mov     w1, #0xf
    str     w1, [x9, #0x070]

    // Read sector 0.
    mov     w0, #0                  // VIRTIO_BLK_T_IN
    mov     x1, #0
    bl      blk_request
    CHECK_EQ x0, 0, 5               // status OK
    CHECK_EQ x1, 513, 6             // used length: data + status
    add     x2, x10, #0x4000
    ldr     w1, [x2]
    CHECK_EQ x1, 0x464c457f, 7      // "\x7fELF"
    // A write to a read-only disk fails.
    mov     w0, #1                  // VIRTIO_BLK_T_OUT
    mov     x1, #0
    bl      blk_request
    CHECK_EQ x0, 1, 8               // IOERR
    // A read past the end fails.
    mov     w0, #0
    ldr     x1, [x9, #0x100]        // capacity
    bl      blk_request
    CHECK_EQ x0, 1, 9
    str     wzr, [x9, #0x070]
    mov     x0, #0
    ldp     x29, x30, [sp], #16
    ret

// One request: type w0, sector x1; header at +0x3000, data (512 bytes) at +0x4000, status at
// +0x3100. Returns x0 = status byte, x1 = used length. Uses the avail index in x11.
blk_request:
    add     x2, x10, #0x3000
    str     w0, [x2]
    str     wzr, [x2, #4]
    str     x1, [x2, #8]
    mov     w3, #0xff
    strb    w3, [x2, #0x100]
    // desc 0: header (readable), next 1
    str     x2, [x10]
    mov     w3, #16
    str     w3, [x10, #8]
    mov     w3, #1                  // NEXT
    strh    w3, [x10, #12]
    strh    w3, [x10, #14]
    // desc 1: data, writable for IN, next 2
    add     x3, x10, #0x4000
    str     x3, [x10, #16]
    mov     w3, #512
    str     w3, [x10, #24]
    cmp     w0, #0
    mov     w3, #3                  // NEXT | WRITE
    mov     w4, #1                  // NEXT
    csel    w3, w3, w4, eq
    strh    w3, [x10, #28]
    mov     w3, #2
    strh    w3, [x10, #30]
    // desc 2: status, writable
    add     x3, x2, #0x100
    str     x3, [x10, #32]
    mov     w3, #1
    str     w3, [x10, #40]
    mov     w3, #2                  // WRITE
    strh    w3, [x10, #44]
    // publish head 0 at avail->ring[idx % 8], idx++
    add     x3, x10, #0x1000
    ldrh    w4, [x3, #2]
    and     w5, w4, #7
    add     x6, x3, #4
    strh    wzr, [x6, w5, uxtw #1]
    add     w4, w4, #1
    dmb     ishst
    strh    w4, [x3, #2]
    dsb     sy
    str     wzr, [x9, #0x050]
    // wait for used->idx to catch up
    add     x6, x10, #0x2000
    ldr     x7, =100000000
3:  ldrh    w5, [x6, #2]
    cmp     w5, w4
    b.eq    4f
    subs    x7, x7, #1
    b.ne    3b
    mov     x0, #20
    b       test_fail
4:  dmb     ishld
    sub     w5, w5, #1
    and     w5, w5, #7
    add     x7, x6, #4
    add     x7, x7, x5, lsl #3
    ldr     w1, [x7, #4]
    ldrb    w0, [x2, #0x100]
    // acknowledge the interrupt
    ldr     w3, [x9, #0x060]
    str     w3, [x9, #0x064]
    ret
