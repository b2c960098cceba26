#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 400
# Determinism: two boots of the Debian kernel at -smp 2 to the test initrd's end marker print
# the same console output and end with the same machine digest; the second one records, so
# this also shows that recording does not disturb the run.
set -uo pipefail
EMU=${EMU:-build/emu}
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
skip() { echo "SKIP: $*"; exit "${SKIP_STATUS:-77}"; }
[ "${EMU_BOOT_TESTS:-1}" = 1 ] || skip "boot test disabled by EMU_BOOT_TESTS=0"
[ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd-test.gz" ] || skip "no guest kernel (run tools/fetch-guest)"
[ -x "$EMU" ] || skip "$EMU not built"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
args=(-M arm64-virt -smp 2 -m 512M -nographic -kernel "$CACHE/Image"
      -initrd "$CACHE/initrd-test.gz" -append console=ttyAMA0 -digest-on-exit)
fail() { echo "FAIL: $*"; exit 1; }
timeout 200 "$EMU" "${args[@]}" >"$WORK/a" 2>&1 </dev/null || fail "first boot: exit $?"
timeout 200 "$EMU" "${args[@]}" -record "$WORK/log" >"$WORK/b" 2>&1 </dev/null ||
    fail "second boot: exit $?"
grep -q EMU-BOOT-OK "$WORK/a" || { tail -n 20 "$WORK/a"; fail "no end marker"; }
grep -q "^emu: digest icount=[0-9]* vtime=[0-9]* regs=[0-9a-f]* ram=[0-9a-f]*" "$WORK/a" ||
    fail "no digest line"
cmp -s "$WORK/a" "$WORK/b" || { diff "$WORK/a" "$WORK/b" | head -n 20; fail "the boots differ"; }
grep "^emu: digest" "$WORK/a"
echo PASS
