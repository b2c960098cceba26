#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 600
# Boot the Debian guest with two virtio-blk disks, a virtio-rng and the PL031, let Linux write a
# marker to /dev/vda and to /dev/vdb (snapshot=on), then check from the host that the first
# image holds the marker and the second is untouched. Skips until the guest kernel,
# its virtio modules and a Linux-capable emu are available.
# Usage: EMU=build/emu tests/cli/boot_disk.sh        (REFERENCE=qemu: run on qemu-system-aarch64)
set -uo pipefail

EMU=${EMU:-build/emu}
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
IMAGE="$CACHE/Image"
INITRD="$CACHE/initrd-shell.gz"
TIMEOUT=${TIMEOUT:-300}
# A skip prints SKIP and exits SKIP_STATUS: 0 by default, because tools/run-tests counts any
# other status as a failure; set SKIP_STATUS=77 for runners that know the automake convention.
skip() { echo "SKIP: $*"; exit "${SKIP_STATUS:-77}"; }
# Booting Linux takes minutes of CPU: only on request (the reference run is always explicit).
[ "${REFERENCE:-}" = qemu ] || [ "${EMU_BOOT_TESTS:-1}" = 1 ] ||
    skip "boot test disabled by EMU_BOOT_TESTS=0"

[ -s "$IMAGE" ] && [ -s "$INITRD" ] || skip "no guest kernel (run tools/fetch-guest)"

# Debian builds virtio_mmio and virtio_blk as modules: take them from the kernel package.
. "$(dirname "$0")/guest_modules.inc"
guest_modules virtio_mmio virtio_blk || skip "virtio_mmio.ko/virtio_blk.ko not available"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
guest_initrd_tree "$WORK/root" virtio_mmio virtio_blk
cat > "$WORK/root/init" <<'INIT'
#!/bin/sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
/bin/busybox --install -s
insmod /virtio_mmio.ko
insmod /virtio_blk.ko
sleep 1
echo "RTC $(cat /sys/class/rtc/rtc0/since_epoch 2>/dev/null)"
echo "SIZE $(cat /sys/block/vda/size 2>/dev/null) $(cat /sys/block/vdb/size 2>/dev/null)"
echo EMU-DISK-MARKER-A | dd of=/dev/vda bs=512 seek=8 conv=sync 2>/dev/null
echo EMU-DISK-MARKER-B | dd of=/dev/vdb bs=512 seek=8 conv=sync 2>/dev/null
sync
echo "READBACK $(dd if=/dev/vdb bs=512 skip=8 count=1 2>/dev/null | head -c 17)"
echo EMU-DISK-DONE
poweroff -f
INIT
chmod 755 "$WORK/root/init"
guest_initrd_pack "$WORK/root" "$WORK/initrd.gz"
truncate -s 8M "$WORK/a.img" "$WORK/b.img"
sum_b=$(md5sum < "$WORK/b.img")

if [ "${REFERENCE:-}" = qemu ]; then
    command -v qemu-system-aarch64 >/dev/null || skip "no qemu-system-aarch64"
    run=(timeout "$TIMEOUT" qemu-system-aarch64 -M virt -cpu max -m 512 -nographic
         -rtc base=2026-01-01T00:00:00)
else
    [ -x "$EMU" ] || skip "$EMU not built"
    guest_emu_boots || skip "Linux does not boot to userspace on emu yet"
    run=(timeout "$TIMEOUT" "$EMU" -M arm64-virt -m 512M -nographic)
fi
# As on QEMU 7.2, the first -device takes the highest transport and Linux 6.1 probes the
# lowest address first: the last -device is vda. So b.img (first) is vdb, a.img is vda.
out=$("${run[@]}" -kernel "$IMAGE" -initrd "$WORK/initrd.gz" -append "console=ttyAMA0" \
      -drive "file=$WORK/b.img,format=raw,if=none,id=d1,snapshot=on" \
      -device virtio-blk-device,drive=d1 \
      -drive "file=$WORK/a.img,format=raw,if=none,id=d0" -device virtio-blk-device,drive=d0 2>&1)

fail() { echo "FAIL: $*"; echo "$out" | tail -n 30; exit 1; }
grep -q EMU-DISK-DONE <<<"$out" || fail "the guest did not finish"
grep -q "SIZE 16384 16384" <<<"$out" || fail "wrong disk sizes"
grep -q "READBACK EMU-DISK-MARKER-B" <<<"$out" || fail "snapshot disk did not read back"
# 2026-01-01T00:00:00Z = 1767225600, plus a few seconds of boot.
rtc=$(sed -n 's/^RTC \([0-9]*\).*/\1/p' <<<"$out" | tr -d '\r')
[ -n "$rtc" ] && [ "$rtc" -ge 1767225600 ] && [ "$rtc" -lt 1767226200 ] || fail "RTC reads '$rtc'"
[ "$(dd if="$WORK/a.img" bs=512 skip=8 count=1 2>/dev/null | head -c 17)" = EMU-DISK-MARKER-A ] ||
    fail "the write to vda did not reach the image"
[ "$(md5sum < "$WORK/b.img")" = "$sum_b" ] || fail "snapshot=on modified the image"
echo "PASS"
