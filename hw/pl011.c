/* SPDX-License-Identifier: MIT */
/*
 * PL011 UART: transmit goes straight to the character back-end (the FIFO never fills), receive
 * through a 16-entry FIFO (1 entry with FIFOs disabled), level interrupt output.
 * Arm DDI 0183G chapter 3 (programmers' model).
 */
#include "hw/pl011.h"

#include <string.h>

#include "core/log.h"
#include "core/snapshot.h"

enum {
    UARTDR = 0x000, UARTRSR = 0x004, UARTFR = 0x018, UARTILPR = 0x020, UARTIBRD = 0x024,
    UARTFBRD = 0x028, UARTLCR_H = 0x02c, UARTCR = 0x030, UARTIFLS = 0x034, UARTIMSC = 0x038,
    UARTRIS = 0x03c, UARTMIS = 0x040, UARTICR = 0x044, UARTDMACR = 0x048,
    UARTPeriphID0 = 0xfe0,
};

#define LCR_H_FEN (1u << 4)

/* UARTPeriphID0-3 and UARTPCellID0-3 (DDI 0183G 3.3.14-15): part 0x011, designer Arm (0x41),
 * revision 1 as QEMU reports; Linux's AMBA bus matches the part and designer. */
static const u8 pl011_id[8] = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

static void pl011_update(struct pl011 *s)
{
    irq_set(&s->irq, (s->ris & s->imsc) != 0);
}

static unsigned rx_depth(const struct pl011 *s)
{
    return (s->lcr_h & LCR_H_FEN) ? PL011_FIFO_DEPTH : 1;
}

static bool pl011_can_receive(void *opaque)
{
    struct pl011 *s = opaque;
    return s->rx_count < rx_depth(s);
}

/*
 * A received character raises RXRIS and RTRIS at once. The hardware raises RX at the FIFO
 * trigger level and RT after 32 bit periods of line idle; with input arriving only at
 * round ends the line is idle right after each delivery, so the timeout is due at once
 * (Linux's driver handles RX and RT alike). Reading the FIFO does not pull more host input in:
 * only the input layer delivers, at a round's end (core/replay.h).
 */
static void pl011_receive(void *opaque, u8 c)
{
    struct pl011 *s = opaque;
    s->rx[(s->rx_head + s->rx_count++) % PL011_FIFO_DEPTH] = c;
    s->ris |= PL011_INT_RX | PL011_INT_RT;
    pl011_update(s);
}

static enum dev_status pl011_read(void *dev, u64 off, unsigned size, u64 *val)
{
    struct pl011 *s = dev;
    u32 v = 0;
    switch (off) {
    case UARTDR:
        if (s->rx_count) {
            v = s->rx[s->rx_head];
            s->rx_head = (s->rx_head + 1) % PL011_FIFO_DEPTH;
            s->rx_count--;
        }
        if (!s->rx_count)
            s->ris &= ~(PL011_INT_RX | PL011_INT_RT);
        s->rsr = v >> 8;
        pl011_update(s);
        break;
    case UARTRSR: v = s->rsr; break;
    case UARTFR:
        v = PL011_FR_TXFE | (s->rx_count ? 0 : PL011_FR_RXFE) |
            (s->rx_count >= rx_depth(s) ? PL011_FR_RXFF : 0);
        break;
    case UARTILPR: v = s->ilpr; break;
    case UARTIBRD: v = s->ibrd; break;
    case UARTFBRD: v = s->fbrd; break;
    case UARTLCR_H: v = s->lcr_h; break;
    case UARTCR: v = s->cr; break;
    case UARTIFLS: v = s->ifls; break;
    case UARTIMSC: v = s->imsc; break;
    case UARTRIS: v = s->ris; break;
    case UARTMIS: v = s->ris & s->imsc; break;
    case UARTDMACR: v = s->dmacr; break;
    default:
        if (off >= UARTPeriphID0 && off < 0x1000)
            v = pl011_id[(off - UARTPeriphID0) / 4];
        else if (unlikely(log_mask & LOG_UNIMP))
            log_printf("pl011: read of unimplemented register %#llx\n", (unsigned long long)off);
    }
    *val = v;
    return DEV_OK;
}

static enum dev_status pl011_write(void *dev, u64 off, unsigned size, u64 val)
{
    struct pl011 *s = dev;
    u32 v = (u32)val;
    switch (off) {
    case UARTDR: {
        u8 c = (u8)v;
        if (s->chr)
            chardev_write(s->chr, &c, 1);
        /* The character left at once: the transmit FIFO is at or below any trigger level. */
        s->ris |= PL011_INT_TX;
        break;
    }
    case UARTRSR: s->rsr = 0; break; /* UARTECR: any write clears the errors */
    case UARTILPR: s->ilpr = v & 0xff; break;
    case UARTIBRD: s->ibrd = v & 0xffff; break;
    case UARTFBRD: s->fbrd = v & 0x3f; break;
    case UARTLCR_H:
        /* Disabling the FIFOs leaves a one-character holding register. */
        if ((s->lcr_h ^ v) & LCR_H_FEN)
            s->rx_count = s->rx_head = 0;
        s->lcr_h = v & 0xff;
        break;
    case UARTCR: s->cr = v & 0xff87; break;
    case UARTIFLS: s->ifls = v & 0x3f; break;
    case UARTIMSC: s->imsc = v & 0x7ff; break;
    case UARTICR: s->ris &= ~v; break;
    case UARTDMACR: s->dmacr = v & 7; break;
    default:
        if (unlikely(log_mask & LOG_UNIMP))
            log_printf("pl011: write to read-only/unimplemented register %#llx\n",
                       (unsigned long long)off);
    }
    pl011_update(s);
    return DEV_OK;
}

const struct dev_ops pl011_ops = {.read = pl011_read, .write = pl011_write};

void pl011_reset(struct pl011 *s)
{
    s->rx_head = s->rx_count = 0;
    s->rsr = s->ilpr = s->ibrd = s->fbrd = s->lcr_h = s->imsc = s->ris = s->dmacr = 0;
    s->cr = 0x300;  /* TXE, RXE (DDI 0183G 3.3.8 reset value) */
    s->ifls = 0x12; /* half-full triggers */
    pl011_update(s);
}

void pl011_init(struct pl011 *s, struct chardev *chr, struct irq_line irq)
{
    memset(s, 0, sizeof(*s));
    s->chr = chr;
    s->irq = irq;
    if (chr)
        chardev_set_frontend(chr, pl011_can_receive, pl011_receive, s);
    pl011_reset(s);
}

/* Snapshot section "pl011": registers, the RX FIFO, and the host input the character back-end
 * has queued but not delivered yet (typed before the snapshot; delivered after a load). The
 * interrupt output is a function of RIS and IMSC; its level in the GIC is the GIC's state. */
static void pl011_save(void *opaque, struct snap_writer *w)
{
    struct pl011 *s = opaque;
    for (unsigned i = 0; i < PL011_FIFO_DEPTH; i++)
        snap_put_u16(w, s->rx[i]);
    snap_put_u32(w, s->rx_head);
    snap_put_u32(w, s->rx_count);
    const u32 regs[] = {s->rsr, s->ilpr, s->ibrd, s->fbrd, s->lcr_h,
                        s->cr, s->ifls, s->imsc, s->ris, s->dmacr};
    for (size_t i = 0; i < ARRAY_SIZE(regs); i++)
        snap_put_u32(w, regs[i]);
    u32 qlen = s->chr ? s->chr->qlen : 0;
    snap_put_u32(w, qlen);
    for (u32 i = 0; i < qlen; i++)
        snap_put_u8(w, s->chr->queue[(s->chr->qhead + i) % CHARDEV_QUEUE]);
}

static void pl011_load(void *opaque, struct snap_reader *r, u32 version)
{
    struct pl011 *s = opaque;
    for (unsigned i = 0; i < PL011_FIFO_DEPTH; i++)
        s->rx[i] = snap_get_u16(r);
    s->rx_head = snap_get_u32(r);
    s->rx_count = snap_get_u32(r);
    u32 *const regs[] = {&s->rsr, &s->ilpr, &s->ibrd, &s->fbrd, &s->lcr_h,
                         &s->cr, &s->ifls, &s->imsc, &s->ris, &s->dmacr};
    for (size_t i = 0; i < ARRAY_SIZE(regs); i++)
        *regs[i] = snap_get_u32(r);
    if (!snap_failed(r) && (s->rx_head >= PL011_FIFO_DEPTH || s->rx_count > PL011_FIFO_DEPTH))
        snap_fail(r, "bad RX FIFO position %u+%u", s->rx_head, s->rx_count);
    u32 qlen = snap_get_u32(r);
    if (!snap_failed(r) && qlen > CHARDEV_QUEUE)
        snap_fail(r, "%u bytes of queued input, at most %u", qlen, CHARDEV_QUEUE);
    if (snap_failed(r))
        return;
    u8 q[CHARDEV_QUEUE];
    snap_get_bytes(r, q, qlen);
    if (s->chr) { /* already past escape handling: queued as is */
        memcpy(s->chr->queue, q, qlen);
        s->chr->qhead = 0;
        s->chr->qlen = qlen;
    }
}

void pl011_snap_register(struct machine *m, struct pl011 *s)
{
    snap_register(m, "pl011", 1, pl011_save, pl011_load, s);
}
