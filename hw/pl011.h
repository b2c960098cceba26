/* SPDX-License-Identifier: MIT */
/* Arm PrimeCell UART (PL011), r1p5. Arm DDI 0183G (PL011 Technical Reference Manual). */
#ifndef EMU_HW_PL011_H
#define EMU_HW_PL011_H

#include "hw/chardev.h"
#include "hw/dev.h"

#define PL011_FIFO_DEPTH 16
#define PL011_SIZE 0x1000

/* Interrupt bits of UARTRIS/UARTMIS/UARTIMSC/UARTICR (DDI 0183G 3.3.12) */
#define PL011_INT_RX (1u << 4)
#define PL011_INT_TX (1u << 5)
#define PL011_INT_RT (1u << 6)

/* UARTFR (DDI 0183G 3.3.3) */
#define PL011_FR_BUSY (1u << 3)
#define PL011_FR_RXFE (1u << 4)
#define PL011_FR_TXFF (1u << 5)
#define PL011_FR_RXFF (1u << 6)
#define PL011_FR_TXFE (1u << 7)

struct pl011 {
    struct chardev *chr;
    struct irq_line irq;
    u16 rx[PL011_FIFO_DEPTH];
    unsigned rx_head, rx_count;
    u32 rsr, ilpr, ibrd, fbrd, lcr_h, cr, ifls, imsc, ris, dmacr;
};

extern const struct dev_ops pl011_ops;
void pl011_init(struct pl011 *s, struct chardev *chr, struct irq_line irq);
void pl011_reset(struct pl011 *s);
/* Register the snapshot section "pl011". */
struct machine;
void pl011_snap_register(struct machine *m, struct pl011 *s);

#endif
