// SPDX-License-Identifier: MIT
// Target of tests/cli/gdb_smp.sh (-smp 2): both vCPUs add to a shared counter with LDADDAL and
// hash the values they see (300 each), so the result (smp_result at smp_end) depends on exactly
// how the schedule interleaves them. A debugger that perturbs the schedule changes it. Exits 0.
#include "macros.inc"
#include "virt.inc"
    .text
    .global test_main
test_main:
    stp     x29, x30, [sp, #-16]!
    ldr     x0, =0xc4000003          // PSCI CPU_ON(1, smp_secondary, context = its stack)
    mov     x1, #1
    adr     x2, smp_secondary
    ldr     x3, =smp_stack1_top
    PSCI_CALL
    CHECK_EQ x0, 0, 1
    bl      smp_work
    mov     x19, x0
    ldr     x9, =smp_done1
1:  ldar    x10, [x9]
    cbz     x10, 1b
    ldr     x10, =smp_hash1
    ldr     x10, [x10]
    eor     x0, x19, x10, lsl #1
    ldr     x9, =smp_result
    str     x0, [x9]
    .global smp_end
smp_end:
    mov     x0, #0
    ldp     x29, x30, [sp], #16
    ret

smp_secondary:
    mov     sp, x0
    bl      smp_work
    ldr     x9, =smp_hash1
    str     x0, [x9]
    mov     x10, #1
    ldr     x9, =smp_done1
    stlr    x10, [x9]
    ldr     x0, =0x84000002          // PSCI CPU_OFF
    PSCI_CALL
    b       .

// x0 = hash of the counter values this vCPU saw in 300 LDADDALs.
smp_work:
    mov     x0, #0
    mov     x4, #300
    ldr     x5, =smp_counter
    mov     x6, #1
    mov     x7, #31
    .global smp_loop
smp_loop:
    ldaddal x6, x8, [x5]
    madd    x0, x0, x7, x8
    subs    x4, x4, #1
    b.ne    smp_loop
    ret

    .data
    .balign 8
    .global smp_result
smp_counter: .quad 0
smp_hash1:   .quad 0
smp_done1:   .quad 0
smp_result:  .quad 0
    .balign 16
    .space  4096
smp_stack1_top:
