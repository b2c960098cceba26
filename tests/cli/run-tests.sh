# SPDX-License-Identifier: MIT
# tools/run-tests itself: verdicts, timeouts, skips, the summary line and exit status, on a
# manifest of its own (images are `b .` spinning forever, stopped by -max-insns).
. "$(dirname "$0")/common.bash"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# A build directory holding only emu: no unit tests to run.
BUILD=$TMP/build
mkdir -p "$TMP/t/cli" "$BUILD"
ln -s "$(cd "$(dirname "$EMU")" && pwd)/$(basename "$EMU")" "$BUILD/emu"
K=$(kernel)
cat >"$TMP/t/a.cfg" <<CFG
[r.pass]            # exit 3 as expected
image   = $K
args    = -max-insns 1000
exit    = 3
[r.wrong_exit]
image   = $K
args    = -max-insns 1000
[r.timeout]
image   = $K
args    =
timeout = 1
[r.missing]
image   = $TMP/nonexistent.elf
[r.guest]
image   = \$GUEST/no-such-image
CFG
printf '# SPDX-License-Identifier: MIT\nexit 0\n' >"$TMP/t/cli/ok.sh"
printf '# SPDX-License-Identifier: MIT\necho "no widget here"\nexit 77\n' >"$TMP/t/cli/skip.sh"
printf '# SPDX-License-Identifier: MIT\necho "boom"\nexit 1\n' >"$TMP/t/cli/bad.sh"
st=0
"$ROOT/tools/run-tests" --tests "$TMP/t" "$BUILD" >"$TMP/log" 2>&1 || st=$?
want="PASS r.pass
FAIL r.wrong_exit: exit 3, expected exit 0 (emu: instruction limit 1000 reached)
FAIL r.timeout: timeout, expected exit 0
FAIL r.missing: image $TMP/nonexistent.elf not built
SKIP r.guest: ${XDG_CACHE_HOME:-$HOME/.cache}/emu/no-such-image not present (run tools/fetch-guest)
FAIL cli/bad: exit 1: boom
PASS cli/ok
SKIP cli/skip: no widget here"
got=$(sed '$d' "$TMP/log")
if [ "$st" != 1 ] || [ "$got" != "$want" ]; then
    echo "run-tests exit $st, output:"; cat "$TMP/log"; failures=$((failures + 1))
fi
tail -n1 "$TMP/log" | grep -qx '2 passed, 4 failed, 2 skipped' ||
    { echo "summary: $(tail -n1 "$TMP/log")"; failures=$((failures + 1)); }
# A manifest error is reported with its place, status 2.
printf '[x]\nimage = a\nbogus = 1\n' >"$TMP/t/b.cfg"
st=0
"$ROOT/tools/run-tests" --tests "$TMP/t" "$BUILD" >"$TMP/log" 2>&1 || st=$?
[ $st = 2 ] && grep -q "b.cfg:3: unknown key 'bogus'" "$TMP/log" ||
    { echo "bad manifest: exit $st: $(cat "$TMP/log")"; failures=$((failures + 1)); }
finish
