/* SPDX-License-Identifier: MIT */
/*
 * Bit fields of the control registers that exception routing, traps and VHE depend on, with
 * the Arm ARM names (D17.2: HCR_EL2, SCR_EL3, SCTLR_ELx, CPACR_EL1, CPTR_ELx, MDCR_ELx).
 */
#ifndef EMU_CPU_ARM64_SYSREG_FIELDS_H
#define EMU_CPU_ARM64_SYSREG_FIELDS_H

#include "core/types.h"

#define BIT64(n) (1ull << (n))

/* HCR_EL2 */
#define HCR_EL2_VM BIT64(0)
#define HCR_EL2_SWIO BIT64(1)
#define HCR_EL2_FMO BIT64(3)
#define HCR_EL2_IMO BIT64(4)
#define HCR_EL2_AMO BIT64(5)
#define HCR_EL2_VF BIT64(6)
#define HCR_EL2_VI BIT64(7)
#define HCR_EL2_VSE BIT64(8)
#define HCR_EL2_TWI BIT64(13)
#define HCR_EL2_TWE BIT64(14)
#define HCR_EL2_TID0 BIT64(15)
#define HCR_EL2_TID1 BIT64(16)
#define HCR_EL2_TID2 BIT64(17)
#define HCR_EL2_TID3 BIT64(18)
#define HCR_EL2_TSC BIT64(19)
#define HCR_EL2_TIDCP BIT64(20)
#define HCR_EL2_TACR BIT64(21)
#define HCR_EL2_TSW BIT64(22)
#define HCR_EL2_TPC BIT64(23)
#define HCR_EL2_TPU BIT64(24)
#define HCR_EL2_TTLB BIT64(25)
#define HCR_EL2_TVM BIT64(26)
#define HCR_EL2_TGE BIT64(27)
#define HCR_EL2_TDZ BIT64(28)
#define HCR_EL2_HCD BIT64(29)
#define HCR_EL2_TRVM BIT64(30)
#define HCR_EL2_RW BIT64(31)
#define HCR_EL2_E2H BIT64(34)

/* SCR_EL3 */
#define SCR_EL3_NS BIT64(0)
#define SCR_EL3_IRQ BIT64(1)
#define SCR_EL3_FIQ BIT64(2)
#define SCR_EL3_EA BIT64(3)
#define SCR_EL3_SMD BIT64(7)
#define SCR_EL3_HCE BIT64(8)
#define SCR_EL3_RW BIT64(10)
#define SCR_EL3_TWI BIT64(12)
#define SCR_EL3_TWE BIT64(13)

/* SCTLR_ELx */
#define SCTLR_M BIT64(0)
#define SCTLR_SA0 BIT64(4)
#define SCTLR_UMA BIT64(9)
#define SCTLR_DZE BIT64(14)
#define SCTLR_UCT BIT64(15)
#define SCTLR_nTWI BIT64(16)
#define SCTLR_nTWE BIT64(18)
#define SCTLR_SPAN BIT64(23)
#define SCTLR_UCI BIT64(26)
#define SCTLR_DSSBS BIT64(44)

/* CPACR_EL1, and CPTR_EL2 when HCR_EL2.E2H == 1 */
#define CPACR_FPEN_SHIFT 20
/* CPTR_EL2 (E2H == 0) and CPTR_EL3 */
#define CPTR_TFP BIT64(10)
#define CPTR_TCPAC BIT64(31)

/* MDCR_EL2 */
#define MDCR_EL2_TDE BIT64(8)
#define MDCR_EL2_TDA BIT64(9)
#define MDCR_EL2_TDOSA BIT64(10)
#define MDCR_EL2_TDRA BIT64(11)

/* SPSR_ELx */
#define SPSR_M_MASK 0x1full
#define SPSR_SS BIT64(21)
#define SPSR_IL BIT64(20)

#endif
