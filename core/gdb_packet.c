/* SPDX-License-Identifier: MIT */
/* GDB remote protocol packet layer: framing, checksums, binary escaping, hex (gdb manual,
 * "Remote Protocol", sections "Overview" and "Packets"). */
#include <string.h>

#include "core/gdbstub.h"

enum { RX_IDLE, RX_DATA, RX_SUM1, RX_SUM2 };

void gdb_rx_init(struct gdb_rx *rx)
{
    rx->state = RX_IDLE;
    rx->len = 0;
    rx->overflow = false;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, u8 c)
{
    switch (rx->state) {
    case RX_IDLE:
        if (c == '$') {
            rx->state = RX_DATA;
            rx->len = 0;
            rx->sum = 0;
            rx->overflow = false;
            return GDB_RX_NONE;
        }
        if (c == 0x03)
            return GDB_RX_INTR;
        if (c == '+')
            return GDB_RX_ACK;
        if (c == '-')
            return GDB_RX_NAK;
        return GDB_RX_NONE; /* line noise between packets */
    case RX_DATA:
        if (c == '#') {
            rx->state = RX_SUM1;
            return GDB_RX_NONE;
        }
        rx->sum += c;
        if (rx->len < GDB_PACKET_MAX)
            rx->buf[rx->len++] = (char)c;
        else
            rx->overflow = true;
        return GDB_RX_NONE;
    case RX_SUM1: {
        int h = hexval(c);
        rx->got = (u8)((h < 0 ? 0 : h) << 4);
        rx->state = h < 0 ? RX_IDLE : RX_SUM2;
        return h < 0 ? GDB_RX_BADSUM : GDB_RX_NONE;
    }
    default: {
        int h = hexval(c);
        rx->state = RX_IDLE;
        rx->buf[rx->len] = 0;
        if (h < 0 || (u8)(rx->got | h) != rx->sum || rx->overflow)
            return GDB_RX_BADSUM;
        return GDB_RX_PACKET;
    }
    }
}

u8 gdb_checksum(const void *data, size_t len)
{
    const u8 *p = data;
    u8 s = 0;
    for (size_t i = 0; i < len; i++)
        s += p[i];
    return s;
}

size_t gdb_frame(char *out, size_t cap, const void *payload, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const u8 *p = payload;
    size_t n = 0;
    u8 sum = 0;
    if (cap < 4)
        return 0;
    out[n++] = '$';
    for (size_t i = 0; i < len; i++) {
        u8 c = p[i];
        bool esc = c == '#' || c == '$' || c == '}' || c == '*';
        if (n + (esc ? 2 : 1) + 3 > cap)
            return 0;
        if (esc) {
            out[n++] = '}';
            sum += '}';
            c ^= 0x20;
        }
        out[n++] = (char)c;
        sum += c;
    }
    out[n++] = '#';
    out[n++] = hex[sum >> 4];
    out[n++] = hex[sum & 15];
    return n;
}

size_t gdb_unescape(u8 *data, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '}' && i + 1 < len)
            data[o++] = data[++i] ^ 0x20;
        else
            data[o++] = data[i];
    }
    return o;
}

size_t gdb_rle_decode(const char *in, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (in[i] == '*' && o > 0 && i + 1 < len) {
            int rep = (u8)in[++i] - 29;
            if (rep < 0 || o + (size_t)rep > cap)
                return (size_t)-1;
            memset(out + o, out[o - 1], (size_t)rep);
            o += (size_t)rep;
            continue;
        }
        if (o == cap)
            return (size_t)-1;
        out[o++] = in[i];
    }
    return o;
}

void gdb_hex_encode(char *out, const u8 *in, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len; i++) {
        out[2 * i] = hex[in[i] >> 4];
        out[2 * i + 1] = hex[in[i] & 15];
    }
    out[2 * len] = 0;
}

bool gdb_hex_decode(u8 *out, const char *in, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        int h = hexval(in[2 * i]), l = h < 0 ? -1 : hexval(in[2 * i + 1]);
        if (l < 0)
            return false;
        out[i] = (u8)(h << 4 | l);
    }
    return true;
}

bool gdb_parse_hex(const char **p, u64 *val)
{
    const char *s = *p;
    u64 v = 0;
    while (hexval(*s) >= 0)
        v = v << 4 | (u64)hexval(*s++);
    if (s == *p)
        return false;
    *p = s;
    *val = v;
    return true;
}
