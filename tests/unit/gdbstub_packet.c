/* SPDX-License-Identifier: MIT */
/* Unit tests of the gdbstub packet layer (core/gdb_packet.c): receive state machine, checksums,
 * acks and Ctrl-C, framing with escapes, binary unescaping, RLE, hex. */
#include "core/gdbstub.h"
#include "tests/unit/check.h"

static enum gdb_rx_event feed(struct gdb_rx *rx, const char *s, size_t len)
{
    enum gdb_rx_event last = GDB_RX_NONE;
    for (size_t i = 0; i < len; i++) {
        enum gdb_rx_event e = gdb_rx_byte(rx, (u8)s[i]);
        if (e != GDB_RX_NONE)
            last = e;
    }
    return last;
}

static void test_rx(void)
{
    static struct gdb_rx rx;
    gdb_rx_init(&rx);
    CHECK_EQ(feed(&rx, "$g#67", 5), GDB_RX_PACKET);
    CHECK_EQ(rx.len, 1);
    CHECK(!strcmp(rx.buf, "g"));
    CHECK_EQ(feed(&rx, "$g#68", 5), GDB_RX_BADSUM);
    CHECK_EQ(feed(&rx, "$g#6z", 5), GDB_RX_BADSUM);
    CHECK_EQ(feed(&rx, "$m40080000,4#59", 15), GDB_RX_PACKET);
    CHECK(!strcmp(rx.buf, "m40080000,4"));
    CHECK_EQ(feed(&rx, "$qC#B4", 6), GDB_RX_PACKET); /* upper-case checksum digits */
    CHECK_EQ(gdb_rx_byte(&rx, 0x03), GDB_RX_INTR);
    CHECK_EQ(gdb_rx_byte(&rx, '+'), GDB_RX_ACK);
    CHECK_EQ(gdb_rx_byte(&rx, '-'), GDB_RX_NAK);
    /* Inside a packet, 0x03 and '$' are data (binary X packets). */
    char pkt[16] = "$X\x03$#00";
    u8 sum = gdb_checksum("X\x03$", 3);
    snprintf(pkt + 5, sizeof(pkt) - 5, "%02x", sum);
    CHECK_EQ(feed(&rx, pkt, 7), GDB_RX_PACKET);
    CHECK_EQ(rx.len, 3);
    CHECK_EQ((u8)rx.buf[1], 3);
    /* Line noise between packets is ignored. */
    CHECK_EQ(feed(&rx, "xyz$?#3f", 8), GDB_RX_PACKET);
    CHECK(!strcmp(rx.buf, "?"));
    /* An overlong packet is rejected, and the next one is fine. */
    CHECK_EQ(gdb_rx_byte(&rx, '$'), GDB_RX_NONE);
    for (int i = 0; i < GDB_PACKET_MAX + 10; i++)
        gdb_rx_byte(&rx, 'a');
    CHECK_EQ(feed(&rx, "#00", 3), GDB_RX_BADSUM);
    CHECK_EQ(feed(&rx, "$g#67", 5), GDB_RX_PACKET);
}

static void test_frame(void)
{
    char out[64];
    CHECK_EQ(gdb_checksum("OK", 2), 0x9a);
    size_t n = gdb_frame(out, sizeof(out), "OK", 2);
    CHECK_EQ(n, 6);
    CHECK(!memcmp(out, "$OK#9a", 6));
    n = gdb_frame(out, sizeof(out), "", 0);
    CHECK(n == 4 && !memcmp(out, "$#00", 4));
    /* '#', '$', '}' and '*' are escaped as '}' then the byte ^ 0x20; the checksum covers the
     * escaped form. */
    n = gdb_frame(out, sizeof(out), "a#$}*", 5);
    CHECK_EQ(n, 1 + 9 + 3);
    CHECK(!memcmp(out, "$a}\x03}\x04}]}\x0a#", 11));
    CHECK_EQ(strtoul(out + 11, NULL, 16) & 0xff, gdb_checksum(out + 1, 9));
    CHECK_EQ(gdb_frame(out, 5, "OK", 2), 0); /* does not fit */
}

static void test_unescape_rle_hex(void)
{
    u8 data[] = {'a', '}', 0x03, '}', 0x5d, 'b'};
    CHECK_EQ(gdb_unescape(data, sizeof(data)), 4);
    CHECK(data[0] == 'a' && data[1] == '#' && data[2] == '}' && data[3] == 'b');
    char out[32];
    CHECK_EQ(gdb_rle_decode("0* ", 3, out, sizeof(out)), 4); /* ' ' = 32: 3 more */
    CHECK(!memcmp(out, "0000", 4));
    CHECK_EQ(gdb_rle_decode("0*~", 3, out, 8), (size_t)-1);
    char hex[9];
    const u8 bytes[] = {0xde, 0xad, 0x00, 0x7f};
    gdb_hex_encode(hex, bytes, 4);
    CHECK(!strcmp(hex, "dead007f"));
    u8 back[4];
    CHECK(gdb_hex_decode(back, "DEad007F", 4) && !memcmp(back, bytes, 4));
    CHECK(!gdb_hex_decode(back, "zz", 1));
    const char *p = "40080fdc,4";
    u64 v;
    CHECK(gdb_parse_hex(&p, &v) && v == 0x40080fdc && *p == ',');
    p = ",4";
    CHECK(!gdb_parse_hex(&p, &v));
}

int main(void)
{
    test_rx();
    test_frame();
    test_unescape_rle_hex();
    return check_exit("gdbstub_packet");
}
