// SPDX-License-Identifier: MIT
// Generic timers through the GICv3: the EL1 virtual timer (PPI 27), the EL1 physical timer
// (PPI 30) and, when started at EL2, the EL2 physical timer (PPI 26) each interrupt once the
// counter reaches CVAL, with ISTATUS set, not before; TVAL writes set CVAL = count + TVAL.
// Arm ARM D11.3, IHI 0069 (PPIs as level interrupts).
#include "macros.inc"
#include "virt.inc"

#define DELTA 20000                  // ticks: 320 us on QEMU, 320k instructions on emu

    .text
    .global test_main
test_main:
    stp     x19, x30, [sp, #-16]!
    INSTALL_VECTORS
    GICD_ENABLE
    mov     x0, #0
    ldr     w1, =((1 << 27) | (1 << 30) | (1 << 26))
    GICR_SETUP x0, w1
    ICC_ENABLE
    msr     daifclr, #2

    // TVAL: CVAL = count + SignExtend(TVAL)
    mrs     x1, CNTVCT_EL0
    mov     x2, #1000
    msr     CNTV_TVAL_EL0, x2
    mrs     x3, CNTV_CVAL_EL0
    sub     x3, x3, x1
    cmp     x3, #1000
    b.lo    fail_tval
    ldr     x4, =100000
    cmp     x3, x4
    b.hs    fail_tval
    msr     CNTV_CTL_EL0, xzr

    // virtual timer
    mov     x0, #27
    bl      arm_and_wait
    cbnz    x0, 9f
    // physical timer
    mov     x0, #30
    bl      arm_and_wait
    cbnz    x0, 9f
    // EL2 physical timer
    mrs     x1, CurrentEL
    cmp     x1, #(2 << 2)
    b.ne    1f
    mov     x0, #26
    bl      arm_and_wait
    cbnz    x0, 9f
1:  mov     x0, #0
9:  ldp     x19, x30, [sp], #16
    ret
fail_tval:
    mov     x0, #1
    ldp     x19, x30, [sp], #16
    ret

// Arm timer x0 (its PPI) DELTA ticks ahead, wait for its interrupt. Returns 0 or a check id.
arm_and_wait:
    mov     x15, x30
    adr     x9, state
    str     x0, [x9]                 // expected INTID
    str     xzr, [x9, #8]            // received INTID
    bl      read_count
    ldr     x2, =DELTA
    add     x2, x1, x2
    str     x2, [x9, #24]            // CVAL
    ldr     x0, [x9]
    mov     x3, #1                   // ENABLE, not masked
    cmp     x0, #27
    b.ne    1f
    msr     CNTV_CVAL_EL0, x2
    msr     CNTV_CTL_EL0, x3
    b       3f
1:  cmp     x0, #30
    b.ne    2f
    msr     CNTP_CVAL_EL0, x2
    msr     CNTP_CTL_EL0, x3
    b       3f
2:  msr     CNTHP_CVAL_EL2, x2
    msr     CNTHP_CTL_EL2, x3
3:  isb
    b       8f
4:  wfi
8:  ldr     x4, [x9, #8]
    cbz     x4, 4b
    ldr     x0, [x9]
    cmp     x4, x0
    b.ne    5f
    ldr     x4, [x9, #16]            // count seen in the handler
    ldr     x2, [x9, #24]
    cmp     x4, x2
    b.lo    6f
    ldr     x4, [x9, #32]            // ISTATUS seen in the handler
    cbz     x4, 7f
    mov     x0, #0
    ret     x15
5:  add     x0, x0, #100             // wrong INTID: 127 / 130 / 126
    ret     x15
6:  add     x0, x0, #200             // early: 227 / 230 / 226 (& 0xff)
    ret     x15
7:  add     x0, x0, #50              // ISTATUS clear: 77 / 80 / 76
    ret     x15

// x1 = the counter of the timer whose INTID is in state[0] (virtual for 27).
read_count:
    adr     x10, state
    ldr     x10, [x10]
    cmp     x10, #27
    b.ne    1f
    mrs     x1, CNTVCT_EL0
    ret
1:  mrs     x1, CNTPCT_EL0
    ret

    .global irq_handler
irq_handler:
    stp     x29, x30, [sp, #-16]!
    mrs     x0, ICC_IAR1_EL1
    adr     x9, state
    bl      read_count
    str     x1, [x9, #16]
    mov     x2, #0
    cmp     x0, #27
    b.ne    1f
    mrs     x2, CNTV_CTL_EL0
    msr     CNTV_CTL_EL0, xzr
    b       3f
1:  cmp     x0, #30
    b.ne    2f
    mrs     x2, CNTP_CTL_EL0
    msr     CNTP_CTL_EL0, xzr
    b       3f
2:  cmp     x0, #26
    b.ne    3f
    mrs     x2, CNTHP_CTL_EL2
    msr     CNTHP_CTL_EL2, xzr
3:  and     x2, x2, #4
    str     x2, [x9, #32]
    isb
    msr     ICC_EOIR1_EL1, x0
    str     x0, [x9, #8]
    ldp     x29, x30, [sp], #16
    ret

    VIRT_VECTORS

    .data
    .balign 8
state: .quad 0, 0, 0, 0, 0
