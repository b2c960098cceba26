/* SPDX-License-Identifier: MIT */
/* HLT: semihosting (HLT #0xF000 with -semihosting), else UNDEFINED (no halting debug). */
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/semihost.h"

void a64_exec_HLT(struct a64_cpu *cpu, const struct arg_HLT *a)
{
    if (a->imm == 0xf000 && cpu->semihosting) {
        a64_semihost_call(cpu);
        return;
    }
    a64_undef(cpu);
}
