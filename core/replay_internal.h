/* SPDX-License-Identifier: MIT */
/* Record/replay internals shared by core/replay*.c: the log format, events, digests. */
#ifndef EMU_CORE_REPLAY_INTERNAL_H
#define EMU_CORE_REPLAY_INTERNAL_H

#include <stdio.h>

#include "core/replay.h"
#include "core/sha256.h"

/*
 * The log file (all integers little-endian):
 *   header: "EMURPLAY", u32 version, u32 body length, body, u32 CRC-32 of the body
 *     body: str emu version; u32 n, n x str: the whole command line (for people);
 *           u32 n, n x str: its machine options (what a replay must repeat);
 *           u32 n, n x {str role, str path, u8[32] SHA-256}: the images at start;
 *           u64 digest interval (instructions); u64 RAM bytes hashed per digest
 *   records: u8 kind, u8 0, u16 channel, u32 length, u64 round, u64 icount, u64 vtime_ns,
 *            payload, u32 CRC-32 of the 32-byte head and the payload
 *   the last record of a complete log is REPLAY_END.
 * str = u16 length + bytes.
 */
#define REPLAY_MAGIC "EMURPLAY"
#define REPLAY_VERSION 1u
#define REPLAY_HEAD_BYTES 32
#define REPLAY_MAX_PAYLOAD (1u << 20)

struct rp_event {
    u8 kind;
    u16 channel;
    u32 len;
    u64 round, icount, vtime;
    u8 *payload;
};

struct rp_image {
    char *role, *path;
    u8 sha[SHA256_BYTES];
};

#define RP_MAX_ARGS 256
#define RP_MAX_IMAGES 40

struct rp_header {
    const char *emu_version;
    char *argv[RP_MAX_ARGS]; /* the whole command line, without argv[0] */
    int argc;
    char *args[RP_MAX_ARGS]; /* its machine options */
    int nargs;
    struct rp_image img[RP_MAX_IMAGES];
    int nimg;
    u64 digest_every, ram_window;
};

/* A growable byte buffer for building headers and records. */
struct rp_buf {
    u8 *p;
    size_t n, cap;
};
void rp_put(struct rp_buf *b, const void *p, size_t n);
void rp_put_u16(struct rp_buf *b, u16 v);
void rp_put_u32(struct rp_buf *b, u32 v);
void rp_put_u64(struct rp_buf *b, u64 v);
void rp_put_str(struct rp_buf *b, const char *s);
u32 rp_crc32(const void *p, size_t n, u32 crc);

/* Reading side: a cursor over bytes; any overrun sets bad. */
struct rp_cur {
    const u8 *p;
    size_t n, off;
    bool bad;
};
u16 rp_get_u16(struct rp_cur *c);
u32 rp_get_u32(struct rp_cur *c);
u64 rp_get_u64(struct rp_cur *c);
char *rp_get_str(struct rp_cur *c); /* malloc'd */
void rp_get(struct rp_cur *c, void *p, size_t n);

/* The whole log, read and checked: header, records, whether the trailer is there. */
struct rp_log {
    struct rp_header h;
    struct rp_event *ev;
    size_t nev;
    bool complete;
};
/* Read and check a log; false with a message in err (bad magic, version, CRC...). */
bool rp_log_read(const char *path, struct rp_log *log, char *err, size_t errlen);
void rp_header_write(FILE *f, const struct rp_header *h);
void rp_event_write(FILE *f, const struct rp_event *e);

/* Digests: the payload of REPLAY_DIGEST and REPLAY_END records. ram_window 0 = all RAM;
 * *ram_pos is the rotating window's start, advanced by the call. */
/* What replay_cli_args() found: the machine options of the command line (recording) or the
 * log to replay. */
extern struct rp_header rp_cli_header;
extern struct rp_log rp_cli_log;

struct machine;
void rp_digest(struct machine *m, struct rp_buf *out, u64 ram_window, u64 *ram_pos);
/* Compare a recorded digest with the machine now; false with what differed in why. */
bool rp_digest_check(struct machine *m, const u8 *rec, size_t len, char *why, size_t whylen,
                     int *cpu);
/* One line: icount, vtime, a hash of the registers of every vCPU and of all RAM. */
void rp_digest_line(struct machine *m, char *out, size_t len);

#endif
