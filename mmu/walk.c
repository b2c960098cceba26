/* SPDX-License-Identifier: MIT */
/* The format-independent walk loop: index, read, classify, descend (Arm ARM D8.2, AArch64.S1Walk). */
#include "mmu/walk.h"

bool mmu_walk(struct mmu_walk *w)
{
    u64 table = w->table;
    w->nsteps = 0;
    w->table_attrs = 0;
    w->fault = (struct mmu_fault){0};
    for (int level = w->start_level; level <= w->last_level; level++) {
        unsigned shift = mmu_level_shift(w, level);
        /* The start level may resolve more bits than a table holds (concatenated stage-2
         * tables) or fewer (a small input range). */
        unsigned width = level == w->start_level ? w->ia_bits - shift : w->stride;
        u64 index = extract64(w->ia, shift, width);
        u64 addr = table + index * w->fmt->desc_bytes, desc, next = 0;
        if (!w->read_desc(w, addr, &desc))
            return false;
        if (w->nsteps < MMU_MAX_LEVELS) {
            w->step[w->nsteps].addr = addr;
            w->step[w->nsteps].val = desc;
            w->step[w->nsteps].level = level;
            w->nsteps++;
        }
        switch (w->fmt->decode(w, desc, level, &next)) {
        case MMU_DESC_INVALID:
            w->fault.kind = MMU_FAULT_TRANSLATION;
            w->fault.level = (s8)level;
            return false;
        case MMU_DESC_FAULT:
            w->fault.level = (s8)level;
            return false;
        case MMU_DESC_TABLE:
            table = next;
            continue;
        case MMU_DESC_LEAF:
            w->leaf_desc = desc;
            w->leaf_level = level;
            w->leaf_shift = shift;
            w->oa = next | extract64(w->ia, 0, shift);
            return true;
        }
    }
    /* A format that returns TABLE at the last level is an emu bug; report a translation fault. */
    w->fault.kind = MMU_FAULT_TRANSLATION;
    w->fault.level = (s8)w->last_level;
    return false;
}
