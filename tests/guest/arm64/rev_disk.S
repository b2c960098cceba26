// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_reverse_disk.sh: a writable virtio-blk disk (the first -device,
// transport 31) holding a counter in sector 0. Each of 8 rounds reads it, checks it is the
// number of rounds done (fails with 10 + round otherwise), writes it back incremented and
// writes the round number into sector 8 * round (another 4 KiB block), then calls disk_mark.
// If a restored checkpoint saw the disk's later writes, the re-executed read fails the check.
// Run with -drive file=DISK,format=raw,if=none,id=d0 -device virtio-blk-device,drive=d0
// (DISK: at least 33 sectors of zeros).
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
    mov     w1, #1                  // VERSION_1
    str     w1, [x9, #0x024]
    str     w1, [x9, #0x020]
    str     wzr, [x9, #0x024]
    str     wzr, [x9, #0x020]
    mov     w1, #0xb
    str     w1, [x9, #0x070]
    ldr     w1, [x9, #0x070]
    CHECK_EQ x1, 0xb, 3
    VIRTQ0_SETUP 0x5000
    mov     w1, #0xf
    str     w1, [x9, #0x070]

    mov     x20, #0                 // rounds done
    add     x21, x10, #0x4000       // the data buffer
    .global disk_round
disk_round:
    mov     w0, #0                  // VIRTIO_BLK_T_IN
    mov     x1, #0
    bl      blk_request
    CHECK_EQ x0, 0, 4
    ldr     x1, [x21]
    cmp     x1, x20
    b.eq    1f
    add     x0, x20, #10
    b       test_fail
1:  add     x20, x20, #1
    str     x20, [x21]
    mov     w0, #1                  // VIRTIO_BLK_T_OUT
    mov     x1, #0
    bl      blk_request
    CHECK_EQ x0, 0, 5
    mov     w0, #1
    lsl     x1, x20, #3
    bl      blk_request
    CHECK_EQ x0, 0, 6
    bl      disk_mark
    cmp     x20, #8
    b.lo    disk_round
    str     wzr, [x9, #0x070]
    mov     x0, #0
    ldp     x29, x30, [sp], #16
    ret

    .global disk_mark
disk_mark:
    ret

    BLK_REQUEST_FN
