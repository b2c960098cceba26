# SPDX-License-Identifier: MIT
# arm64-virt image checks (hw/loader.c, hw/virt_boot.c): bad kernels, initrds and DTBs are one
# message and status 1; dumpdtb writes a device tree dtc can read and exits 0.
. "$(dirname "$0")/common.bash"
# An Image header whose PE section table says the file is longer than it is.
python3 - "$TMP/trunc" <<'PY'
import struct, sys
b = bytearray(4096)
b[0:2] = b"MZ"
struct.pack_into("<QQQ", b, 8, 0, 2 << 20, 0xa)
b[56:60] = b"ARM\x64"
struct.pack_into("<I", b, 0x3c, 0x40)
b[0x40:0x44] = b"PE\0\0"
struct.pack_into("<HH", b, 0x40 + 6, 1, 0)
struct.pack_into("<II", b, 0x40 + 24 + 16, 0x100000, 0x1000)
open(sys.argv[1], "wb").write(b)
PY
expect 1 "truncated arm64 Image" -kernel "$TMP/trunc"
head -c 60 "$TMP/trunc" >"$TMP/short"
expect 1 "truncated arm64 Image" -kernel "$TMP/short"
# gzip that stops half-way, and gzip of something that is not an Image
head -c 100000 /dev/urandom | gzip -c | head -c 5000 >"$TMP/bad.gz"
expect 1 "corrupt or truncated gzip" -kernel "$TMP/bad.gz"
echo hello | gzip -c >"$TMP/notimage.gz"
expect 1 "not an arm64 Linux Image" -kernel "$TMP/notimage.gz"
# an initrd that does not fit in RAM
truncate -s 200M "$TMP/big.initrd"
expect 1 "initrd" -m 128M -kernel "$(kernel)" -initrd "$TMP/big.initrd"
# -dtb that is not a device tree
echo junk >"$TMP/junk.dtb"
expect 1 "not a device tree blob" -kernel "$(kernel)" -dtb "$TMP/junk.dtb"
# dumpdtb
if ! "$EMU" -M arm64-virt,dumpdtb="$TMP/virt.dtb" -smp 2 -kernel "$(kernel)" \
    -append "console=ttyAMA0" </dev/null >/dev/null 2>&1 || [ ! -s "$TMP/virt.dtb" ]; then
    echo "dumpdtb: no exit 0 or no file"
    failures=$((failures + 1))
fi
if command -v dtc >/dev/null; then
    if ! dtc -I dtb -O dts "$TMP/virt.dtb" >"$TMP/virt.dts" 2>/dev/null ||
        ! grep -q 'bootargs = "console=ttyAMA0"' "$TMP/virt.dts" ||
        ! grep -q 'cpu@1' "$TMP/virt.dts" || ! grep -q 'arm,gic-v3' "$TMP/virt.dts"; then
        echo "dumpdtb: dtc cannot read the tree or it lacks bootargs/cpu@1/gic-v3"
        failures=$((failures + 1))
    fi
fi
# -serial file:PATH gets the PL011's output (when the guest test image is built)
ELF="$(dirname "$EMU")/tests/guest/arm64/virt_pl011.elf"
if [ -f "$ELF" ]; then
    if ! "$EMU" -M arm64-virt -semihosting -serial "file:$TMP/serial.txt" -kernel "$ELF" \
        </dev/null >"$TMP/stdout.txt" 2>&1 || ! grep -q PL011-OUTPUT-OK "$TMP/serial.txt" ||
        grep -q PL011-OUTPUT-OK "$TMP/stdout.txt"; then
        echo "-serial file: the UART output is not (only) in the file"
        failures=$((failures + 1))
    fi
fi
finish
