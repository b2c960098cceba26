// SPDX-License-Identifier: MIT
// Reserved SIMD&FP encodings are UNDEFINED (EC 0x00), not executed as a neighbouring form:
// 1D arrangements, ftype 10, Q-sized loads with size != 00, LDP opc 11, reserved sizes, and the
// fixed-point scale < 32 of 32-bit conversions (Arm ARM C4.1.96 "unallocated" rows).
#include "macros.inc"

.macro UNDEF_CASE enc, id
    adr     x0, buf                     // a valid address, in case a load executes
    EXPECT_EXC
    .inst   \enc
    lsr     x0, x0, #26
    CHECK_EQ x0, 0, \id
.endm

    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    FP_ENABLE
    UNDEF_CASE 0x0ee08400, 1            // ADD V.1D
    UNDEF_CASE 0x0e60d400, 2            // FADD V.1D
    UNDEF_CASE 0x1ea24000, 3            // FCVT with ftype 10
    UNDEF_CASE 0x7dc00000, 4            // LDR (SIMD&FP) size 01, opc 11
    UNDEF_CASE 0xed400400, 5            // LDP (SIMD&FP) opc 11
    UNDEF_CASE 0x0c408c00, 6            // LD2 {V.1D}
    UNDEF_CASE 0x0f415400, 7            // SHL V.1D
    UNDEF_CASE 0x0e60e000, 8            // PMULL size 01
    UNDEF_CASE 0x0ee12800, 9            // XTN size 11
    UNDEF_CASE 0x0e083c00, 10           // UMOV Wd, Vn.D[0] (Q = 0)
    UNDEF_CASE 0x0e080c00, 11           // DUP V.1D, Xn
    UNDEF_CASE 0x0e20b400, 12           // SQDMULH size 00
    UNDEF_CASE 0x2e004000, 13           // EXT 8B with imm4<3> set
    UNDEF_CASE 0x4e684800, 14           // AESE size 01
    UNDEF_CASE 0x1e187c00, 15           // FCVTZS Wd, Sn, #fbits with scale < 32
    UNDEF_CASE 0x2e30f800, 16           // FMAXV V.2S
    UNDEF_CASE 0x5eb1b800, 17           // ADDP (scalar) size 10
    mov     x0, #0
test_fail:
    ldp     x29, x30, [sp], #16
    ret

    .data
    .balign 16
buf: .skip 64
