// SPDX-License-Identifier: MIT
// Integer benchmark workload: each iteration fills a 4 KiB buffer from an LCG, computes a
// bitwise (table-free) CRC32 over it, and insertion-sorts 256 words. ITERS is set at build
// time. Exit status: low byte of the final CRC, so emu and QEMU can be compared.
    .section .text.start, "ax"
    .global _start
_start:
    ldr     x20, =ITERS
    adr     x21, buf
    ldr     x22, =0x2545f4914f6cdd1d       // LCG state
    mov     w23, #-1                        // running CRC
    ldr     w24, =0xedb88320
outer:
    // fill
    mov     x0, x21
    mov     x1, #512
1:  ldr     x2, =6364136223846793005
    madd    x22, x22, x2, x2
    str     x22, [x0], #8
    subs    x1, x1, #1
    b.ne    1b
    // CRC32, one bit at a time
    mov     x0, x21
    mov     x1, #4096
2:  ldrb    w2, [x0], #1
    eor     w23, w23, w2
    mov     w3, #8
3:  and     w4, w23, #1
    neg     w4, w4
    and     w4, w4, w24
    eor     w23, w4, w23, lsr #1
    subs    w3, w3, #1
    b.ne    3b
    subs    x1, x1, #1
    b.ne    2b
    // insertion sort of the first 256 words
    mov     x5, #1
4:  ldr     w6, [x21, x5, lsl #2]
    mov     x7, x5
5:  cbz     x7, 6f
    sub     x8, x7, #1
    ldr     w9, [x21, x8, lsl #2]
    cmp     w9, w6
    b.ls    6f
    str     w9, [x21, x7, lsl #2]
    mov     x7, x8
    b       5b
6:  str     w6, [x21, x7, lsl #2]
    add     x5, x5, #1
    cmp     x5, #256
    b.lo    4b
    // fold the sorted order into the CRC
    ldr     w6, [x21, #512]
    eor     w23, w23, w6
    subs    x20, x20, #1
    b.ne    outer
    adr     x1, exit_block
    and     w0, w23, #0xff
    str     x0, [x1, #8]
    mov     x0, #0x18
    hlt     #0xf000
    b       .
    .ltorg
    .data
    .balign 4096        // keep data off the code page: a store there would retire its decoded code
exit_block: .quad 0x20026, 0
buf: .skip 4096
