/* SPDX-License-Identifier: MIT */
/* A machine: its physical address space, virtual clock, vCPUs, and the main loop. */
#ifndef EMU_CORE_MACHINE_H
#define EMU_CORE_MACHINE_H

#include "core/config.h"
#include "core/vclock.h"
#include "core/vcpu.h"
#include "softmmu/memory.h"

#define MACHINE_MAX_CPUS 64

struct machine_prop_desc {
    const char *name;
    const char *help;
};

/* Command-line features a board implements (machine_type.options). The command line refuses
 * an option the chosen board does not handle yet, so nothing is silently ignored; a board
 * sets the bit in the same change that implements the option. */
enum machine_option {
    MACHINE_OPT_INITRD = 1u << 0, /* -initrd */
    MACHINE_OPT_APPEND = 1u << 1, /* -append */
    MACHINE_OPT_DTB = 1u << 2,    /* -dtb */
    MACHINE_OPT_BIOS = 1u << 3,   /* -bios */
    MACHINE_OPT_DRIVE = 1u << 4,  /* -drive */
    MACHINE_OPT_NETDEV = 1u << 5, /* -netdev */
    MACHINE_OPT_RTC = 1u << 6,    /* -rtc */
};

struct machine_type {
    const char *name;
    const char *desc;
    const struct machine_prop_desc *props; /* terminated by {0} */
    const char *const *cpu_models;  /* -cpu names, NULL-terminated; the first is the default */
    const struct machine_prop_desc *devices; /* -device drivers the board creates, or NULL */
    u32 options; /* enum machine_option: the options it implements */
    /* Build the board: memory map, devices, vCPUs; load images. fatal() on bad input. */
    void (*init)(struct machine *m, struct emu_config *cfg);
};

struct machine {
    const struct machine_type *type;
    struct emu_config *cfg;
    struct phys_as as;
    struct vclock clock;
    struct vcpu *cpus[MACHINE_MAX_CPUS];
    int ncpus;
    struct vcpu *running; /* the vCPU inside run(), or NULL */
    u64 quantum;        /* instructions per vCPU turn */
    /* The schedule, explicit so that stopping anywhere (a debugger stop, a snapshot, a replay
     * target) and resuming runs exactly what an uninterrupted run would. A round gives each
     * runnable vCPU, in index order, one turn of up to `quantum` instructions; a turn ends
     * early when its vCPU halts or a device event fires. Host input is delivered only at a
     * round's end (machine_at_round_end()). Snapshots save these fields. */
    int sched_cpu;      /* the vCPU whose turn it is; ncpus: the round's end is next */
    u64 turn_left;      /* instructions left in its turn; 0: the turn has not begun */
    bool round_ran;     /* some vCPU ran in this round (otherwise every vCPU waits) */
    u64 rounds;         /* rounds completed since reset */
    bool shutdown;      /* leave the main loop */
    bool paused;        /* monitor `stop` / -S: run no vCPU, only poll, until `cont` */
    int exit_status;    /* emu's exit status once shut down */
    void *board;        /* board-private state */
    struct machine_debug *debug; /* gdbstub breakpoints/step/hold (core/debug.h), or NULL */
    struct snap_registry *snap;  /* snapshot sections (core/snapshot.c), or NULL */
    /* Called at every round's end (host input, monitor, gdb) and repeatedly while paused.
     * idle is true when every vCPU waits for an interrupt; poll may then block for host input
     * up to the host-time equivalent of the next virtual deadline (which does not make guest
     * values depend on host time: input is delivered, and recorded, at an instruction count).
     * Guest input (terminal bytes, packets) may be delivered only when machine_at_round_end():
     * a debugger can pause the machine in the middle of a round, and input delivered there
     * would land at a point no recording can name. */
    void (*poll)(struct machine *m, bool idle);
};

extern const struct machine_type *const machine_types[];
const struct machine_type *machine_find(const char *name);
void machine_list(void);

void machine_init(struct machine *m, const struct machine_type *t, struct emu_config *cfg);
void machine_add_cpu(struct machine *m, struct vcpu *v);
/* Request the main loop to stop with the given exit status (SYSTEM_OFF, semihosting exit). */
void machine_request_shutdown(struct machine *m, int status);
/* True between rounds: the only place where guest input may be delivered. */
static inline bool machine_at_round_end(const struct machine *m)
{
    return m->sched_cpu >= m->ncpus;
}

/* Run until shutdown; returns the exit status. */
int machine_run(struct machine *m);

/* The running vCPU v stops before the end of its budget (WFI/WFE, power-off, exit): end its
 * run after the current instruction without counting the rest of the budget as executed. */
static inline void vcpu_stop_run(struct vcpu *v)
{
    if (v->machine && v->machine->clock.run_left == &v->run_left)
        vclock_stop_run(&v->machine->clock);
    else
        v->run_left = 0;
}

/* Wake vCPU v (an interrupt became pending for it): leave WFI, and make it re-check. */
static inline void vcpu_kick(struct vcpu *v)
{
    v->halted = false;
    v->exit_request = true;
}

#endif
