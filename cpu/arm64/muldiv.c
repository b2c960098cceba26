/* SPDX-License-Identifier: MIT */
/*
 * A64 multiply, divide and variable shifts: data-processing (3 source) and the arithmetic part
 * of data-processing (2 source). Arm ARM C4.1.87, C6.2.
 */
#include "a64_decode.h"
#include "cpu/arm64/alu.h"

void a64_exec_MADD(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    u64 r = a64_x(cpu, a->ra) + a64_x(cpu, a->rn) * a64_x(cpu, a->rm);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

void a64_exec_MSUB(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    u64 r = a64_x(cpu, a->ra) - a64_x(cpu, a->rn) * a64_x(cpu, a->rm);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

static inline s64 sw(const struct a64_cpu *cpu, int n)
{
    return (s32)(u32)a64_x(cpu, n);
}

static inline u64 uw(const struct a64_cpu *cpu, int n)
{
    return (u32)a64_x(cpu, n);
}

void a64_exec_SMADDL(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    a64_set_x(cpu, a->rd, a64_x(cpu, a->ra) + (u64)(sw(cpu, a->rn) * sw(cpu, a->rm)));
}

void a64_exec_SMSUBL(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    a64_set_x(cpu, a->rd, a64_x(cpu, a->ra) - (u64)(sw(cpu, a->rn) * sw(cpu, a->rm)));
}

void a64_exec_UMADDL(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    a64_set_x(cpu, a->rd, a64_x(cpu, a->ra) + uw(cpu, a->rn) * uw(cpu, a->rm));
}

void a64_exec_UMSUBL(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    a64_set_x(cpu, a->rd, a64_x(cpu, a->ra) - uw(cpu, a->rn) * uw(cpu, a->rm));
}

void a64_exec_SMULH(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    __int128 p = (__int128)(s64)a64_x(cpu, a->rn) * (s64)a64_x(cpu, a->rm);
    a64_set_x(cpu, a->rd, (u64)(p >> 64));
}

void a64_exec_UMULH(struct a64_cpu *cpu, const struct arg_dp3 *a)
{
    unsigned __int128 p = (unsigned __int128)a64_x(cpu, a->rn) * a64_x(cpu, a->rm);
    a64_set_x(cpu, a->rd, (u64)(p >> 64));
}

/* Division by zero gives 0 and INT_MIN / -1 gives INT_MIN (the quotient rounded towards zero,
 * truncated): no exception in A64. */
void a64_exec_UDIV(struct a64_cpu *cpu, const struct arg_dp2 *a)
{
    u64 n = a64_trunc(a->sf, a64_x(cpu, a->rn)), m = a64_trunc(a->sf, a64_x(cpu, a->rm));
    a64_set_reg(cpu, a->sf, a->rd, m ? n / m : 0);
}

void a64_exec_SDIV(struct a64_cpu *cpu, const struct arg_dp2 *a)
{
    s64 n, m;
    if (a->sf) {
        n = (s64)a64_x(cpu, a->rn);
        m = (s64)a64_x(cpu, a->rm);
    } else {
        n = sw(cpu, a->rn);
        m = sw(cpu, a->rm);
    }
    u64 r;
    if (m == 0)
        r = 0;
    else if (m == -1)
        r = -(u64)n;
    else
        r = (u64)(n / m);
    a64_set_reg(cpu, a->sf, a->rd, r);
}

/* Variable shifts: the amount is Rm modulo the register size. */
static inline void shiftv(struct a64_cpu *cpu, const struct arg_dp2 *a, unsigned type)
{
    unsigned amt = a64_x(cpu, a->rm) & (a->sf ? 63 : 31);
    a64_set_reg(cpu, a->sf, a->rd, a64_shift(a->sf, a64_x(cpu, a->rn), type, amt));
}

void a64_exec_LSLV(struct a64_cpu *cpu, const struct arg_dp2 *a)
{
    shiftv(cpu, a, 0);
}

void a64_exec_LSRV(struct a64_cpu *cpu, const struct arg_dp2 *a)
{
    shiftv(cpu, a, 1);
}

void a64_exec_ASRV(struct a64_cpu *cpu, const struct arg_dp2 *a)
{
    shiftv(cpu, a, 2);
}

void a64_exec_RORV(struct a64_cpu *cpu, const struct arg_dp2 *a)
{
    shiftv(cpu, a, 3);
}
