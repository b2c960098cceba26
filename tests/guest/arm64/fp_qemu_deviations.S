// SPDX-License-Identifier: MIT
// FP cases where qemu-system-aarch64 7.2 deviates from the Arm ARM (docs/DEVIATIONS.md), so
// this runs with reference = no:
// 1. FCVTZS (vector, fixed-point), scalar half precision: the 16-bit result is written as a
//    scalar, so V[d] bits above 16 are zero (V[d, esize] = ...); QEMU sign-extends to 32 bits.
// 2. FJCVTZS of a positive denormal flushed by FPCR.FZ: FPToFixedJS clears Z when the value
//    unpacks to zero but op<51:0> is not zero; QEMU sets Z.
#include "macros.inc"

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    msr     fpcr, xzr
    msr     fpsr, xzr
    fmov    h0, #-1.5
    fcvtzs  h1, h0, #4                  // -1.5 * 16 = -24 = 0xffe8
    fmov    x1, d1
    CHECK_EQ x1, 0xffe8, 1
    fcvtzs  h1, h0                      // the integer form: -1 = 0xffff
    fmov    x1, d1
    CHECK_EQ x1, 0xffff, 2
    mov     x3, #(1 << 24)              // FZ
    msr     fpcr, x3
    msr     fpsr, xzr
    mov     x3, #1                      // smallest positive denormal
    fmov    d0, x3
    fjcvtzs w1, d0
    CHECK_NZCV 0x0, 3
    CHECK_EQ x1, 0, 4
    mrs     x1, fpsr
    CHECK_EQ x1, 0x80, 5                // IDC only
    msr     fpcr, xzr
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret
