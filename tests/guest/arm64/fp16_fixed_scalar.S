// SPDX-License-Identifier: MIT
// FCVTZS (vector, fixed-point), scalar half-precision form: the result is a 16-bit element
// written as a scalar, so V[d] bits above 16 are zero (Arm ARM C7.2 FCVTZS (vector, fixed-
// point): V[d, esize] = ...). QEMU 7.2 sign-extends a negative result to 32 bits
// (docs/DEVIATIONS.md), so this runs with reference = no.
#include "macros.inc"

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    mov     x0, #(3 << 20)              // CPACR_EL1.FPEN: no SIMD&FP traps
    msr     cpacr_el1, x0
    isb
    msr     fpcr, xzr
    msr     fpsr, xzr
    fmov    h0, #-1.5
    fcvtzs  h1, h0, #4                  // -1.5 * 16 = -24 = 0xffe8
    fmov    x1, d1
    CHECK_EQ x1, 0xffe8, 1
    fcvtzs  h1, h0                      // the integer form: -1 = 0xffff
    fmov    x1, d1
    CHECK_EQ x1, 0xffff, 2
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
