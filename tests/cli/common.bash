# SPDX-License-Identifier: MIT
# Helpers for tests/cli/*.sh (sourced). tools/run-tests sets EMU to the emu binary.
set -u
EMU=${EMU:-build/emu}
failures=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# expect STATUS MESSAGE-SUBSTRING ARGS...: emu exits with STATUS and, when STATUS is not 0,
# prints exactly one line on stderr, starting "emu: " and containing MESSAGE-SUBSTRING.
expect() {
    local want=$1 msg=$2 st=0
    shift 2
    "$EMU" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || st=$?
    local lines
    lines=$(wc -l <"$TMP/err")
    if [ "$st" != "$want" ]; then
        echo "emu $*: exit $st, want $want; stderr: $(head -c 300 "$TMP/err")"
        failures=$((failures + 1))
    elif [ "$want" != 0 ] && { [ "$lines" != 1 ] || ! grep -q '^emu: ' "$TMP/err"; }; then
        echo "emu $*: want one 'emu: ' line on stderr, got $lines: $(head -c 300 "$TMP/err")"
        failures=$((failures + 1))
    elif ! grep -qF -- "$msg" "$TMP/err" "$TMP/out"; then
        echo "emu $*: output lacks '$msg': $(head -c 300 "$TMP/err" "$TMP/out")"
        failures=$((failures + 1))
    fi
}

# A tiny raw "kernel": any bytes will do for tests that stop early.
kernel() {
    printf '\x00\x00\x00\x14' >"$TMP/Image"
    echo "$TMP/Image"
}

finish() {
    exit $((failures != 0))
}
