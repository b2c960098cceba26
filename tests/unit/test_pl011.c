/* SPDX-License-Identifier: MIT */
/* Unit tests of the PL011 UART model and the character back-end input queue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hw/pl011.h"

static int failures;
#define CHECK(c)                                                                               \
    do {                                                                                       \
        if (!(c)) {                                                                            \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                \
            failures++;                                                                        \
        }                                                                                      \
    } while (0)

static int irq_level;
static void set_irq(void *ctl, int n, int level)
{
    irq_level = level;
}

static u32 rd(struct pl011 *s, u64 off)
{
    u64 v;
    pl011_ops.read(s, off, 4, &v);
    return (u32)v;
}
static void wr(struct pl011 *s, u64 off, u32 v)
{
    pl011_ops.write(s, off, 4, v);
}

int main(void)
{
    char path[] = "/tmp/emu-pl011-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    char spec[64];
    snprintf(spec, sizeof(spec), "file:%s", path);
    struct chardev *ch = chardev_open(spec, NULL);
    static struct pl011 s;
    pl011_init(&s, ch, (struct irq_line){set_irq, NULL, 1});

    /* identification for the AMBA probe */
    static const u8 id[8] = {0x11, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};
    for (int i = 0; i < 8; i++)
        CHECK(rd(&s, 0xfe0 + 4 * i) == id[i]);
    CHECK(rd(&s, 0x018) == (PL011_FR_TXFE | PL011_FR_RXFE));
    CHECK(rd(&s, 0x030) == 0x300);

    /* transmit: output and TX interrupt */
    wr(&s, 0x038, PL011_INT_TX);
    CHECK(!irq_level);
    wr(&s, 0x000, 'h');
    wr(&s, 0x000, 'i');
    CHECK(irq_level && rd(&s, 0x040) == PL011_INT_TX);
    wr(&s, 0x044, PL011_INT_TX);
    CHECK(!irq_level && rd(&s, 0x03c) == 0);
    fflush(ch->out);
    FILE *f = fopen(path, "rb");
    char buf[8] = {0};
    CHECK(f && fread(buf, 1, sizeof(buf), f) == 2 && !strcmp(buf, "hi"));
    if (f)
        fclose(f);
    unlink(path);

    /* receive with FIFOs disabled: one character at a time */
    wr(&s, 0x038, PL011_INT_RX | PL011_INT_RT);
    chardev_queue_input(ch, (const u8 *)"ab", 2);
    chardev_deliver_input(ch);
    CHECK(irq_level && (rd(&s, 0x040) & PL011_INT_RX));
    CHECK((rd(&s, 0x018) & (PL011_FR_RXFE | PL011_FR_RXFF)) == PL011_FR_RXFF);
    CHECK(rd(&s, 0x000) == 'a');
    /* reading DR does not pull host input in: the next delivery (a round end) does */
    CHECK(!irq_level && (rd(&s, 0x018) & PL011_FR_RXFE) && ch->qlen == 1);
    chardev_deliver_input(ch);
    CHECK(irq_level && rd(&s, 0x000) == 'b');
    CHECK(!irq_level && (rd(&s, 0x018) & PL011_FR_RXFE));

    /* FIFO enabled: 16 entries, overflow stays queued in the back-end */
    wr(&s, 0x02c, 0x70);
    u8 many[20];
    for (int i = 0; i < 20; i++)
        many[i] = (u8)('A' + i);
    chardev_queue_input(ch, many, 20);
    chardev_deliver_input(ch);
    CHECK(s.rx_count == PL011_FIFO_DEPTH && ch->qlen == 4);
    int n = 0;
    for (int round = 0; round < 2; round++) {
        while (!(rd(&s, 0x018) & PL011_FR_RXFE))
            CHECK(rd(&s, 0x000) == (u32)('A' + n++));
        chardev_deliver_input(ch);
    }
    CHECK(n == 20);

    /* Ctrl-A escapes: C-a C-a sends one C-a; C-a h is not input */
    ch->escapes = true;
    chardev_queue_input(ch, (const u8 *)"\x01\x01\x01h", 4);
    CHECK(ch->qlen == 1 && ch->queue[ch->qhead] == 1);

    printf("%s: %s\n", __FILE__, failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
