# SPDX-License-Identifier: MIT
# emu-conform itself (docs/CONFORMANCE.md), with a fake emu (and fake reference) script whose
# behaviour each "image" names: a pass with sub-results, a failure, a hang (timeout, with a
# child that must die with the group), a SIGSEGV crash; then malformed manifests, QEMU option
# mapping, --list/--filter, TAP parsed, JUnit validated against tools/emutest/junit.xsd.
. "$(dirname "$0")/common.bash"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONFORM=$ROOT/tools/emu-conform
fail() { echo "$*"; failures=$((failures + 1)); }
# A killed process may stay a zombie when nothing reaps orphans (PID 1 in a container).
alive() { [ -r "/proc/$1/stat" ] && ! grep -q ') Z ' "/proc/$1/stat" 2>/dev/null; }

cat >"$TMP/fake-emu" <<'SH'
#!/bin/bash
# A stand-in for emu: the -kernel file says what to do; the arguments are saved next to it.
for a; do [ "${prev:-}" = -kernel ] && img=$a; prev=$a; done
echo "$*" >"$img.args"
[ -n "${WRAPPED:-}" ] && echo "wrapped" >>"$img.args"
case $(cat "$img") in
pass)  echo "PASS alpha"; echo "SKIP beta: no widget"; echo "X1 = 0x${X1VAL:-10} ESR_EL1: 0x5600 count=007"
       [ -n "${REF:-}" ] && echo "differs"; exit 0 ;;
fail)  echo "FAIL alpha: x1 was 3"; exit 1 ;;
subfail) echo "PASS alpha"; echo "FAIL gamma: ESR mismatch"; exit 0 ;;
skip)  echo "SKIP t.skip: no GIC here"; exit 0 ;;
hang)  sleep 60 & echo $! >"$img.child"; sleep 60 ;;
crash) echo "about to crash"; kill -SEGV $$ ;;
esac
SH
chmod +x "$TMP/fake-emu"
printf '#!/bin/bash\nREF=1 exec %s "$@"\n' "$TMP/fake-emu" >"$TMP/fake-ref"
chmod +x "$TMP/fake-ref"
for m in pass fail subfail skip hang crash; do echo $m >"$TMP/$m.img"; done
cat >"$TMP/t.cfg" <<CFG
# A comment
[t.pass]
image   = $TMP/pass.img
machine = virt,virtualization=on,gic-version=3
args    = -semihosting-config enable=on,target=native -accel tcg -cpu max
el      = 2
tags    = good, mapping
[t.fail]
image   = $TMP/fail.img
[t.subfail]
image   = $TMP/subfail.img
[t.skip]
image   = $TMP/skip.img
[t.hang]
image   = $TMP/hang.img
timeout = 4
[t.crash]
image   = $TMP/crash.img
reference = no  # the fake reference crashes too
CFG

st=0
"$CONFORM" --emu "$TMP/fake-emu" -j 3 --timeout-scale 0.25 --tap "$TMP/r.tap" \
    --junit "$TMP/r.xml" "$TMP/t.cfg" >"$TMP/out" 2>"$TMP/err" || st=$?
want="PASS t.pass
FAIL t.fail: exit 1, expected exit 0 (FAIL alpha: x1 was 3)
    FAIL alpha: x1 was 3
FAIL t.subfail: failed: gamma
    PASS alpha
    FAIL gamma: ESR mismatch
SKIP t.skip: no GIC here
FAIL t.hang: timeout after 1s (process group killed)
FAIL t.crash: crash: fake-emu killed by SIGSEGV (about to crash)
1 passed, 4 failed, 1 skipped"
[ "$st" = 1 ] && [ "$(cat "$TMP/out")" = "$want" ] ||
    fail "emu-conform exit $st, output:$(printf '\n%s' "$(cat "$TMP/out" "$TMP/err")")"
# The hang's background child died with its process group.
sleep 0.2
alive "$(cat "$TMP/hang.img.child")" && fail "timeout left a child running"
# Ctrl-C: the running tests' process groups are killed, exit 130. (SIGINT is ignored in a
# script's background jobs: restore it before exec.)
printf '[t.hang2]\nimage = %s\ntimeout = 60\n' "$TMP/hang.img" >"$TMP/h.cfg"
rm -f "$TMP/hang.img.child"
python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL);
os.execv(sys.argv[1], sys.argv[1:])' "$CONFORM" --emu "$TMP/fake-emu" "$TMP/h.cfg" \
    >"$TMP/int.out" 2>&1 &
pid=$!
for _ in $(seq 50); do [ -s "$TMP/hang.img.child" ] && break; sleep 0.1; done
kill -INT $pid
st=0; wait $pid || st=$?
sleep 0.2
[ $st = 130 ] && grep -q "emu-conform: interrupted" "$TMP/int.out" ||
    fail "interrupted run: exit $st: $(cat "$TMP/int.out")"
alive "$(cat "$TMP/hang.img.child")" && fail "Ctrl-C left a test's child running"

# QEMU spelling mapped to emu's; what emu cannot honour is named.
grep -q -- "-M arm64-virt,virtualization=on -smp 1 -nographic -semihosting -cpu max -kernel" \
    "$TMP/pass.img.args" || fail "mapped arguments: $(cat "$TMP/pass.img.args")"
grep -q "t.pass: ignoring -accel tcg: emu is an interpreter" "$TMP/err" &&
    grep -q "ignoring -M property 'gic-version=3'" "$TMP/err" ||
    fail "no note of the ignored QEMU options: $(cat "$TMP/err")"

# TAP 13: a plan, one numbered line per test in order, subtests indented, SKIP directives;
# then Perl's TAP::Parser (prove) as a real consumer, when installed.
python3 - "$TMP/r.tap" <<'PY' || fail "TAP check failed"
import re, sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0] == "TAP version 13", lines[0]
plan = int(re.fullmatch(r"1\.\.(\d+)", lines[1]).group(1))
tops = [re.fullmatch(r"(ok|not ok) (\d+) - (\S+)( # SKIP .*)?", l) for l in lines[2:]
        if re.match(r"(ok|not ok) ", l)]
assert all(tops) and [int(m.group(2)) for m in tops] == list(range(1, plan + 1)), tops
got = {m.group(3): (m.group(1), bool(m.group(4))) for m in tops}
assert got == {"t.pass": ("ok", False), "t.fail": ("not ok", False), "t.subfail": ("not ok", False),
               "t.skip": ("ok", True), "t.hang": ("not ok", False), "t.crash": ("not ok", False)}, got
subs = [l for l in lines if l.startswith("    ")]
assert "    # Subtest: t.pass" in subs and "    ok 2 - beta # SKIP no widget" in subs, subs
assert "    not ok 2 - gamma" in subs, subs
assert any("severity: timeout" in l for l in lines) and any("severity: crash" in l for l in lines)
PY

if command -v prove >/dev/null; then
    cp "$TMP/r.tap" "$TMP/r.t"
    prove -e cat "$TMP/r.t" >"$TMP/prove" 2>&1
    grep -q "Tests: 6 Failed: 4)" "$TMP/prove" && grep -q "Failed tests:  2-3, 5-6" "$TMP/prove" &&
        ! grep -q "Parse errors" "$TMP/prove" || fail "prove: $(cat "$TMP/prove")"
fi

# JUnit: valid against our schema; counts and the crash as an <error>.
if command -v xmllint >/dev/null; then
    xmllint --noout --schema "$ROOT/tools/emutest/junit.xsd" "$TMP/r.xml" 2>"$TMP/xsd" ||
        fail "JUnit XML invalid: $(cat "$TMP/xsd")"
else
    fail "xmllint not installed (tools/setup installs libxml2-utils)"
fi
python3 - "$TMP/r.xml" <<'PY' || fail "JUnit content check failed"
import sys, xml.etree.ElementTree as ET
ts = ET.parse(sys.argv[1]).getroot().find("testsuite")
a = {k: ts.get(k) for k in ("tests", "failures", "errors", "skipped")}
# 6 tests and 5 sub-results (t.skip's own SKIP line is its verdict, not a sub-result).
assert a == {"tests": "11", "failures": "5", "errors": "1", "skipped": "2"}, a
crash = [c for c in ts if c.get("name") == "t.crash"][0]
assert crash.find("error").get("type") == "crash", ET.tostring(crash)
PY

# --log-dir: one file per run with the command line, the output and how it ended.
"$CONFORM" --emu "$TMP/fake-emu" --filter t.crash --log-dir "$TMP/logs" "$TMP/t.cfg" >/dev/null
[ "$(sed -n '2,$p' "$TMP/logs/t.crash.log")" = "about to crash
[SIGSEGV]" ] && head -n1 "$TMP/logs/t.crash.log" | grep -q "^\$ $TMP/fake-emu -M arm64-virt " ||
    fail "--log-dir: $(cat "$TMP/logs/t.crash.log")"

# A reference that disagrees: exit status agrees, a register and the console differ.
"$CONFORM" --emu "$TMP/fake-emu" --reference "$TMP/fake-ref -M virt -cpu max" \
    --filter t.pass "$TMP/t.cfg" >"$TMP/out" 2>&1
grep -qx "FAIL t.pass@ref: console line 4: emu '<end>', reference 'differs'" "$TMP/out" ||
    fail "reference disagreement: $(cat "$TMP/out")"
grep -q -- "-M virt,virtualization=on,gic-version=3 -cpu max -smp 1" "$TMP/pass.img.args" ||
    fail "reference arguments: $(cat "$TMP/pass.img.args")"
printf 'pass\n' >"$TMP/reg.img"
printf '#!/bin/bash\nX1VAL=11 exec %s "$@"\n' "$TMP/fake-emu" >"$TMP/fake-ref2"
chmod +x "$TMP/fake-ref2"
printf '[r]\nimage = %s\n' "$TMP/reg.img" >"$TMP/r.cfg"
"$CONFORM" --emu "$TMP/fake-emu" --reference "$TMP/fake-ref2" "$TMP/r.cfg" >"$TMP/out" 2>&1
grep -qx "FAIL r@ref: register X1: emu 0x10, reference 0x11; console line 3: .*" "$TMP/out" ||
    fail "register disagreement: $(cat "$TMP/out")"

# --emu with a wrapper command in front of emu.
"$CONFORM" --emu "env WRAPPED=1 $TMP/fake-emu" --filter t.pass "$TMP/t.cfg" >"$TMP/out" 2>&1
grep -qx wrapped "$TMP/pass.img.args" && grep -qx "PASS t.pass" "$TMP/out" ||
    fail "--emu with a wrapper: $(cat "$TMP/out" "$TMP/pass.img.args")"

# --list and --filter (by name glob and by tag).
"$CONFORM" --list --filter mapping "$TMP/t.cfg" >"$TMP/out"
[ "$(cat "$TMP/out")" = "t.pass el=2 tags=good,mapping  ($TMP/t.cfg:2)" ] ||
    fail "--list: $(cat "$TMP/out")"
[ "$("$CONFORM" --list --filter 't.*fail' "$TMP/t.cfg" | wc -l)" = 2 ] || fail "--filter glob"

# Malformed manifests: file:line, exit status 2.
bad() {
    printf "$1" >"$TMP/bad.cfg"
    st=0
    "$CONFORM" --emu "$TMP/fake-emu" "$TMP/bad.cfg" >"$TMP/out" 2>&1 || st=$?
    [ $st = 2 ] && grep -qF "$TMP/bad.cfg:$2" "$TMP/out" ||
        fail "bad manifest '$1': exit $st: $(cat "$TMP/out")"
}
bad '[x]\nimage = a\nbogus = 1\n' "3: unknown key 'bogus'"
bad '[x]\nimage = a\n\nel = 5\n' "4: [x]: el must be 0, 1, 2 or 3, not '5'"
bad '[x]\nimage = a\ntimeout = soon\n' "3: [x]: timeout must be a number, not 'soon'"
bad 'image = a\n' "1: expected [name] or key = value"
bad '[x]\nimage = a\n[x]\nimage = b\n' "3: test [x] already defined at $TMP/bad.cfg:1"
bad '[x]\narch = riscv\nimage = a\n' "2: [x]: unknown arch 'riscv'"

# The real emu on a real image printing sub-results and a register dump, with QEMU as the
# reference when it is installed.
CONSOLE=${BUILD:-$ROOT/build}/tests/guest/arm64/conform_console.elf
if [ -f "$CONSOLE" ]; then
    ref=()
    command -v qemu-system-aarch64 >/dev/null && ref=(--reference "qemu-system-aarch64 -M virt -cpu max")
    "$CONFORM" --emu "$EMU" -v "${ref[@]}" --filter arm64.runner "$ROOT/tests/conformance/arm64" \
        >"$TMP/out" 2>&1
    grep -qx "PASS arm64.runner.console.el2" "$TMP/out" &&
        grep -qx "    SKIP conform.demo_skip: shows a skipped sub-result" "$TMP/out" &&
        { [ ${#ref[@]} = 0 ] || grep -qx "PASS arm64.runner.console.el1@ref" "$TMP/out"; } &&
        [ "$(tail -n1 "$TMP/out")" = "$(( ${#ref[@]} ? 4 : 2 )) passed, 0 failed" ] ||
        fail "real run: $(cat "$TMP/out")"
fi

# --random delegates to tools/a64-randtest, reference included (a missing one: SKIP).
"$CONFORM" --emu "$EMU" --random 1 --len 5 --reference "$TMP/no-such-qemu -M virt" \
    >"$TMP/out" 2>&1
[ "$(cat "$TMP/out")" = "SKIP random.a64-int[1..1]x5: $TMP/no-such-qemu not installed
0 passed, 0 failed, 1 skipped" ] || fail "--random without reference: $(cat "$TMP/out")"
if command -v qemu-system-aarch64 >/dev/null && command -v aarch64-linux-gnu-gcc >/dev/null; then
    "$CONFORM" --emu "$EMU" --random 1 --len 20 --first 7 \
        --reference "qemu-system-aarch64 -M virt,virtualization=on -cpu max" >"$TMP/out" 2>&1
    [ "$(head -n1 "$TMP/out")" = "PASS random.a64-int[7..7]x20" ] || fail "--random: $(cat "$TMP/out")"
fi

# A QEMU command line, run unchanged on the real emu.
SMOKE=${BUILD:-$ROOT/build}/tests/guest/arm64/smoke.elf
if [ -f "$SMOKE" ]; then
    "$CONFORM" --emu "$EMU" --run "qemu-system-aarch64 -M virt -cpu max -nographic \
        -semihosting-config enable=on,target=native -display none -kernel $SMOKE" \
        >"$TMP/out" 2>&1
    [ "$(tail -n1 "$TMP/out")" = "1 passed, 0 failed" ] && grep -q "^PASS smoke$" "$TMP/out" &&
        grep -q "ignoring -display none" "$TMP/out" || fail "--run: $(cat "$TMP/out")"
fi
finish
