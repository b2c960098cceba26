// SPDX-License-Identifier: MIT
// PL011 receive in a loop, for tests/cli/replay_from_snapshot.sh: like virt_uart_rx, but each
// batch of received characters is echoed as "RX:<chars>" and followed by a fixed computation
// (400k instructions), so that a snapshot taken by instruction count lands between two inputs
// whatever the host's timing (while the guest waits in WFI its instruction count stands
// still). Exits 0 after a batch ending in 'q'.
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
    mov     x19, #0                  // characters echoed so far
    b       2f
1:  wfi
2:  ldr     x5, [x9]
    cmp     x5, x19
    b.eq    1b
    ldr     x1, =UART_BASE
    adr     x3, rxmsg
3:  ldrb    w4, [x3], #1
    cbz     w4, 4f
    str     w4, [x1]
    b       3b
4:  adr     x3, buf
5:  ldrb    w4, [x3, x19]
    str     w4, [x1]
    add     x19, x19, #1
    cmp     x19, x5
    b.ne    5b
    mov     w2, #'\n'
    str     w2, [x1]
    ldr     x6, =200000              // the fixed computation
6:  subs    x6, x6, #1
    b.ne    6b
    cmp     w4, #'q'
    b.ne    2b
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
