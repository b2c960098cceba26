// SPDX-License-Identifier: MIT
// virtio-blk over virtio-mmio from the guest (VIRTIO 1.2 §5.2): the disk is this test's own
// ELF file, attached read-only as the first -device (transport 31). Sector 0 reads back the
// ELF magic with status OK; a write fails with IOERR; a read past the end fails with IOERR.
// Run with -drive file=virtio_blk.elf,format=raw,if=none,id=d0,readonly=on
//          -device virtio-blk-device,drive=d0
#include "macros.inc"
#include "virtio.inc"
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
1:  VIRTQ0_SETUP 0x5000
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

    BLK_REQUEST_FN
