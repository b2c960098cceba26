/* SPDX-License-Identifier: MIT */
/*
 * A64 CRC32B/H/W/X and CRC32CB/H/W/X (FEAT_CRC32). Arm ARM C6.2 (CRC32, CRC32C): the
 * bit-reflected CRC of the low 8 << sz bits of Rm, polynomial 0x04C11DB7 or 0x1EDC6F41.
 */
#include "a64_decode.h"
#include "cpu/arm64/alu.h"
#include "cpu/arm64/exception.h"

/* Reflected polynomials, one byte-at-a-time table each, built on first use. */
static u32 crc_table[2][256];
static bool crc_table_ready;

static void crc_table_init(void)
{
    static const u32 poly[2] = {0xedb88320u, 0x82f63b78u};
    for (int t = 0; t < 2; t++)
        for (u32 i = 0; i < 256; i++) {
            u32 c = i;
            for (int k = 0; k < 8; k++)
                c = c & 1 ? (c >> 1) ^ poly[t] : c >> 1;
            crc_table[t][i] = c;
        }
    crc_table_ready = true;
}

/* sz=3 (doubleword) needs sf=1, the others sf=0. */
void a64_exec_CRC32(struct a64_cpu *cpu, const struct arg_CRC32 *a)
{
    if ((a->sz == 3) != a->sf)
        a64_undef(cpu);
    if (!crc_table_ready)
        crc_table_init();
    const u32 *tab = crc_table[a->c];
    u32 acc = (u32)a64_x(cpu, a->rn);
    u64 val = a64_x(cpu, a->rm);
    for (unsigned i = 0; i < (1u << a->sz); i++) {
        acc = (acc >> 8) ^ tab[(acc ^ val) & 0xff];
        val >>= 8;
    }
    a64_set_w(cpu, a->rd, acc);
}
