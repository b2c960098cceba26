/* SPDX-License-Identifier: MIT */
/*
 * The system-register table: registration, O(1) lookup by encoding, and the generic access
 * path of MRS/MSR/SYS: existence, VHE redirection and the _EL12/_EL02 aliases (Arm ARM D5.6.2,
 * "Redirection of register accesses"), per-EL permission, row checks, then the EL2/EL3 trap
 * controls (HCR_EL2, MDCR_EL2, MDCR_EL3, CPTR), reported as EC 0x18 (D17.2.37).
 */
#include "cpu/arm64/sysreg.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/sysreg_fields.h"

#define MAX_TABLES 32

static const struct a64_sysreg *tables[MAX_TABLES];
static int ntables;
static const struct a64_sysreg *by_enc[1u << 16];
/* VHE: the row an access is redirected to (for _EL1 rows: at EL2 with E2H; for _EL12/_EL02
 * rows: always, when the alias is usable). */
static const struct a64_sysreg *redirect[1u << 16];
static bool finalized;

/* The access in progress, for a64_sr_trap() (emu runs vCPUs on one host thread). */
static u32 cur_enc;
static int cur_rt;
static bool cur_read;

void a64_sysreg_register(const struct a64_sysreg *rows)
{
    for (int i = 0; i < ntables; i++)
        if (tables[i] == rows)
            return;
    if (ntables == MAX_TABLES)
        emu_bug("too many system-register tables");
    tables[ntables++] = rows;
    finalized = false;
}

void a64_sysreg_finalize(void)
{
    if (finalized)
        return;
    memset(by_enc, 0, sizeof(by_enc));
    memset(redirect, 0, sizeof(redirect));
    for (int t = 0; t < ntables; t++)
        for (const struct a64_sysreg *r = tables[t]; r->name; r++) {
            if (by_enc[r->enc])
                emu_bug("system registers %s and %s share an encoding", by_enc[r->enc]->name,
                        r->name);
            by_enc[r->enc] = r;
        }
    finalized = true;
    for (int t = 0; t < ntables; t++)
        for (const struct a64_sysreg *r = tables[t]; r->name; r++) {
            if (!r->e2h_redirect)
                continue;
            const struct a64_sysreg *to = a64_sysreg_by_name(r->e2h_redirect);
            if (!to)
                emu_bug("%s redirects to unknown register %s", r->name, r->e2h_redirect);
            redirect[r->enc] = to;
        }
}

const struct a64_sysreg *a64_sysreg_find(u32 enc)
{
    return by_enc[enc & 0xffff];
}

const struct a64_sysreg *a64_sysreg_by_name(const char *name)
{
    for (int t = 0; t < ntables; t++)
        for (const struct a64_sysreg *r = tables[t]; r->name; r++)
            if (!strcmp(r->name, name))
                return r;
    return NULL;
}

void a64_sysreg_reset(struct a64_cpu *cpu)
{
    for (int t = 0; t < ntables; t++)
        for (const struct a64_sysreg *r = tables[t]; r->name; r++)
            if (r->slot >= 0 && !r->e2h_alias)
                cpu->sr[r->slot] = r->reset;
}

static bool el_implemented(const struct a64_cpu *cpu, unsigned el)
{
    return el < 2 || (el == 2 ? cpu->have_el2 : cpu->have_el3);
}

void a64_sysreg_dump(struct a64_cpu *cpu, FILE *out)
{
    int n = 0;
    for (int t = 0; t < ntables; t++)
        for (const struct a64_sysreg *r = tables[t]; r->name; r++) {
            if (r->slot < 0 || r->e2h_alias || !el_implemented(cpu, r->min_el))
                continue;
            fprintf(out, "%-18s %016llx%s", r->name, (unsigned long long)cpu->sr[r->slot],
                    ++n % 3 ? "  " : "\n");
        }
    if (n % 3)
        fputc('\n', out);
}

void a64_sr_write_ctx(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 val)
{
    cpu->sr[r->slot] = (val & ~r->res0) | r->res1;
    a64_mmu_ctx_changed(cpu);
}

u64 a64_sr_read_zero(struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    return 0;
}

void a64_sr_write_ignore(struct a64_cpu *cpu, const struct a64_sysreg *r, u64 val)
{
}

void a64_sr_trap(struct a64_cpu *cpu, const struct a64_sysreg *r, unsigned target)
{
    a64_raise_sysreg_trap(cpu, target, cur_enc, cur_rt, cur_read);
}


/* op0=3, op1=0, CRn=0, CRm=1..7: the ID register space, whose unallocated encodings are
 * RAZ at EL1 and above (Arm ARM D17.3.1, "Reserved encodings in the ID space"). */
static bool in_id_space(u32 enc)
{
    return (enc >> 14) == 3 && ((enc >> 11) & 7) == 0 && ((enc >> 7) & 15) == 0 &&
           ((enc >> 3) & 15) >= 1;
}

/* IMPLEMENTATION DEFINED encodings (op0=3, CRn=11 or 15), trapped by HCR_EL2.TIDCP. */
static bool impl_defined(u32 enc)
{
    unsigned crn = (enc >> 7) & 15;
    return (enc >> 14) == 3 && (crn == 11 || crn == 15);
}

/* The HCR_EL2 / MDCR_EL2 controls that trap this EL0/EL1 access to EL2. */
static bool el2_traps(const struct a64_cpu *cpu, const struct a64_sysreg *r, bool is_read)
{
    u64 hcr = a64_hcr(cpu);
    u32 t = r->traps;
    if (cpu->el == 0 && (hcr & HCR_EL2_TGE))
        return false; /* EL0 of the host: the HCR_EL2 guest traps do not apply */
    if (cpu->el == 1 && (t & SRT_TVM) && (hcr & (is_read ? HCR_EL2_TRVM : HCR_EL2_TVM)))
        return true;
    if (cpu->el == 1 && (t & SRT_TID1) && (hcr & HCR_EL2_TID1))
        return true;
    if ((t & SRT_TID2) && (hcr & HCR_EL2_TID2))
        return true;
    if (cpu->el == 1 && (t & SRT_TID3) && (hcr & HCR_EL2_TID3))
        return true;
    if (cpu->el == 1 && (t & SRT_TACR) && (hcr & HCR_EL2_TACR))
        return true;
    if ((t & SRT_TTLB) && (hcr & HCR_EL2_TTLB))
        return true;
    if ((t & SRT_TPC) && (hcr & HCR_EL2_TPC))
        return true;
    if ((t & SRT_TPU) && (hcr & HCR_EL2_TPU))
        return true;
    if ((t & SRT_TSW) && (hcr & HCR_EL2_TSW))
        return true;
    if (t & (SRT_TDA | SRT_TDOSA)) {
        u64 mdcr = cpu->sr[SR_MDCR_EL2];
        u64 bit = (t & SRT_TDA) ? MDCR_EL2_TDA : MDCR_EL2_TDOSA;
        if (mdcr & (bit | MDCR_EL2_TDE))
            return true;
    }
    return false;
}

/* MDCR_EL3.TDA (bit 9) and TDOSA (bit 10) trap EL0-EL2 debug register accesses to EL3. */
static bool el3_traps(const struct a64_cpu *cpu, const struct a64_sysreg *r)
{
    u64 mdcr = cpu->sr[SR_MDCR_EL3];
    return ((r->traps & SRT_TDA) && (mdcr & (1u << 9))) ||
           ((r->traps & SRT_TDOSA) && (mdcr & (1u << 10)));
}

NORETURN static void unallocated(struct a64_cpu *cpu, u32 enc, int rt, bool is_read)
{
    if (unlikely(log_mask & LOG_UNIMP))
        log_printf("cpu%d: %s S%u_%u_C%u_C%u_%u at EL%u pc=%016llx: no such register here\n",
                   cpu->vcpu.index, is_read ? "MRS" : "MSR/SYS", enc >> 14, (enc >> 11) & 7,
                   (enc >> 7) & 15, (enc >> 3) & 15, enc & 7, cpu->el,
                   (unsigned long long)cpu->pc);
    if (cpu->el == 1 && impl_defined(enc) && (a64_hcr(cpu) & HCR_EL2_TIDCP))
        a64_raise_sysreg_trap(cpu, 2, enc, rt, is_read);
    a64_undef(cpu);
}

void a64_sysreg_access(struct a64_cpu *cpu, u32 enc, int rt, bool is_read)
{
    unsigned el = cpu->el;
    if (unlikely(!finalized))
        a64_sysreg_finalize(); /* a table was registered after the first vCPU was created */
    const struct a64_sysreg *r = a64_sysreg_find(enc);
    cur_enc = enc;
    cur_rt = rt;
    cur_read = is_read;
    if (!r) {
        if (el >= 1 && is_read && in_id_space(enc)) {
            if (el == 1 && (a64_hcr(cpu) & HCR_EL2_TID3))
                a64_raise_sysreg_trap(cpu, 2, enc, rt, is_read);
            a64_set_x(cpu, rt, 0);
            return;
        }
        unallocated(cpu, enc, rt, is_read);
    }
    if (r->e2h_alias) {
        /* _EL12/_EL02: usable only from EL2 or EL3 when EL2 is enabled with E2H == 1. */
        if (el < 2 || !a64_el2_enabled(cpu) || !(cpu->sr[SR_HCR_EL2] & HCR_EL2_E2H))
            a64_undef(cpu);
        r = redirect[enc];
    } else if (el == 2 && redirect[enc] && (cpu->sr[SR_HCR_EL2] & HCR_EL2_E2H)) {
        r = redirect[enc];
    }
    u32 need = 1u << (el * 2 + (is_read ? 0 : 1));
    if (!(r->access & need) || !el_implemented(cpu, r->min_el))
        unallocated(cpu, enc, rt, is_read);
    if (r->check && r->check(cpu, r, is_read) == A64_SR_UNDEF)
        a64_undef(cpu);
    if (el <= 1 && a64_el2_enabled(cpu) && el2_traps(cpu, r, is_read))
        a64_raise_sysreg_trap(cpu, 2, enc, rt, is_read);
    if (el <= 2 && cpu->have_el3 && el3_traps(cpu, r))
        a64_raise_sysreg_trap(cpu, 3, enc, rt, is_read);
    if ((r->traps & SRT_FP) && !cpu->fp_ok)
        a64_fp_trap(cpu);
    if (is_read) {
        u64 v = r->read ? r->read(cpu, r) : cpu->sr[r->slot];
        a64_set_x(cpu, rt, v);
    } else {
        u64 v = a64_x(cpu, rt);
        if (r->write)
            r->write(cpu, r, v);
        else if (r->slot >= 0)
            cpu->sr[r->slot] = (v & ~r->res0) | r->res1;
        if (r->traps & SRT_CTX)
            a64_mmu_ctx_changed(cpu);
    }
}
