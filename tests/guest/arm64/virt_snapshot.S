// SPDX-License-Identifier: MIT
// Device state across a snapshot (tests/cli/snapshot-devices.sh): with IRQs masked, wait for a
// byte in the PL011 RX FIFO (host input), arm the virtual timer 24 ms of virtual time ahead,
// print READY (the script then runs `savevm`), spin ~60 M instructions, and check that the
// timer condition is met (ISTATUS) and PPI 27 and SPI 33 are pending in the GIC; then unmask,
// take both interrupts, and read the 'Z'. Run from the snapshot in a new process (no host
// input), the same checks must pass: the FIFO, the armed timer event and the GIC pending state
// all came from the file. Exit status = the failing check.
#include "macros.inc"
#include "virt.inc"

#define DELTA 1500000                // ticks of 16 ns: 24 ms, 24 M instructions
#define SPIN  30000000               // loop iterations (2 instructions each)

    .text
    .global test_main
test_main:
    stp     x19, x30, [sp, #-16]!
    INSTALL_VECTORS
    GICD_ENABLE
    SPI_ENABLE 33                    // the UART
    mov     x0, #0
    ldr     w1, =(1 << 27)
    GICR_SETUP x0, w1
    ICC_ENABLE
    UART_RX_ENABLE
1:  ldr     w2, [x1, #0x18]          // wait for host input: FR.RXFE clear
    tbnz    w2, #4, 1b
    mrs     x2, CNTVCT_EL0
    ldr     x3, =DELTA
    add     x2, x2, x3
    msr     CNTV_CVAL_EL0, x2
    mov     x3, #1
    msr     CNTV_CTL_EL0, x3
    isb
    PUTS    ready
    ldr     x5, =SPIN
2:  subs    x5, x5, #1
    b.ne    2b

    mov     x0, #1
    mrs     x2, CNTV_CTL_EL0         // ISTATUS
    tbz     x2, #2, 9f
    mov     x0, #2
    ldr     x1, =(GICR_BASE + SGI_BASE)
    ldr     w2, [x1, #0x200]         // GICR_ISPENDR0: PPI 27
    tbz     w2, #27, 9f
    mov     x0, #3
    ldr     x1, =GICD_BASE
    ldr     w2, [x1, #0x204]         // GICD_ISPENDR1: INTID 33
    tbz     w2, #1, 9f
    adr     x9, seen
    msr     daifclr, #2
    ldr     x5, =100000
3:  ldr     x3, [x9]
    cmp     x3, #3
    b.eq    4f
    subs    x5, x5, #1
    b.ne    3b
    mov     x0, #5                   // not both interrupts taken
    b       9f
4:  mov     x0, #4                   // the byte is still in the FIFO
    ldr     x1, =UART_BASE
    ldr     w2, [x1, #0x18]
    tbnz    w2, #4, 9f
    ldr     w2, [x1]
    and     w2, w2, #0xff
    cmp     w2, #'Z'
    b.ne    9f
    PUTS    ok
    mov     x0, #0
9:  ldp     x19, x30, [sp], #16
    ret

    .global irq_handler
irq_handler:
    mrs     x0, ICC_IAR1_EL1
    adr     x9, seen
    ldr     x3, [x9]
    cmp     x0, #27
    b.ne    1f
    msr     CNTV_CTL_EL0, xzr
    orr     x3, x3, #1
1:  cmp     x0, #33
    b.ne    2f
    ldr     x1, =UART_BASE
    mov     w2, #0x50
    str     w2, [x1, #0x44]          // ICR: RX, RT
    orr     x3, x3, #2
2:  str     x3, [x9]
    msr     ICC_EOIR1_EL1, x0
    ret

    VIRT_VECTORS

    .data
    .balign 8
seen: .quad 0
ready: .asciz "READY\n"
ok: .asciz "SNAPSHOT-DEVICES-OK\n"
