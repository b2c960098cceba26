// SPDX-License-Identifier: MIT
// TLB behaviour (Arm ARM D8.13): a changed PTE is not seen until TLBI (the old translation
// stays cached, here for the same ASID, as on QEMU), TLBI VAE1/VALE1/ASIDE1/VMALLE1 and the
// range form RVAE1 make the new one visible; two ASIDs map one VA differently at once.
#include "macros.inc"
#include "mmu_common.inc"

    .text
    .global test_main
test_main:
    mov     x28, x30
    bl      mmu_pt_init
    // Data pages 0..3 hold 0x1111, 0x2222, 0x3333, 0x4444 at offset 0.
    ldr     x2, =PT_BASE + PT_DATA
    mov     x3, #0x1111
    str     x3, [x2]
    mov     x3, #0x2222
    str     x3, [x2, #0x1000]
    mov     x3, #0x3333
    str     x3, [x2, #0x2000]
    mov     x3, #0x4444
    str     x3, [x2, #0x3000]
    // Address space 1 (L1): VA 0x80000000 -> page 0; address space 2 (L1_2) -> page 1. nG.
    ldr     x1, =D_NORMAL | D_NG
    MAP_PAGE 0, 0
    ldr     x9, =PT_BASE + PT_DATA + 0x1000
    orr     x9, x9, x1
    orr     x9, x9, #3
    ldr     x10, =PT_BASE + PT_L3_2
    str     x9, [x10]
    dsb     ish
    mov     x0, #1
    bl      mmu_enable_el1
    ldr     x20, =0x80000000
    ldr     x3, [x20]
    CHECK_EQ x3, 0x1111, 1
    // Switch to address space 2 with ASID 2: the other mapping, no TLBI needed
    ldr     x4, =PT_BASE + PT_L1_2 + (2 << 48)
    msr     TTBR0_EL1, x4
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x2222, 2
    // Back to ASID 1
    ldr     x5, =PT_BASE + PT_L1 + (1 << 48)
    msr     TTBR0_EL1, x5
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x1111, 3
    // Change the PTE to page 2 without TLBI: the cached translation is still used
    ldr     x1, =D_NORMAL | D_NG
    MAP_PAGE 0, 2
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x1111, 4
    // (TLBI VAE1 for another ASID need not remove it, but may: QEMU does. The exact rule is
    // checked by tests/unit/tlb_inval.c.)
    // TLBI VALE1 with the right ASID does
    ldr     x6, =(0x80000000 >> 12) | (1 << 48)
    tlbi    vale1, x6
    dsb     ish
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x3333, 6
    // ASIDE1 for ASID 1
    ldr     x1, =D_NORMAL | D_NG
    MAP_PAGE 0, 3
    ldr     x3, [x20]
    CHECK_EQ x3, 0x3333, 7
    mov     x6, #(1 << 48)
    tlbi    aside1, x6
    dsb     ish
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x4444, 8
    // Range: RVAE1 TG=4K, SCALE=0, NUM=1 (4 pages from 0x7fffe000) covers 0x80000000
    ldr     x1, =D_NORMAL | D_NG
    MAP_PAGE 0, 0
    ldr     x3, [x20]
    CHECK_EQ x3, 0x4444, 9
    ldr     x6, =(1 << 48) | (1 << 46) | (0 << 44) | (1 << 39) | (0x7fffe000 >> 12)
    tlbi    rvae1, x6
    dsb     ish
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x1111, 10
    // Global entry: nG=0 maps page 1; VMALLE1 then any ASID sees it
    ldr     x1, =D_NORMAL
    MAP_PAGE 0, 1
    tlbi    vmalle1
    dsb     ish
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x2222, 11
    mov     x0, #0
    mov     x30, x28
    ret
