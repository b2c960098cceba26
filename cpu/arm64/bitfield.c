/* SPDX-License-Identifier: MIT */
/*
 * A64 bitfield moves SBFM/BFM/UBFM and so all their aliases (LSL/LSR/ASR immediate,
 * SBFX/UBFX/SBFIZ/UBFIZ/BFI/BFXIL/SXTB/SXTH/SXTW/UXTB/UXTH).
 * Arm ARM C6.2 (SBFM, BFM, UBFM pseudocode).
 */
#include "a64_decode.h"
#include "cpu/arm64/alu.h"
#include "cpu/arm64/exception.h"

/* N must equal sf; DecodeBitMasks(immediate=FALSE) rejects the remaining reserved cases. */
static inline void bfm_masks(struct a64_cpu *cpu, const struct arg_bfm *a, u64 *wmask, u64 *tmask)
{
    unsigned datasize = a->sf ? 64 : 32;
    if (a->n != a->sf || (!a->sf && (a->immr >= 32 || a->imms >= 32)) ||
        !a64_decode_bit_masks(a->n, a->imms, a->immr, false, datasize, wmask, tmask))
        a64_undef(cpu);
}

void a64_exec_SBFM(struct a64_cpu *cpu, const struct arg_bfm *a)
{
    u64 wmask, tmask;
    bfm_masks(cpu, a, &wmask, &tmask);
    unsigned datasize = a->sf ? 64 : 32;
    u64 src = a64_x(cpu, a->rn);
    u64 bot = a64_ror(src, a->immr, datasize) & wmask;
    /* top = Replicate(src<S>) */
    u64 top = (src >> a->imms) & 1 ? ~0ull : 0;
    u64 r = (top & ~tmask) | (bot & tmask);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

void a64_exec_BFM(struct a64_cpu *cpu, const struct arg_bfm *a)
{
    u64 wmask, tmask;
    bfm_masks(cpu, a, &wmask, &tmask);
    unsigned datasize = a->sf ? 64 : 32;
    u64 dst = a64_x(cpu, a->rd);
    u64 bot = (dst & ~wmask) | (a64_ror(a64_x(cpu, a->rn), a->immr, datasize) & wmask);
    u64 r = (dst & ~tmask) | (bot & tmask);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

void a64_exec_UBFM(struct a64_cpu *cpu, const struct arg_bfm *a)
{
    u64 wmask, tmask;
    bfm_masks(cpu, a, &wmask, &tmask);
    unsigned datasize = a->sf ? 64 : 32;
    u64 bot = a64_ror(a64_x(cpu, a->rn), a->immr, datasize) & wmask;
    a64_set_reg(cpu, a->sf, a->rd, bot & tmask);
}
