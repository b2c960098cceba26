/* SPDX-License-Identifier: MIT */
/* Shared by the A64 vCPU unit tests: running code that may raise, and decoding random
 * encodings into a generic and a specialised executor. */
#ifndef EMU_TESTS_UNIT_A64_UNIT_H
#define EMU_TESTS_UNIT_A64_UNIT_H

#include <setjmp.h>
#include <string.h>

#include "a64_decode.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/specialise.h"

/* Run stmt on vCPU c; true if it raised an exception (c is then put back at EL1). */
#define A64_FAULTS(c, stmt)                                                                    \
    ({                                                                                         \
        jmp_buf jb_, *const outer_ = (c)->exc_jmp;                                             \
        volatile bool faulted_ = false;                                                        \
        (c)->exc_jmp = &jb_;                                                                   \
        if (setjmp(jb_)) {                                                                     \
            faulted_ = true;                                                                   \
            a64_set_el((c), 1, true);                                                          \
        } else {                                                                               \
            stmt;                                                                              \
        }                                                                                      \
        (c)->exc_jmp = outer_;                                                                 \
        faulted_;                                                                              \
    })

/* One instruction word decoded both ways. */
struct a64_spec_case {
    union a64_args ga, fa; /* generic and specialised arguments */
    a64_exec_fn gfn, ffn;  /* generic and specialised executor */
    a64_thr_fn tfn;        /* the specialised executor's threaded entry */
};

/* Decode raw into *sc; false unless it decodes and a64_specialise() picks a specialised
 * executor for it. */
static inline bool a64_spec_case_make(u32 raw, struct a64_spec_case *sc)
{
    memset(sc, 0, sizeof(*sc));
    sc->gfn = a64_decode(raw, &sc->ga);
    if (!sc->gfn)
        return false;
    sc->fa = sc->ga;
    sc->ffn = a64_specialise(sc->gfn, &sc->fa, &sc->tfn);
    return sc->ffn != sc->gfn;
}

/* The distinct executors seen, to check that a test reaches all of them. */
struct a64_exec_set {
    a64_exec_fn fn[256];
    unsigned n;
};

static inline void a64_exec_set_add(struct a64_exec_set *s, a64_exec_fn fn)
{
    for (unsigned k = 0; k < s->n; k++)
        if (s->fn[k] == fn)
            return;
    if (s->n < sizeof(s->fn) / sizeof(s->fn[0]))
        s->fn[s->n++] = fn;
}

#endif
