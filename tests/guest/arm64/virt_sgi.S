// SPDX-License-Identifier: MIT
// GICv3 SGIs and SMP bring-up: an SGI to self through ICC_SGI1R_EL1's target list, then PSCI
// CPU_ON starts the secondary (x0 = context id = its stack), which wakes its redistributor,
// sends SGI 5 back to CPU 0 and powers itself off with CPU_OFF; AFFINITY_INFO then reports it
// OFF. IHI 0069 12.2.21 (ICC_SGI1R_EL1), DEN 0022D 5.6 (CPU_ON). Needs -smp 2.
#include "macros.inc"
#include "virt.inc"

    .text
    .global test_main
test_main:
    stp     x19, x30, [sp, #-16]!
    INSTALL_VECTORS
    GICD_ENABLE
    mov     x0, #0
    mov     w1, #0xffff
    GICR_SETUP x0, w1
    ICC_ENABLE
    msr     daifclr, #2

    // SGI 3 to self: Aff3.Aff2.Aff1 = 0, TargetList = {0}
    ldr     x0, =((3 << 24) | 1)
    msr     ICC_SGI1R_EL1, x0
    isb
    mov     x0, #3
    bl      wait_irq
    CHECK_EQ x0, 3, 1

    // start CPU 1
    ldr     x0, =0xc4000003          // CPU_ON
    mov     x1, #1
    adr     x2, secondary
    ldr     x3, =stack1_top
    PSCI_CALL
    CHECK_EQ x0, 0, 2
    mov     x0, #5
    bl      wait_irq
    CHECK_EQ x0, 5, 3
    // wait until CPU 1 is OFF again
1:  ldr     x0, =0xc4000004          // AFFINITY_INFO(1, 0)
    mov     x1, #1
    mov     x2, #0
    PSCI_CALL
    cmp     x0, #1
    b.ne    1b
    adr     x9, secondary_ran
    ldr     x0, [x9]
    CHECK_EQ x0, 0x1234, 4
    mov     x0, #0
    ldp     x19, x30, [sp], #16
    ret

// Wait for an IRQ; x0 = the INTID the handler acknowledged.
wait_irq:
    adr     x9, got
    b       2f
1:  wfi
2:  ldr     x0, [x9]
    cmp     x0, #-1
    b.eq    1b
    mov     x1, #-1
    str     x1, [x9]
    ret

    .global irq_handler
irq_handler:
    mrs     x0, ICC_IAR1_EL1
    msr     ICC_EOIR1_EL1, x0
    adr     x9, got
    str     x0, [x9]
    ret

secondary:
    mov     sp, x0
    INSTALL_VECTORS
    mov     x0, #1
    mov     w1, #0xffff
    GICR_SETUP x0, w1
    ICC_ENABLE
    adr     x9, secondary_ran
    mov     x1, #0x1234
    str     x1, [x9]
    dsb     sy
    ldr     x0, =((5 << 24) | 1)     // SGI 5 to CPU 0
    msr     ICC_SGI1R_EL1, x0
    isb
    ldr     x0, =0x84000002          // CPU_OFF
    PSCI_CALL
    b       .

    VIRT_VECTORS

    .data
    .balign 8
got: .quad -1
secondary_ran: .quad 0
    .balign 16
stack1: .space 4096
stack1_top:
