// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_dump.sh: a known pattern at a known physical address (0x44000000,
// RAM at 0x40000000 on virt) and known registers at `dump_here`, where the test writes a core
// with `monitor dump-guest-memory` and reads both back from it. Run alone it exits 0.
#include "macros.inc"
    .text
    .global test_main
test_main:
    ldr     x9, =0x44000000
    ldr     x10, =0x0123456789abcdef
    ldr     x11, =0xfedcba9876543210
    stp     x10, x11, [x9]
    ldr     x0, =0x1000000000000001
    ldr     x1, =0x2000000000000002
    mov     x2, #0x3333
    ldr     x29, =0x2900000000000029
    mov     x12, #(3 << 20)         // CPACR_EL1.FPEN: SIMD&FP without traps
    msr     cpacr_el1, x12
    isb
    fmov    d5, x10
    .global dump_here
dump_here:
    nop
    mov     x0, #0
    ret
