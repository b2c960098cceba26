/* SPDX-License-Identifier: MIT */
/*
 * Machine state snapshots: the contract between the snapshot core (core/snapshot.c) and every
 * component that has state (vCPUs, devices, the clock, the scheduler, replay).
 *
 * A component registers one named, versioned section when the machine is built. Saving calls
 * every section's save() in registration order; loading reads sections by name, refuses a
 * missing or unknown one, and passes the saved version to load(). RAM is not a section: the
 * snapshot core stores every RAM region itself (sparse, compressed in files).
 *
 * What is state: everything the guest can observe and everything that decides what it will
 * do next (registers, device registers, FIFOs, armed events with their deadlines and arming
 * order, the schedule position, the replay cursor). What is not: caches (decoded pages, TLBs,
 * fast-path pointers, the last-hit region), which load() drops, and host resources (file
 * descriptors, sockets), which stay as the new process opened them.
 *
 * Snapshots are taken only between runs (never inside a vCPU's run()), so no section sees a
 * half-executed instruction.
 */
#ifndef EMU_CORE_SNAPSHOT_H
#define EMU_CORE_SNAPSHOT_H

#include <stddef.h>

#include "core/types.h"

struct machine;
struct vclock;
struct vevent;
struct snap_writer;
struct snap_reader;

typedef void (*snap_save_fn)(void *opaque, struct snap_writer *w);
/* Read back what save() wrote (version is the saved one); on bad content call snap_fail()
 * and return. Getters after an error return zeros, so load() need not check each one. */
typedef void (*snap_load_fn)(void *opaque, struct snap_reader *r, u32 version);

/* Register a section (name unique within the machine, e.g. "cpu0", "gicv3", "pl011",
 * "virtio-mmio@a000000"). Called from board/device init, before the machine runs. */
void snap_register(struct machine *m, const char *name, u32 version, snap_save_fn save,
                   snap_load_fn load, void *opaque);

/* Writers: fixed-width little-endian fields. */
void snap_put_u8(struct snap_writer *w, u8 v);
void snap_put_u16(struct snap_writer *w, u16 v);
void snap_put_u32(struct snap_writer *w, u32 v);
void snap_put_u64(struct snap_writer *w, u64 v);
void snap_put_bool(struct snap_writer *w, bool v);
void snap_put_bytes(struct snap_writer *w, const void *p, size_t n);
/* An event: whether it is armed, its deadline and its arming sequence number. */
void snap_put_event(struct snap_writer *w, const struct vevent *e);

u8 snap_get_u8(struct snap_reader *r);
u16 snap_get_u16(struct snap_reader *r);
u32 snap_get_u32(struct snap_reader *r);
u64 snap_get_u64(struct snap_reader *r);
bool snap_get_bool(struct snap_reader *r);
void snap_get_bytes(struct snap_reader *r, void *p, size_t n);
/* Re-arm (or leave disarmed) e exactly as saved, keeping its arming order among equal
 * deadlines. */
void snap_get_event(struct snap_reader *r, struct vclock *c, struct vevent *e);
/* Mark the load failed with a message (printf-style); the first failure wins. */
void snap_fail(struct snap_reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool snap_failed(const struct snap_reader *r);

/* Whole-machine snapshots. Each returns false with a one-line reason in err on failure;
 * a failed load leaves the machine unusable only if it got past validation (the caller
 * then exits). */

/* An in-memory checkpoint (reverse debugging, replay seeking). Fast: RAM pages equal to
 * those of `base` (an earlier checkpoint of the same machine, or NULL) are shared with it,
 * not copied. */
struct snap_mem;
struct snap_mem *snapshot_take(struct machine *m, const struct snap_mem *base);
bool snapshot_restore(struct machine *m, const struct snap_mem *s, char *err, size_t errlen);
void snapshot_free(struct snap_mem *s);
size_t snapshot_mem_bytes(const struct snap_mem *s); /* host memory it added when taken */
/* Host memory held by all live checkpoints of the process, each shared page once: what a
 * limit should compare (a page first copied by a freed checkpoint stays while others share it). */
size_t snapshot_mem_total(void);
u64 snapshot_icount(const struct snap_mem *s);      /* the machine's icount when taken */

/* State outside the machine that in-memory checkpoints rewind too: a writable disk image keeps
 * an undo log (hw/block.c). Positions are global icounts: a checkpoint's is its icount when
 * taken (always between runs), a write's is the machine's icount at the start of the run that
 * made it. One machine per process has live checkpoints. */
struct snap_history_ops {
    /* Can the state go back to position pos from now? Else false with a reason in err.
     * snapshot_restore() asks every hook before it changes anything. */
    bool (*can_rewind)(void *opaque, u64 pos, u64 now, char *err, size_t errlen);
    /* Go back to pos (false: host I/O failed, the machine is unusable). */
    bool (*rewind)(void *opaque, u64 pos, char *err, size_t errlen);
    /* A checkpoint was freed: nothing before oldest can be restored any more (or nothing at
     * all: any is false). */
    void (*trim)(void *opaque, bool any, u64 oldest);
};
void snapshot_history_register(const struct snap_history_ops *ops, void *opaque);
void snapshot_history_unregister(void *opaque);
/* The position of the newest live checkpoint at or before the machine's icount now: what a
 * change made now must be undone for. False when no checkpoint is live (nothing to log). */
bool snapshot_history_epoch(u64 *epoch);

/* A snapshot file (savevm/loadvm/-loadvm): versioned, checksummed, RAM sparse and
 * compressed, written to a temporary name and renamed. */
bool snapshot_save_file(struct machine *m, const char *path, char *err, size_t errlen);
bool snapshot_load_file(struct machine *m, const char *path, char *err, size_t errlen);

/* Named snapshots (core/snapshot_monitor.c). The file of NAME: NAME itself if it has a '/',
 * else DIR/NAME.emusnap in the snapshot directory (-snapshot-dir, else the first -drive
 * image's directory, else "."). */
void snapshot_path(const struct machine *m, const char *name, char *buf, size_t len);
/* After the machine is built, before it runs: register the monitor commands, load -loadvm
 * (fatal() on failure), arm -savevm-at. */
void snapshot_start(struct machine *m);

#endif
