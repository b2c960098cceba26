#!/bin/sh
# SPDX-License-Identifier: MIT
# timeout: 180
# Random differential test of A64 FP/Advanced SIMD/crypto against qemu-system-aarch64: a fixed
# set of seeds (10 x 200 instructions). Skipped (exit 0) when qemu or the cross assembler is
# missing, or when emu cannot yet run the probe (MSR CPACR_EL1/FPCR).
cd "$(dirname "$0")/../.." || exit 1
exec tools/a64-fp-randtest --emu "${EMU:-build/emu}" --seeds 10 --len 200
