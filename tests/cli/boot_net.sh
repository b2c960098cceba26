#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 600
# Boot the Debian guest with virtio-net on -netdev user and a virtio-rng: the guest fetches a
# file from an HTTP server on the host's 127.0.0.1 through slirp's gateway 10.0.2.2, and
# prints 32 bytes of /dev/hwrng. On emu two runs with the same seed must print the same bytes.
# Skips until the guest kernel, its modules and a Linux-capable emu are available.
# Usage: EMU=build/emu tests/cli/boot_net.sh        (REFERENCE=qemu: run on qemu-system-aarch64)
set -uo pipefail

EMU=${EMU:-build/emu}
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
TIMEOUT=${TIMEOUT:-300}
# A skip prints SKIP and exits SKIP_STATUS: 0 by default, because tools/run-tests counts any
# other status as a failure; set SKIP_STATUS=77 for runners that know the automake convention.
skip() { echo "SKIP: $*"; exit "${SKIP_STATUS:-77}"; }
# Booting Linux takes minutes of CPU: only on request (the reference run is always explicit).
[ "${REFERENCE:-}" = qemu ] || [ "${EMU_BOOT_TESTS:-1}" = 1 ] ||
    skip "boot test disabled by EMU_BOOT_TESTS=0"

[ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd-shell.gz" ] || skip "no guest kernel (run tools/fetch-guest)"
command -v python3 >/dev/null || skip "no python3 for the host HTTP server"
. "$(dirname "$0")/guest_modules.inc"
MODS="virtio_mmio failover net_failover virtio_net virtio-rng"
guest_modules $MODS || skip "virtio modules not available"

WORK=$(mktemp -d)
mkdir "$WORK/www"
echo "EMU-NET-PAYLOAD-$$" > "$WORK/www/payload.txt"
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
sleep 1
echo "HWRNG \$(head -c 32 /dev/hwrng | od -An -tx1 | tr -d ' \n')"
ip link set eth0 up
ip addr add 10.0.2.15/24 dev eth0
ip route add default via 10.0.2.2
echo "MAC \$(cat /sys/class/net/eth0/address)"
echo "GOT \$(wget -q -O - http://10.0.2.2:$port/payload.txt)"
echo EMU-NET-DONE
poweroff -f
INIT
chmod 755 "$WORK/root/init"
guest_initrd_pack "$WORK/root" "$WORK/initrd.gz"

if [ "${REFERENCE:-}" = qemu ]; then
    command -v qemu-system-aarch64 >/dev/null || skip "no qemu-system-aarch64"
    run=(timeout "$TIMEOUT" qemu-system-aarch64 -M virt -cpu max -m 512 -nographic)
else
    [ -x "$EMU" ] || skip "$EMU not built"
    guest_emu_boots || skip "Linux does not boot to userspace on emu yet"
    run=(timeout "$TIMEOUT" "$EMU" -M arm64-virt -m 512M -nographic)
fi
boot() {
    "${run[@]}" -kernel "$CACHE/Image" -initrd "$WORK/initrd.gz" -append console=ttyAMA0 \
        -netdev user,id=n0 -device virtio-net-device,netdev=n0 \
        -device "virtio-rng-device$1" 2>&1
}
seed=",seed=1234"
[ "${REFERENCE:-}" = qemu ] && seed=""   # QEMU's virtio-rng has no seed property
out=$(boot "$seed")
fail() { echo "FAIL: $*"; echo "$out" | tail -n 30; exit 1; }
grep -q EMU-NET-DONE <<<"$out" || fail "the guest did not finish"
grep -q "MAC 52:54:00:12:34:56" <<<"$out" || fail "wrong MAC"
grep -q "GOT EMU-NET-PAYLOAD-$$" <<<"$out" || fail "the HTTP fetch through slirp failed"
rng=$(sed -n 's/^HWRNG \([0-9a-f]*\).*/\1/p' <<<"$out" | tr -d '\r')
[ ${#rng} = 64 ] || fail "no 32 bytes from /dev/hwrng"
if [ "${REFERENCE:-}" != qemu ]; then
    out=$(boot "$seed")
    [ "$(sed -n 's/^HWRNG \([0-9a-f]*\).*/\1/p' <<<"$out" | tr -d '\r')" = "$rng" ] ||
        fail "virtio-rng with the same seed gave different bytes"
fi
echo PASS
