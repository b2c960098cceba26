#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# timeout: 300
# Userspace FP smoke test: boot the Debian kernel with an initramfs holding tests/fp/userfp.c
# (static aarch64: libm, printf %a/%.17g, strtod, fenv modes and flags, __fp16/_Float16 with
# FEAT_FP16, -O3 vectorised loops incl. SDOT, FJCVTZS) and busybox awk/sort/md5sum/sha256sum on a generated file,
# on emu and on qemu-system-aarch64 -cpu max, and compare the lines between the markers: any
# difference fails. Skips without the guest kernel, QEMU or the cross toolchain with libc
# (tools/setup installs libc6-dev-arm64-cross).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

EMU=${EMU:-build/emu}
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/emu"
CROSS=${A64_CROSS:-aarch64-linux-gnu-}
skip() { echo "SKIP: $*"; exit 77; }
[ "${EMU_BOOT_TESTS:-1}" = 1 ] || skip "boot test disabled by EMU_BOOT_TESTS=0"
[ -s "$CACHE/Image" ] && [ -s "$CACHE/initrd-shell.gz" ] || skip "no guest kernel (run tools/fetch-guest)"
command -v qemu-system-aarch64 >/dev/null || skip "qemu-system-aarch64 not installed"
command -v "${CROSS}gcc" >/dev/null || skip "${CROSS}gcc not installed"
. tests/cli/guest_modules.inc

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"${CROSS}gcc" -static -O3 -march=armv8.5-a+fp16+fp16fml+dotprod -o "$WORK/userfp" tests/fp/userfp.c -lm \
    2>"$WORK/cc.err" || skip "cannot build a static aarch64 program (libc6-dev-arm64-cross?)"

guest_initrd_tree "$WORK/root"
cp "$WORK/userfp" "$WORK/root/bin/userfp"
cat > "$WORK/root/init" <<'INIT'
#!/bin/sh
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev
exec </dev/console >/dev/console 2>&1
/bin/busybox --install -s
echo FP-USER-BEGIN
/bin/userfp
/bin/userfp --data > /tmp/data.txt
sort -n /tmp/data.txt | md5sum
sort -n -k2 /tmp/data.txt | head -n 3
sort -rn /tmp/data.txt | tail -n 2
md5sum /tmp/data.txt
sha256sum /tmp/data.txt
awk '{ s += $1; q += $1 * $1; if ($1 > m) m = $1 } END { printf "awk n=%d sum=%.6f mean=%.9f sq=%.8e max=%s\n", NR, s, s / NR, q, m }' /tmp/data.txt
awk 'BEGIN { for (i = 1; i <= 30; i++) { h += 1 / i; p = p * 1.5 + 1 / 3 }; t = 1; for (i = 0; i < 40; i++) t *= 2; printf "awk %.15g %.17g %.0f %.10e\n", h, p, t, 7 / 3 * 1e300 }'
echo FP-USER-END
poweroff -f
INIT
chmod 755 "$WORK/root/init"
guest_initrd_pack "$WORK/root" "$WORK/fp.gz"

APPEND="console=ttyAMA0 quiet loglevel=1"
timeout 150 "$EMU" -M arm64-virt -m 512M -kernel "$CACHE/Image" -initrd "$WORK/fp.gz" \
    -append "$APPEND" -nographic </dev/null >"$WORK/emu.log" 2>&1 &
epid=$!
timeout 150 qemu-system-aarch64 -M virt -cpu max,pauth-impdef=on -m 512M -kernel "$CACHE/Image" \
    -initrd "$WORK/fp.gz" -append "$APPEND" -nographic </dev/null >"$WORK/qemu.log" 2>&1
wait $epid

between() { tr -d '\r' <"$1" | sed -n '/^FP-USER-BEGIN$/,/^FP-USER-END$/p'; }
between "$WORK/emu.log" >"$WORK/emu.out"
between "$WORK/qemu.log" >"$WORK/qemu.out"
fail=0
for t in emu qemu; do
    if ! grep -q '^FP-USER-END$' "$WORK/$t.out"; then
        echo "$t: no complete output; last lines:"
        tail -n 5 "$WORK/$t.log"
        fail=1
    fi
done
[ $fail = 0 ] || exit 1
if ! diff -u "$WORK/qemu.out" "$WORK/emu.out" >"$WORK/diff"; then
    echo "emu and QEMU differ (- qemu, + emu):"
    head -n 40 "$WORK/diff"
    exit 1
fi
grep -q '^hwcap fphp=1 asimdhp=1$' "$WORK/emu.out" || { echo "Linux sees no FEAT_FP16 (HWCAP fphp/asimdhp)"; exit 1; }
grep -q '^hwcap jscvt=1 fcma=1 asimddp=1 asimdfhm=1 frint=1 i8mm=1$' "$WORK/emu.out" ||
    { echo "Linux misses one of HWCAP jscvt/fcma/asimddp/asimdfhm, HWCAP2 frint/i8mm"; exit 1; }
[ "${VERBOSE:-0}" = 1 ] && cat "$WORK/emu.out"
echo "$(wc -l <"$WORK/emu.out") lines agree"
