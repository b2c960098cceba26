/* SPDX-License-Identifier: MIT */
/*
 * Self-hosted debug registers Linux touches (Arm ARM D2, D17.3): MDSCR_EL1, the OS lock,
 * breakpoint and watchpoint registers 0..5 (storage only: no debug events are generated yet).
 * The PMU is absent (ID_AA64DFR0_EL1.PMUVer == 0): its encodings have no rows, so UNDEFINED.
 */
#include "cpu/arm64/exception.h"
#include "cpu/arm64/sysreg.h"
#include "cpu/arm64/sysreg_tables.h"

#define R(n, o0, o1, cn, cm, o2) .name = #n, .enc = SR_ENC(o0, o1, cn, cm, o2)

/* OSLAR_EL1.OSLK sets OSLSR_EL1.OSLK (bit 1); OSLSR_EL1.OSLM = 0b10 (bits 3 and 0). */
static void wr_oslar(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 v)
{
    cpu->sr[SR_OSLSR_EL1] = 0x8 | ((v & 1) << 1);
}

#define BP(n)                                                                                \
    {R(DBGBVR##n##_EL1, 2, 0, 0, n, 4), .access = SRA_RW1, .traps = SRT_TDA,                  \
     .slot = SR_DBGBVR0_EL1 + (n)},                                                          \
    {R(DBGBCR##n##_EL1, 2, 0, 0, n, 5), .access = SRA_RW1, .traps = SRT_TDA,                  \
     .slot = SR_DBGBCR0_EL1 + (n), .res0 = ~0xf01fe7ull},                                     \
    {R(DBGWVR##n##_EL1, 2, 0, 0, n, 6), .access = SRA_RW1, .traps = SRT_TDA,                  \
     .slot = SR_DBGWVR0_EL1 + (n)},                                                          \
    {R(DBGWCR##n##_EL1, 2, 0, 0, n, 7), .access = SRA_RW1, .traps = SRT_TDA,                  \
     .slot = SR_DBGWCR0_EL1 + (n), .res0 = ~0x1f01fffull}

static const struct a64_sysreg debug_rows[] = {
    {R(MDCCINT_EL1, 2, 0, 0, 2, 0), .access = SRA_RW1, .traps = SRT_TDA, .slot = SR_MDCCINT_EL1},
    {R(MDSCR_EL1, 2, 0, 0, 2, 2), .access = SRA_RW1, .traps = SRT_TDA, .slot = SR_MDSCR_EL1},
    {R(MDRAR_EL1, 2, 0, 1, 0, 0), .access = SRA_RO1, .traps = SRT_TDA, .slot = -1,
     .read = a64_sr_read_zero},
    {R(OSLAR_EL1, 2, 0, 1, 0, 4), .access = SRA_W1 | SRA_W2 | SRA_W3, .traps = SRT_TDOSA,
     .slot = -1, .write = wr_oslar},
    {R(OSLSR_EL1, 2, 0, 1, 1, 4), .access = SRA_RO1, .traps = SRT_TDOSA, .slot = SR_OSLSR_EL1,
     .reset = 0xa},
    {R(OSDLR_EL1, 2, 0, 1, 3, 4), .access = SRA_RW1, .traps = SRT_TDOSA, .slot = SR_OSDLR_EL1,
     .res0 = ~1ull},
    {R(DBGPRCR_EL1, 2, 0, 1, 4, 4), .access = SRA_RW1, .traps = SRT_TDOSA,
     .slot = SR_DBGPRCR_EL1, .res0 = ~1ull},
    {R(DBGCLAIMSET_EL1, 2, 0, 7, 8, 6), .access = SRA_RW1, .traps = SRT_TDA, .slot = -1,
     .read = a64_sr_read_zero, .write = a64_sr_write_ignore},
    {R(DBGCLAIMCLR_EL1, 2, 0, 7, 9, 6), .access = SRA_RW1, .traps = SRT_TDA, .slot = -1,
     .read = a64_sr_read_zero, .write = a64_sr_write_ignore},
    BP(0), BP(1), BP(2), BP(3), BP(4), BP(5),
    {0},
};

void a64_sysreg_tables_debug(void)
{
    a64_sysreg_register(debug_rows);
}
