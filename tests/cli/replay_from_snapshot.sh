# SPDX-License-Identifier: MIT
# timeout: 60
# Replay starting from a snapshot taken during the recording (docs/DETERMINISM.md, "Replay from
# a snapshot"): virt_uart_echo gets "ab", then "cq" on the serial port while -savevm-at saves a
# snapshot between the two. `-replay LOG -loadvm mid` prints exactly the recording's console
# output after that point and ends with the recording's digest; digests after the snapshot are
# still checked. Refused with their own message: a snapshot of a run that was not recorded,
# one whose past inputs differ from the log's, one from a recording of another machine (digest
# interval), one from a longer recording of the same machine that is past the log's end. A snapshot
# saved by the monitor during a recording works too.
. "$(dirname "$0")/common.bash"
ELF="$(dirname "$EMU")/tests/guest/arm64/virt_uart_echo.elf"
[ -f "$ELF" ] || { echo "virt_uart_echo.elf not built"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
cp "$ELF" "$TMP/k.elf"
mkdir "$TMP/snaps"
run=(-M arm64-virt -semihosting -nographic -kernel "$TMP/k.elf" -digest-on-exit
     -snapshot-dir "$TMP/snaps")
bad() { echo "$*"; failures=$((failures + 1)); }
# record LOG SNAPSHOT-ICOUNT INPUT1 INPUT2 [INPUT3]: the guest waits (icount still) for each.
record() {
    (sleep 0.3; printf '%s' "$3"; sleep 0.4; printf '%s' "$4"; sleep 0.4; printf '%s' "${5-}") |
        timeout 20 "$EMU" "${run[@]}" -record "$TMP/$1" -digest-every 100000 \
        -savevm-at "$2:mid" >"$TMP/$1.out" 2>"$TMP/$1.err"
}
digest() { grep "^emu: digest " "$1"; }

# A run that is not recorded: its snapshot at the same point cannot start a replay.
(sleep 0.3; printf 'ab'; sleep 0.4; printf 'cq') |
    timeout 20 "$EMU" "${run[@]}" -savevm-at 300000:mid >"$TMP/live.out" 2>&1 || cat "$TMP/live.out"
mv "$TMP/snaps/mid.emusnap" "$TMP/live.emusnap"
# A longer recording with the same command line: its snapshot is past the first one's end.
record log 1000000 ab cd eq
mv "$TMP/snaps/mid.emusnap" "$TMP/late.emusnap"
mv "$TMP/log" "$TMP/long.log"
# The recording the test replays.
record log 300000 ab cq
st=$?
[ "$st" = 0 ] && [ "$(cat "$TMP/log.out")" = "$(printf 'RX:ab\nRX:cq')" ] &&
    grep -q "^emu: saved snapshot 'mid' at icount 3000[0-9]* " "$TMP/log.err" ||
    bad "record: exit $st, output: $(head -c 300 "$TMP/log.out" "$TMP/log.err")"

# The log notes the snapshot (a value record after the snapshot's cursor).
"$(dirname "$0")/../../tools/replay-info" "$TMP/log" | grep -q "^  value    snapshot:mid = 3000[0-9]*$" ||
    bad "replay-info does not list the snapshot: $("$(dirname "$0")/../../tools/replay-info" "$TMP/log")"

# The whole replay and the replay from the snapshot: same digest as the recording; the latter
# prints only what came after the snapshot.
timeout 20 "$EMU" -replay "$TMP/log" -digest-on-exit >"$TMP/full.out" 2>"$TMP/full.err" <&-
st=$?
[ "$st" = 0 ] && cmp -s "$TMP/log.out" "$TMP/full.out" &&
    [ "$(digest "$TMP/full.err")" = "$(digest "$TMP/log.err")" ] ||
    bad "full replay: exit $st: $(head -c 300 "$TMP/full.out" "$TMP/full.err")"
timeout 20 "$EMU" -replay "$TMP/log" -snapshot-dir "$TMP/snaps" -loadvm mid -digest-on-exit \
    >"$TMP/snap.out" 2>"$TMP/snap.err" <&-
st=$?
[ "$st" = 0 ] && [ "$(cat "$TMP/snap.out")" = "RX:cq" ] &&
    [ "$(digest "$TMP/snap.err")" = "$(digest "$TMP/log.err")" ] &&
    [ -n "$(digest "$TMP/log.err")" ] ||
    bad "replay from the snapshot: exit $st: $(head -c 300 "$TMP/snap.out" "$TMP/snap.err")"
# The recording's output is the output before the snapshot followed by the replay's.
[ "$(head -c -"$(wc -c <"$TMP/snap.out")" "$TMP/log.out")" = "RX:ab" ] ||
    bad "the replay's output is not the recording's tail"
# The recorded machine options repeated in full, with -loadvm: accepted too.
timeout 20 "$EMU" "${run[@]}" -replay "$TMP/log" -loadvm mid >"$TMP/snap2.out" 2>&1 </dev/null
st=$?
[ "$st" = 0 ] && grep -qx "RX:cq" "$TMP/snap2.out" && ! grep -q "RX:ab" "$TMP/snap2.out" ||
    bad "replay from the snapshot with the command line: exit $st: $(head -c 300 "$TMP/snap2.out")"

# Damaged copies of the log (valid CRCs): the first input changed (before the snapshot), the
# last digest before the trailer changed (after it).
python3 - "$TMP/log" "$TMP" <<'PY'
import struct, sys, zlib
log, tmp = sys.argv[1], sys.argv[2]
d = bytearray(open(log, 'rb').read())
first = 16 + struct.unpack_from('<I', d, 12)[0] + 4
recs, off = [], first
while off < len(d):
    kind, ln = d[off], struct.unpack_from('<I', d, off + 4)[0]
    recs.append((off, kind, ln))
    off += 32 + ln + 4
def patched(off, ln, at):
    b = bytearray(d)
    b[off + 32 + at] ^= 1
    struct.pack_into('<I', b, off + 32 + ln, zlib.crc32(bytes(b[off:off + 32 + ln])))
    return b
off, kind, ln = next(r for r in recs if r[1] == 1)         # the first REPLAY_SERIAL: "ab"
open(f'{tmp}/input.log', 'wb').write(patched(off, ln, 0))
off, kind, ln = [r for r in recs if r[1] == 4][-1]         # the last REPLAY_DIGEST
open(f'{tmp}/digest.log', 'wb').write(patched(off, ln, ln - 1))  # its RAM hash
h = bytearray(d)                                           # another digest interval
blen = struct.unpack_from('<I', h, 12)[0]
struct.pack_into('<Q', h, 16 + blen - 16, 12345)
struct.pack_into('<I', h, 16 + blen, zlib.crc32(bytes(h[16:16 + blen])))
open(f'{tmp}/other.log', 'wb').write(h)
PY
timeout 20 "$EMU" -replay "$TMP/digest.log" -snapshot-dir "$TMP/snaps" -loadvm mid \
    >"$TMP/out" 2>&1 </dev/null
st=$?
[ "$st" = 1 ] && grep -q "emu: replay diverged at icount [0-9]*: RAM digest" "$TMP/out" ||
    bad "changed digest after the snapshot: exit $st: $(head -c 300 "$TMP/out")"

expect 1 "-loadvm mid: section 'replay': the snapshot was not taken during this recording ($TMP/input.log): the inputs before its icount 3000" \
    -replay "$TMP/input.log" -snapshot-dir "$TMP/snaps" -loadvm mid
expect 1 "-loadvm $TMP/live.emusnap: section 'replay': the snapshot was not taken during a recording or a replay" \
    -replay "$TMP/log" -loadvm "$TMP/live.emusnap"
expect 1 "the snapshot was not taken during this recording ($TMP/other.log): it belongs to a recording with another command line or images" \
    -replay "$TMP/other.log" -snapshot-dir "$TMP/snaps" -loadvm mid
expect 1 "the snapshot is at icount 1000" -replay "$TMP/log" -loadvm "$TMP/late.emusnap"
grep -q ", past the log's end 800[0-9]* ($TMP/log)" "$TMP/err" || bad "past the end: $(cat "$TMP/err")"
# A snapshot saved by the monitor's savevm during a recording (while the guest waits between
# the inputs) starts a replay the same way.
mkdir "$TMP/m"
python3 - "$EMU" "$TMP/m" "$TMP/k.elf" <<'PY' || failures=$((failures + 1))
import atexit, os, socket, subprocess, sys, time
emu, d, elf = sys.argv[1:4]
p = subprocess.Popen([emu, "-M", "arm64-virt", "-semihosting", "-nographic", "-kernel", elf,
                      "-monitor", "unix:" + d + "/mon", "-snapshot-dir", d, "-record", d + "/log",
                      "-digest-on-exit"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.DEVNULL)
atexit.register(lambda: p.poll() is None and p.kill())  # also after an exception
def fail(msg):
    p.kill()
    sys.exit("monitor savevm: " + msg)
def until(read, pat):
    buf = b""
    while pat not in buf:
        c = read(4096)
        if not c:
            fail("eof before %r: %r" % (pat, buf))
        buf += c
    return buf.decode()
for _ in range(200):
    if os.path.exists(d + "/mon"):
        break
    time.sleep(0.05)
s = socket.socket(socket.AF_UNIX)
s.settimeout(20)
s.connect(d + "/mon")
until(s.recv, b"(emu) ")
p.stdin.write(b"ab")
p.stdin.flush()
until(lambda n: os.read(p.stdout.fileno(), n), b"RX:ab\n")
s.sendall(b"savevm mon\n")
out = until(s.recv, b"(emu) ")
if "saved snapshot 'mon' at icount" not in out:
    fail(out)
p.stdin.write(b"cq")
p.stdin.close()
if p.wait(timeout=20) != 0:
    fail("exit %d" % p.returncode)
PY
timeout 20 "$EMU" -replay "$TMP/m/log" -snapshot-dir "$TMP/m" -loadvm mon >"$TMP/out" 2>&1 </dev/null
st=$?
[ "$st" = 0 ] && [ "$(cat "$TMP/out")" = "RX:cq" ] ||
    bad "replay from the monitor's snapshot: exit $st: $(head -c 300 "$TMP/out")"
"$(dirname "$0")/../../tools/replay-info" "$TMP/m/log" | grep -q "^  value    snapshot:mon = [0-9]*$" ||
    bad "replay-info does not list the monitor's snapshot"
finish
