/* SPDX-License-Identifier: MIT */
/* Host tests of the sys area without a guest: interrupt routing and masking (Arm ARM D1.3.6),
 * the FP trap flag (AArch64.CheckFPAdvSIMDEnabled), VHE redirection and trap ISS through the
 * system-register access path, illegal exception return, and esr_describe(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a64_decode.h"
#include "core/machine.h"
#include "cpu/arm64/esr_describe.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/model.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_fields.h"
#include "cpu/arm64/sysreg_tables.h"

static int failures;
#define CHECK(cond)                                                                          \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                           \
            failures++;                                                                      \
        }                                                                                    \
    } while (0)

static struct a64_cpu *new_cpu(int el, bool el2, bool el3)
{
    static bool tables;
    if (!tables) {
        a64_sysreg_tables_core();
        a64_sysreg_finalize();
        tables = true;
    }
    struct a64_cpu *cpu = calloc(1, sizeof(*cpu));
    cpu->model = a64_model_find("max");
    cpu->vcpu.ops = &a64_vcpu_ops;
    cpu->have_el2 = el2;
    cpu->have_el3 = el3;
    a64_cpu_reset(cpu, el, 0x40000000);
    cpu->sr[SR_VBAR_EL1] = 0x10000;
    cpu->sr[SR_VBAR_EL2] = 0x20000;
    cpu->sr[SR_VBAR_EL3] = 0x30000;
    return cpu;
}

/* Run an access that may raise; returns true if an exception was taken. */
static bool access(struct a64_cpu *cpu, u32 enc, int rt, bool is_read)
{
    jmp_buf jb;
    cpu->exc_jmp = &jb;
    if (setjmp(jb))
        return true;
    a64_sysreg_access(cpu, enc, rt, is_read);
    return false;
}

static void test_irq_routing(void)
{
    struct a64_cpu *cpu = new_cpu(1, true, false);
    cpu->irq_lines = A64_IRQ_LINE;
    CHECK(!a64_check_interrupts(cpu)); /* masked at EL1 */
    cpu->daif = 0;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->el == 1 && cpu->pc == 0x10000 + 0x280);
    CHECK(cpu->daif == (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F));

    /* HCR_EL2.IMO: EL1 IRQs go to EL2 regardless of PSTATE.I. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_IMO | HCR_EL2_RW;
    cpu->irq_lines = A64_IRQ_LINE;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->el == 2 && cpu->pc == 0x20000 + 0x480);
    /* At EL2 it is masked by PSTATE.I (taken to the current EL). */
    CHECK(!a64_check_interrupts(cpu));
    /* At EL2 with IMO = 0 (and E2H = 0) a physical IRQ for EL1 is not taken. */
    cpu = new_cpu(2, true, false);
    cpu->daif = 0;
    cpu->irq_lines = A64_IRQ_LINE;
    CHECK(!a64_check_interrupts(cpu));

    /* SCR_EL3.IRQ routes to EL3 from EL1 even when masked. */
    cpu = new_cpu(1, false, true);
    cpu->sr[SR_SCR_EL3] |= SCR_EL3_IRQ;
    cpu->irq_lines = A64_IRQ_LINE;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->el == 3 && cpu->pc == 0x30000 + 0x480);

    /* Virtual IRQ from HCR_EL2.VI: EL1 only, needs IMO, masked by PSTATE.I. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_IMO | HCR_EL2_VI | HCR_EL2_RW;
    CHECK(a64_virtual_irq_pending(cpu));
    CHECK(!a64_check_interrupts(cpu));
    cpu->daif = 0;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->el == 1 && cpu->pc == 0x10000 + 0x280);
    /* Virtual SError: taken once, VSE cleared. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_AMO | HCR_EL2_VSE | HCR_EL2_RW;
    cpu->daif = 0;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->pc == 0x10000 + 0x380 && !(cpu->sr[SR_HCR_EL2] & HCR_EL2_VSE));
    CHECK(cpu->sr[SR_ESR_EL1] == 0xbe000000);
    /* Virtual IRQ lines do nothing at EL2. */
    cpu = new_cpu(2, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_IMO | HCR_EL2_VI | HCR_EL2_RW;
    cpu->daif = 0;
    CHECK(!a64_check_interrupts(cpu));
}

static void test_fp_ok(void)
{
    struct a64_cpu *cpu = new_cpu(1, true, true);
    CHECK(!cpu->fp_ok); /* CPACR_EL1.FPEN = 0 at reset */
    cpu->sr[SR_CPACR_EL1] = 1u << 20;
    a64_fp_update(cpu);
    CHECK(cpu->fp_ok);
    a64_set_el(cpu, 0, false);
    CHECK(!cpu->fp_ok); /* FPEN = 01 traps EL0 */
    cpu->sr[SR_CPACR_EL1] = 3u << 20;
    a64_fp_update(cpu);
    CHECK(cpu->fp_ok);
    cpu->sr[SR_CPTR_EL3] = CPTR_TFP;
    a64_fp_update(cpu);
    CHECK(!cpu->fp_ok);
    cpu->sr[SR_CPTR_EL3] = 0;
    /* E2H: CPTR_EL2 has the CPACR layout; FPEN = 01 with TGE traps EL0 only. */
    cpu->sr[SR_HCR_EL2] = HCR_EL2_E2H | HCR_EL2_TGE | HCR_EL2_RW;
    cpu->sr[SR_CPTR_EL2] = 1u << 20;
    a64_fp_update(cpu);
    CHECK(!cpu->fp_ok);
    a64_set_el(cpu, 2, true);
    CHECK(cpu->fp_ok);
}

static void test_sysreg_vhe_and_traps(void)
{
    struct a64_cpu *cpu = new_cpu(2, true, false);
    u32 ttbr0_el1 = SR_ENC(3, 0, 2, 0, 0), ttbr0_el12 = SR_ENC(3, 5, 2, 0, 0);
    cpu->x[1] = 0x1000;
    CHECK(access(cpu, ttbr0_el12, 1, true)); /* E2H = 0: UNDEFINED */
    CHECK(cpu->sr[SR_ESR_EL2] == 0x02000000);
    cpu = new_cpu(2, true, false);
    cpu->x[1] = 0x1000;
    CHECK(!access(cpu, ttbr0_el1, 1, false));
    CHECK(cpu->sr[SR_TTBR0_EL1] == 0x1000);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_E2H | HCR_EL2_RW;
    cpu->x[1] = 0x2000;
    CHECK(!access(cpu, ttbr0_el1, 1, false));
    CHECK(cpu->sr[SR_TTBR0_EL2] == 0x2000 && cpu->sr[SR_TTBR0_EL1] == 0x1000);
    CHECK(!access(cpu, ttbr0_el12, 2, true));
    CHECK(cpu->x[2] == 0x1000);

    /* HCR_EL2.TVM traps an EL1 write: EC 0x18 with the ISS fields. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_TVM | HCR_EL2_RW;
    CHECK(access(cpu, SR_ENC(3, 0, 1, 0, 0), 3, false));
    CHECK(cpu->el == 2 && cpu->sr[SR_ESR_EL2] == 0x62300460);
    /* HCR_EL2.TIDCP traps an IMPLEMENTATION DEFINED encoding. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_TIDCP | HCR_EL2_RW;
    CHECK(access(cpu, SR_ENC(3, 0, 15, 2, 0), 0, true));
    CHECK(cpu->el == 2 && (cpu->sr[SR_ESR_EL2] >> 26) == 0x18);
    /* MDCR_EL2.TDA traps MDSCR_EL1. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_MDCR_EL2] = MDCR_EL2_TDA;
    CHECK(access(cpu, SR_ENC(2, 0, 0, 2, 2), 0, true));
    CHECK(cpu->el == 2);
    /* EL2 registers are UNDEFINED at EL3 when EL2 is not implemented. */
    cpu = new_cpu(3, false, true);
    CHECK(access(cpu, SR_ENC(3, 4, 1, 1, 0), 0, true));
    CHECK(cpu->sr[SR_ESR_EL3] == 0x02000000);
    /* The PMU is absent: PMCR_EL0 is UNDEFINED. */
    cpu = new_cpu(1, false, false);
    CHECK(access(cpu, SR_ENC(3, 3, 9, 12, 0), 0, true));
}

static void test_illegal_return(void)
{
    struct a64_cpu *cpu = new_cpu(1, true, false);
    cpu->spsr_el[1] = 0x9; /* EL2h from EL1 */
    cpu->elr_el[1] = 0x5000;
    a64_exception_return(cpu);
    CHECK(cpu->il && cpu->el == 1 && cpu->npc == 0x5000);
    cpu = new_cpu(2, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_TGE | HCR_EL2_RW;
    cpu->spsr_el[2] = 0x5; /* EL1h with TGE: illegal */
    a64_exception_return(cpu);
    CHECK(cpu->il && cpu->el == 2);
    cpu = new_cpu(2, true, false);
    cpu->spsr_el[2] = 0x10; /* AArch32 */
    a64_exception_return(cpu);
    CHECK(cpu->il);
    cpu = new_cpu(2, true, false);
    cpu->spsr_el[2] = 0x0; /* EL0t: legal */
    a64_exception_return(cpu);
    CHECK(!cpu->il && cpu->el == 0 && cpu->sp_idx == 0);
}

static int fw_calls;
static bool fw_result;
static bool fake_firmware(struct a64_cpu *cpu, bool is_smc, u16 imm)
{
    fw_calls++;
    return fw_result;
}

/* Run an HVC/SMC handler; returns true if it raised an exception. */
static bool run_call(struct a64_cpu *cpu, bool smc)
{
    struct arg_imm16 a = {.imm = 0x12};
    jmp_buf jb;
    cpu->exc_jmp = &jb;
    if (setjmp(jb))
        return true;
    if (smc)
        a64_exec_SMC(cpu, &a);
    else
        a64_exec_HVC(cpu, &a);
    return false;
}

static void test_firmware_conduit(void)
{
    /* Guest started at EL1, no EL2: emu's firmware answers HVC; false means UNDEFINED. */
    struct a64_cpu *cpu = new_cpu(1, false, false);
    cpu->firmware_call = fake_firmware;
    fw_result = true;
    fw_calls = 0;
    CHECK(!run_call(cpu, false) && fw_calls == 1);
    fw_result = false;
    CHECK(run_call(cpu, false) && fw_calls == 2 && cpu->sr[SR_ESR_EL1] == 0x02000000);
    /* Guest started at EL2: HVC from EL1 goes to the guest's EL2, never to the firmware. */
    cpu = new_cpu(2, true, false);
    cpu->firmware_call = fake_firmware;
    a64_set_el(cpu, 1, true);
    fw_calls = 0;
    fw_result = true;
    CHECK(run_call(cpu, false) && fw_calls == 0 && cpu->el == 2);
    CHECK(cpu->sr[SR_ESR_EL2] == 0x5a000012 && cpu->elr_el[2] == 0x40000004);
    /* SMC: HCR_EL2.TSC traps before the firmware sees it. */
    cpu = new_cpu(2, true, false);
    cpu->firmware_call = fake_firmware;
    cpu->sr[SR_HCR_EL2] = HCR_EL2_TSC | HCR_EL2_RW;
    a64_set_el(cpu, 1, true);
    fw_calls = 0;
    CHECK(run_call(cpu, true) && fw_calls == 0 && cpu->sr[SR_ESR_EL2] == 0x5e000012);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_RW;
    a64_set_el(cpu, 1, true);
    CHECK(!run_call(cpu, true) && fw_calls == 1);
}

static void test_models(void)
{
    CHECK(a64_model_find(NULL) == a64_model_find("max"));
    CHECK(!a64_model_find("cortex-x9"));
    struct a64_cpu *cpu = new_cpu(1, false, false);
    CHECK(a64_feat_pan(cpu) && a64_feat_vhe(cpu) && a64_feat_uao(cpu) && a64_feat_dit(cpu));
    CHECK(a64_id_field(cpu, SR_ID_AA64DFR0_EL1, 8) == 0); /* no PMU */
    CHECK(a64_id_field(cpu, SR_ID_AA64PFR0_EL1, 8) == 0); /* no EL2 on this machine */
    CHECK(cpu->sr[SR_MPIDR_EL1] == 0x80000000);
    cpu = calloc(1, sizeof(*cpu));
    cpu->model = a64_model_find("cortex-a72");
    cpu->have_el2 = true;
    cpu->vcpu.index = 3;
    a64_cpu_reset(cpu, 2, 0);
    CHECK(!a64_feat_pan(cpu) && !a64_feat_vhe(cpu) && !a64_feat_ssbs(cpu));
    CHECK(cpu->sr[SR_MIDR_EL1] == 0x410fd083 && cpu->sr[SR_MPIDR_EL1] == 0x80000003);
    CHECK(cpu->sr[SR_VMPIDR_EL2] == 0x80000003);
    CHECK(a64_id_field(cpu, SR_ID_AA64PFR0_EL1, 8) == 1);
    char buf[8192] = "";
    FILE *f = fmemopen(buf, sizeof(buf) - 1, "w");
    a64_sysreg_dump(cpu, f);
    fclose(f);
    CHECK(strstr(buf, "MIDR_EL1           00000000410fd083") != NULL);
    CHECK(strstr(buf, "HCR_EL2") != NULL && strstr(buf, "SCR_EL3") == NULL);
}

static void test_serror(void)
{
    /* Physical SError: masked by PSTATE.A at EL1; SCR_EL3.EA takes it to EL3 unmasked. */
    struct a64_cpu *cpu = new_cpu(1, false, true);
    cpu->irq_lines = A64_SERROR_LINE;
    CHECK(!a64_check_interrupts(cpu));
    cpu->daif = 0;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->el == 1 && cpu->pc == 0x10000 + 0x380 && cpu->sr[SR_ESR_EL1] == 0xbe000000);
    cpu = new_cpu(1, false, true);
    cpu->sr[SR_SCR_EL3] |= SCR_EL3_EA;
    cpu->irq_lines = A64_SERROR_LINE | A64_IRQ_LINE;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->el == 3 && cpu->pc == 0x30000 + 0x580);
    /* FIQ before IRQ when both are pending and routed to EL1. */
    cpu = new_cpu(1, false, false);
    cpu->daif = 0;
    cpu->irq_lines = A64_IRQ_LINE | A64_FIQ_LINE;
    CHECK(a64_check_interrupts(cpu));
    CHECK(cpu->pc == 0x10000 + 0x300);
}

/* Table rules: VHE redirects reach EL2 rows, aliases reach EL1 rows, slots are in range and
 * no two rows store into the same slot. */
static void test_table_consistency(void)
{
    static const char *const redirected[] = {
        "SCTLR_EL1", "CPACR_EL1", "TTBR0_EL1", "TTBR1_EL1", "TCR_EL1", "AFSR0_EL1",
        "AFSR1_EL1", "ESR_EL1", "FAR_EL1", "MAIR_EL1", "AMAIR_EL1", "VBAR_EL1",
        "CONTEXTIDR_EL1", "SPSR_EL1", "ELR_EL1",
    };
    for (size_t i = 0; i < ARRAY_SIZE(redirected); i++) {
        const struct a64_sysreg *r = a64_sysreg_by_name(redirected[i]);
        CHECK(r && r->e2h_redirect);
        const struct a64_sysreg *to = r ? a64_sysreg_by_name(r->e2h_redirect) : NULL;
        CHECK(to && to->min_el == 2 && !to->e2h_alias);
        char alias[32];
        snprintf(alias, sizeof(alias), "%.*sEL12", (int)strlen(redirected[i]) - 3,
                 redirected[i]);
        const struct a64_sysreg *a = a64_sysreg_by_name(alias);
        CHECK(a && a->e2h_alias && !strcmp(a->e2h_redirect, redirected[i]));
    }
    int owner[SR__COUNT];
    memset(owner, 0, sizeof(owner));
    for (u32 enc = 0; enc < 0x10000; enc++) {
        const struct a64_sysreg *r = a64_sysreg_find(enc);
        if (!r)
            continue;
        CHECK(r->enc == enc);
        CHECK(r->slot >= -1 && r->slot < SR__COUNT);
        CHECK(r->slot >= 0 || r->read || r->write || r->e2h_alias);
        if (r->slot >= 0 && !r->e2h_alias)
            owner[r->slot]++;
    }
    for (int i = 0; i < SR__COUNT; i++)
        CHECK(owner[i] <= 1);
}

static void test_wfx(void)
{
    struct arg_WFI wfi = {0};
    struct arg_WFE wfe = {0};
    struct arg_SEVL sevl = {0};
    /* Nothing pending: WFI halts the vCPU and ends its run. */
    struct a64_cpu *cpu = new_cpu(1, true, false);
    cpu->vcpu.run_left = 5;
    a64_exec_WFI(cpu, &wfi);
    CHECK(cpu->vcpu.halted && cpu->vcpu.run_left == 0);
    /* A pending virtual IRQ (even masked) or a GIC virtual line: WFI completes. */
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_IMO | HCR_EL2_VI | HCR_EL2_RW;
    cpu->vcpu.run_left = 5;
    a64_exec_WFI(cpu, &wfi);
    CHECK(!cpu->vcpu.halted && cpu->vcpu.run_left == 5);
    cpu = new_cpu(1, true, false);
    cpu->sr[SR_HCR_EL2] = HCR_EL2_IMO | HCR_EL2_RW;
    cpu->irq_lines = A64_VIRQ_LINE;
    cpu->daif = 0;
    CHECK(a64_virtual_irq_pending(cpu));
    CHECK(a64_check_interrupts(cpu) && cpu->pc == 0x10000 + 0x280);
    /* WFE consumes a set event register; otherwise it waits. */
    cpu = new_cpu(1, false, false);
    cpu->vcpu.run_left = 5;
    a64_exec_SEVL(cpu, &sevl);
    a64_exec_WFE(cpu, &wfe);
    CHECK(!cpu->event_reg && !cpu->vcpu.halted);
    a64_exec_WFE(cpu, &wfe);
    CHECK(cpu->vcpu.halted);
    /* With the exclusive monitor armed WFE yields the quantum instead of halting. */
    cpu = new_cpu(1, false, false);
    cpu->excl_valid = true;
    cpu->vcpu.run_left = 5;
    a64_exec_WFE(cpu, &wfe);
    CHECK(!cpu->vcpu.halted && cpu->vcpu.run_left == 0);

    /* SEV sets every vCPU's event register and wakes the halted ones. */
    static struct machine m;
    struct a64_cpu *c0 = new_cpu(1, false, false), *c1 = new_cpu(1, false, false);
    m.cpus[0] = &c0->vcpu;
    m.cpus[1] = &c1->vcpu;
    m.ncpus = 2;
    c0->vcpu.machine = c1->vcpu.machine = &m;
    c1->vcpu.run_left = 5;
    a64_exec_WFE(c1, &wfe);
    CHECK(c1->vcpu.halted);
    struct arg_SEV sev = {0};
    a64_exec_SEV(c0, &sev);
    CHECK(!c1->vcpu.halted && c1->event_reg && c0->event_reg && c1->vcpu.exit_request);
}

static void test_esr_describe(void)
{
    char buf[128];
    CHECK(!strcmp(esr_describe(0x56001234, buf, sizeof(buf)), "SVC64 imm=0x1234"));
    CHECK(!strcmp(esr_describe(0x62300460, buf, sizeof(buf)),
                  "SYS64 MSR S3_0_C1_C0_0 (SCTLR_EL1) Rt=3"));
    CHECK(!strcmp(esr_describe(0x96000045, buf, sizeof(buf)),
                  "DABT_CUR write DFSC=0x5 (translation fault, level 1)"));
    CHECK(!strcmp(esr_describe(0x00000000, buf, sizeof(buf)), "UNKNOWN IL=0"));
    CHECK(!strcmp(esr_ec_name(0x3f), "EC?"));
    CHECK(!strcmp(esr_describe(0x6212dcbc, buf, sizeof(buf)),
                  "SYS64 SYS S1_3_C7_C14_1 (DC CIVAC) Rt=5"));
    esr_describe(0x56001234, buf, 4);
    CHECK(strlen(buf) == 3);
}

int main(void)
{
    test_irq_routing();
    test_fp_ok();
    test_sysreg_vhe_and_traps();
    test_illegal_return();
    test_firmware_conduit();
    test_models();
    test_serror();
    test_table_consistency();
    test_wfx();
    test_esr_describe();
    if (failures)
        printf("sys_exception: %d failures\n", failures);
    return failures != 0;
}
