// SPDX-License-Identifier: MIT
// Bare-metal test harness: stack, vectors at the current EL, call test_main, exit via
// semihosting (SYS_EXIT with ADP_Stopped_ApplicationExit and the status in the subcode, as QEMU
// expects on AArch64). A synchronous exception that a test did not announce with EXPECT_EXC
// ends the test with status 100 and prints ESR/ELR.
    .section .text.start, "ax"
    .global _start
_start:
    ldr     x0, =__stack_top
    mov     sp, x0
    adr     x0, vectors
    mrs     x1, CurrentEL
    cmp     x1, #(3 << 2)
    b.eq    1f
    cmp     x1, #(2 << 2)
    b.eq    2f
    msr     VBAR_EL1, x0
    b       3f
1:  msr     VBAR_EL3, x0
    b       3f
2:  msr     VBAR_EL2, x0
3:  isb
    bl      test_main
    b       test_exit

    .global test_fail
test_fail:
    // x0 holds the failing check number
    mov     x19, x0
    adr     x1, fail_msg
    mov     x0, #4
    hlt     #0xf000
    mov     x0, x19
    b       test_exit

    .global test_exit
// Exit with status x0 (0 = pass).
test_exit:
    adr     x1, exit_block
    str     x0, [x1, #8]
    mov     x0, #0x18
    hlt     #0xf000
    b       .

    .global harness_expect_exception
// Arms the vector: the next synchronous exception returns to the instruction after the faulting
// one with x0 = ESR, x1 = FAR, x2 = ELR. Called with BL right before the faulting instruction.
harness_expect_exception:
    adr     x16, expect_flag
    mov     x17, #1
    str     x17, [x16]
    ret

sync_handler:
    adr     x16, expect_flag
    ldr     x17, [x16]
    cbz     x17, unexpected
    str     xzr, [x16]
    mrs     x16, CurrentEL
    cmp     x16, #(3 << 2)
    b.eq    13f
    cmp     x16, #(2 << 2)
    b.eq    12f
    mrs     x0, ESR_EL1
    mrs     x1, FAR_EL1
    mrs     x2, ELR_EL1
    add     x16, x2, #4
    msr     ELR_EL1, x16
    eret
12: mrs     x0, ESR_EL2
    mrs     x1, FAR_EL2
    mrs     x2, ELR_EL2
    add     x16, x2, #4
    msr     ELR_EL2, x16
    eret
13: mrs     x0, ESR_EL3
    mrs     x1, FAR_EL3
    mrs     x2, ELR_EL3
    add     x16, x2, #4
    msr     ELR_EL3, x16
    eret

unexpected:
    adr     x1, unexp_msg
    mov     x0, #4
    hlt     #0xf000
    mov     x0, #100
    b       test_exit

other_handler:
    adr     x1, other_msg
    mov     x0, #4
    hlt     #0xf000
    mov     x0, #101
    b       test_exit

    .balign 2048
vectors:
    .irp n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
    .balign 128
    .if (\n % 4) == 0
    b       sync_handler
    .else
    b       other_handler
    .endif
    .endr

    .data
    .balign 8
exit_block: .quad 0x20026, 0
expect_flag: .quad 0
fail_msg:   .asciz "FAIL: check failed (exit status is its number)\n"
unexp_msg:  .asciz "FAIL: unexpected synchronous exception\n"
other_msg:  .asciz "FAIL: unexpected IRQ/FIQ/SError\n"
