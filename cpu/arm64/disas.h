/* SPDX-License-Identifier: MIT */
/* A64 disassembly for traces and the monitor, by capstone. */
#ifndef EMU_CPU_ARM64_DISAS_H
#define EMU_CPU_ARM64_DISAS_H

#include "core/types.h"

/* Write "mnemonic operands" for insn at pc into buf; "(bad)" if capstone cannot decode it. */
void a64_disas(u64 pc, u32 insn, char *buf, size_t len);

#endif
