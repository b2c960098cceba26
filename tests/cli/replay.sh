# SPDX-License-Identifier: MIT
# timeout: 60
# Record/replay on a bare-metal guest that waits for serial input (virt_uart_rx): the replay,
# with stdin closed, prints the same and ends with the same digest; a damaged log, a changed
# image or a different command line is refused with its own message before anything runs; a
# log cut short replays what it holds and says so; a changed input is caught as a divergence.
. "$(dirname "$0")/common.bash"
ELF="$(dirname "$EMU")/tests/guest/arm64/virt_uart_rx.elf"
[ -f "$ELF" ] || { echo "virt_uart_rx.elf not built"; exit 77; }
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
cp "$ELF" "$TMP/k.elf"
run=(-M arm64-virt -semihosting -nographic -kernel "$TMP/k.elf" -digest-on-exit)
bad() { echo "$*"; failures=$((failures + 1)); }

(sleep 0.3; printf 'Zq') | timeout 20 "$EMU" "${run[@]}" -record "$TMP/log" -digest-every 40 \
    >"$TMP/rec" 2>&1
st=$?
[ "$st" = 0 ] && grep -q "RX:Zq" "$TMP/rec" && grep -q "^emu: digest " "$TMP/rec" ||
    bad "record: exit $st, output: $(head -c 300 "$TMP/rec")"

# Replay: only -replay (the recorded command line is used), stdin closed.
timeout 20 "$EMU" -replay "$TMP/log" -digest-on-exit >"$TMP/rep" 2>&1 <&-
st=$?
[ "$st" = 0 ] && cmp -s "$TMP/rec" "$TMP/rep" ||
    bad "replay: exit $st, differs: $(diff "$TMP/rec" "$TMP/rep" | head -c 400)"
# Traces: a replay shows the same instructions, exceptions and interrupts as the recorded run.
(sleep 0.3; printf 'Zq') | timeout 20 "$EMU" "${run[@]}" -record "$TMP/tlog" \
    -d in_asm,exec,int,cpu -D "$TMP/trace1" >/dev/null 2>&1
timeout 20 "$EMU" -replay "$TMP/tlog" -digest-on-exit -d in_asm,exec,int,cpu -D "$TMP/trace2" >/dev/null 2>&1 <&-
grep -q "Taking exception\|IRQ\|irq" "$TMP/trace1" && [ "$(wc -l <"$TMP/trace1")" -gt 100 ] &&
    cmp -s "$TMP/trace1" "$TMP/trace2" ||
    bad "traces: $(wc -l <"$TMP/trace1") lines, differ: $(diff "$TMP/trace1" "$TMP/trace2" | head -c 300)"
# The same with the full command line repeated.
timeout 20 "$EMU" "${run[@]}" -replay "$TMP/log" >"$TMP/rep2" 2>&1 </dev/null
st=$?
[ "$st" = 0 ] && cmp -s "$TMP/rec" "$TMP/rep2" || bad "replay with the command line: exit $st"

# A different command line, a changed kernel image: refused before running.
expect 2 "command line differs from the recording's at argument" -M arm64-virt -smp 2 \
    -semihosting -nographic -kernel "$TMP/k.elf" -replay "$TMP/log"
printf 'x' >>"$TMP/k.elf"
expect 1 "kernel '$TMP/k.elf' differs from the recording's" -replay "$TMP/log"
cp "$ELF" "$TMP/k.elf"

# Damaged logs. Layout: "EMURPLAY", u32 version, u32 body length, body, u32 CRC, records.
python3 - "$TMP/log" "$TMP" <<'PY'
import struct, sys, zlib
log, tmp = sys.argv[1], sys.argv[2]
d = bytearray(open(log, 'rb').read())
blen = struct.unpack_from('<I', d, 12)[0]
first = 16 + blen + 4                           # the first record
def put(name, b): open(f'{tmp}/{name}', 'wb').write(b)
v = bytearray(d); v[8] = 99; put('version', v)  # unknown format version
h = bytearray(d); h[20] ^= 1; put('header', h)  # a flipped bit in the header
r = bytearray(d); r[-20] ^= 0x40; put('flip', r)  # a flipped byte in the trailer's payload
# The records: find the serial input and the trailer, to cut before the trailer and to change
# the input (with a valid CRC: a log that is well-formed but does not match the run).
recs, off = [], first
while off < len(d):
    kind, ln = d[off], struct.unpack_from('<I', d, off + 4)[0]
    recs.append((off, kind, ln))
    off += 32 + ln + 4
put('cut', d[:recs[-1][0]])
put('cut2', d[:recs[-1][0] + 40])                # inside the trailer
s = bytearray(d)
for off, kind, ln in recs:
    if kind == 1:                                # REPLAY_SERIAL
        s[off + 32] = ord('Y')
        struct.pack_into('<I', s, off + 32 + ln, zlib.crc32(bytes(s[off:off + 32 + ln])))
put('input', s)
# The trailer's digest (u32 status, u32 ncpus, u32 34, cpu 0: u64 icount, x0..x30, sp, pc, cpsr,
# ...) with x5 changed: the replay reports the register.
t = bytearray(d)
off, kind, ln = recs[-1]
p = off + 32 + 4 + 8 + 8 + 5 * 8
t[p] ^= 0x10
struct.pack_into('<I', t, off + 32 + ln, zlib.crc32(bytes(t[off:off + 32 + ln])))
put('x5', t)
k = bytearray(d)                                 # a kind this emu does not know, valid CRC
off, kind, ln = recs[0]
k[off] = 9
struct.pack_into('<I', k, off + 32 + ln, zlib.crc32(bytes(k[off:off + 32 + ln])))
put('kind', k)
off, kind, ln = recs[-1]
put('after', d + d[off:off + 32 + ln + 4])       # a record after the trailer
PY
expect 1 "unsupported log format version 99" -replay "$TMP/version"
expect 1 "header CRC mismatch" -replay "$TMP/header"
expect 1 "CRC mismatch (corrupted log)" -replay "$TMP/flip"
expect 1 "not an emu replay log" -replay "$TMP/k.elf"
expect 1 "record 0 at offset" -replay "$TMP/kind"
expect 1 "unknown kind 9" -replay "$TMP/kind"
expect 1 "data after the trailer" -replay "$TMP/after"
expect 1 "cannot open" -replay "$TMP/nonexistent"
# Cut before the trailer: the run replays the input, then stops and says so.
timeout 20 "$EMU" -replay "$TMP/cut" >"$TMP/out" 2>&1 </dev/null
st=$?
[ "$st" = 1 ] && grep -q "emu: replay log ends early at icount [0-9]* (truncated)" "$TMP/out" ||
    bad "truncated log: exit $st, output: $(head -c 300 "$TMP/out")"
timeout 20 "$EMU" -replay "$TMP/cut2" >"$TMP/out" 2>&1 </dev/null
st=$?
[ "$st" = 1 ] && grep -q "emu: replay log ends early at icount [0-9]* (truncated)" "$TMP/out" ||
    bad "log cut inside a record: exit $st, output: $(head -c 300 "$TMP/out")"
expect 1 "-record: cannot create '$TMP/no/log'" "${run[@]}" -record "$TMP/no/log"
expect 2 "-digest-every needs -record" -digest-every 5 -replay "$TMP/log"
# Another input than the recorded one: the guest's buffer (RAM) differs from the recorded digest.
timeout 20 "$EMU" -replay "$TMP/input" >"$TMP/out" 2>&1 </dev/null
st=$?
[ "$st" = 1 ] && grep -q "RX:Yq" "$TMP/out" &&
    grep -q "emu: replay diverged at icount [0-9]*: RAM digest 0x[0-9a-f]* != 0x[0-9a-f]* (recorded)" "$TMP/out" ||
    bad "changed input: exit $st, output: $(head -c 400 "$TMP/out")"
timeout 20 "$EMU" -replay "$TMP/x5" >"$TMP/out" 2>&1 </dev/null
st=$?
[ "$st" = 1 ] && grep -q "emu: replay diverged at icount [0-9]* on cpu 0: x5 0x[0-9a-f]* != 0x[0-9a-f]* (recorded), pc 0x" "$TMP/out" ||
    bad "changed digest: exit $st, output: $(head -c 400 "$TMP/out")"
# tools/replay-info reads the same logs.
INFO="$(dirname "$0")/../../tools/replay-info"
out=$("$INFO" "$TMP/log") && grep -q "complete: *yes (trailer: exit status 0)" <<<"$out" &&
    grep -q "serial *1 records *2 payload bytes" <<<"$out" &&
    grep -q "digests: *every 40 instructions" <<<"$out" && grep -q "^  digest " <<<"$out" ||
    bad "replay-info log: $out"
out=$("$INFO" "$TMP/cut") && grep -q "complete: *no (truncated" <<<"$out" ||
    bad "replay-info cut: $out"
"$INFO" "$TMP/flip" >/dev/null 2>&1 && bad "replay-info accepted a flipped byte"
"$INFO" "$TMP/version" >/dev/null 2>&1 && bad "replay-info accepted version 99"
"$INFO" "$TMP/kind" >/dev/null 2>&1 && bad "replay-info accepted an unknown kind"
"$INFO" "$TMP/after" >/dev/null 2>&1 && bad "replay-info accepted data after the trailer"
# Semihosting input read mid-instruction (SYS_READC) is logged and replayed too.
SH="$(dirname "$EMU")/tests/guest/arm64/semihost_readc.elf"
printf 'ok' | timeout 20 "$EMU" -M arm64-virt -semihosting -serial null -kernel "$SH" \
    -record "$TMP/shlog" >"$TMP/sh1" 2>&1
timeout 20 "$EMU" -replay "$TMP/shlog" >"$TMP/sh2" 2>&1 <&-
st=$?
[ "$st" = 0 ] && grep -q "IN:ok" "$TMP/sh1" && cmp -s "$TMP/sh1" "$TMP/sh2" ||
    bad "semihosting input: exit $st: $(head -c 200 "$TMP/sh1") / $(head -c 200 "$TMP/sh2")"
expect 2 "-record and -replay cannot be used together" -replay "$TMP/log" -record "$TMP/x"
finish
