// SPDX-License-Identifier: MIT
// Stage-1 permissions and faults at EL1 (Arm ARM D8.4-D8.5, D17.2.37 ISS): AP read-only,
// translation and Access flag faults by level, PAN, LDTR with EL0 permissions, PXN; ESR/FAR.
#include "macros.inc"
#include "mmu_common.inc"

    .text
    .global test_main
test_main:
    mov     x28, x30
    bl      mmu_pt_init
    // page 0: RO at EL1, page 1: invalid, page 2: AF=0, page 3: EL0 RW (PAN),
    // page 4: EL1-only RW, page 5: PXN (code), page 6: executable (ret)
    ldr     x1, =D_NORMAL | D_AP_RO_EL1
    MAP_PAGE 0, 0
    ldr     x1, =D_SH_IS | D_AP_RW_EL1
    MAP_PAGE 2, 2
    ldr     x1, =D_NORMAL | D_AP_RW_ALL | D_UXN
    MAP_PAGE 3, 3
    ldr     x1, =D_NORMAL | D_AP_RW_EL1
    MAP_PAGE 4, 4
    ldr     x1, =D_NORMAL | D_AP_RO_EL1 | D_PXN
    MAP_PAGE 5, 5
    ldr     x1, =D_NORMAL | D_AP_RO_EL1
    MAP_PAGE 6, 6
    // A `ret` at the start of page 6 (written through the identity map).
    ldr     x2, =PT_BASE + PT_DATA + 6 * 0x1000
    ldr     w3, =0xd65f03c0
    str     w3, [x2]
    dc      cvau, x2
    dsb     ish
    ic      iallu
    dsb     ish
    isb
    mov     x0, #1
    bl      mmu_enable_el1

    // 1: read of the RO page works, a write faults: DABT_CUR, ISV=0 to EL1, WnR, perm L3
    ldr     x20, =0x80000000
    ldr     x3, [x20]
    CHECK_EQ x3, 0, 1
    EXPECT_EXC
    str     x3, [x20, #8]
    CHECK_EQ x0, 0x9600004f, 2
    add     x4, x20, #8
    CHECK_REG x1, x4, 3
    // 2: translation fault at level 3 (read: WnR=0)
    ldr     x21, =0x80001010
    EXPECT_EXC
    ldr     x3, [x21]
    CHECK_EQ x0, 0x96000007, 4
    CHECK_REG x1, x21, 5
    // 3: Access flag fault, level 3
    ldr     x21, =0x80002000
    EXPECT_EXC
    ldr     x3, [x21]
    CHECK_EQ x0, 0x9600000b, 6
    // 4: translation fault at level 2 (0x80200000 has no L2B entry)
    ldr     x21, =0x80200000
    EXPECT_EXC
    ldr     x3, [x21]
    CHECK_EQ x0, 0x96000006, 7
    // 5: translation fault at level 1 (VA 0xc0000000: L1[3] empty)
    ldr     x21, =0xc0000000
    EXPECT_EXC
    ldr     x3, [x21]
    CHECK_EQ x0, 0x96000005, 8
    // 6: outside the 39-bit range: level 0
    ldr     x21, =0x8000000000
    EXPECT_EXC
    ldr     x3, [x21]
    CHECK_EQ x0, 0x96000004, 9
    // 7: PAN: EL0-accessible page readable with PAN=0, permission fault with PAN=1
    ldr     x22, =0x80003000
    ldr     x3, [x22]
    msr     PAN, #1
    EXPECT_EXC
    ldr     x3, [x22]
    CHECK_EQ x0, 0x9600000f, 10
    EXPECT_EXC
    str     x3, [x22]
    CHECK_EQ x0, 0x9600004f, 11
    msr     PAN, #0
    // LDTR is checked with EL0 permissions (PAN does not matter for it)
    ldtr    x3, [x22]
    ldr     x23, =0x80004000
    ldr     x3, [x23]
    EXPECT_EXC
    ldtr    x3, [x23]
    CHECK_EQ x0, 0x9600000f, 12
    EXPECT_EXC
    sttr    x3, [x23]
    CHECK_EQ x0, 0x9600004f, 13
    // 8: PXN: executing the last word of page 5 is an instruction abort (IABT_CUR, perm L3);
    // the harness resumes at page 6, whose `ret` comes back here.
    ldr     x24, =0x80005ffc
    EXPECT_EXC
    blr     x24
    CHECK_EQ x0, 0x8600000f, 14
    CHECK_REG x1, x24, 15
    // 9: an aligned access to Normal memory with SCTLR.A=0 may be unaligned
    ldr     x3, [x20, #1]
    mov     x0, #0
    mov     x30, x28
    ret
