/* SPDX-License-Identifier: MIT */
/* Capstone wrapper: one handle, opened on first use. */
#include "cpu/arm64/disas.h"

#include <capstone/capstone.h>
#include <stdio.h>

void a64_disas(u64 pc, u32 insn, char *buf, size_t len)
{
    static csh handle;
    static int state; /* 0 unopened, 1 open, -1 failed */
    if (state == 0)
        state = cs_open(CS_ARCH_ARM64, CS_MODE_LITTLE_ENDIAN, &handle) == CS_ERR_OK ? 1 : -1;
    cs_insn *ci = NULL;
    if (state == 1 && cs_disasm(handle, (const u8 *)&insn, 4, pc, 1, &ci) == 1) {
        snprintf(buf, len, "%s %s", ci->mnemonic, ci->op_str);
        cs_free(ci, 1);
    } else {
        snprintf(buf, len, "(bad)");
    }
}
