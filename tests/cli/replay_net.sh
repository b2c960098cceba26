#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 600
# Record a Debian session with every kind of input: lines typed on the serial console (piped in
# with delays), a 100 KiB HTTP transfer through slirp from a server on the host, a virtio-rng
# seeded from host entropy and the RTC from host time. Replay it with stdin closed and the
# HTTP server gone: the console output and the final digest must be identical.
# Skips until the guest kernel, its modules and a Linux-capable emu are available.
set -uo pipefail

EMU=${EMU:-build/emu}
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
TIMEOUT=${TIMEOUT:-200}
skip() { echo "SKIP: $*"; exit "${SKIP_STATUS:-77}"; }
[ "${EMU_BOOT_TESTS:-1}" = 1 ] || skip "boot test disabled by EMU_BOOT_TESTS=0"
[ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd-shell.gz" ] || skip "no guest kernel (run tools/fetch-guest)"
command -v python3 >/dev/null || skip "no python3 for the host HTTP server"
. "$(dirname "$0")/guest_modules.inc"
MODS="virtio_mmio failover net_failover virtio_net virtio-rng"
guest_modules $MODS || skip "virtio modules not available"
[ -x "$EMU" ] || skip "$EMU not built"

WORK=$(mktemp -d)
mkdir "$WORK/www"
python3 -c 'import random; random.seed(7); open("'"$WORK"'/www/blob", "wb").write(bytes(random.getrandbits(8) for _ in range(102400)))'
want_md5=$(md5sum <"$WORK/www/blob" | cut -d' ' -f1)
HTTP=
trap 'kill $HTTP 2>/dev/null; rm -rf "$WORK"' EXIT
host_http_server "$WORK/www"

guest_initrd_tree "$WORK/root" $MODS
cat > "$WORK/root/init" <<INIT
#!/bin/sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
/bin/busybox --install -s
for m in $MODS; do insmod /\$m.ko; done
echo "HWRNG \$(head -c 16 /dev/hwrng | od -An -tx1 | tr -d ' \n')"
ip link set eth0 up
ip addr add 10.0.2.15/24 dev eth0
ip route add default via 10.0.2.2
echo "MD5 \$(wget -q -O - http://10.0.2.2:$port/blob | md5sum)"
echo READY
read a
echo "TYPED [\$a]"
read b
echo "TYPED [\$b] \$(date +%Y)"
echo EMU-REPLAY-DONE
poweroff -f
INIT
chmod 755 "$WORK/root/init"
guest_initrd_pack "$WORK/root" "$WORK/initrd.gz"

args=(-M arm64-virt -smp 2 -m 512M -nographic -kernel "$CACHE/Image" -initrd "$WORK/initrd.gz"
      -append console=ttyAMA0 -netdev user,id=n0 -device virtio-net-device,netdev=n0
      -device virtio-rng-device,entropy=host -rtc base=utc -digest-on-exit)
fail() { echo "FAIL: $*"; exit 1; }
# Type the lines once the guest reads (bytes typed before Linux opens the console are lost,
# as on hardware), through a fifo kept open so that emu does not see the end of its input.
mkfifo "$WORK/in"
timeout "$TIMEOUT" "$EMU" "${args[@]}" -record "$WORK/log" <"$WORK/in" >"$WORK/rec" 2>&1 &
EMUPID=$!
exec 3>"$WORK/in"
for _ in $(seq 600); do
    grep -q READY "$WORK/rec" && break
    kill -0 $EMUPID 2>/dev/null || break
    sleep 0.2
done
printf 'hello replay\n' >&3
sleep 0.5
printf 'second line\n' >&3
wait $EMUPID
st=$?
exec 3>&-
[ $st = 0 ] || { tail -n 20 "$WORK/rec"; fail "recording: exit $st"; }
grep -q EMU-REPLAY-DONE "$WORK/rec" || { tail -n 20 "$WORK/rec"; fail "the guest did not finish"; }
grep -q "MD5 $want_md5" "$WORK/rec" || fail "the HTTP transfer through slirp failed"
grep -q "TYPED \[hello replay\]" "$WORK/rec" && grep -q "TYPED \[second line\]" "$WORK/rec" ||
    fail "typed input did not arrive"
kill $HTTP 2>/dev/null
timeout "$TIMEOUT" "$EMU" -replay "$WORK/log" -digest-on-exit >"$WORK/rep" 2>&1 <&-
st=$?
[ $st = 0 ] || { tail -n 20 "$WORK/rep"; fail "replay: exit $st"; }
cmp -s "$WORK/rec" "$WORK/rep" || { diff "$WORK/rec" "$WORK/rep" | head -n 20; fail "replay differs"; }
grep -q "^emu: digest " "$WORK/rep" || fail "no digest"
info=$("$(dirname "$0")/../../tools/replay-info" "$WORK/log") || fail "replay-info: $info"
for kind in serial net value digest; do
    grep -q "^  $kind " <<<"$info" || fail "no $kind records in the log: $info"
done
grep "^  \|^complete\|bytes, format" <<<"$info"
echo PASS
