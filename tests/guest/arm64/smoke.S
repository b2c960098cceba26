// SPDX-License-Identifier: MIT
// Smoke test: the harness starts, a branch works, test_main returns 0.
#include "macros.inc"
    .text
    .global test_main
test_main:
    b       1f
    mov     x0, #1
    ret
1:  mov     x0, #0
    ret
