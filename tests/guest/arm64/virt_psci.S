// SPDX-License-Identifier: MIT
// PSCI over the boot EL's conduit (HVC at EL1, SMC at EL2): PSCI_VERSION, PSCI_FEATURES,
// AFFINITY_INFO of the running CPU and of the powered-off secondary, MIGRATE_INFO_TYPE, and
// SYSTEM_OFF, which ends the run with status 0 (Arm DEN 0022D chapter 5). Needs -smp 2.
#include "macros.inc"
#include "virt.inc"
    .text
    .global test_main
test_main:
    mov     x19, x30
    ldr     x0, =0x84000000          // PSCI_VERSION
    PSCI_CALL
    CHECK_EQ x0, 0x10001, 1
    ldr     x0, =0x8400000a          // PSCI_FEATURES(CPU_ON, 64-bit)
    ldr     x1, =0xc4000003
    PSCI_CALL
    CHECK_EQ x0, 0, 2
    ldr     x0, =0x8400000a          // PSCI_FEATURES(unknown function): NOT_SUPPORTED
    ldr     x1, =0x8400001f
    PSCI_CALL
    CHECK_EQ x0, 0xffffffffffffffff, 3
    ldr     x0, =0xc4000004          // AFFINITY_INFO(MPIDR 0, level 0): ON
    mov     x1, #0
    mov     x2, #0
    PSCI_CALL
    CHECK_EQ x0, 0, 4
    ldr     x0, =0xc4000004          // AFFINITY_INFO(MPIDR 1, level 0): OFF
    mov     x1, #1
    mov     x2, #0
    PSCI_CALL
    CHECK_EQ x0, 1, 5
    ldr     x0, =0x84000006          // MIGRATE_INFO_TYPE: 2, no Trusted OS migration
    PSCI_CALL
    CHECK_EQ x0, 2, 6
    ldr     x0, =0x84000008          // SYSTEM_OFF
    PSCI_CALL
    mov     x0, #99                  // not reached
    mov     x30, x19
    ret
