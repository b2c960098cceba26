/* SPDX-License-Identifier: MIT */
/*
 * The input layer: the one place where anything from outside the emulated machine (terminal
 * bytes, network frames, host values read at start) reaches the guest, and the record/replay
 * log and in-memory journal built on it (docs/DETERMINISM.md).
 *
 * Host back-ends never hand input to a device directly. They keep it in a host-side buffer;
 * at every round's end (machine_at_round_end(), never while paused mid-round) the layer asks
 * each input channel to take what the guest can accept now, logs it with the round number,
 * instruction count and virtual time, and the channel delivers it. Replaying delivers the
 * logged payloads at the same round ends instead, and host input is not read at all.
 *
 * One machine per process: the layer's state is global, like the back-ends'.
 */
#ifndef EMU_CORE_REPLAY_H
#define EMU_CORE_REPLAY_H

#include <stddef.h>
#include <stdio.h>

#include "core/types.h"

struct machine;
struct emu_config;

/* Record kinds, as stored in the log (never renumber). */
enum replay_kind {
    REPLAY_SERIAL = 1, /* bytes into a serial front-end */
    REPLAY_NET = 2,    /* one frame into a NIC */
    REPLAY_VALUE = 3,  /* a host value read while the machine is built (RTC base, rng seed) */
    REPLAY_DIGEST = 4, /* the machine's state digest, checked on replay */
    REPLAY_END = 5,    /* the trailer: the run ended here; payload = final digest */
    REPLAY_SYNC = 6,   /* a byte the guest read synchronously, mid-run (semihosting stdin) */
    REPLAY_NKINDS
};

/* Channel callbacks. take(): move host input the guest can accept now from the host-side
 * buffer into the guest and copy what was moved into buf (at most cap bytes); return its
 * length, 0 when there is nothing (more) to deliver. deliver(): give the guest a payload taken
 * earlier (replay, or journal re-delivery after a restore); return false if the guest cannot
 * accept it (a divergence). */
typedef size_t (*replay_take_fn)(void *opaque, u8 *buf, size_t cap);
typedef bool (*replay_deliver_fn)(void *opaque, const u8 *buf, size_t len);

/* Register an input channel (serial port, NIC) while the machine is built; channels are
 * numbered in registration order, which the command line fixes. */
void replay_channel_add(enum replay_kind kind, const char *name, replay_take_fn take,
                        replay_deliver_fn deliver, void *opaque);

/* A host value read while the machine is built (the RTC base with -rtc base=utc, a virtio-rng
 * seed with entropy=host): returns live (and logs it) when live or recording, the recorded
 * value when replaying. fatal() if the log has no such value next. */
u64 replay_host_value(const char *name, u64 live);

/* A byte of host input the guest reads synchronously in the middle of an instruction
 * (semihosting SYS_READ/SYS_READC on stdin): live_getc() is called and its result logged when
 * live or recording; replaying returns the logged byte (or EOF) without reading the host. */
int replay_sync_getc(int (*live_getc)(void));

/* True while replaying a log: host input sources must not be read (stdin, host sockets). */
bool replay_playing(void);
/* True while recording a log. */
bool replay_recording(void);

/* -record FILE / -replay FILE, before the command line is parsed: with -replay, the machine
 * options recorded in the log are put in front of the given ones (which may only repeat them
 * or add options that do not change the guest: -d, -D, -serial, -monitor, -gdb...). The log is
 * read and every record's CRC checked here, before anything runs. Returns 0, or the exit status
 * with a message in err (2: usage, 1: bad log). *out_argv stays valid for the whole run. */
int replay_cli_args(int argc, char **argv, int *out_argc, char ***out_argv, char *err,
                    size_t errlen);
/* After the command line is parsed, before the machine is built: recording hashes the images
 * and opens the log; replaying checks the image hashes. fatal() on a mismatch. */
void replay_setup(struct emu_config *cfg);
/* After the machine, the monitor and the gdbstub are set up, before -loadvm: hook the round
 * ends (the layer's poll runs after the monitor's and the gdbstub's) and register the "replay"
 * snapshot section. */
void replay_attach(struct machine *m);
/* After machine_run(): write the trailer (recording), check the final digest (replaying),
 * print the digest with -digest-on-exit. Returns the exit status to use. */
int replay_finish(struct machine *m, int status);
/* -digest-on-exit: print the machine digest when the run ends. */
void replay_set_digest_on_exit(bool on);

/* The state digest: per vCPU the general registers, pc and flags in clear (for a precise
 * divergence message) and a hash of every register; a hash of RAM (a rotating window of
 * `window` bytes per call, or all of it when window is 0). Used by the log and tests. */
void replay_digest_print(struct machine *m, FILE *out);

/* Reverse debugging (docs/DETERMINISM.md "Journal"). In a live run the layer keeps every
 * delivered input in memory when the journal is enabled (always when recording). The cursor
 * (the next input to deliver) is machine state: a snapshot saves it; after snapshot_restore()
 * to an earlier point the inputs journaled after that point are delivered again at their
 * rounds, and host input waits in its host-side buffers until execution passes the round
 * where the journal ends. */
void replay_journal_enable(struct machine *m);
/* Point the cursor at the first journaled input of the machine's current round or later: the
 * inputs of round r are delivered at its end, so a machine restored anywhere inside round r (or
 * at its end, before the poll) has received exactly those before. The "replay" snapshot section
 * does this itself; this is for restores that bypass it. */
void replay_journal_seek(struct machine *m);
/* Register the "replay" snapshot section (the cursor); replay_attach() does it. */
void replay_snap_register(struct machine *m);
/* Inputs held in the journal, and the round below which inputs come from it. */
size_t replay_journal_count(void);
u64 replay_journal_live_round(void);

/* A snapshot NAME was saved at icount: a recording notes it in the log (a value record
 * "snapshot:NAME", after the snapshot's cursor, which tools/replay-info lists). */
void replay_note_snapshot(const char *name, u64 icount);

/* Forget every channel, the journal and the mode (unit tests build several machines). */
void replay_reset(void);

#endif
