// SPDX-License-Identifier: MIT
// ASID retention (Arm ARM D8.13.2): entries of an ASID survive a switch to another ASID and
// back, so a PTE changed while the ASID was switched out without TLBI is not seen after the
// switch back. emu keeps the entries; QEMU flushes its TLB on an ASID change (also allowed), so
// this test is emu-only (reference = no).
#include "macros.inc"
#include "mmu_common.inc"

    .text
    .global test_main
test_main:
    mov     x28, x30
    bl      mmu_pt_init
    ldr     x2, =PT_BASE + PT_DATA
    mov     x3, #0x1111
    str     x3, [x2]
    mov     x3, #0x3333
    str     x3, [x2, #0x2000]
    ldr     x1, =D_NORMAL | D_NG
    MAP_PAGE 0, 0
    mov     x0, #1
    bl      mmu_enable_el1
    ldr     x20, =0x80000000
    ldr     x3, [x20]
    CHECK_EQ x3, 0x1111, 1
    // ASID 2 (address space 2: nothing mapped at 0x80000000)
    ldr     x4, =PT_BASE + PT_L1_2 + (2 << 48)
    msr     TTBR0_EL1, x4
    isb
    EXPECT_EXC
    ldr     x3, [x20]
    CHECK_EQ x0, 0x96000007, 2
    // Change ASID 1's PTE while it is switched out, no TLBI
    ldr     x1, =D_NORMAL | D_NG
    MAP_PAGE 0, 2
    ldr     x5, =PT_BASE + PT_L1 + (1 << 48)
    msr     TTBR0_EL1, x5
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x1111, 3      // retained
    ldr     x6, =(0x80000000 >> 12) | (1 << 48)
    tlbi    vae1, x6
    dsb     ish
    isb
    ldr     x3, [x20]
    CHECK_EQ x3, 0x3333, 4
    mov     x0, #0
    mov     x30, x28
    ret
