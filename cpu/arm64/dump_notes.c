/* SPDX-License-Identifier: MIT */
/*
 * The AArch64 notes of a dump-guest-memory core (core/dump.h): per vCPU an NT_PRSTATUS with
 * Linux's arm64 struct elf_prstatus (pr_reg = user_pt_regs: x0..x30, sp, pc, pstate) and an
 * NT_PRFPREG with struct user_fpsimd_state (v0..v31, fpsr, fpcr), the layouts gdb and crash
 * read (linux/arch/arm64/include/uapi/asm/ptrace.h, include/uapi/linux/elfcore.h).
 */
#include <elf.h>
#include <stddef.h>
#include <string.h>

#include "core/dump.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mmu.h"

/* struct elf_prstatus on a 64-bit Linux: 392 bytes, pr_pid at 32, pr_reg at 112. */
struct a64_elf_prstatus {
    u8 pr_info[12];     /* struct elf_siginfo */
    u16 pr_cursig;
    u8 pad0[2];
    u64 pr_sigpend, pr_sighold;
    u32 pr_pid, pr_ppid, pr_pgrp, pr_sid;
    u64 pr_times[8];    /* utime, stime, cutime, cstime: struct timeval each */
    u64 pr_reg[34];     /* x0..x30, sp, pc, pstate */
    u32 pr_fpvalid;
    u8 pad1[4];
};
_Static_assert(sizeof(struct a64_elf_prstatus) == 392, "Linux arm64 elf_prstatus size");
_Static_assert(offsetof(struct a64_elf_prstatus, pr_reg) == 112, "pr_reg offset");

struct a64_user_fpsimd {
    u8 vregs[32][16];
    u32 fpsr, fpcr;
    u32 reserved[2];
};
_Static_assert(sizeof(struct a64_user_fpsimd) == 528, "user_fpsimd_state size");

static size_t a64_cpu_notes(struct vcpu *v, u8 *buf, size_t cap)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    struct a64_elf_prstatus pr;
    memset(&pr, 0, sizeof(pr));
    pr.pr_pid = (u32)v->index + 1; /* gdb's thread id, as in the gdbstub */
    memcpy(pr.pr_reg, cpu->x, 31 * sizeof(u64));
    pr.pr_reg[31] = cpu->sp_el[cpu->sp_idx];
    pr.pr_reg[32] = cpu->pc;
    pr.pr_reg[33] = a64_pstate_to_spsr(cpu);
    pr.pr_fpvalid = 1;
    struct a64_user_fpsimd fp;
    memset(&fp, 0, sizeof(fp));
    for (int i = 0; i < 32; i++)
        memcpy(fp.vregs[i], cpu->v[i].b, 16);
    fp.fpsr = cpu->fpsr;
    fp.fpcr = cpu->fpcr;
    size_t n = dump_put_note(buf, cap, "CORE", NT_PRSTATUS, &pr, sizeof(pr));
    size_t n2 = n ? dump_put_note(buf + n, cap - n, "CORE", NT_PRFPREG, &fp, sizeof(fp)) : 0;
    return n2 ? n + n2 : 0;
}

/* Bytes a translation fault at this lookup level leaves unmapped, at least: the 4K granule's
 * (the smallest of the three granules at every level), so a skip never passes a mapping. */
static u64 a64_fault_span(int level)
{
    if (level < 0)
        level = 0;
    return 1ull << (12 + 9 * (3 - (level > 3 ? 3 : level)));
}

/* Walk [lo, hi) of the current regime (the debugger's translation: no TLB, no fault raised):
 * a mapped VA emits its page or block, a fault skips what its level leaves unmapped. */
static void a64_map_range(struct a64_cpu *cpu, u64 lo, u64 hi,
                          void (*emit)(void *opaque, u64 va, u64 pa, u64 len), void *opaque)
{
    u64 va = lo;
    while (va < hi) {
        struct vmsa_result r;
        struct mmu_fault f;
        u64 size;
        if (a64_mmu_translate(cpu, &cpu->mmu->ctx, va, false, false, &r, &f)) {
            size = 1ull << r.size_shift;
            u64 off = va & (size - 1);
            emit(opaque, va, r.pa + off, size - off);
        } else {
            size = a64_fault_span(f.level);
        }
        u64 next = (va & ~(size - 1)) + size;
        if (next <= va)
            break; /* the top of the address space */
        va = next;
    }
}

/* The lower range and the upper (TTBR1) range of a 48-bit address space; VAs outside the
 * regime's TxSZ ranges fault at level 0 and are skipped 512 GiB at a time. */
static void a64_mappings(struct vcpu *v, void (*emit)(void *opaque, u64 va, u64 pa, u64 len),
                         void *opaque)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    if (!cpu->mmu->ctx.s1.enabled)
        return; /* VA = PA (or IPA): the physical segments say it all */
    a64_map_range(cpu, 0, 1ull << 48, emit, opaque);
    a64_map_range(cpu, 0xffff000000000000ull, ~0ull, emit, opaque);
}

const struct dump_arch_ops a64_dump_ops = {
    .e_machine = EM_AARCH64,
    .cpu_notes = a64_cpu_notes,
    .mappings = a64_mappings,
};
