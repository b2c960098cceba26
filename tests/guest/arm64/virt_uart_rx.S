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
    UART_RX_ENABLE
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

    UART_RX_IRQ_HANDLER count, buf

    VIRT_VECTORS

    .data
    .balign 8
count: .quad 0
buf: .space 64
rxmsg: .asciz "RX:"
