# SPDX-License-Identifier: MIT
# An option the chosen board does not implement yet is refused up front, never ignored.
. "$(dirname "$0")/common.bash"
K=$(kernel)
for o in "-initrd $K" "-append console=ttyAMA0" "-drive file=$K,if=virtio,readonly=on" \
         "-netdev user,id=n0" "-rtc base=utc"; do
    set -- $o
    # Boards gain these one by one; each is either accepted or refused with this message.
    st=0
    "$EMU" -kernel "$K" "$@" -max-insns 10 >"$TMP/out" 2>"$TMP/err" </dev/null || st=$?
    if [ $st = 2 ]; then
        grep -q "^emu: $1: machine arm64-virt cannot .* yet (not implemented)$" "$TMP/err" || {
            echo "$o: unexpected message: $(cat "$TMP/err")"; failures=$((failures + 1)); }
    elif [ $st != 3 ]; then
        echo "$o: exit $st: $(cat "$TMP/err")"; failures=$((failures + 1))
    fi
done
finish
