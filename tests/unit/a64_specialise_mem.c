/* SPDX-License-Identifier: MIT */
/* cpu/arm64/specialise.c, loads and stores: random LDR/STR/LDP/STP encodings run through the
 * generic and the specialised executor from the same vCPU and memory state, on a vCPU with RAM
 * and the MMU off (all data Device memory, so misaligned addresses take Alignment faults, and
 * addresses outside RAM external aborts). Registers, exception state and memory must match,
 * including whether and how the instruction faulted. The order alternates, so both the slow
 * path (first touch) and the fast path of each executor run. */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "a64_decode.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/mmu.h"
#include "cpu/arm64/specialise.h"
#include "tests/unit/a64_unit.h"
#include "tests/unit/check.h"

#define RAM 0x40000000ull
#define WIN (RAM + 0x10000) /* the window the registers point into */
#define WIN_SIZE 0x12000ull

static struct machine m;
static struct emu_config cfg = {.ram_size = 16 << 20, .smp = 1, .cpu_model = "max"};
static struct a64_cpu *cpu;
static struct a64_cpu start, after_generic;
static u8 mem_start[WIN_SIZE], mem_generic[WIN_SIZE];
static u8 *win;

static const struct {
    u32 mask, bits;
} classes[] = {
    {0x3f000000, 0x39000000}, /* LDR/STR unsigned offset */
    {0x3f000000, 0x38000000}, /* unscaled, pre/post-index, register offset (and others) */
    {0x3e000000, 0x28000000}, /* LDP/STP */
};

static u64 rng = 0x243f6a8885a308d3ull;
static u64 rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Run fn; returns whether it raised an exception. */
static bool run(a64_exec_fn fn, const union a64_args *a)
{
    jmp_buf jb;
    volatile bool faulted = false;
    cpu->exc_jmp = &jb;
    if (setjmp(jb))
        faulted = true;
    else
        fn(cpu, a);
    cpu->exc_jmp = NULL;
    return faulted;
}

/* Run the threaded entry of slot with a budget of one instruction, as the fast step loop
 * would: it must leave with pc after the instruction and the budget spent. */
static bool run_threaded(const struct a64_insn *slot)
{
    jmp_buf jb;
    volatile bool faulted = false;
    cpu->exc_jmp = &jb;
    cpu->vcpu.run_left = 1;
    if (setjmp(jb))
        faulted = true;
    else
        slot->tfn(cpu, slot, cpu->pc, 1);
    cpu->exc_jmp = NULL;
    return faulted;
}

int main(void)
{
    as_init(&m.as);
    m.cfg = &cfg;
    as_add_ram(&m.as, "ram", RAM, 16 << 20);
    a64_code_cache_init(&m);
    cpu = a64_cpu_create(&m, "max");
    a64_cpu_reset(cpu, 1, RAM);
    win = as_host_ptr(&m.as, WIN, true, NULL);
    CHECK(win != NULL);
    if (!win)
        return check_exit("a64_specialise_mem");

    struct a64_exec_set seen = {0};
    unsigned specialised = 0, faults = 0;
    for (unsigned iter = 0; iter < 60000; iter++) {
        unsigned c = iter % (sizeof(classes) / sizeof(classes[0]));
        u32 raw = ((u32)rnd() & ~classes[c].mask) | classes[c].bits;
        struct a64_spec_case sc;
        bool spec = a64_spec_case_make(raw, &sc);
        if (!spec)
            continue;
        specialised++;
        a64_exec_set_add(&seen, sc.ffn);

        /* Even registers (and SP) point into the window, mostly aligned; odd ones hold small
         * offsets, so register-offset forms hit the window when base is even, index odd. A
         * quarter of the offsets are small negative words with random upper bits, where UXTW,
         * SXTW and LSL give different addresses (SXTW stays in the window). */
        for (int r = 0; r < 31; r++) {
            u64 off = rnd() & 0xfff8;
            if (rnd() % 4 == 0)
                off |= rnd() & 7;
            u64 index = rnd() % 4 ? rnd() & 0x1f8 : (rnd() << 32) | (u32) - (rnd() & 0xf8);
            cpu->x[r] = r & 1 ? index : WIN + 0x800 + off;
        }
        cpu->sp_el[cpu->sp_idx] = WIN + 0x800 + (rnd() & 0xfff0) + (rnd() % 8 == 0 ? 8 : 0);
        for (u64 i = 0; i < WIN_SIZE; i += 8) {
            u64 v = rnd();
            memcpy(win + i, &v, 8);
        }
        cpu->pc = RAM + 0x1000;
        cpu->npc = cpu->pc + 4;
        start = *cpu;
        memcpy(mem_start, win, WIN_SIZE);

        /* Alternate which executor runs first (with an empty fast table). */
        bool generic_first = iter & 1;
        a64_fast_flush_all(cpu);
        bool f1 = run(generic_first ? sc.gfn : sc.ffn, generic_first ? &sc.ga : &sc.fa);
        struct a64_cpu first = *cpu;
        memcpy(mem_generic, win, WIN_SIZE);
        *cpu = start;
        memcpy(win, mem_start, WIN_SIZE);
        bool f2 = run(generic_first ? sc.ffn : sc.gfn, generic_first ? &sc.fa : &sc.ga);
        after_generic = generic_first ? first : *cpu;
        const struct a64_cpu *fast = generic_first ? cpu : &first;
        faults += f1;

        char what[96];
        snprintf(what, sizeof(what), "%08x (%s): same fault", raw, a64_exec_name(sc.gfn));
        check_true(f1 == f2, what, __FILE__, __LINE__);
        first.x[32] = after_generic.x[32] = cpu->x[32] = 0; /* the XZR sink */
        snprintf(what, sizeof(what), "%08x (%s): same vCPU state", raw, a64_exec_name(sc.gfn));
        check_true(memcmp(&after_generic, fast, sizeof(*fast)) == 0, what, __FILE__, __LINE__);
        snprintf(what, sizeof(what), "%08x (%s): same memory", raw, a64_exec_name(sc.gfn));
        check_true(memcmp(mem_generic, win, WIN_SIZE) == 0, what, __FILE__, __LINE__);

        /* The threaded entry, from the same state (fast or slow path alike). */
        *cpu = start;
        memcpy(win, mem_start, WIN_SIZE);
        if (iter & 2)
            a64_fast_flush_all(cpu);
        static struct a64_insn slot;
        slot.fn = sc.ffn;
        slot.tfn = sc.tfn;
        slot.a = sc.fa;
        bool f3 = run_threaded(&slot);
        snprintf(what, sizeof(what), "%08x (%s): threaded: same fault", raw, a64_exec_name(sc.gfn));
        check_true(f3 == f1, what, __FILE__, __LINE__);
        if (!f3) {
            snprintf(what, sizeof(what), "%08x (%s): threaded: leaves at pc + 4, budget spent",
                     raw, a64_exec_name(sc.gfn));
            check_true(cpu->pc == start.pc + 4 && cpu->vcpu.run_left == 0, what, __FILE__,
                       __LINE__);
            cpu->pc = after_generic.pc;
        }
        cpu->vcpu.run_left = after_generic.vcpu.run_left;
        cpu->x[32] = after_generic.x[32];
        snprintf(what, sizeof(what), "%08x (%s): threaded: same vCPU state", raw,
                 a64_exec_name(sc.gfn));
        check_true(memcmp(&after_generic, cpu, sizeof(*cpu)) == 0, what, __FILE__, __LINE__);
        snprintf(what, sizeof(what), "%08x (%s): threaded: same memory", raw, a64_exec_name(sc.gfn));
        check_true(memcmp(mem_generic, win, WIN_SIZE) == 0, what, __FILE__, __LINE__);
        if (check_failures > 10)
            break;
        *cpu = start;
    }
    printf("%u specialised, %u faulted, %u distinct specialised executors\n", specialised, faults,
           seen.n);
    /* 4 sizes x load/store + 5 sign-extending loads, x 6 single-register modes (immediate
     * offset, register offset LSL, UXTW, SXTW, post- and pre-index); 2 x 2 x 3 pair modes. */
    CHECK(seen.n == 90);
    return check_exit("a64_specialise_mem");
}
