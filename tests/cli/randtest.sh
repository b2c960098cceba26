#!/bin/sh
# SPDX-License-Identifier: MIT
# timeout: 180
# Random differential test of the A64 integer ISA against qemu-system-aarch64: a fixed set of
# seeds (20 x 200 instructions). Skipped (exit 0) when qemu or the cross assembler is missing.
cd "$(dirname "$0")/../.." || exit 1
exec tools/a64-randtest --emu "${EMU:-build/emu}" --seeds 20 --len 200
