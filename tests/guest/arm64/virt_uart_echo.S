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
    UART_RX_ENABLE
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

    UART_RX_IRQ_HANDLER count, buf

    VIRT_VECTORS

    .data
    .balign 8
count: .quad 0
buf: .space 64
rxmsg: .asciz "RX:"
