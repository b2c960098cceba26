/* SPDX-License-Identifier: MIT */
/*
 * The chunk-wise (SWAR) element helpers of cpu/arm64/simd_int.h against plain per-element
 * arithmetic, for every element width, on random and edge values.
 */
#include <stdio.h>

#include "cpu/arm64/simd_int.h"

static u64 rs = 88172645463325252ull;
static u64 rnd(void)
{
    rs ^= rs << 13;
    rs ^= rs >> 7;
    rs ^= rs << 17;
    return rs;
}

static u64 pick(unsigned bits)
{
    u64 r = rnd();
    switch (r & 3) {
    case 0: return r;
    case 1: return swar_high(bits) * (r >> 63 ? 1 : 0) | (rnd() & 0x00ff00ff00ff00ffull);
    case 2: return rnd() & rnd() & rnd(); /* many zero elements */
    default: return ~(rnd() & rnd());
    }
}

static u64 per_element(u64 a, u64 b, unsigned bits, int op)
{
    u64 r = 0, m = ones(bits);
    for (unsigned i = 0; i < 64; i += bits) {
        u64 x = (a >> i) & m, y = (b >> i) & m, v;
        switch (op) {
        case 0: v = x + y; break;
        case 1: v = x - y; break;
        default: v = x == 0 ? m : 0; break;
        }
        r |= (v & m) << i;
    }
    return r;
}

int main(void)
{
    int fails = 0, n = 0;
    for (unsigned bits = 8; bits <= 64; bits *= 2)
        for (int i = 0; i < 200000; i++, n += 3) {
            u64 a = pick(bits), b = (i & 7) ? pick(bits) : a;
            u64 got[3] = {swar_add(a, b, bits), swar_sub(a, b, bits), swar_zero_mask(a, bits)};
            for (int op = 0; op < 3; op++)
                if (got[op] != per_element(a, b, bits, op) && fails++ < 10)
                    printf("FAIL op %d bits %u a=%016llx b=%016llx got %016llx\n", op, bits,
                           (unsigned long long)a, (unsigned long long)b, (unsigned long long)got[op]);
        }
    printf("simd_swar: %d cases, %d failures\n", n, fails);
    return fails != 0;
}
