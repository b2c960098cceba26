#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 180
# A snapshot taken mid-boot of the Debian guest and loaded in a new process continues exactly
# as the uninterrupted run: run A boots to instruction 650M and saves at 200M (-savevm-at, a
# round end, deterministic); run B starts from that file (-loadvm) and runs to 650M too. B's
# console output (kernel timestamps are virtual time) must be exactly the tail of A's. Run B also
# saves again at once: every section must round-trip, so the two files are byte-identical.
. "$(dirname "$0")/common.bash"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
[ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd-test.gz" ] || {
    echo "no guest kernel (run tools/fetch-guest)"; exit 77; }
args=(-M arm64-virt -m 512M -kernel "$CACHE/Image" -initrd "$CACHE/initrd-test.gz"
      -append console=ttyAMA0 -nographic -snapshot-dir "$TMP"
      -device virtio-rng-device,seed=7 -max-insns 650000000)
"$EMU" "${args[@]}" -savevm-at 200000000:mid </dev/null >"$TMP/A" 2>"$TMP/A.err"
st=$?
[ $st = 3 ] || { echo "run A: exit $st: $(tail -3 "$TMP/A.err")"; failures=$((failures + 1)); }
grep -q "saved snapshot 'mid' at icount 2000" "$TMP/A.err" || {
    echo "run A did not save: $(tail -3 "$TMP/A.err")"; failures=$((failures + 1)); }
"$EMU" "${args[@]}" -loadvm mid -savevm-at 0:again </dev/null >"$TMP/B" 2>"$TMP/B.err"
st=$?
[ $st = 3 ] || { echo "run B: exit $st: $(tail -3 "$TMP/B.err")"; failures=$((failures + 1)); }
cmp "$TMP/mid.emusnap" "$TMP/again.emusnap" || {
    echo "loading and saving again changed the snapshot"; failures=$((failures + 1)); }
python3 - "$TMP/A" "$TMP/B" <<'PY' || failures=$((failures + 1))
import sys
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
if len(b) < 1000 or len(b) >= len(a):
    sys.exit("run B printed %d bytes (A %d)" % (len(b), len(a)))
if not a.endswith(b):
    i = next(i for i in range(len(b)) if a[len(a) - len(b) + i] != b[i])
    sys.exit("run B diverges from run A at byte %d of its output: %r vs %r" %
             (i, b[i:i + 60], a[len(a) - len(b) + i:len(a) - len(b) + i + 60]))
PY
finish
