/* SPDX-License-Identifier: MIT */
/*
 * Reverse execution for the gdbstub (gdb's bs/bc packets): in-memory checkpoints
 * (core/snapshot.h) taken at round ends while a debugger is attached, and deterministic
 * re-execution from them to a position in the past (docs/DEBUGGING.md "Reverse execution").
 *
 * A position is the global instruction count (vclock.icount) or a vCPU's own count; the
 * machine loop stops there exactly (struct debug_target). Going back = restore the latest
 * checkpoint before the target and run forward to it; the run in between is the same run
 * (same schedule, same inputs), so the state is the one the machine had.
 */
#ifndef EMU_CORE_REVERSE_H
#define EMU_CORE_REVERSE_H

#include <stddef.h>

#include "core/types.h"

struct machine;

enum reverse_result {
    REVERSE_RUNNING, /* the machine runs forward to the target; a pause ends the pass */
    REVERSE_DONE,    /* stopped at the target (report the stop) */
    REVERSE_BEGIN,   /* at the beginning of the recorded history (replaylog:begin) */
    REVERSE_ERROR,   /* refused, with a message */
};

/* A debugger attached: the history begins here (the first checkpoint). */
void reverse_start(struct machine *m);
/* The debugger left: forget the history. */
void reverse_stop(void);
/* At a round end of a running machine: take a checkpoint if one is due. */
void reverse_round_end(struct machine *m);
/* The machine was loaded from a named snapshot (loadvm): the history (if any) describes
 * another timeline; it restarts here, and guest output from here on is printed. */
void reverse_loaded(struct machine *m);
/* The debugger changed registers or memory: checkpoints after now describe another future. */
void reverse_state_changed(struct machine *m);

/* reverse-stepi of vCPU cpu: back to just before its previous instruction. */
enum reverse_result reverse_step(struct machine *m, int cpu, char *err, size_t errlen);
/* reverse-continue: back to the latest breakpoint or watchpoint hit before now. */
enum reverse_result reverse_continue(struct machine *m, char *err, size_t errlen);
/* The machine paused while a reverse operation runs: RUNNING if it goes on with another pass,
 * else how it ended. */
enum reverse_result reverse_paused(struct machine *m);
/* A reverse operation is under way (its passes' pauses are not stops to report). */
bool reverse_busy(void);

/* `info reverse` and `reverse-interval N` monitor commands. */
void reverse_monitor_register(void);

#endif
