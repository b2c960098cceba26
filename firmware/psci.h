/* SPDX-License-Identifier: MIT */
/*
 * PSCI 1.1 and SMCCC 1.1 firmware services, provided by emu itself over the conduit the
 * device tree names (HVC when the guest starts at EL1, SMC when it starts at EL2).
 * Arm DEN 0022D (PSCI), DEN 0028 (SMC Calling Convention).
 */
#ifndef EMU_FIRMWARE_PSCI_H
#define EMU_FIRMWARE_PSCI_H

#include "core/types.h"

struct a64_cpu;
struct machine;

enum {
    PSCI_0_2_FN_PSCI_VERSION = 0x84000000,
    PSCI_0_2_FN_CPU_SUSPEND = 0x84000001,
    PSCI_0_2_FN_CPU_OFF = 0x84000002,
    PSCI_0_2_FN_CPU_ON = 0x84000003,
    PSCI_0_2_FN_AFFINITY_INFO = 0x84000004,
    PSCI_0_2_FN_MIGRATE = 0x84000005,
    PSCI_0_2_FN_MIGRATE_INFO_TYPE = 0x84000006,
    PSCI_0_2_FN_MIGRATE_INFO_UP_CPU = 0x84000007,
    PSCI_0_2_FN_SYSTEM_OFF = 0x84000008,
    PSCI_0_2_FN_SYSTEM_RESET = 0x84000009,
    PSCI_1_0_FN_PSCI_FEATURES = 0x8400000a,
    PSCI_0_2_FN64_CPU_SUSPEND = 0xc4000001,
    PSCI_0_2_FN64_CPU_ON = 0xc4000003,
    PSCI_0_2_FN64_AFFINITY_INFO = 0xc4000004,
    PSCI_0_2_FN64_MIGRATE = 0xc4000005,
    PSCI_0_2_FN64_MIGRATE_INFO_UP_CPU = 0xc4000007,
    SMCCC_VERSION = 0x80000000,
    SMCCC_ARCH_FEATURES = 0x80000001,
};

enum {
    PSCI_RET_SUCCESS = 0,
    PSCI_RET_NOT_SUPPORTED = -1,
    PSCI_RET_INVALID_PARAMS = -2,
    PSCI_RET_DENIED = -3,
    PSCI_RET_ALREADY_ON = -4,
    PSCI_RET_ON_PENDING = -5,
    PSCI_RET_INTERNAL_FAILURE = -6,
    PSCI_RET_NOT_PRESENT = -7,
    PSCI_RET_DISABLED = -8,
    PSCI_RET_INVALID_ADDRESS = -9,
};

#define PSCI_VERSION_1_1 0x10001u
#define SMCCC_VERSION_1_1 0x10001u

/* What a machine supplies to the firmware: how to power a CPU on and to reset the machine. */
struct psci_board {
    struct machine *m;
    unsigned boot_el;    /* EL at which CPU_ON starts a CPU */
    bool conduit_smc;    /* SMC (else HVC) */
    /* Reset vCPU index to boot_el at entry with x0 = context_id, and power it on. */
    void (*cpu_on)(struct psci_board *b, int index, u64 entry, u64 context_id);
    /* SYSTEM_RESET */
    void (*system_reset)(struct psci_board *b);
};

/* The a64_cpu.firmware_call hook. The board is found through the machine's board pointer
 * (machine.board must start with struct psci_board). */
bool psci_firmware_call(struct a64_cpu *cpu, bool is_smc, u16 imm);
/* Handle one call with function ID x0 and arguments x1..x3 in cpu (exposed for tests). */
void psci_handle(struct psci_board *b, struct a64_cpu *cpu);

#endif
