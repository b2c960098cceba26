/* SPDX-License-Identifier: MIT */
/* A C target with line information for source-level reverse execution in gdb
 * (tests/cli/gdb_reverse_c.sh): reverse-next back over a call, reverse-step into the called
 * function's last line, reverse-finish back to the call. Built -O0 -g, freestanding, linked
 * with harness.S, which calls test_main and exits with its result through semihosting. */
volatile long rc_total;

static long __attribute__((noinline)) rc_square(long v)
{
    long r = v * v;
    return r;
} /* RC-END: the epilogue, the last line the callee executes */

long test_main(void)
{
    long sum = 0;
    for (long i = 1; i <= 3; i++) {
        sum += rc_square(i); /* RC-CALL */
        rc_total = sum;      /* RC-AFTER */
    }
    return sum == 14 ? 0 : 1;
}
