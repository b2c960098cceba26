/* SPDX-License-Identifier: MIT */
/*
 * FEAT_FHM: FMLAL, FMLSL (vector and by element) and their "2" forms: half-precision lanes
 * from the lower (part 0) or upper (part 1) half of Vn/Vm, widened by a fused multiply-add
 * into the single-precision lanes of Vd (Arm ARM C7.2 FMLAL; FPMulAddH).
 */
#include "build/gen/a64_decode.h"
#include "cpu/arm64/simd_int.h"

/* index < 0: the vector form (Vm lanes like Vn's); otherwise Vm.H[index]. */
void simd_fmlal(struct a64_cpu *cpu, bool q, int part, bool sub, int rd, int rn, int rm,
                int index)
{
    if (!fp_have_fhm(cpu))
        a64_undef(cpu);
    a64_fp_check(cpu);
    unsigned elements = q ? 4 : 2, base = (unsigned)part * elements;
    union a64_vreg n = cpu->v[rn], m = cpu->v[rm], d = cpu->v[rd], r = {0};
    struct fpst st = fp_env(cpu);
    for (unsigned e = 0; e < elements; e++) {
        u64 x = velem(&n, base + e, 2);
        u64 y = velem(&m, index < 0 ? base + e : (unsigned)index, 2);
        if (sub) /* FPNeg before the NaN processing: a NaN's sign flips too */
            x = fp_neg(FP_H, x);
        r.s[e] = (u32)fp_muladd_h(&st, d.s[e], x, y);
    }
    fp_commit(cpu, &st);
    vreg_set_vec(cpu, rd, &r, q);
}
