/* SPDX-License-Identifier: MIT */
/*
 * Cryptographic extension: AESE/AESD/AESMC/AESIMC (C4.1.96.1, FIPS-197 on the Arm byte
 * order), SHA1C/P/M/H/SU0/SU1 and SHA256H/H2/SU0/SU1 (C4.1.96.2, .3; Arm ARM shared
 * pseudocode SHA256hash, SHAchoose ...). PMULL is in simd_3diff.c.
 */
#include <string.h>

#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

static u8 aes_sbox[256], aes_inv_sbox[256];

static u8 gf_mul(u8 a, u8 b)
{
    u8 r = 0;
    while (b) {
        if (b & 1)
            r ^= a;
        a = (u8)((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
        b >>= 1;
    }
    return r;
}

/* The S-box from its definition: multiplicative inverse in GF(2^8), then the affine map. */
static void aes_init(void)
{
    if (aes_sbox[0])
        return;
    for (int x = 0; x < 256; x++) {
        u8 inv = 0;
        for (int y = 1; y < 256 && x; y++)
            if (gf_mul((u8)x, (u8)y) == 1) {
                inv = (u8)y;
                break;
            }
        u8 s = inv;
        for (int i = 1; i < 5; i++)
            s ^= (u8)((inv << i) | (inv >> (8 - i)));
        s ^= 0x63;
        aes_sbox[x] = s;
        aes_inv_sbox[s] = (u8)x;
    }
}

/* Byte i of the state is row i % 4, column i / 4. */
static void aes_shift_rows(u8 *s, bool inverse)
{
    u8 t[16];
    for (int c = 0; c < 4; c++)
        for (int r = 0; r < 4; r++) {
            int src = inverse ? r + 4 * ((c - r + 4) % 4) : r + 4 * ((c + r) % 4);
            t[r + 4 * c] = s[src];
        }
    memcpy(s, t, 16);
}

static void aes_mix_columns(u8 *s, bool inverse)
{
    static const u8 fwd[4] = {2, 3, 1, 1}, inv[4] = {14, 11, 13, 9};
    const u8 *k = inverse ? inv : fwd;
    for (int c = 0; c < 4; c++) {
        u8 col[4], out[4];
        memcpy(col, s + 4 * c, 4);
        for (int r = 0; r < 4; r++)
            out[r] = gf_mul(col[r], k[0]) ^ gf_mul(col[(r + 1) % 4], k[1]) ^
                     gf_mul(col[(r + 2) % 4], k[2]) ^ gf_mul(col[(r + 3) % 4], k[3]);
        memcpy(s + 4 * c, out, 4);
    }
}

void a64_exec_AES(struct a64_cpu *cpu, const struct arg_AES *a)
{
    if (a->opcode < 4 || a->opcode > 7)
        a64_undef(cpu);
    a64_fp_check(cpu);
    aes_init();
    union a64_vreg s = cpu->v[a->rn];
    switch (a->opcode) {
    case 4: /* AESE: AddRoundKey, ShiftRows, SubBytes */
    case 5: /* AESD: AddRoundKey, InvShiftRows, InvSubBytes */
        s.q ^= cpu->v[a->rd].q;
        aes_shift_rows(s.b, a->opcode == 5);
        for (int i = 0; i < 16; i++)
            s.b[i] = a->opcode == 5 ? aes_inv_sbox[s.b[i]] : aes_sbox[s.b[i]];
        break;
    default: /* AESMC, AESIMC */
        aes_mix_columns(s.b, a->opcode == 7);
        break;
    }
    cpu->v[a->rd] = s;
}

static inline u32 rol32(u32 x, int n) { return (x << n) | (x >> (32 - n)); }
static inline u32 ror32(u32 x, int n) { return (x >> n) | (x << (32 - n)); }
static inline u32 sha_choose(u32 x, u32 y, u32 z) { return ((y ^ z) & x) ^ z; }
static inline u32 sha_parity(u32 x, u32 y, u32 z) { return x ^ y ^ z; }
static inline u32 sha_majority(u32 x, u32 y, u32 z) { return (x & y) | ((x | y) & z); }

static u128 sha256_hash(u128 xv, u128 yv, const union a64_vreg *w, bool part1)
{
    union a64_vreg x = {.q = xv}, y = {.q = yv};
    for (int e = 0; e < 4; e++) {
        u32 chs = sha_choose(y.s[0], y.s[1], y.s[2]);
        u32 maj = sha_majority(x.s[0], x.s[1], x.s[2]);
        u32 t = y.s[3] + (ror32(y.s[0], 6) ^ ror32(y.s[0], 11) ^ ror32(y.s[0], 25)) + chs + w->s[e];
        x.s[3] = t + x.s[3];
        y.s[3] = t + (ror32(x.s[0], 2) ^ ror32(x.s[0], 13) ^ ror32(x.s[0], 22)) + maj;
        u32 xtop = x.s[3], ytop = y.s[3];
        x.q = (x.q << 32) | ytop;
        y.q = (y.q << 32) | xtop;
    }
    return part1 ? x.q : y.q;
}

void a64_exec_SHA_3reg(struct a64_cpu *cpu, const struct arg_SHA_3reg *a)
{
    if (a->opcode == 7)
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg d = cpu->v[a->rd], n = cpu->v[a->rn], m = cpu->v[a->rm], r;
    switch (a->opcode) {
    case 0: case 1: case 2: { /* SHA1C, SHA1P, SHA1M */
        u32 (*f)(u32, u32, u32) = a->opcode == 0 ? sha_choose : a->opcode == 1 ? sha_parity
                                                                              : sha_majority;
        union a64_vreg x = d;
        u32 y = n.s[0];
        for (int e = 0; e < 4; e++) {
            u32 t = f(x.s[1], x.s[2], x.s[3]);
            y = y + rol32(x.s[0], 5) + t + m.s[e];
            x.s[1] = rol32(x.s[1], 30);
            u32 top = x.s[3];
            x.q = (x.q << 32) | y;
            y = top;
        }
        r = x;
        break;
    }
    case 3: /* SHA1SU0 */
        r.d[0] = d.d[1];
        r.d[1] = n.d[0];
        r.q ^= d.q ^ m.q;
        break;
    case 4: r.q = sha256_hash(d.q, n.q, &m, true); break;
    case 5: r.q = sha256_hash(n.q, d.q, &m, false); break;
    default: { /* SHA256SU1 */
        union a64_vreg t0;
        t0.q = (n.q >> 32) | ((u128)m.s[0] << 96);
        u32 t1[2] = {m.s[2], m.s[3]};
        for (int e = 0; e < 4; e++) {
            u32 elt = e < 2 ? t1[e] : r.s[e - 2];
            elt = ror32(elt, 17) ^ ror32(elt, 19) ^ (elt >> 10);
            r.s[e] = elt + d.s[e] + t0.s[e];
        }
        break;
    }
    }
    cpu->v[a->rd] = r;
}

void a64_exec_SHA_2reg(struct a64_cpu *cpu, const struct arg_SHA_2reg *a)
{
    if (a->opcode > 2)
        a64_undef(cpu);
    a64_fp_check(cpu);
    union a64_vreg d = cpu->v[a->rd], n = cpu->v[a->rn], r = {0};
    switch (a->opcode) {
    case 0: /* SHA1H */
        r.s[0] = rol32(n.s[0], 30);
        break;
    case 1: { /* SHA1SU1 */
        union a64_vreg t = {.q = d.q ^ (n.q >> 32)};
        r.s[0] = rol32(t.s[0], 1);
        r.s[1] = rol32(t.s[1], 1);
        r.s[2] = rol32(t.s[2], 1);
        r.s[3] = rol32(t.s[3], 1) ^ rol32(t.s[0], 2);
        break;
    }
    default: { /* SHA256SU0 */
        union a64_vreg t = {.q = (d.q >> 32) | ((u128)n.s[0] << 96)};
        for (int e = 0; e < 4; e++) {
            u32 elt = t.s[e];
            r.s[e] = (ror32(elt, 7) ^ ror32(elt, 18) ^ (elt >> 3)) + d.s[e];
        }
        break;
    }
    }
    cpu->v[a->rd] = r;
}
