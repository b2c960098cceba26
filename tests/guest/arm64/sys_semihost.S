// SPDX-License-Identifier: MIT
// Semihosting (EL1): SYS_OPEN ":tt", SYS_ISTTY, SYS_WRITE, SYS_ISERROR, SYS_TICKFREQ,
// SYS_ELAPSED, SYS_CLOCK, SYS_GET_CMDLINE (prints it; -append, once the board accepts it), and
// SYS_EXIT_EXTENDED whose status 42 becomes the exit status. "Semihosting for AArch32 and
// AArch64" v2.
#include "macros.inc"

.macro SEMI op, block
    mov     x0, #\op
    adr     x1, \block
    hlt     #0xf000
.endm

    .text
    .global test_main
test_main:
    mov     x20, x30
    adr     x1, tt_name
    adr     x2, open_block
    str     x1, [x2]
    SEMI    0x01, open_block            // SYS_OPEN(":tt", "w")
    cmn     x0, #1
    b.ne    1f
    mov     x0, #1
    b       test_fail
1:  mov     x19, x0
    adr     x2, handle_block
    str     x19, [x2]
    SEMI    0x09, handle_block          // SYS_ISTTY
    cmn     x0, #1                      // QEMU answers 0 for the console; emu 1
    b.ne    4f
    mov     x0, #2
    b       test_fail
4:
    adr     x2, write_block
    str     x19, [x2]
    adr     x1, msg
    str     x1, [x2, #8]
    SEMI    0x05, write_block           // SYS_WRITE: 0 = all written
    CHECK_EQ x0, 0, 3
    SEMI    0x08, minus_one             // SYS_ISERROR(-1)
    cbnz    x0, 2f
    mov     x0, #4
    b       test_fail
2:  SEMI    0x08, zero                  // SYS_ISERROR(0)
    CHECK_EQ x0, 0, 5
    mov     x0, #0x31                   // SYS_TICKFREQ
    mov     x1, #0
    hlt     #0xf000
    CHECK_EQ x0, 1000000000, 6
    SEMI    0x30, elapsed               // SYS_ELAPSED
    CHECK_EQ x0, 0, 7
    mov     x0, #0x10                   // SYS_CLOCK
    mov     x1, #0
    hlt     #0xf000
    cmn     x0, #1
    b.ne    3f
    mov     x0, #8
    b       test_fail
3:  adr     x1, cmdline
    adr     x2, cmdline_block
    str     x1, [x2]
    SEMI    0x15, cmdline_block         // SYS_GET_CMDLINE
    CHECK_EQ x0, 0, 9
    adr     x1, cmdline
    mov     x0, #4                      // SYS_WRITE0
    hlt     #0xf000
    SEMI    0x20, exit_block            // SYS_EXIT_EXTENDED(ApplicationExit, 42)
    mov     x0, #10
    b       test_fail

    .data
    .balign 8
open_block:     .quad 0, 4, 3
handle_block:   .quad 0
write_block:    .quad 0, 0, 18
minus_one:      .quad -1
zero:           .quad 0
elapsed:        .quad 0
cmdline_block:  .quad 0, 256
exit_block:     .quad 0x20026, 42
tt_name:        .asciz ":tt"
msg:            .ascii "semihost-write-ok\n"
cmdline:        .fill 256, 1, 0
