# SPDX-License-Identifier: MIT
# Helpers for the gdbstub scripts tests/cli/gdb_*.sh (sourced after common.bash): start emu
# with -gdb on a free loopback port, wait until it listens, run a gdb-multiarch batch script.
GDB=${GDB:-gdb-multiarch}
BUILD_DIR=$(dirname "$EMU")
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/gdb_target.elf

need_gdb() {
    if ! command -v "$GDB" >/dev/null; then
        echo "gdb-multiarch is not installed (apt-get install gdb-multiarch)"
        exit 77
    fi
}

need_target() {
    if [ ! -f "$TARGET_ELF" ]; then
        echo "$TARGET_ELF is not built (needs the aarch64 cross assembler)"
        exit 77
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_listen PORT: until something listens on 127.0.0.1:PORT (without connecting to it,
# which emu would take for the debugger).
wait_listen() {
    local hex
    hex=$(printf '%04X' "$1")
    for _ in $(seq 100); do
        grep -q ":$hex 00000000:0000 0A" /proc/net/tcp 2>/dev/null && return 0
        sleep 0.05
    done
    echo "emu does not listen on port $1: $(head -c 300 "$TMP/emu.out" 2>/dev/null)"
    failures=$((failures + 1))
    return 1
}

# start_emu ARGS...: emu in the background (pid in EMU_PID, output in $TMP/emu.out, exit
# status in $TMP/emu.status once it ends), listening on $PORT.
start_emu() {
    PORT=$(free_port)
    ( "$EMU" -gdb "tcp::$PORT" "$@" >"$TMP/emu.out" 2>&1 </dev/null; echo $? >"$TMP/emu.status" ) &
    EMU_PID=$!
    # A failing script must not leave emu running (it may wait for gdb forever).
    trap 'kill "$EMU_PID" 2>/dev/null; pkill -P "$EMU_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
    wait_listen "$PORT"
}

# run_gdb SCRIPT: gdb-multiarch -batch on the target ELF; output in $TMP/gdb.out.
run_gdb() {
    { echo "set pagination off"; echo "set confirm off"; echo "target remote :$PORT"; cat "$1"; } >"$TMP/gdb.cmds"
    timeout 20 "$GDB" -nx -batch -x "$TMP/gdb.cmds" "$TARGET_ELF" >"$TMP/gdb.out" 2>&1
}

# want PATTERN WHAT: the gdb output matches the extended regular expression PATTERN.
want() {
    if ! grep -qE -- "$1" "$TMP/gdb.out"; then
        echo "gdb output lacks $2 (/$1/)"
        failures=$((failures + 1))
    fi
}

# emu_exit STATUS: emu ended with STATUS.
emu_exit() {
    wait "$EMU_PID" 2>/dev/null
    local st
    st=$(cat "$TMP/emu.status" 2>/dev/null || echo none)
    if [ "$st" != "$1" ]; then
        echo "emu exit status $st, want $1; output: $(head -c 300 "$TMP/emu.out")"
        failures=$((failures + 1))
    fi
}

dump_on_failure() {
    if [ "$failures" != 0 ]; then
        echo "--- gdb output:"
        cat "$TMP/gdb.out"
    fi
}
