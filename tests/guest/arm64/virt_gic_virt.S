// SPDX-License-Identifier: MIT
// GICv3 virtual CPU interface: EL2 puts a pending Group 1 interrupt (vINTID 42, priority 0x80)
// in ICH_LR0_EL2 with ICH_HCR_EL2.En and VENG1, drops to EL1 with HCR_EL2.IMO set; EL1 takes a
// virtual IRQ, ICC_IAR1_EL1 (ICV_IAR1) returns 42, the virtual running priority is 0x80 until
// ICC_EOIR1_EL1, after which nothing is pending (HPPIR1 = 1023). The list register asked for
// a maintenance interrupt on EOI (ICH_LR.EOI, HW = 0): the EOI raises PPI 25, taken to EL2,
// where ICH_MISR_EL2.EOI and ICH_EISR_EL2 bit 0 are set. IHI 0069 6.3, 12.4, 12.5.8.
// Needs virtualization=on.
#include "macros.inc"
#include "virt.inc"

    .text
    .global test_main
test_main:
    mrs     x0, CurrentEL
    CHECK_EQ x0, (2 << 2), 1
    INSTALL_VECTORS
    adr     x0, virt_vectors
    msr     VBAR_EL1, x0
    GICD_ENABLE
    mov     x0, #0
    mov     w1, #(1 << 25)           // the maintenance interrupt
    GICR_SETUP x0, w1
    ICC_ENABLE
    ldr     x0, =((0xf8 << 24) | 2)  // VPMR 0xf8, VENG1
    msr     ICH_VMCR_EL2, x0
    mov     x0, #1                   // En
    msr     ICH_HCR_EL2, x0
    ldr     x0, =((1 << 62) | (1 << 60) | (0x80 << 48) | (1 << 41) | 42)
    msr     ICH_LR0_EL2, x0
    mrs     x0, ICH_VTR_EL2          // at least one list register
    ldr     x0, =((1 << 31) | 0x18)  // HCR_EL2: RW, IMO, FMO
    msr     HCR_EL2, x0
    ldr     x0, =stack_el1_top
    msr     SP_EL1, x0
    adr     x0, el1_code
    msr     ELR_EL2, x0
    mov     x0, #0x345               // EL1h, D, A, F masked, I unmasked
    msr     SPSR_EL2, x0
    isb
    eret

el1_code:
    adr     x9, state
    b       2f
1:  wfi
2:  ldr     x0, [x9]
    cbz     x0, 1b
    CHECK_EQ x0, 42, 2
    ldr     x0, [x9, #8]             // running priority while active
    CHECK_EQ x0, 0x80, 3
    ldr     x0, [x9, #16]            // after EOI
    CHECK_EQ x0, 0xff, 4
    mrs     x0, ICC_HPPIR1_EL1
    CHECK_EQ x0, 1023, 5
    ldr     x0, [x9, #24]            // EL2 saw the maintenance interrupt
    CHECK_EQ x0, 25, 6
    ldr     x0, [x9, #32]            // ICH_MISR_EL2.EOI
    and     x0, x0, #1
    CHECK_EQ x0, 1, 7
    ldr     x0, [x9, #40]            // ICH_EISR_EL2: list register 0
    CHECK_EQ x0, 1, 8
    mov     x0, #0
    b       test_exit

    .global irq_handler
irq_handler:
    mrs     x1, CurrentEL
    cmp     x1, #(2 << 2)
    b.eq    el2_irq
    mrs     x0, ICC_IAR1_EL1
    adr     x9, state
    str     x0, [x9]
    mrs     x1, ICC_RPR_EL1
    str     x1, [x9, #8]
    msr     ICC_EOIR1_EL1, x0
    isb
    mrs     x1, ICC_RPR_EL1
    str     x1, [x9, #16]
    ret

// At EL2: the maintenance interrupt. Record it, retire the list register (which lowers the
// maintenance interrupt) and return to EL1.
el2_irq:
    mrs     x0, ICC_IAR1_EL1
    adr     x9, state
    str     x0, [x9, #24]
    mrs     x1, ICH_MISR_EL2
    str     x1, [x9, #32]
    mrs     x1, ICH_EISR_EL2
    str     x1, [x9, #40]
    msr     ICH_LR0_EL2, xzr
    isb
    msr     ICC_EOIR1_EL1, x0
    ret

    VIRT_VECTORS

    .data
    .balign 8
state: .quad 0, 0, 0, 0, 0, 0
    .balign 16
stack_el1: .space 4096
stack_el1_top:
