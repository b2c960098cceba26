// SPDX-License-Identifier: MIT
// TLB benchmark workload: two address spaces (ASID 1 and 2) map the same 256 VA pages to
// different memory; each iteration switches TTBR0_EL1 to one, reads one word of every page,
// switches to the other and reads them again. No TLBI in the loop: a TLB that keeps entries
// across ASID switches refills from itself, not from the page tables. ITERS is set at build time.
#define NPAGES 256
#define FREE   __free_mem
    .section .text.start, "ax"
    .global _start
_start:
    ldr     x0, =FREE
    mov     x1, x0
    add     x2, x0, #0x8000
1:  stp     xzr, xzr, [x1], #16          // zero 8 table pages
    cmp     x1, x2
    b.lo    1b
    // L1A = FREE, L2A = +0x1000, L3A = +0x2000; L1B = +0x3000, L2B = +0x4000, L3B = +0x5000
    ldr     x3, =0x40000000 | 0x701       // 1 GiB identity block, AF, SH=IS, global
    str     x3, [x0, #8]
    add     x4, x0, #0x3000
    str     x3, [x4, #8]
    add     x5, x0, #0x1000
    orr     x5, x5, #3
    str     x5, [x0, #16]
    add     x5, x0, #0x4000
    orr     x5, x5, #3
    str     x5, [x4, #16]
    add     x5, x0, #0x2000
    orr     x5, x5, #3
    str     x5, [x0, #0x1000]
    add     x5, x0, #0x5000
    orr     x5, x5, #3
    str     x5, [x0, #0x4000]
    // L3A[i] -> FREE + 0x100000 + i*4K, L3B[i] -> FREE + 0x200000 + i*4K (nG, AF, SH=IS)
    add     x6, x0, #0x100000
    ldr     x7, =0xf03
    orr     x6, x6, x7
    add     x8, x0, #0x200000
    orr     x8, x8, x7
    add     x9, x0, #0x2000
    add     x10, x0, #0x5000
    mov     x11, #NPAGES
2:  str     x6, [x9], #8
    str     x8, [x10], #8
    add     x6, x6, #0x1000
    add     x8, x8, #0x1000
    subs    x11, x11, #1
    b.ne    2b
    dsb     ish
    mov     x1, #0xff
    msr     MAIR_EL1, x1
    ldr     x1, =(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2 << 32))
    msr     TCR_EL1, x1
    orr     x21, x0, #(1 << 48)           // TTBR0 for ASID 1
    add     x22, x0, #0x3000
    orr     x22, x22, #(2 << 48)          // ASID 2
    msr     TTBR0_EL1, x21
    isb
    tlbi    vmalle1
    dsb     ish
    mov     x1, #1                        // SCTLR_EL1.M (C/I off: no cache model anyway)
    msr     SCTLR_EL1, x1
    isb
    ldr     x20, =ITERS
    mov     x19, #0
outer:
    msr     TTBR0_EL1, x21
    isb
    bl      touch
    msr     TTBR0_EL1, x22
    isb
    bl      touch
    subs    x20, x20, #1
    b.ne    outer
    adr     x1, exit_block
    mov     x0, #0x18
    hlt     #0xf000
    b       .
touch:
    mov     x2, #0x80000000
    mov     x3, #NPAGES
3:  ldr     x4, [x2]
    add     x19, x19, x4
    add     x2, x2, #0x1000
    subs    x3, x3, #1
    b.ne    3b
    ret
    .data
    .balign 8
exit_block: .quad 0x20026, 0
