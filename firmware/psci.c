/* SPDX-License-Identifier: MIT */
/*
 * PSCI 1.1 and SMCCC 1.1 in the machine. emu plays the role that TF-A plays on hardware
 * (and QEMU's built-in PSCI on its virt board): see docs/VIRT.md for why this is done here
 * rather than by guest firmware. Arm DEN 0022D chapter 5 (PSCI functions), DEN 0028 (SMCCC).
 */
#include "firmware/psci.h"

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"

static struct a64_cpu *cpu_by_mpidr(struct machine *m, u64 mpidr)
{
    /* MPIDR affinity fields Aff3 [39:32], Aff2..Aff0 [23:0] */
    u64 want = mpidr & 0xff00ffffffull;
    for (int i = 0; i < m->ncpus; i++) {
        struct a64_cpu *c = a64_from_vcpu(m->cpus[i]);
        if ((c->sr[SR_MPIDR_EL1] & 0xff00ffffffull) == want)
            return c;
    }
    return NULL;
}

static s64 psci_features(u32 fn)
{
    switch (fn) {
    case PSCI_0_2_FN_PSCI_VERSION:
    case PSCI_0_2_FN_CPU_OFF:
    case PSCI_0_2_FN_CPU_ON:
    case PSCI_0_2_FN64_CPU_ON:
    case PSCI_0_2_FN_AFFINITY_INFO:
    case PSCI_0_2_FN64_AFFINITY_INFO:
    case PSCI_0_2_FN_MIGRATE_INFO_TYPE:
    case PSCI_0_2_FN_SYSTEM_OFF:
    case PSCI_0_2_FN_SYSTEM_RESET:
    case PSCI_1_0_FN_PSCI_FEATURES:
    case SMCCC_VERSION:
        return PSCI_RET_SUCCESS;
    /* CPU_SUSPEND: bit 1 = extended StateID format is 0 (original format), bit 0 = 0 (no OS
     * initiated mode) (DEN 0022D 5.1.14). */
    case PSCI_0_2_FN_CPU_SUSPEND:
    case PSCI_0_2_FN64_CPU_SUSPEND:
        return 0;
    default:
        return PSCI_RET_NOT_SUPPORTED;
    }
}

void psci_handle(struct psci_board *b, struct a64_cpu *cpu)
{
    struct machine *m = b->m;
    u64 fn = cpu->x[0], a1 = cpu->x[1], a2 = cpu->x[2], a3 = cpu->x[3];
    bool smc32 = !(fn & 0x40000000);
    s64 ret = PSCI_RET_NOT_SUPPORTED;
    if (smc32) {
        /* SMC32/HVC32 calls take 32-bit arguments (SMCCC 2.6: upper halves ignored) */
        a1 = (u32)a1, a2 = (u32)a2, a3 = (u32)a3;
    }
    if (unlikely(log_mask & LOG_PSCI))
        log_printf("psci: cpu%d fn %#llx (%#llx, %#llx, %#llx)\n", cpu->vcpu.index,
                   (unsigned long long)fn, (unsigned long long)a1, (unsigned long long)a2,
                   (unsigned long long)a3);
    switch ((u32)fn) {
    case PSCI_0_2_FN_PSCI_VERSION:
        ret = PSCI_VERSION_1_1;
        break;
    case PSCI_1_0_FN_PSCI_FEATURES:
        ret = psci_features((u32)a1);
        break;
    case SMCCC_VERSION:
        ret = SMCCC_VERSION_1_1;
        break;
    case SMCCC_ARCH_FEATURES:
        /* No ARCH_WORKAROUND_* is needed: the emulated CPU has no speculation. */
        ret = (u32)a1 == SMCCC_VERSION ? PSCI_RET_SUCCESS : PSCI_RET_NOT_SUPPORTED;
        break;
    case PSCI_0_2_FN_CPU_ON:
    case PSCI_0_2_FN64_CPU_ON: {
        struct a64_cpu *t = cpu_by_mpidr(m, a1);
        if (!t)
            ret = PSCI_RET_INVALID_PARAMS;
        else if (!t->vcpu.powered_off)
            ret = PSCI_RET_ALREADY_ON;
        else {
            b->cpu_on(b, t->vcpu.index, a2, a3);
            ret = PSCI_RET_SUCCESS;
        }
        break;
    }
    case PSCI_0_2_FN_CPU_OFF:
        cpu->vcpu.powered_off = true;
        vcpu_stop_run(&cpu->vcpu);
        a64_end_run(cpu);
        return; /* does not return to the caller */
    case PSCI_0_2_FN_CPU_SUSPEND:
    case PSCI_0_2_FN64_CPU_SUSPEND:
        /* Every state is treated as standby: wait for an interrupt and return SUCCESS, which
         * DEN 0022D 5.4.2 allows for power-down states too ("may return as if standby"). */
        cpu->vcpu.halted = true;
        vcpu_stop_run(&cpu->vcpu);
        a64_end_run(cpu);
        ret = PSCI_RET_SUCCESS;
        break;
    case PSCI_0_2_FN_AFFINITY_INFO:
    case PSCI_0_2_FN64_AFFINITY_INFO: {
        struct a64_cpu *t = cpu_by_mpidr(m, a1);
        if (!t || a2 != 0)
            ret = PSCI_RET_INVALID_PARAMS;
        else
            ret = t->vcpu.powered_off ? 1 : 0; /* OFF : ON */
        break;
    }
    case PSCI_0_2_FN_MIGRATE_INFO_TYPE:
        ret = 2; /* Trusted OS not present or does not require migration */
        break;
    case PSCI_0_2_FN_SYSTEM_OFF:
        log_printf("emu: guest powered off (PSCI SYSTEM_OFF)\n");
        machine_request_shutdown(m, 0);
        ret = PSCI_RET_SUCCESS;
        break;
    case PSCI_0_2_FN_SYSTEM_RESET:
        if (b->system_reset) {
            b->system_reset(b);
            return;
        }
        machine_request_shutdown(m, 0);
        ret = PSCI_RET_SUCCESS;
        break;
    default:
        if (unlikely(log_mask & (LOG_PSCI | LOG_UNIMP)))
            log_printf("psci: unknown function %#llx\n", (unsigned long long)fn);
        break;
    }
    /* A 32-bit result is returned sign-extended in x0, as QEMU and TF-A do. */
    cpu->x[0] = (u64)ret;
}

bool psci_firmware_call(struct a64_cpu *cpu, bool is_smc, u16 imm)
{
    struct psci_board *b = cpu->vcpu.machine->board;
    /* Only the conduit named in the device tree, from EL1 or above, with immediate 0 (SMCCC
     * 2.5.3); anything else keeps its architectural behaviour. */
    if (!b || is_smc != b->conduit_smc || imm != 0 || cpu->el == 0)
        return false;
    if (!is_smc && cpu->el > b->boot_el)
        return false;
    psci_handle(b, cpu);
    return true;
}
