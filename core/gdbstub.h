/* SPDX-License-Identifier: MIT */
/*
 * GDB remote serial protocol server (gdb's "Remote Protocol" appendix): packet layer, the
 * architecture-neutral command set, and the interface each architecture implements.
 */
#ifndef EMU_CORE_GDBSTUB_H
#define EMU_CORE_GDBSTUB_H

#include <stddef.h>

#include "core/types.h"

struct machine;
struct vcpu;

/* What an architecture provides to the stub. Register numbers are gdb's, in the order of the
 * target description; the 'g' packet carries registers 0..num_regs-1 in that order. */
struct gdb_arch_ops {
    /* The target description document for an qXfer:features:read annex ("target.xml"), or
     * NULL if there is no such annex. */
    const char *(*target_xml)(const char *annex);
    int num_regs;
    /* Read register n of v into buf (target byte order); returns its size in bytes, 0 if n
     * does not exist. */
    int (*read_reg)(struct vcpu *v, int n, u8 *buf);
    /* Write register n from len bytes; false if n does not exist or is read-only. */
    bool (*write_reg)(struct vcpu *v, int n, const u8 *buf, size_t len);
    /* Virtual memory through v's current translation regime. Never raises a guest exception;
     * false if any byte is not translatable or not RAM/ROM. Writes keep decoded code
     * coherent. */
    bool (*read_mem)(struct vcpu *v, u64 va, u8 *buf, size_t len);
    bool (*write_mem)(struct vcpu *v, u64 va, const u8 *buf, size_t len);
    u64 (*get_pc)(struct vcpu *v);
    void (*set_pc)(struct vcpu *v, u64 pc);
    /* Is a breakpoint of this kind (Z packet "kind": instruction size) valid at addr? */
    bool (*bp_valid)(u64 addr, unsigned kind);
    /* The watchpoint list changed: drop whatever lets accesses bypass the check (fast TLB). */
    void (*watch_changed)(struct vcpu *v);
    /* One line of description for qThreadExtraInfo ("EL1 SP_EL1"). */
    void (*thread_info)(struct vcpu *v, char *buf, size_t len);
};

/* The architecture of the machine's vCPUs, looked up by vcpu_ops.arch. */
const struct gdb_arch_ops *gdb_arch_find(const char *arch);

/* Start listening on spec ("tcp::PORT" or "tcp:127.0.0.1:PORT"; only the loopback interface
 * is ever bound). Chains itself into m->poll. False with a message in err on failure. */
/* Check a -gdb spec and extract its port; false with a message in err. */
bool gdbstub_parse_spec(const char *spec, int *port, char *err, size_t errlen);
bool gdbstub_open(struct machine *m, const char *spec, char *err, size_t errlen);
void gdbstub_close(void);

/* Reverse execution (bs/bc) is core/reverse.h, driven by the stub. */

/* Packet layer, exposed for unit tests. */
#define GDB_PACKET_MAX 16384

enum gdb_rx_event {
    GDB_RX_NONE,     /* byte consumed, nothing complete */
    GDB_RX_PACKET,   /* a packet with a good checksum: rx->buf[0..len) */
    GDB_RX_BADSUM,   /* a packet with a bad checksum (NAK it) */
    GDB_RX_INTR,     /* 0x03 outside a packet */
    GDB_RX_ACK,      /* '+' */
    GDB_RX_NAK,      /* '-' */
};

struct gdb_rx {
    int state;
    size_t len;
    u8 sum, got;
    bool overflow;
    char buf[GDB_PACKET_MAX + 1]; /* NUL-terminated payload, still escaped */
};

void gdb_rx_init(struct gdb_rx *rx);
enum gdb_rx_event gdb_rx_byte(struct gdb_rx *rx, u8 c);
/* Modulo-256 sum of the payload bytes. */
u8 gdb_checksum(const void *data, size_t len);
/* Frame payload as "$...#cc" into out, escaping '#', '$', '}' and '*' (0x7d, then byte ^ 0x20).
 * Returns the framed length, or 0 if it does not fit in cap. No run-length encoding is emitted. */
size_t gdb_frame(char *out, size_t cap, const void *payload, size_t len);
/* Undo binary escaping in place (X packet data); returns the new length. */
size_t gdb_unescape(u8 *data, size_t len);
/* Expand run-length encoding ("X*n": repeat X n-29 times) from in into out; returns the
 * length, or (size_t)-1 if it does not fit. Only replies carry RLE; for test symmetry. */
size_t gdb_rle_decode(const char *in, size_t len, char *out, size_t cap);
/* Hex helpers. */
void gdb_hex_encode(char *out, const u8 *in, size_t len);
bool gdb_hex_decode(u8 *out, const char *in, size_t len);
/* Parse a hex number at *p, advancing it; false if there are no hex digits. */
bool gdb_parse_hex(const char **p, u64 *val);

#endif
