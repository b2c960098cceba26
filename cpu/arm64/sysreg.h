/* SPDX-License-Identifier: MIT */
/*
 * System registers and system instructions (MRS/MSR/SYS/SYSL) as one declarative table.
 * A row names the encoding, the storage or hooks, the access rules per EL, the traps and the
 * reset value; the decoder hands every MRS/MSR/SYS to a64_sysreg_access(), which finds the row
 * in O(1) by encoding. Rows are contributed by several files (core registers, MMU, TLBI/AT/DC/IC
 * operations, GIC CPU interface, timers), each as its own array, registered at start-up.
 * Arm ARM D17 (AArch64 system register descriptions), C5.3 (system instruction encodings).
 */
#ifndef EMU_CPU_ARM64_SYSREG_H
#define EMU_CPU_ARM64_SYSREG_H

#include <stdio.h>

#include "cpu/arm64/cpu.h"

/* Encoding op0:op1:CRn:CRm:op2, as in the MRS/MSR instruction bits [20:5] (16 bits). */
#define SR_ENC(op0, op1, crn, crm, op2)                                                        \
    ((u32)(((op0) << 14) | ((op1) << 11) | ((crn) << 7) | ((crm) << 3) | (op2)))

struct a64_sysreg;

/* Hooks. A read hook returns the value; a write hook stores it (and does side effects). Both
 * may raise exceptions. For system instructions (SYS), write is called with Xt. */
typedef u64 (*a64_sr_read_fn)(struct a64_cpu *cpu, const struct a64_sysreg *r);
typedef void (*a64_sr_write_fn)(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 val);
/* Extra access check run before the access; may raise (e.g. a trap to EL2) or return
 * A64_SR_UNDEF to make the access UNDEFINED. */
typedef int (*a64_sr_access_fn)(struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read);

enum { A64_SR_OK = 0, A64_SR_UNDEF = 1 };

/* Access flags: which ELs may read/write (before traps). */
#define SRA_R0 (1u << 0)  /* EL0 read */
#define SRA_W0 (1u << 1)
#define SRA_R1 (1u << 2)
#define SRA_W1 (1u << 3)
#define SRA_R2 (1u << 4)
#define SRA_W2 (1u << 5)
#define SRA_R3 (1u << 6)
#define SRA_W3 (1u << 7)
#define SRA_RW1 (SRA_R1 | SRA_W1 | SRA_R2 | SRA_W2 | SRA_R3 | SRA_W3) /* EL1 and up */
#define SRA_RW2 (SRA_R2 | SRA_W2 | SRA_R3 | SRA_W3)
#define SRA_RW3 (SRA_R3 | SRA_W3)
#define SRA_RO1 (SRA_R1 | SRA_R2 | SRA_R3)
#define SRA_RW0 (SRA_R0 | SRA_W0 | SRA_RW1)
#define SRA_RO0 (SRA_R0 | SRA_RO1)
#define SRA_SYSINSN (1u << 8) /* a system instruction (SYS), not a register */

/* Trap attributes (HCR_EL2 / CPTR / MDCR ... controls), checked generically in order. */
#define SRT_TVM (1u << 0)   /* HCR_EL2.TVM traps EL1 writes, TRVM EL1 reads */
#define SRT_TID1 (1u << 1)
#define SRT_TID2 (1u << 2)
#define SRT_TID3 (1u << 3)
#define SRT_TACR (1u << 4)
#define SRT_TTLB (1u << 5)  /* TLBI */
#define SRT_TPC (1u << 6)   /* DC to PoC */
#define SRT_TPU (1u << 7)   /* DC/IC to PoU */
#define SRT_TSW (1u << 8)   /* DC set/way */
#define SRT_FP (1u << 9)    /* FPCR/FPSR: CPACR/CPTR FP traps */
#define SRT_AT (1u << 10)   /* HCR_EL2.AT traps AT S1E* */
#define SRT_TID0 (1u << 11)
#define SRT_NV (1u << 12)   /* EL2 register accessed from EL1: reported as trap when NV */
#define SRT_TIDCP (1u << 13)
#define SRT_TSC (1u << 14)
#define SRT_TDA (1u << 15)   /* MDCR_EL2.TDA / MDCR_EL3.TDA: debug registers */
#define SRT_TDOSA (1u << 16) /* MDCR_EL2.TDOSA / MDCR_EL3.TDOSA: OS lock/double lock */
#define SRT_CTX (1u << 17)   /* a write changes translation: call a64_mmu_ctx_changed() */

struct a64_sysreg {
    const char *name;       /* Arm ARM name, e.g. "SCTLR_EL1" */
    u32 enc;                /* SR_ENC(...) */
    u16 access;             /* SRA_* */
    u32 traps;              /* SRT_* */
    int slot;               /* index into cpu->sr[] or -1 when hooks hold the state */
    u64 reset;              /* reset value of the slot */
    u64 res0, res1;         /* bits that read as 0 / 1 (writes masked with ~res0 | res1) */
    /* VHE (Arm ARM D5.6 / "Register redirection"): with HCR_EL2.E2H=1, an access at EL2 to
     * this _EL1 encoding goes to the register named here (e.g. SCTLR_EL1 -> SCTLR_EL2). For
     * the _EL12 and _EL02 rows: the register reached from EL2 with E2H=1 (else UNDEFINED). */
    const char *e2h_redirect;
    bool e2h_alias;         /* this row is an _EL12 or _EL02 alias */
    a64_sr_read_fn read;    /* NULL: read the slot */
    a64_sr_write_fn write;  /* NULL: write the slot */
    a64_sr_access_fn check; /* NULL: only the generic checks */
    const void *opaque;     /* for hooks shared by several rows */
    u8 min_el;              /* the register exists only if EL min_el (2 or 3) is implemented */
};

/* Register a table (terminated by a row with name NULL). Called at start-up by each
 * contributor; duplicate encodings are an emu bug. */
void a64_sysreg_register(const struct a64_sysreg *rows);
/* Build the lookup table once every contributor has registered (idempotent). */
void a64_sysreg_finalize(void);
/* The row for an encoding, or NULL. */
const struct a64_sysreg *a64_sysreg_find(u32 enc);
const struct a64_sysreg *a64_sysreg_by_name(const char *name);

/* Print every slot-backed register of cpu with its name (monitor `info registers`, gdb). */
void a64_sysreg_dump(struct a64_cpu *cpu, FILE *out);
/* Reset every slot-backed register to its row's reset value. */
void a64_sysreg_reset(struct a64_cpu *cpu);
/* Generic hooks for rows: write the slot (with res0/res1), then a64_mmu_ctx_changed(). */
void a64_sr_write_ctx(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 val);
/* Read-as-zero / write-ignored, for registers whose function is not modelled. */
u64 a64_sr_read_zero(struct a64_cpu *cpu, const struct a64_sysreg *r);
void a64_sr_write_ignore(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 val);
/* Trap (EC 0x18) the current access to EL target, for check hooks. */
NORETURN void a64_sr_trap(struct a64_cpu *cpu, const struct a64_sysreg *r, unsigned target);

/* Perform MRS (is_read) / MSR / SYS with all access checks and traps. rt is the GPR. */
void a64_sysreg_access(struct a64_cpu *cpu, u32 enc, int rt, bool is_read);

#endif
