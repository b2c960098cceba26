/* SPDX-License-Identifier: MIT */
/*
 * Exception entry and the syndrome encodings. Arm ARM D1.3 (exceptions), D17.2.37 (ESR_ELx).
 * Synchronous exceptions unwind to the step loop with longjmp: a handler writes architectural
 * state only after its last access that can fault.
 */
#ifndef EMU_CPU_ARM64_EXCEPTION_H
#define EMU_CPU_ARM64_EXCEPTION_H

#include "cpu/arm64/cpu.h"

/* ESR_ELx.EC values */
enum {
    ESR_EC_UNKNOWN = 0x00,
    ESR_EC_WFX = 0x01,
    ESR_EC_CP15_MCR = 0x03,
    ESR_EC_FP_ASIMD = 0x07,
    ESR_EC_ILL = 0x0e,
    ESR_EC_SVC64 = 0x15,
    ESR_EC_HVC64 = 0x16,
    ESR_EC_SMC64 = 0x17,
    ESR_EC_SYS64 = 0x18,
    ESR_EC_SVE = 0x19,
    ESR_EC_ERET = 0x1a,
    ESR_EC_PAC = 0x1c,
    ESR_EC_IABT_LOW = 0x20,
    ESR_EC_IABT_CUR = 0x21,
    ESR_EC_PC_ALIGN = 0x22,
    ESR_EC_DABT_LOW = 0x24,
    ESR_EC_DABT_CUR = 0x25,
    ESR_EC_SP_ALIGN = 0x26,
    ESR_EC_FP_EXC64 = 0x2c,
    ESR_EC_SERROR = 0x2f,
    ESR_EC_BREAKPT_LOW = 0x30,
    ESR_EC_BREAKPT_CUR = 0x31,
    ESR_EC_SOFTSTP_LOW = 0x32,
    ESR_EC_SOFTSTP_CUR = 0x33,
    ESR_EC_WATCHPT_LOW = 0x34,
    ESR_EC_WATCHPT_CUR = 0x35,
    ESR_EC_BRK64 = 0x3c,
};

#define ESR_IL (1u << 25)
#define ESR_EC_SHIFT 26

static inline u32 esr_make(unsigned ec, bool il, u32 iss)
{
    return ((u32)ec << ESR_EC_SHIFT) | (il ? ESR_IL : 0) | (iss & 0x1ffffff);
}

/* Vector offsets from VBAR_ELx (Arm ARM D1.3.1): which table, then which kind. */
enum a64_vector {
    A64_VEC_SYNC = 0x000,
    A64_VEC_IRQ = 0x080,
    A64_VEC_FIQ = 0x100,
    A64_VEC_SERROR = 0x180,
};

/* Take a synchronous exception to target_el with the given ESR; FAR_ELx is written when
 * far_valid. Sets ELR, SPSR, PSTATE, PC and unwinds to the step loop. The instruction that
 * raised it is the one at cpu->pc. */
NORETURN void a64_raise(struct a64_cpu *cpu, unsigned target_el, u32 esr, u64 far,
                        bool far_valid);
/* UNDEFINED instruction: EC 0 to EL1 (or EL2 with HCR_EL2.TGE at EL0), or to the current EL. */
NORETURN void a64_undef(struct a64_cpu *cpu);
/* Exception entry without unwinding (interrupts taken at an instruction boundary):
 * preferred return address is ret_pc. */
void a64_take_exception(struct a64_cpu *cpu, unsigned target_el, enum a64_vector kind, u32 esr,
                        u64 far, bool far_valid, u64 ret_pc);
/* The EL that synchronous exceptions from the current EL go to by default (EL1, or EL2 when
 * HCR_EL2.TGE routes EL0 exceptions there, or the current EL if higher). */
unsigned a64_sync_target_el(const struct a64_cpu *cpu);
/* Check pending, unmasked interrupts and take the highest-priority one. Returns true if one was
 * taken. Called by the step loop at instruction boundaries when exit_request is set. */
bool a64_check_interrupts(struct a64_cpu *cpu);
/* Is a virtual interrupt pending (HCR_EL2.VI/VF/VSE or the GIC virtual interface)? */
bool a64_virtual_irq_pending(const struct a64_cpu *cpu);

/* PSTATE <-> SPSR */
u64 a64_pstate_to_spsr(const struct a64_cpu *cpu);
/* Switch EL/SP selection: maintains sp_idx and invalidates EL-dependent caches. */
void a64_set_el(struct a64_cpu *cpu, unsigned el, bool spsel);

/* Added by sys. */
/* Synchronous exception whose preferred return address is ret_pc (SVC/HVC/SMC: the next
 * instruction). */
NORETURN void a64_raise_ret(struct a64_cpu *cpu, unsigned target_el, u32 esr, u64 ret_pc);
/* EL2Enabled(): EL2 implemented and in the current security state (no FEAT_SEL2). */
bool a64_el2_enabled(const struct a64_cpu *cpu);
/* HCR_EL2 as it acts on execution: 0 when EL2 is not enabled. */
u64 a64_hcr(const struct a64_cpu *cpu);
/* SCR_EL3 as it acts: the fixed values NS=RW=1 (HCE=1 with EL2) when EL3 is absent. */
u64 a64_scr(const struct a64_cpu *cpu);
/* ELIsInHost(EL0/EL2): HCR_EL2.{E2H,TGE} == {1,1} and EL2 enabled. */
bool a64_in_host(const struct a64_cpu *cpu);
/* AArch64.ExceptionReturn() (ERET), with the illegal-return rules; does not unwind. */
void a64_exception_return(struct a64_cpu *cpu);
/* Recompute cpu->fp_ok (Arm ARM AArch64.CheckFPAdvSIMDEnabled()): call after any change of
 * CPACR_EL1, CPTR_EL2, CPTR_EL3, HCR_EL2, SCR_EL3 or the EL. */
void a64_fp_update(struct a64_cpu *cpu);
/* The FP/SIMD access trap for the current state (EC 0x07 to the EL whose control traps, or
 * EC 0x00 to EL2 when HCR_EL2.TGE reroutes an EL1-targeted trap). Call only when !fp_ok. */
NORETURN void a64_fp_trap(struct a64_cpu *cpu);
/* Guard for every FP/SIMD handler. */
static inline void a64_fp_check(struct a64_cpu *cpu)
{
    if (unlikely(!cpu->fp_ok))
        a64_fp_trap(cpu);
}
/* Trapped MSR/MRS/SYS (EC 0x18) to target_el for the encoding enc (SR_ENC layout). */
NORETURN void a64_raise_sysreg_trap(struct a64_cpu *cpu, unsigned target_el, u32 enc, int rt,
                                    bool is_read);

#endif
