/* SPDX-License-Identifier: MIT */
/* cpu/arm64/alu.h: DecodeBitMasks table (every logical immediate exactly once, reserved encodings
 * rejected), ConditionHolds table, AddWithCarry against wide arithmetic, shifts and extends. */
#include <stdio.h>
#include <stdlib.h>

#include "cpu/arm64/alu.h"

static int failures;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); failures++; } } while (0)

static int cmp_u64(const void *a, const void *b)
{
    u64 x = *(const u64 *)a, y = *(const u64 *)b;
    return x < y ? -1 : x > y;
}

/* The logical immediates, built independently: a run of 1..esize-1 ones rotated within each
 * element, replicated. 5334 distinct 64-bit values (Arm ARM C3.4.2 / C6.2.11). */
static void test_bitmasks(void)
{
    static u64 from_table[1 << 13], brute[8192];
    int nt = 0, nb = 0;
    for (unsigned i = 0; i < (1u << 13); i++)
        if (a64_logic_imm_table[i])
            from_table[nt++] = a64_logic_imm_table[i];
    for (unsigned e = 2; e <= 64; e *= 2)
        for (unsigned ones = 1; ones < e; ones++)
            for (unsigned r = 0; r < e; r++) {
                u64 elem = (1ull << ones) - 1;
                brute[nb++] = a64_replicate(a64_ror(elem, r, e), e);
            }
    /* immr bits above the element size are ignored, so values repeat in the table */
    qsort(from_table, nt, 8, cmp_u64);
    int nu = 0;
    for (int i = 0; i < nt; i++)
        if (nu == 0 || from_table[nu - 1] != from_table[i])
            from_table[nu++] = from_table[i];
    qsort(brute, nb, 8, cmp_u64);
    CHECK(nu == 5334 && nb == 5334);
    for (int i = 0; i < nu && i < nb; i++)
        if (from_table[i] != brute[i]) {
            CHECK(from_table[i] == brute[i]);
            break;
        }
    /* spot values: N=1 immr=0 imms=0 -> 1; N=0 imms=0b111100 (esize 2) -> 0x5555...; all-ones
     * (N=1, imms=63) reserved */
    CHECK(a64_logic_imm(1, 0, 0) == 1);
    CHECK(a64_logic_imm(0, 0, 0x3c) == 0x5555555555555555ull);
    CHECK(a64_logic_imm(1, 0, 63) == 0);
    CHECK(a64_logic_imm(0, 0, 0x3d) == 0);
    /* bitfield form (immediate=FALSE) accepts imms=all ones: UBFM X, #0, #63 = whole register */
    u64 w, t;
    CHECK(a64_decode_bit_masks(1, 63, 0, false, 64, &w, &t) && w == ~0ull && t == ~0ull);
    CHECK(a64_decode_bit_masks(0, 31, 8, false, 32, &w, &t) && w == 0xffffffffu &&
          t == 0x00ffffffu);
}

static void test_cond(void)
{
    /* EQ/NE on Z, CS on C, GE on N==V, GT, AL and NV always */
    for (unsigned f = 0; f < 16; f++) {
        u32 nzcv = f << 28;
        bool n = f & 8, z = f & 4, c = f & 2, v = f & 1;
        CHECK(a64_cond_holds(0, nzcv) == z);
        CHECK(a64_cond_holds(1, nzcv) == !z);
        CHECK(a64_cond_holds(2, nzcv) == c);
        CHECK(a64_cond_holds(8, nzcv) == (c && !z));
        CHECK(a64_cond_holds(9, nzcv) == !(c && !z));
        CHECK(a64_cond_holds(10, nzcv) == (n == v));
        CHECK(a64_cond_holds(12, nzcv) == (n == v && !z));
        CHECK(a64_cond_holds(13, nzcv) == !(n == v && !z));
        CHECK(a64_cond_holds(14, nzcv) && a64_cond_holds(15, nzcv));
    }
}

static u64 rng_state = 0x9e3779b97f4a7c15ull;
static u64 rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    switch (rng_state & 7) {
    case 0: return 0;
    case 1: return ~0ull;
    case 2: return 1ull << 63;
    case 3: return (1ull << 63) - 1;
    case 4: return 0x80000000u;
    default: return rng_state * 0x2545f4914f6cdd1dull;
    }
}

/* AddWithCarry() pseudocode with unbounded integers. */
static void test_add_with_carry(void)
{
    for (int i = 0; i < 200000; i++) {
        u64 x = rnd(), y = rnd();
        unsigned cin = i & 1;
        u32 f;
        u64 r = a64_add_with_carry(true, x, y, cin, &f);
        unsigned __int128 us = (unsigned __int128)x + y + cin;
        __int128 ss = (__int128)(s64)x + (s64)y + cin;
        CHECK(r == (u64)us);
        CHECK(!!(f & PSTATE_C) == ((u64)us != us));
        CHECK(!!(f & PSTATE_V) == ((s64)r != ss));
        CHECK(!!(f & PSTATE_N) == (r >> 63));
        CHECK(!!(f & PSTATE_Z) == (r == 0));
        u64 r32 = a64_add_with_carry(false, x, y, cin, &f);
        u64 us32 = (u64)(u32)x + (u32)y + cin;
        s64 ss32 = (s64)(s32)x + (s32)y + cin;
        CHECK(r32 == (u32)us32);
        CHECK(!!(f & PSTATE_C) == (us32 >> 32));
        CHECK(!!(f & PSTATE_V) == ((s32)r32 != ss32));
        if (failures > 10)
            return;
    }
}

static void test_shift_extend(void)
{
    CHECK(a64_shift(true, 0x8000000000000001ull, 2, 63) == ~0ull);
    CHECK(a64_shift(false, 0xffffffff80000000ull, 2, 31) == 0xffffffffu);
    CHECK(a64_shift(false, 0x1ull, 3, 1) == 0x80000000u);
    CHECK(a64_shift(true, 0x1ull, 3, 1) == 0x8000000000000000ull);
    CHECK(a64_shift(false, 0xffffffff00000001ull, 0, 0) == 1);
    CHECK(a64_extend(0x80, 4, 0) == 0xffffffffffffff80ull);
    CHECK(a64_extend(0x12348000, 5, 4) == 0xfffffffffff80000ull);
    CHECK(a64_extend(0xffffffff80000000ull, 2, 1) == 0x100000000ull);
    CHECK(a64_extend(0x80000000, 6, 0) == 0xffffffff80000000ull);
}

int main(void)
{
    test_bitmasks();
    test_cond();
    test_add_with_carry();
    test_shift_extend();
    printf("%s a64_alu\n", failures ? "FAIL" : "PASS");
    return failures != 0;
}
