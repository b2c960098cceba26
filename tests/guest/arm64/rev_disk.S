// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_reverse_disk.sh: a writable virtio-blk disk (the first -device,
// transport 31) holding a counter in sector 0. Each of 8 rounds reads it, checks it is the
// number of rounds done (fails with 10 + round otherwise), writes it back incremented and
// writes the round number into sector 8 * round (another 4 KiB block), then calls disk_mark.
// If a restored checkpoint saw the disk's later writes, the re-executed read fails the check.
// Run with -drive file=DISK,format=raw,if=none,id=d0 -device virtio-blk-device,drive=d0
// (DISK: at least 33 sectors of zeros).
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
    mov     w1, #1                  // VERSION_1
    str     w1, [x9, #0x024]
    str     w1, [x9, #0x020]
    str     wzr, [x9, #0x024]
    str     wzr, [x9, #0x020]
    mov     w1, #0xb
    str     w1, [x9, #0x070]
    ldr     w1, [x9, #0x070]
    CHECK_EQ x1, 0xb, 3
    str     wzr, [x9, #0x030]
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

// One request: type w0, sector x1; header at +0x3000, data (512 bytes) at +0x4000, status at
// +0x3100. Returns x0 = status byte, x1 = used length.
blk_request:
    add     x2, x10, #0x3000
    str     w0, [x2]
    str     wzr, [x2, #4]
    str     x1, [x2, #8]
    mov     w3, #0xff
    strb    w3, [x2, #0x100]
    str     x2, [x10]
    mov     w3, #16
    str     w3, [x10, #8]
    mov     w3, #1                  // NEXT
    strh    w3, [x10, #12]
    strh    w3, [x10, #14]
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
    add     x3, x2, #0x100
    str     x3, [x10, #32]
    mov     w3, #1
    str     w3, [x10, #40]
    mov     w3, #2                  // WRITE
    strh    w3, [x10, #44]
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
    ldr     w3, [x9, #0x060]
    str     w3, [x9, #0x064]
    ret
