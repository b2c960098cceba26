// SPDX-License-Identifier: MIT
// Stage 2 from EL2 (Arm ARM D8.2 stage 2, VTCR_EL2/VTTBR_EL2, concatenated starting tables):
// AT S12E1R/W results for S2AP read-only, unmapped IPAs, stage-1-under-stage-2 walks, a
// stage-2 fault on a stage-1 walk (PAR.PTW/S). Needs -M ...,virtualization=on.
#include "macros.inc"
#include "mmu_common.inc"

#define S2_ROOT   0x20000     // two concatenated level-1 tables (8 KiB aligned: see below)
#define S2_L2     0x22000
#define S2_L3     0x23000
#define S2_BLOCK_RW  (0x400 | 0x300 | 0xc0 | 0x3c | 1)  // AF, SH=IS, S2AP=RW, MemAttr=WB
#define S2_PAGE_RO   (0x400 | 0x300 | 0x40 | 0x3c | 3)
#define S2_PAGE_RW   (0x400 | 0x300 | 0xc0 | 0x3c | 3)

.macro AT_PAR op, va
    ldr     x2, =\va
    at      \op, x2
    isb
    mrs     x3, PAR_EL1
.endm

    .text
    .global test_main
test_main:
    mov     x28, x30
    mrs     x0, CurrentEL
    CHECK_EQ x0, 8, 1                 // must start at EL2
    bl      mmu_pt_init
    // Zero the stage-2 area (x20 = its base, 8 KiB aligned because __free_mem is page aligned
    // and S2_ROOT is 0x20000 past it... check it).
    ldr     x20, =PT_BASE + S2_ROOT
    tst     x20, #0x1fff
    b.eq    1f
    mov     x0, #2
    b       test_fail
1:  mov     x1, x20
    add     x2, x20, #0x4000
2:  stp     xzr, xzr, [x1], #16
    cmp     x1, x2
    b.lo    2b
    // S2 L1[1]: IPA 0x40000000 1 GiB identity; L1[2] -> S2_L2 -> S2_L3
    ldr     x3, =0x40000000 | S2_BLOCK_RW
    str     x3, [x20, #8]
    ldr     x3, =PT_BASE + S2_L2 + 3
    str     x3, [x20, #16]
    ldr     x4, =PT_BASE + S2_L2
    ldr     x3, =PT_BASE + S2_L3 + 3
    str     x3, [x4]
    // S2 L3: IPA 0x80000000 -> data page 0 read-only; 0x80001000 unmapped;
    // 0x80002000 -> data page 2 RW
    ldr     x4, =PT_BASE + S2_L3
    ldr     x3, =PT_BASE + PT_DATA + S2_PAGE_RO
    str     x3, [x4]
    ldr     x3, =PT_BASE + PT_DATA + 0x2000 + S2_PAGE_RW
    str     x3, [x4, #16]
    dsb     ish
    // VTCR: T0SZ=24, SL0=1, IRGN/ORGN WB, SH IS, TG0 4K, PS 40 bits, bit 31 RES1
    ldr     x3, =(24 | (1 << 6) | (1 << 8) | (1 << 10) | (3 << 12) | (2 << 16) | (1 << 31))
    msr     VTCR_EL2, x3
    orr     x3, x20, #(1 << 48)       // VMID 1
    msr     VTTBR_EL2, x3
    ldr     x3, =(1 << 31) | 1        // HCR_EL2.RW, VM
    msr     HCR_EL2, x3
    isb
    tlbi    alle1
    dsb     ish
    isb
    ldr     x21, =PT_BASE + PT_DATA
    // Stage 1 off: IPA = VA.
    AT_PAR  s12e1r, 0x80000010
    ldr     x6, =0xfffffffff001
    and     x4, x3, x6
    CHECK_REG x4, x21, 3
    AT_PAR  s12e1w, 0x80000010       // S2AP read-only: stage-2 permission fault, level 3
    and     x4, x3, #0x3ff
    CHECK_EQ x4, 0x21f, 4
    AT_PAR  s12e1r, 0x80001000       // stage-2 translation fault, level 3
    and     x4, x3, #0x3ff
    CHECK_EQ x4, 0x20f, 5
    AT_PAR  s12e1r, 0x80002000
    and     x4, x3, x6
    add     x5, x21, #0x2000
    CHECK_REG x4, x5, 6
    // Stage 1 on at EL1&0: VA 0x80000000 -> IPA 0x80002000 (tables at IPA = PA)
    ldr     x9, =0x80002000 | D_NORMAL | 3
    ldr     x10, =PT_BASE + PT_L3
    str     x9, [x10]
    // VA 0x80200000: L2B[1] -> a level-3 table at IPA 0x80001000 (unmapped at stage 2)
    ldr     x9, =0x80001000 | 3
    ldr     x10, =PT_BASE + PT_L2B + 8
    str     x9, [x10]
    dsb     ish
    ldr     x1, =0x00ff
    msr     MAIR_EL1, x1
    ldr     x1, =(25 | (1 << 8) | (1 << 10) | (3 << 12) | (1 << 23) | (2 << 32))
    msr     TCR_EL1, x1
    ldr     x1, =PT_BASE + PT_L1
    msr     TTBR0_EL1, x1
    mov     x1, #1
    msr     SCTLR_EL1, x1
    isb
    AT_PAR  s12e1r, 0x80000020
    and     x4, x3, x6
    add     x5, x21, #0x2000
    CHECK_REG x4, x5, 7
    AT_PAR  s1e1r, 0x80000020        // stage 1 only: the IPA
    and     x4, x3, x6
    CHECK_EQ x4, 0x80002000, 8
    // Stage-2 fault on the stage-1 walk: PAR.S=1, PTW=1, FST translation level 3
    AT_PAR  s12e1r, 0x80200000
    and     x4, x3, #0x3ff
    CHECK_EQ x4, 0x30f, 9
    // AT S1E1R executed at EL2 reports it in PAR too (from EL1 it would be an exception to
    // EL2 with S1PTW and HPFAR_EL2)
    AT_PAR  s1e1r, 0x80200000
    and     x4, x3, #0x3ff
    CHECK_EQ x4, 0x30f, 10
    mov     x0, #0
    mov     x30, x28
    ret
