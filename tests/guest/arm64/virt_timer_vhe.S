// SPDX-License-Identifier: MIT
// Generic timers under VHE (HCR_EL2.{E2H,TGE} = {1,1}, started at EL2): CNTP_*_EL0 reaches the
// EL2 physical timer (PPI 26), CNTV_*_EL0 the EL2 virtual timer (PPI 28), CNTP_*_EL02 the EL1
// physical timer (PPI 30). Arm ARM D5.6.2 (register redirection), D11.3. Needs
// virtualization=on; fails with 1 at EL1.
#include "macros.inc"
#include "virt.inc"

#define DELTA 20000

    .text
    .global test_main
test_main:
    stp     x19, x30, [sp, #-16]!
    mrs     x0, CurrentEL
    CHECK_EQ x0, (2 << 2), 1
    INSTALL_VECTORS
    GICD_ENABLE
    mov     x0, #0
    ldr     w1, =((1 << 26) | (1 << 28) | (1 << 30))
    GICR_SETUP x0, w1
    ICC_ENABLE
    mrs     x0, HCR_EL2
    orr     x0, x0, #(1 << 27)       // TGE
    orr     x0, x0, #(1 << 34)       // E2H
    msr     HCR_EL2, x0
    isb
    msr     daifclr, #2

    // CNTP_*_EL0 at EL2 with E2H: the EL2 physical timer, PPI 26
    adr     x9, state
    mov     x0, #26
    str     x0, [x9]
    str     xzr, [x9, #8]
    mrs     x1, CNTPCT_EL0
    ldr     x2, =DELTA
    add     x2, x1, x2
    str     x2, [x9, #24]
    msr     CNTP_CVAL_EL0, x2
    mrs     x3, CNTHP_CVAL_EL2       // the same register
    CHECK_REG x2, x3, 2
    mov     x3, #1
    msr     CNTP_CTL_EL0, x3
    bl      wait
    cbnz    x0, 9f

    // CNTV_*_EL0 at EL2 with E2H: the EL2 virtual timer, PPI 28
    mov     x0, #28
    str     x0, [x9]
    str     xzr, [x9, #8]
    mrs     x1, CNTPCT_EL0
    ldr     x2, =DELTA
    add     x2, x1, x2
    str     x2, [x9, #24]
    msr     CNTV_CVAL_EL0, x2
    mrs     x3, CNTHV_CVAL_EL2
    CHECK_REG x2, x3, 3
    mov     x3, #1
    msr     CNTV_CTL_EL0, x3
    bl      wait
    cbnz    x0, 9f

    // CNTP_*_EL02: the EL1 physical timer, PPI 30
    mov     x0, #30
    str     x0, [x9]
    str     xzr, [x9, #8]
    mrs     x1, CNTPCT_EL0
    ldr     x2, =DELTA
    add     x2, x1, x2
    str     x2, [x9, #24]
    msr     CNTP_CVAL_EL02, x2
    mov     x3, #1
    msr     CNTP_CTL_EL02, x3
    bl      wait
9:  ldp     x19, x30, [sp], #16
    ret

// Wait for the interrupt announced in state[0]; 0, or 100 + INTID received / 200 + INTID early.
wait:
    b       2f
1:  wfi
2:  ldr     x4, [x9, #8]
    cbz     x4, 1b
    ldr     x0, [x9]
    cmp     x4, x0
    b.ne    3f
    ldr     x4, [x9, #16]
    ldr     x2, [x9, #24]
    cmp     x4, x2
    b.lo    4f
    mov     x0, #0
    ret
3:  add     x0, x4, #100
    ret
4:  add     x0, x0, #200
    ret

    .global irq_handler
irq_handler:
    mrs     x0, ICC_IAR1_EL1
    adr     x9, state
    mrs     x1, CNTPCT_EL0
    str     x1, [x9, #16]
    cmp     x0, #26
    b.ne    1f
    msr     CNTP_CTL_EL0, xzr
1:  cmp     x0, #28
    b.ne    2f
    msr     CNTV_CTL_EL0, xzr
2:  cmp     x0, #30
    b.ne    3f
    msr     CNTP_CTL_EL02, xzr
3:  isb
    msr     ICC_EOIR1_EL1, x0
    str     x0, [x9, #8]
    ret

    VIRT_VECTORS

    .data
    .balign 8
state: .quad 0, 0, 0, 0
