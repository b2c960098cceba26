/* SPDX-License-Identifier: MIT */
/* ESR_ELx decoded into words. Arm ARM D17.2.37, the ISS encodings per exception class. */
#include "cpu/arm64/esr_describe.h"

#include <stdio.h>

#include "cpu/arm64/exception.h"
#include "cpu/arm64/sysreg.h"

static const char *const ec_names[64] = {
    [ESR_EC_UNKNOWN] = "UNKNOWN",       [ESR_EC_WFX] = "WFx",
    [ESR_EC_CP15_MCR] = "CP15_MCR",     [ESR_EC_FP_ASIMD] = "FP_ASIMD",
    [ESR_EC_ILL] = "ILLEGAL_STATE",     [ESR_EC_SVC64] = "SVC64",
    [ESR_EC_HVC64] = "HVC64",           [ESR_EC_SMC64] = "SMC64",
    [ESR_EC_SYS64] = "SYS64",           [ESR_EC_SVE] = "SVE",
    [ESR_EC_ERET] = "ERET",             [ESR_EC_PAC] = "PAC",
    [ESR_EC_IABT_LOW] = "IABT_LOW",     [ESR_EC_IABT_CUR] = "IABT_CUR",
    [ESR_EC_PC_ALIGN] = "PC_ALIGN",     [ESR_EC_DABT_LOW] = "DABT_LOW",
    [ESR_EC_DABT_CUR] = "DABT_CUR",     [ESR_EC_SP_ALIGN] = "SP_ALIGN",
    [ESR_EC_FP_EXC64] = "FP_EXC64",     [ESR_EC_SERROR] = "SERROR",
    [ESR_EC_BREAKPT_LOW] = "BREAKPT_LOW", [ESR_EC_BREAKPT_CUR] = "BREAKPT_CUR",
    [ESR_EC_SOFTSTP_LOW] = "SOFTSTP_LOW", [ESR_EC_SOFTSTP_CUR] = "SOFTSTP_CUR",
    [ESR_EC_WATCHPT_LOW] = "WATCHPT_LOW", [ESR_EC_WATCHPT_CUR] = "WATCHPT_CUR",
    [ESR_EC_BRK64] = "BRK64",
};

const char *esr_ec_name(unsigned ec)
{
    return ec < 64 && ec_names[ec] ? ec_names[ec] : "EC?";
}

/* Fault status codes (DFSC/IFSC), Arm ARM D17.2.37. */
static const char *fsc_name(unsigned fsc)
{
    switch (fsc & 0x3c) {
    case 0x00: return "address size fault";
    case 0x04: return "translation fault";
    case 0x08: return "access flag fault";
    case 0x0c: return "permission fault";
    default: break;
    }
    switch (fsc) {
    case 0x10: return "synchronous external abort";
    case 0x21: return "alignment fault";
    case 0x30: return "TLB conflict abort";
    default: return "other fault";
    }
}

static void describe_sysreg(u32 iss, char *buf, size_t n, int *len)
{
    unsigned op0 = (iss >> 20) & 3, op1 = (iss >> 14) & 7, crn = (iss >> 10) & 15;
    unsigned crm = (iss >> 1) & 15, op2 = (iss >> 17) & 7;
    const struct a64_sysreg *r = a64_sysreg_find(SR_ENC(op0, op1, crn, crm, op2));
    const char *insn = op0 == 1 ? ((iss & 1) ? "SYSL" : "SYS") : (iss & 1) ? "MRS" : "MSR";
    *len += snprintf(buf + *len, n - (size_t)*len, " %s S%u_%u_C%u_C%u_%u%s%s%s Rt=%u", insn,
                     op0, op1, crn, crm, op2, r ? " (" : "", r ? r->name : "", r ? ")" : "",
                     (iss >> 5) & 31);
}

char *esr_describe(u32 esr, char *buf, size_t n)
{
    unsigned ec = esr >> ESR_EC_SHIFT;
    u32 iss = esr & 0x1ffffff;
    int len = snprintf(buf, n, "%s%s", esr_ec_name(ec), (esr & ESR_IL) ? "" : " IL=0");
    if (len < 0 || (size_t)len >= n)
        return buf;
    switch (ec) {
    case ESR_EC_SVC64:
    case ESR_EC_HVC64:
    case ESR_EC_SMC64:
    case ESR_EC_BRK64:
        snprintf(buf + len, n - (size_t)len, " imm=%#x", iss & 0xffff);
        break;
    case ESR_EC_WFX:
        snprintf(buf + len, n - (size_t)len, " %s", (iss & 1) ? "WFE" : "WFI");
        break;
    case ESR_EC_SYS64:
        describe_sysreg(iss, buf, n, &len);
        break;
    case ESR_EC_IABT_LOW:
    case ESR_EC_IABT_CUR:
        snprintf(buf + len, n - (size_t)len, " IFSC=%#x (%s, level %u)", iss & 0x3f,
                 fsc_name(iss & 0x3f), iss & 3);
        break;
    case ESR_EC_DABT_LOW:
    case ESR_EC_DABT_CUR:
        snprintf(buf + len, n - (size_t)len, " %s%s%s DFSC=%#x (%s, level %u)",
                 (iss & (1u << 6)) ? "write" : "read", (iss & (1u << 8)) ? " CM" : "",
                 (iss & (1u << 24)) ? " ISV" : "", iss & 0x3f, fsc_name(iss & 0x3f), iss & 3);
        break;
    default:
        if (iss)
            snprintf(buf + len, n - (size_t)len, " ISS=%#x", iss);
        break;
    }
    return buf;
}
