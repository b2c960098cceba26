/* SPDX-License-Identifier: MIT */
/* Arm semihosting (HLT #0xF000 in A64). "Semihosting for AArch32 and AArch64", version 2. */
#ifndef EMU_CPU_ARM64_SEMIHOST_H
#define EMU_CPU_ARM64_SEMIHOST_H

#include "cpu/arm64/cpu.h"

/* Perform the call in W0 with parameter block X1; result in X0. */
void a64_semihost_call(struct a64_cpu *cpu);
/* Register the machine's snapshot section "semihosting" (once, with the first vCPU). */
void a64_semihost_snap_register(struct machine *m);

#endif
