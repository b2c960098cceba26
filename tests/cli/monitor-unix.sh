# SPDX-License-Identifier: MIT
# -monitor unix:PATH: a client connects, runs commands, and `quit` ends emu with status 0.
. "$(dirname "$0")/common.bash"
K=$(kernel)
"$EMU" -S -monitor "unix:$TMP/mon.sock" -kernel "$K" >"$TMP/out" 2>&1 &
pid=$!
python3 - "$TMP/mon.sock" >"$TMP/client" <<'PY' || failures=$((failures + 1))
import socket, sys, time
for _ in range(100):
    try:
        s = socket.socket(socket.AF_UNIX)
        s.connect(sys.argv[1])
        break
    except OSError:
        time.sleep(0.05)
s.sendall(b"info cpus\nquit\n")
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
sys.stdout.write(data.decode())
PY
st=0
wait $pid || st=$?
[ $st = 0 ] || { echo "emu exit $st: $(cat "$TMP/out")"; failures=$((failures + 1)); }
grep -q "CPU #0: arch=aarch64" "$TMP/client" || {
    echo "client saw: $(cat "$TMP/client")"; failures=$((failures + 1)); }
finish
