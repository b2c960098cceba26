# SPDX-License-Identifier: MIT
# Host input reaches the guest through the PL011 receive interrupt (hw/chardev.c, hw/pl011.c):
# the guest test virt_uart_rx echoes what it received as "RX:...". Skipped (status 77) when the
# guest image is not built.
. "$(dirname "$0")/common.bash"
ELF="$(dirname "$EMU")/tests/guest/arm64/virt_uart_rx.elf"
[ -f "$ELF" ] || exit 77
(sleep 0.3; printf 'Zq') | timeout 20 "$EMU" -M arm64-virt -semihosting -nographic \
    -kernel "$ELF" >"$TMP/out" 2>&1
st=$?
if [ "$st" != 0 ] || ! grep -q "RX:Z" "$TMP/out"; then
    echo "virt_uart_rx: exit $st, output: $(head -c 200 "$TMP/out")"
    failures=$((failures + 1))
fi
# Ctrl-A x quits with status 0 (the guest gets neither key)
(sleep 0.3; printf '\001x') | timeout 20 "$EMU" -M arm64-virt -semihosting -nographic \
    -kernel "$ELF" >"$TMP/out" 2>&1
st=$?
if [ "$st" != 0 ] || ! grep -q "emu: terminated" "$TMP/out" || grep -q "RX:" "$TMP/out"; then
    echo "Ctrl-A x: exit $st, output: $(head -c 200 "$TMP/out")"
    failures=$((failures + 1))
fi
finish
