/* SPDX-License-Identifier: MIT */
/* What the command line asked for. Filled by cli.c, read by machines and the main loop. */
#ifndef EMU_CORE_CONFIG_H
#define EMU_CORE_CONFIG_H

#include "core/types.h"

#define CFG_MAX_ITEMS 16

struct cfg_prop {
    const char *key, *value;
};

struct cfg_drive {
    const char *file;
    const char *interface; /* "virtio" (default) or "none" */
    const char *format;    /* "raw" */
    const char *id;
    bool readonly, snapshot;
};

struct cfg_netdev {
    const char *type; /* "user" */
    const char *id;
    const char *hostfwd[CFG_MAX_ITEMS];
    int nhostfwd;
    const char *net; /* user: guest network "A.B.C.D/N" (default 10.0.2.0/24) */
};

struct emu_config {
    const char *machine;             /* -M NAME */
    struct cfg_prop mprops[CFG_MAX_ITEMS]; /* -M NAME,key=value,... */
    int nmprops;
    const char *cpu_model;           /* -cpu, default "max" */
    u64 ram_size;                    /* -m, bytes */
    int smp;                         /* -smp */
    const char *kernel, *initrd, *append, *dtb, *bios;
    bool nographic;
    const char *serial;              /* -serial: stdio, null, file:PATH, mon:stdio */
    struct cfg_drive drives[CFG_MAX_ITEMS];
    int ndrives;
    struct cfg_netdev netdevs[CFG_MAX_ITEMS];
    int nnetdevs;
    const char *devices[CFG_MAX_ITEMS]; /* -device SPEC */
    int ndevices;
    const char *gdb;                 /* -gdb tcp::PORT (-s = tcp::1234) */
    bool start_paused;               /* -S: do not start the vCPUs until `cont` */
    u32 log_mask;                    /* -d */
    const char *log_file;            /* -D */
    int icount_shift;                /* -icount shift=N */
    bool semihosting;                /* -semihosting, -semihosting-config enable=on */
    const char *semihosting_target;  /* -semihosting-config target=native|auto */
    const char *monitor;             /* -monitor stdio|none|unix:PATH */
    const char *record, *replay;     /* -record FILE / -replay FILE */
    bool digest_on_exit;             /* -digest-on-exit */
    u64 digest_every;                /* -digest-every N (0: the default) */
    const char *loadvm;              /* -loadvm NAME */
    const char *snapshot_dir;        /* -snapshot-dir DIR: where savevm NAME files go */
    u64 savevm_at;                   /* -savevm-at N:NAME: save at the first round end >= N */
    const char *savevm_at_name;
    bool snapshot;                   /* -snapshot: disk writes go to a temporary overlay */
    const char *rtc_base;            /* -rtc base=utc|ISO-8601 */
    u64 max_insns;                   /* -max-insns N: stop after N instructions (tests) */
};

/* Machine properties: the value of key, or NULL. The command line has already checked keys
 * against the machine's props list. */
const char *cfg_machine_prop(struct emu_config *cfg, const char *key);
/* A boolean machine property (on/off/yes/no/true/false); usage_error() on anything else. */
bool cfg_machine_prop_bool(struct emu_config *cfg, const char *key, bool dflt);

#endif
