/* SPDX-License-Identifier: MIT */
/* ESR_ELx in words, for -d int, the monitor and gdb. Arm ARM D17.2.37 (ESR_ELx). */
#ifndef EMU_CPU_ARM64_ESR_DESCRIBE_H
#define EMU_CPU_ARM64_ESR_DESCRIBE_H

#include "core/types.h"

/* Write a one-line description of esr ("SVC64 imm=0x1", "DABT_CUR write FSC=0x04 ...") into
 * buf (always NUL-terminated). Returns buf. */
char *esr_describe(u32 esr, char *buf, size_t n);
/* The name of an exception class ("SYS64"), or "EC?" if it is unallocated. */
const char *esr_ec_name(unsigned ec);

#endif
