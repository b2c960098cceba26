// SPDX-License-Identifier: MIT
// Identification registers of -cpu max tell exactly what emu implements (any EL; the
// ID_AA64PFR0_EL1.EL2/EL3 fields follow the machine). cpu/arm64/model_max.c is the list.
// Not run on QEMU: its max CPU implements more. Arm ARM D17.2 (ID_AA64*, CTR_EL0, DCZID_EL0).
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x20, x30
    mrs     x3, midr_el1
    CHECK_EQ x3, 0x000f0510, 1
    mrs     x3, mpidr_el1
    CHECK_EQ x3, 0x80000000, 2
    mrs     x3, ctr_el0
    CHECK_EQ x3, 0xb444c004, 3          // DIC = IDC = 1
    mrs     x3, dczid_el0
    CHECK_EQ x3, 4, 4
    mrs     x3, clidr_el1
    CHECK_EQ x3, 0x0a200023, 5
    // PFR0: EL0/EL1 AArch64, FP/AdvSIMD, GICv3 sysregs, DIT; EL2/EL3 per machine.
    ldr     x4, =0x0001000001110011          // FP = AdvSIMD = 1: FEAT_FP16
    mrs     x5, CurrentEL
    cmp     x5, #8
    b.ne    1f
    orr     x4, x4, #0x100
1:  cmp     x5, #12
    b.ne    2f
    orr     x4, x4, #0x1000
2:  mrs     x3, id_aa64pfr0_el1
    CHECK_REG x3, x4, 6
    mrs     x3, id_aa64pfr1_el1
    CHECK_EQ x3, 0x20, 7                // SSBS2
    mrs     x3, id_aa64dfr0_el1
    CHECK_EQ x3, 0x10505006, 8          // no PMU
    mrs     x3, id_aa64dfr1_el1
    CHECK_EQ x3, 0, 9
    mrs     x3, id_aa64isar0_el1
    CHECK_EQ x3, 0x0201100010201120, 10 // TLBIOS+TLBIRANGE, FHM, DP, RDM, LSE, AES+PMULL, SHA1, SHA256
    mrs     x3, id_aa64isar1_el1
    CHECK_EQ x3, 0x0110001100011000, 11 // XS, I8MM, SB, FRINTTS, FCMA, JSCVT
    mrs     x3, id_aa64isar2_el1
    CHECK_EQ x3, 0, 12
    mrs     x3, id_aa64mmfr0_el1
    CHECK_EQ x3, 0x101025, 13           // PA 48, ASID 16, 4K/16K/64K
    mrs     x3, id_aa64mmfr1_el1
    CHECK_EQ x3, 0x100120, 14           // VMID16, VHE, PAN
    mrs     x3, id_aa64mmfr2_el1
    CHECK_EQ x3, 0x0001000000000010, 15 // UAO, TTL
    mrs     x3, s3_0_c0_c4_4             // ID_AA64ZFR0_EL1
    CHECK_EQ x3, 0, 16
    mrs     x3, s3_0_c0_c3_7            // reserved ID space: RAZ
    CHECK_EQ x3, 0, 17
    mrs     x3, revidr_el1
    CHECK_EQ x3, 0, 18
    // PMU registers are UNDEFINED (PMUVer == 0).
    EXPECT_EXC
    mrs     x3, pmcr_el0
    CHECK_EQ x0, 0x02000000, 19
    mov     x0, #0
    ret     x20
