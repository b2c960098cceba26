/* SPDX-License-Identifier: MIT */
/* The architecture-neutral view of a virtual CPU, as the execution loop sees it. */
#ifndef EMU_CORE_VCPU_H
#define EMU_CORE_VCPU_H

#include <stdio.h>

#include "core/types.h"

struct vcpu;
struct machine;

struct vcpu_ops {
    const char *arch;
    /* Run while v->run_left > 0, decrementing it once per instruction (an instruction that
     * takes an exception counts). Stops early when the vCPU halts (WFI/WFE, power-off) or
     * the machine shuts down, preferably with vclock_stop_run(&machine->clock) so that the
     * unexecuted rest of the budget is not counted (setting run_left to 0 charges it).
     * exit_request, set by a device or another vCPU, makes it re-check interrupts at the
     * next instruction boundary. */
    void (*run)(struct vcpu *v);
    /* Would an interrupt (pending, even if masked) wake this halted vCPU? */
    bool (*has_work)(struct vcpu *v);
    void (*dump_regs)(struct vcpu *v, FILE *out);
};

struct vcpu {
    const struct vcpu_ops *ops;
    struct machine *machine;
    int index;
    bool halted;      /* WFI/WFE: skipped by the loop until has_work() */
    bool powered_off; /* PSCI CPU_OFF, or a secondary not yet started */
    bool exit_request; /* leave run() at the next instruction boundary */
    u64 icount;       /* instructions executed by this vCPU */
    u64 run_left;     /* instructions left in the current run (the hot loop's counter) */
};

#endif
