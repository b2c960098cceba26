// SPDX-License-Identifier: MIT
// PC alignment faults (Arm ARM D1.3.5.2): BR, BLR and RET to a target with bit 0 or 1 set
// branch, then fault on the fetch: ESR_EL1 EC 0x22 IL 1, FAR_EL1 = ELR_EL1 = the target; BLR has
// written X30 before the fault. Targets on the branch's page and on another page (the threaded
// step loop continues within a page and looks another page up: both paths must fault). Runs at
// EL1 with its own vector table, since the faulting PC cannot be resumed at ELR + 4.
#include "macros.inc"
    .text
    .global test_main
test_main:
    mov     x19, x30
    mrs     x22, vbar_el1
    adr     x0, vectors
    msr     vbar_el1, x0
    isb

    // BR to the middle of the next instruction, on this page.
    mov     x5, #0
    adr     x1, 1f + 2
    adr     x21, 2f
    add     x5, x5, #1                  // executes before the fault
    br      x1
1:  b       fail_no_fault
2:  CHECK_EQ x0, 0x8a000000, 1
    adr     x3, 1b + 2
    CHECK_REG x1, x3, 2
    CHECK_REG x2, x3, 3
    CHECK_EQ x5, 1, 4

    // BLR with bit 0 set: X30 is written, then the fetch faults.
    adr     x1, 1f + 1
    adr     x21, 2f
    blr     x1
3:  b       fail_no_fault
1:  b       fail_no_fault
2:  CHECK_EQ x0, 0x8a000000, 5
    adr     x3, 1b + 1
    CHECK_REG x1, x3, 6
    CHECK_REG x2, x3, 7
    adr     x3, 3b
    CHECK_REG x30, x3, 8

    // RET to a target on another page.
    adr     x1, far_target + 2
    adr     x21, 2f
    ret     x1
    b       fail_no_fault
2:  CHECK_EQ x0, 0x8a000000, 9
    adr     x3, far_target + 2
    CHECK_REG x1, x3, 10
    CHECK_REG x2, x3, 11

    // A misaligned branch in a loop body: every iteration faults, the loop completes.
    mov     x6, #0
    mov     x7, #50
4:  adr     x1, 1f + 3
    adr     x21, 2f
    br      x1
1:  b       fail_no_fault
2:  CHECK_EQ x0, 0x8a000000, 12
    add     x6, x6, #1
    subs    x7, x7, #1
    b.ne    4b
    CHECK_EQ x6, 50, 13

    msr     vbar_el1, x22
    isb
    mov     x0, #0
    ret     x19
fail_no_fault:
    msr     vbar_el1, x22
    isb
    mov     x0, #99
    ret     x19
test_fail:
    msr     vbar_el1, x22
    isb
    ret     x19

// Synchronous exceptions from the current EL (SP0 or SPx): x0-x2 = ESR, FAR, ELR; continue
// at x21.
    .balign 2048
vectors:
    .rept 4
    .balign 0x80
    b       pc_fault
    .endr
    .balign 0x80
    b       pc_fault
    .rept 11
    .balign 0x80
    b       .
    .endr
pc_fault:
    mrs     x0, esr_el1
    mrs     x1, far_el1
    mrs     x2, elr_el1
    msr     elr_el1, x21
    eret

    .balign 4096
far_target:
    nop
    nop
    b       fail_no_fault
