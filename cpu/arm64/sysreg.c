/* SPDX-License-Identifier: MIT */
/* The system-register table: registration, O(1) lookup by encoding, generic access path. */
#include "cpu/arm64/sysreg.h"

#include <string.h>

#include "core/log.h"
#include "cpu/arm64/exception.h"

#define MAX_TABLES 32

static const struct a64_sysreg *tables[MAX_TABLES];
static int ntables;
static const struct a64_sysreg *by_enc[1u << 16];
static bool finalized;

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
    for (int t = 0; t < ntables; t++)
        for (const struct a64_sysreg *r = tables[t]; r->name; r++) {
            if (by_enc[r->enc])
                emu_bug("system registers %s and %s share an encoding", by_enc[r->enc]->name,
                        r->name);
            by_enc[r->enc] = r;
        }
    finalized = true;
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

void a64_sysreg_access(struct a64_cpu *cpu, u32 enc, int rt, bool is_read)
{
    const struct a64_sysreg *r = a64_sysreg_find(enc);
    u16 need = (u16)(1u << (cpu->el * 2 + (is_read ? 0 : 1)));
    if (!r || !(r->access & need))
        a64_undef(cpu);
    if (r->check && r->check(cpu, r, is_read) == A64_SR_UNDEF)
        a64_undef(cpu);
    if (is_read) {
        u64 v = r->read ? r->read(cpu, r) : cpu->sr[r->slot];
        a64_set_x(cpu, rt, v);
    } else {
        u64 v = a64_x(cpu, rt);
        if (r->write)
            r->write(cpu, r, v);
        else if (r->slot >= 0)
            cpu->sr[r->slot] = (v & ~r->res0) | r->res1;
    }
}
