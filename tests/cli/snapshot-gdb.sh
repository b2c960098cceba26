#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 180
# A snapshot taken mid-turn while gdb holds the machine (interrupted, then single-stepped) and
# loaded in a new process continues exactly as a run that never stopped, and so does the
# stopped run itself: all three save at instruction 200M (-savevm-at, a round end) and the
# files must be byte-identical. This
# checks the schedule state (the vCPU whose turn it is, what is left of its turn) in the
# snapshot (two vCPUs: their interleaving depends on it), and that a debugger stop is
# invisible to the guest. Debian kernel; skips without it.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
[ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd-test.gz" ] || {
    echo "no guest kernel (run tools/fetch-guest)"; exit 77; }
args=(-M arm64-virt -smp 2 -m 256M -kernel "$CACHE/Image" -initrd "$CACHE/initrd-test.gz"
      -append console=ttyAMA0 -serial null -snapshot-dir "$TMP")
"$EMU" "${args[@]}" -savevm-at 200000000:c -max-insns 200100000 >/dev/null 2>&1 </dev/null
start_emu "${args[@]}" -S -savevm-at 200000000:a -max-insns 200100000 || finish
python3 - "$PORT" <<'PY' || failures=$((failures + 1))
import re, socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.settimeout(30)
buf = b""
def frame(p):
    return b"$" + p + b"#%02x" % (sum(p) & 255)
def packet():
    global buf
    while True:
        i = buf.find(b"$")
        j = buf.find(b"#", i)
        if i >= 0 and j >= 0 and len(buf) >= j + 3:
            p, buf = buf[i + 1:j], buf[j + 3:]
            s.sendall(b"+")
            return p
        buf += s.recv(65536)
def cmd(p):
    s.sendall(frame(p))
    return packet()
s.sendall(frame(b"c"))
time.sleep(0.6)
s.sendall(b"\x03")
stop = packet()
if not stop.startswith(b"T"):
    sys.exit("interrupt: %r" % stop)
for _ in range(7):
    stop = cmd(b"s")
    if not stop.startswith(b"T"):
        sys.exit("step: %r" % stop)
s.sendall(frame(b"qRcmd," + b"savevm g".hex().encode()))
out = b""
while True:
    p = packet()
    if p.startswith(b"O") and p != b"OK":
        out += bytes.fromhex(p[1:].decode())
    else:
        break
m = re.search(rb"saved snapshot 'g' at icount (\d+)", out)
if p != b"OK" or not m:
    sys.exit("monitor savevm: %r %r" % (p, out))
if int(m.group(1)) >= 200000000:
    sys.exit("the guest ran past 200M before the stop (slow host?): %r" % out)
s.sendall(frame(b"c"))  # on to the limit: emu exits with status 3
try:
    packet()
except OSError:
    pass
PY
emu_exit 3
"$EMU" "${args[@]}" -loadvm g -savevm-at 200000000:b -max-insns 200100000 >/dev/null 2>&1 </dev/null
cmp "$TMP/c.emusnap" "$TMP/a.emusnap" || {
    echo "the run stopped by gdb differs from the uninterrupted one"; failures=$((failures + 1)); }
cmp "$TMP/c.emusnap" "$TMP/b.emusnap" || {
    echo "the run loaded from the mid-turn snapshot differs from the uninterrupted one"
    failures=$((failures + 1)); }
finish
