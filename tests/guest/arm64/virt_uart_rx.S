// SPDX-License-Identifier: MIT
// PL011 receive, interrupt-driven: UART SPI 1 (INTID 33) routed to CPU 0, UARTIMSC.RXIM|RTIM;
// the handler drains UARTDR until UARTFR.RXFE and acknowledges with UARTICR; the characters are
// echoed as "RX:<chars>". Needs host input on the serial port (tests/cli/virt-uart-rx.sh).
#include "macros.inc"
#include "virt.inc"

    .text
    .global test_main
test_main:
    stp     x19, x30, [sp, #-16]!
    INSTALL_VECTORS
    GICD_ENABLE
    SPI_ENABLE 33                    // the UART
    ICC_ENABLE
    ldr     x1, =UART_BASE
    mov     w2, #0x70                // LCR_H: 8 bits, FIFOs
    str     w2, [x1, #0x2c]
    ldr     w2, =0x301               // CR: UARTEN, TXE, RXE
    str     w2, [x1, #0x30]
    mov     w2, #0x50                // IMSC: RXIM, RTIM
    str     w2, [x1, #0x38]
    msr     daifclr, #2
    adr     x9, count
    b       2f
1:  wfi
2:  ldr     x0, [x9]
    cbz     x0, 1b
    ldr     x1, =UART_BASE
    adr     x3, rxmsg
3:  ldrb    w4, [x3], #1
    cbz     w4, 4f
    str     w4, [x1]
    b       3b
4:  adr     x3, buf
    ldr     x5, [x9]
5:  ldrb    w4, [x3], #1
    str     w4, [x1]
    subs    x5, x5, #1
    b.ne    5b
    mov     w4, #'\n'
    str     w4, [x1]
    mov     x0, #0
    ldp     x19, x30, [sp], #16
    ret

    .global irq_handler
irq_handler:
    mrs     x0, ICC_IAR1_EL1
    cmp     x0, #33
    b.ne    9f
    ldr     x1, =UART_BASE
    adr     x9, count
    adr     x3, buf
    ldr     x5, [x9]
1:  ldr     w2, [x1, #0x18]          // FR.RXFE
    tbnz    w2, #4, 2f
    ldr     w2, [x1]
    cmp     x5, #63
    b.hs    1b
    strb    w2, [x3, x5]
    add     x5, x5, #1
    b       1b
2:  str     x5, [x9]
    mov     w2, #0x50
    str     w2, [x1, #0x44]          // ICR: RX, RT
9:  msr     ICC_EOIR1_EL1, x0
    ret

    VIRT_VECTORS

    .data
    .balign 8
count: .quad 0
buf: .space 64
rxmsg: .asciz "RX:"
