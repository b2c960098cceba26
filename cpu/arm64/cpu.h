/* SPDX-License-Identifier: MIT */
/*
 * The AArch64 vCPU: architectural state, and the contracts every part of cpu/arm64 shares.
 * Arm ARM (DDI 0487) chapter D1 (the AArch64 system level programmers' model).
 */
#ifndef EMU_CPU_ARM64_CPU_H
#define EMU_CPU_ARM64_CPU_H

#include <setjmp.h>

#include "core/vcpu.h"
#include "cpu/arm64/sysreg_ids.h"

struct machine;
struct a64_mmu;          /* translation state and fast TLB, cpu/arm64/mmu.h */
struct a64_dpage;        /* a page of decoded instructions, cpu/arm64/decode_cache.h */
struct gicv3_cpuif;      /* GIC CPU interface, hw/gicv3.h */
struct a64_timers;       /* generic timer, hw/arm_timer.h */
struct a64_model;        /* -cpu model: ID register values, features */

/* One SIMD&FP register; the host is little-endian, so lane i of any width is at index i. */
union a64_vreg {
    u8 b[16];
    u16 h[8];
    u32 s[4];
    u64 d[2];
    u128 q;
};

/* Interrupt inputs (levels) driven by the GIC and by HCR_EL2.VI/VF/VSE. */
enum {
    A64_IRQ_LINE = 1u << 0,
    A64_FIQ_LINE = 1u << 1,
    A64_VIRQ_LINE = 1u << 2, /* from the GIC virtual interface (ORed with HCR_EL2.VI) */
    A64_VFIQ_LINE = 1u << 3,
    A64_SERROR_LINE = 1u << 4,
};

/* PSTATE.NZCV as held in a64_cpu.nzcv: the SPSR layout, bits [31:28]. */
#define PSTATE_N (1u << 31)
#define PSTATE_Z (1u << 30)
#define PSTATE_C (1u << 29)
#define PSTATE_V (1u << 28)
/* PSTATE.DAIF as held in a64_cpu.daif: the SPSR/DAIF register layout, bits [9:6]. */
#define PSTATE_D (1u << 9)
#define PSTATE_A (1u << 8)
#define PSTATE_I (1u << 7)
#define PSTATE_F (1u << 6)

struct a64_cpu {
    struct vcpu vcpu; /* first: the loop's view */

    /* General-purpose registers. x[31] is kept zero so that reads of XZR are x[31]; writers
     * go through a64_set_x(), which discards writes to register 31. x[32] is a sink: the
     * specialised executors write an XZR destination there instead of testing for 31
     * (A64_XZR_SINK); nothing reads it. */
    u64 x[33];
    u64 pc;  /* address of the executing instruction */
    u64 npc; /* where execution continues: pc + 4 unless a branch or exception changes it */
    u64 sp_el[4];    /* SP_EL0..SP_EL3 */
    unsigned sp_idx; /* index into sp_el[] of the current SP: PSTATE.SP ? EL : 0 */

    /* PSTATE, field by field. */
    u32 nzcv;        /* bits [31:28] */
    u32 daif;        /* bits [9:6] */
    u8 el;           /* current exception level 0..3 */
    bool spsel;      /* PSTATE.SP */
    bool pan, uao, ssbs, dit, tco, ss, il;
    u8 btype;
    /* Added by sys (exception.c, sys*.c, sysreg*.c). */
    bool event_reg;   /* the WFE event register (Arm ARM D1.6.1) */
    bool have_el2, have_el3; /* implemented ELs: the board sets them before a64_cpu_reset() */
    u8 reset_el;      /* EL the guest started at: emu is the firmware of the ELs above it */

    /* Banked exception state, indexed by EL (index 0 unused). */
    u64 elr_el[4];
    u64 spsr_el[4];

    u64 sr[SR__COUNT]; /* system registers with storage in the CPU, see sysreg_ids.h */

    /* SIMD&FP */
    union a64_vreg v[32];
    u32 fpcr, fpsr;
    bool fp_ok; /* SIMD&FP instructions may execute (CPACR/CPTR_ELx.FPEN/TFP allow it) */

    /* Local exclusive monitor (LDXR/STXR). The global monitor is modelled by comparing memory
     * with the value seen at LDXR: another agent's store to the location breaks the pair. */
    bool excl_valid;
    u8 excl_size;    /* bytes; 16 for LDXP of two doublewords */
    u64 excl_addr;   /* virtual address */
    u64 excl_val[2];

    /* Interrupts */
    u32 irq_lines;   /* A64_*_LINE levels from the interrupt controller */

    /* Execution-loop state */
    u64 budget;      /* instructions left in this run() */
    jmp_buf *exc_jmp; /* where an exception unwinds to (the step loop) */
    struct a64_dpage *cur_page; /* decoded page of the current fetch page */
    u64 cur_vpage;   /* VA of that page, or ~0 when it must be looked up again */
    u32 cur_ctx;     /* translation context cur_vpage was resolved in (see mmu.h) */

    /* Attached parts */
    const struct a64_model *model;
    struct a64_mmu *mmu;
    struct gicv3_cpuif *gic;
    struct a64_timers *timers;
    bool semihosting; /* HLT #0xF000 is a semihosting call */
    /* HVC/SMC when emu itself provides the firmware (PSCI/SMCCC, firmware/psci.c): the HVC or
     * SMC handler calls it first; it returns true when it handled the call (results in
     * x0..x3, execution continues after the instruction). NULL: the architectural behaviour. */
    bool (*firmware_call)(struct a64_cpu *cpu, bool is_smc, u16 imm);
    u64 rvbar;        /* reset address */
};

static inline struct a64_cpu *a64_from_vcpu(struct vcpu *v)
{
    return (struct a64_cpu *)v;
}

/* Register access as instructions see it: register 31 is XZR or SP depending on the field. */
static inline u64 a64_x(const struct a64_cpu *cpu, int n)
{
    return cpu->x[n];
}
static inline void a64_set_x(struct a64_cpu *cpu, int n, u64 v)
{
    if (n != 31)
        cpu->x[n] = v;
}
static inline void a64_set_w(struct a64_cpu *cpu, int n, u32 v)
{
    if (n != 31)
        cpu->x[n] = v;
}
static inline u64 a64_x_sp(const struct a64_cpu *cpu, int n)
{
    return n == 31 ? cpu->sp_el[cpu->sp_idx] : cpu->x[n];
}
static inline void a64_set_x_sp(struct a64_cpu *cpu, int n, u64 v)
{
    if (n == 31)
        cpu->sp_el[cpu->sp_idx] = v;
    else
        cpu->x[n] = v;
}

/* Execution-loop control from handlers: stop after this instruction (state changed in a way
 * that needs the loop's attention: DAIF, EL, interrupts, halting). */
static inline void a64_end_run(struct a64_cpu *cpu)
{
    cpu->vcpu.exit_request = true;
}

/* Create a vCPU for machine m; reset values come from the model (-cpu). */
struct a64_cpu *a64_cpu_create(struct machine *m, const char *model_name);
/* Architectural warm reset to EL, entering at pc. */
void a64_cpu_reset(struct a64_cpu *cpu, int el, u64 pc);
/* Register the vCPU's snapshot section "cpuN" (cpu/arm64/snapshot.c). */
void a64_snapshot_register(struct a64_cpu *cpu);
/* Interrupt controller input. */
void a64_set_irq_line(struct a64_cpu *cpu, u32 line, bool level);

extern const struct vcpu_ops a64_vcpu_ops;

/* SIMD&FP access trap (ESR_EC_FP_ASIMD or the EL2/EL3 forms), raised when !cpu->fp_ok. */
NORETURN void a64_fp_trap(struct a64_cpu *cpu);

#endif
