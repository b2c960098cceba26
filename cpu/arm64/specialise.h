/* SPDX-License-Identifier: MIT */
/*
 * Decode-time specialisation: after the generated decoder picked the generic executor of an
 * instruction, the hottest forms (by profile of bench/mips and the Debian boot) are swapped for
 * executors with no run-time switch left: operand size, shift, sign extension, addressing
 * mode and the meaning of register 31 are fixed when the slot is filled, immediates are
 * pre-shifted and logical/bitfield masks precomputed. Everything not covered keeps its generic
 * executor, which stays the definition of the behaviour (tests/unit/a64_specialise.c runs both
 * on random states and compares).
 */
#ifndef EMU_CPU_ARM64_SPECIALISE_H
#define EMU_CPU_ARM64_SPECIALISE_H

#include "a64_decode.h"
#include "core/types.h"
#include "cpu/arm64/decode_cache.h"

/* The argument record of the specialised executors, stored in the slot's union a64_args
 * (a64_specialise() checks that it fits). */
struct a64_fast_args {
    u8 rd, rn, rm, sh; /* registers (rt is rd); shift amount */
    u32 flags;         /* memory-access flags with the ISS description (mem.h) */
    u64 imm;           /* immediate, branch offset, byte offset or precomputed mask */
    u64 imm2;          /* second mask (bitfields) */
};

/* A specialised executor's two entry points: per instruction (the checking loop, the unit
 * tests) and threaded (the fast loop, cpu/arm64/thread.h). */
struct a64_spec {
    a64_exec_fn fn;
    a64_thr_fn tfn;
};

/* Returns the executor to install for the instruction that decoded to fn with arguments *a and
 * sets *tfn to its threaded entry; may rewrite *a into a struct a64_fast_args. Returns fn itself
 * (and leaves *tfn alone) when nothing applies. */
a64_exec_fn a64_specialise(a64_exec_fn fn, union a64_args *a, a64_thr_fn *tfn);

/* The threaded entry to install for an instruction whose threaded entry is tfn when the next
 * instruction word on its page is next: for a flag-setting instruction followed by a B.cond,
 * the entry that runs both (spec_int.c); otherwise tfn. */
a64_thr_fn a64_spec_fuse(a64_thr_fn tfn, u32 next);

#endif
