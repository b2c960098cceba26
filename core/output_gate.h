/* SPDX-License-Identifier: MIT */
/*
 * Host-visible guest output across reverse re-execution (docs/DEBUGGING.md "Reverse
 * execution"). Each output stream (a serial chardev, the semihosting console) counts the
 * bytes the guest has produced in this timeline (pos) and the most it ever emitted to the
 * host (live). Re-executing from a checkpoint rewinds pos; bytes below live were printed
 * already and are swallowed, and output resumes at exactly the byte where the live run
 * stopped, even inside one write.
 */
#ifndef EMU_CORE_OUTPUT_GATE_H
#define EMU_CORE_OUTPUT_GATE_H

#include <stddef.h>

#include "core/types.h"

#define OUTPUT_GATE_MAX 8

/* A stream's id (stable for the process: streams are created at machine setup); -1 (not
 * gated) past OUTPUT_GATE_MAX streams. */
int output_gate_register(const char *name);
/* The guest writes len bytes on stream id: returns how many leading bytes to drop (they were
 * output before); the rest goes to the host. */
size_t output_gate_skip(int id, size_t len);

/* Positions of every stream, kept with a reverse checkpoint and put back when it is restored. */
struct output_gate_pos {
    u64 pos[OUTPUT_GATE_MAX];
};
void output_gate_save(struct output_gate_pos *p);
void output_gate_restore(const struct output_gate_pos *p);
/* A new timeline starts here (loadvm, the debugger changed the state): what follows was never
 * output, so nothing is swallowed. */
void output_gate_new_timeline(void);

#endif
