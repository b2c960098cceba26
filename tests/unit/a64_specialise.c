/* SPDX-License-Identifier: MIT */
/* cpu/arm64/specialise.c: every specialised executor computes exactly what the generic one
 * does. Random encodings of each specialised class are decoded, then run both ways on the same
 * random register state; the whole vCPU state must match byte for byte. (Loads and stores need
 * a machine: the guest ISA tests and tools/a64-randtest cover those.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a64_decode.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "cpu/arm64/specialise.h"
#include "tests/unit/a64_unit.h"
#include "tests/unit/check.h"

/* Instruction classes: fixed bits under mask, the rest random (Arm ARM C4.1 tables). */
static const struct {
    u32 mask, bits;
    const char *what;
} classes[] = {
    {0x1f800000, 0x11000000, "add/sub immediate"},
    {0x1f800000, 0x12000000, "logical immediate"},
    {0x1f800000, 0x12800000, "move wide"},
    {0x1f800000, 0x13000000, "bitfield"},
    {0x1f000000, 0x0a000000, "logical shifted register"},
    {0x1f200000, 0x0b000000, "add/sub shifted register"},
    {0x1fe00000, 0x0b200000, "add/sub extended register"},
    {0xff000010, 0x54000000, "B.cond"},
    {0x7e000000, 0x34000000, "CBZ/CBNZ"},
    {0x7e000000, 0x36000000, "TBZ/TBNZ"},
    {0x3fe00800, 0x1a800000, "conditional select"},
    {0x7fe08000, 0x1b000000, "MADD"},
    {0x7fa00000, 0x13800000, "EXTR"},
    {0x1fe0fc00, 0x1a000000, "ADC/SBC"},
    {0x3fe00410, 0x3a400000, "CCMP/CCMN"},
    {0x9f000000, 0x90000000, "ADRP"},
    {0x7fe0f000, 0x1ac02000, "variable shift"},
    {0x7c000000, 0x14000000, "B/BL"},
    {0xff9ffc1f, 0xd61f0000, "BR/BLR/RET"},
    {0xfffff01f, 0xd503201f, "hints"},
};

static u64 rng = 0x9e3779b97f4a7c15ull;
static u64 rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Register values that reach the corner cases of flags and shifts. */
static u64 rnd_value(void)
{
    static const u64 special[] = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
                                  0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull};
    unsigned k = rnd() % 4;
    return k == 0 ? special[rnd() % (sizeof(special) / 8)] : k == 1 ? (u32)rnd() : rnd();
}

static struct a64_cpu before, generic, fast, threaded;
static struct a64_insn slot;

/* Run a threaded entry from the state before on slots with a budget of budget instructions;
 * it must leave with the budget spent at the pc where the per-instruction executors ended
 * (want: their state, want->npc the next pc), having changed nothing else. */
static void check_threaded(a64_thr_fn entry, const struct a64_insn *slots, u64 budget,
                           const struct a64_cpu *want, const char *what)
{
    threaded = before;
    threaded.vcpu.run_left = budget;
    entry(&threaded, slots, before.pc, budget);
    threaded.x[32] = want->x[32]; /* the XZR sink of the specialised executors */
    check_true(threaded.pc == want->npc && threaded.vcpu.run_left == 0, what, __FILE__,
               __LINE__);
    threaded.pc = want->pc;
    threaded.npc = want->npc;
    threaded.vcpu.run_left = want->vcpu.run_left;
    check_true(memcmp(want, &threaded, sizeof(*want)) == 0, what, __FILE__, __LINE__);
}

int main(void)
{
    struct a64_exec_set seen = {0};
    unsigned tried = 0, specialised = 0, nfused = 0;
    for (unsigned iter = 0; iter < 400000; iter++) {
        unsigned c = iter % (sizeof(classes) / sizeof(classes[0]));
        u32 raw = ((u32)rnd() & ~classes[c].mask) | classes[c].bits;
        struct a64_spec_case sc;
        bool spec = a64_spec_case_make(raw, &sc);
        if (!sc.gfn)
            continue;
        tried++;
        if (!spec)
            continue;
        specialised++;
        a64_exec_set_add(&seen, sc.ffn);

        memset(&before, 0, sizeof(before));
        for (int r = 0; r < 31; r++)
            before.x[r] = rnd_value();
        for (int e = 0; e < 4; e++)
            before.sp_el[e] = rnd_value();
        before.sp_idx = rnd() % 4;
        before.el = before.sp_idx;
        before.nzcv = (u32)(rnd() & 0xf) << 28;
        before.pc = rnd() & ~3ull;
        before.npc = before.pc + 4;
        generic = before;
        fast = before;
        sc.gfn(&generic, &sc.ga);
        sc.ffn(&fast, &sc.fa);
        fast.x[32] = generic.x[32]; /* the XZR sink of the specialised executors */
        /* The threaded entry with a budget of one. */
        slot.fn = sc.ffn;
        slot.tfn = sc.tfn;
        slot.a = sc.fa;
        check_threaded(sc.tfn, &slot, 1, &generic, "threaded == generic");
        /* Followed by a B.cond: the fused entry (when there is one) with room for both runs
         * both; with room for one, only the first. */
        u32 braw = 0x54000000 | ((u32)rnd() & 0x00ffffef);
        a64_thr_fn fused = a64_spec_fuse(sc.tfn, braw);
        if (fused != sc.tfn) {
            nfused++;
            static struct a64_insn pair[2];
            struct a64_spec_case bc;
            CHECK(a64_spec_case_make(braw, &bc));
            pair[0] = slot;
            pair[0].tfn = fused;
            pair[1].fn = bc.ffn;
            pair[1].tfn = bc.tfn;
            pair[1].a = bc.fa;
            struct a64_cpu both = generic;
            both.pc = generic.npc;
            both.npc = both.pc + 4;
            bc.gfn(&both, &bc.ga);
            check_threaded(fused, pair, 2, &both, "fused == generic pair");
            /* With room for one instruction: only the first, as the plain entry. */
            check_threaded(fused, pair, 1, &generic, "fused entry with a budget of one");
        }
        bool same = memcmp(&generic, &fast, sizeof(generic)) == 0;
        check_true(same, "specialised == generic", __FILE__, __LINE__);
        if (!same) {
            char what[160];
            snprintf(what, sizeof(what), "%s %08x (%s): specialised state differs",
                     classes[c].what, raw, a64_exec_name(sc.gfn));
            fprintf(stderr, "%s\n", what);
            for (int r = 0; r < 31; r++)
                if (generic.x[r] != fast.x[r])
                    fprintf(stderr, "  x%d: generic %#llx fast %#llx\n", r,
                            (unsigned long long)generic.x[r], (unsigned long long)fast.x[r]);
            if (generic.nzcv != fast.nzcv || generic.npc != fast.npc)
                fprintf(stderr, "  nzcv %x/%x npc %llx/%llx\n", generic.nzcv, fast.nzcv,
                        (unsigned long long)generic.npc, (unsigned long long)fast.npc);
            if (check_failures > 10)
                break;
        }
    }
    printf("%u decoded, %u specialised, %u distinct specialised executors\n", tried, specialised,
           seen.n);
    /* Every specialised non-memory executor of specialise.c is reached. */
    CHECK(seen.n == 122);
    printf("%u compare-and-branch pairs\n", nfused);
    CHECK(nfused > 10000);
    return check_exit("a64_specialise");
}
