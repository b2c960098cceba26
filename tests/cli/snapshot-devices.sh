# SPDX-License-Identifier: MIT
# timeout: 60
# Device state across a snapshot file: the guest virt_snapshot waits for a byte of host input
# (left in the PL011 RX FIFO, its interrupt pending but masked), arms the virtual timer and
# prints READY; the monitor then saves. Run A goes on to its checks; run B, a new process
# started from the snapshot with no host input, must pass the same checks: RX FIFO, UART and
# timer interrupts pending in the GIC, the timer event armed at its deadline.
. "$(dirname "$0")/common.bash"
ELF="$(dirname "$EMU")/tests/guest/arm64/virt_snapshot.elf"
[ -f "$ELF" ] || { echo "guest image not built"; exit 77; }
args=(-M arm64-virt -semihosting -nographic -kernel "$ELF" -snapshot-dir "$TMP")
python3 - "$EMU" "$TMP" "${args[@]}" <<'PY' || failures=$((failures + 1))
import socket, subprocess, sys, time
emu, tmp, args = sys.argv[1], sys.argv[2], sys.argv[3:]
sock = tmp + "/mon.sock"
p = subprocess.Popen([emu] + args + ["-monitor", "unix:" + sock], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
p.stdin.write(b"Z")
p.stdin.flush()
out = b""
while b"READY" not in out:
    c = p.stdout.read1(4096)
    if not c:
        sys.exit("run A ended before READY: %r" % out)
    out += c
s = socket.socket(socket.AF_UNIX)
s.connect(sock)
s.sendall(b"savevm dev\n")
reply = b""
while b"saved snapshot" not in reply and b"savevm:" not in reply:
    c = s.recv(4096)
    if not c:
        break
    reply += c
s.close()
out += p.stdout.read()
if p.wait(30) != 0 or b"SNAPSHOT-DEVICES-OK" not in out or b"saved snapshot 'dev'" not in reply:
    sys.exit("run A: exit %s, output %r, monitor %r" % (p.returncode, out, reply))
PY
"$EMU" "${args[@]}" -loadvm dev </dev/null >"$TMP/B" 2>&1
st=$?
if [ $st != 0 ] || ! grep -q SNAPSHOT-DEVICES-OK "$TMP/B" || grep -q READY "$TMP/B"; then
    echo "run B (from the snapshot): exit $st (the failing check), output: $(head -c 300 "$TMP/B")"
    failures=$((failures + 1))
fi
finish
