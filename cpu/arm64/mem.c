/* SPDX-License-Identifier: MIT */
/* Guest memory access, MMU off: virtual = physical. (Translation arrives with mmu.c.) */
#include "cpu/arm64/mem.h"

#include <string.h>

#include "core/machine.h"
#include "cpu/arm64/exception.h"

NORETURN static void data_abort_external(struct a64_cpu *cpu, u64 va, bool write, u32 flags)
{
    unsigned tel = a64_sync_target_el(cpu);
    unsigned ec = tel > cpu->el ? ESR_EC_DABT_LOW : ESR_EC_DABT_CUR;
    a64_raise(cpu, tel, esr_make(ec, true, 0x10 | (write ? 1u << 6 : 0)), va, true);
}

NORETURN void a64_raise_fetch_external_abort(struct a64_cpu *cpu, u64 va)
{
    unsigned tel = a64_sync_target_el(cpu);
    unsigned ec = tel > cpu->el ? ESR_EC_IABT_LOW : ESR_EC_IABT_CUR;
    a64_raise(cpu, tel, esr_make(ec, true, 0x10), va, true);
}

u64 a64_read(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags)
{
    u64 v;
    if (as_read(&cpu->vcpu.machine->as, va, size, &v) != BUS_OK)
        data_abort_external(cpu, va, false, flags);
    return v;
}

void a64_write(struct a64_cpu *cpu, u64 va, unsigned size, u64 val, u32 flags)
{
    enum bus_status st = as_write(&cpu->vcpu.machine->as, va, size, val);
    if (st != BUS_OK && st != BUS_READ_ONLY)
        data_abort_external(cpu, va, true, flags);
}

void a64_read16(struct a64_cpu *cpu, u64 va, u64 out[2], u32 flags)
{
    u64 lo = a64_read(cpu, va, 8, flags), hi = a64_read(cpu, va + 8, 8, flags);
    out[0] = lo;
    out[1] = hi;
}

void a64_write16(struct a64_cpu *cpu, u64 va, const u64 in[2], u32 flags)
{
    a64_write(cpu, va, 8, in[0], flags);
    a64_write(cpu, va + 8, 8, in[1], flags);
}

u8 *a64_rmw_ptr(struct a64_cpu *cpu, u64 va, unsigned size, u32 flags)
{
    return as_host_ptr(&cpu->vcpu.machine->as, va, true, NULL);
}

u64 a64_translate_fetch(struct a64_cpu *cpu, u64 va)
{
    return va;
}

void a64_fast_tlb_drop_pa_writes(struct machine *m, u64 pa_page)
{
}
