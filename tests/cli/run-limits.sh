# SPDX-License-Identifier: MIT
# -max-insns stops the machine with status 3; the monitor can inspect a stopped machine and quit.
. "$(dirname "$0")/common.bash"
K=$(kernel)
expect 3 "instruction limit 100 reached" -kernel "$K" -max-insns 100
st=0
printf 'info mtree\ninfo cpus\nquit\n' |
    "$EMU" -S -monitor stdio -serial null -m 64M -kernel "$K" >"$TMP/mon" 2>&1 || st=$?
if [ $st != 0 ] || ! grep -q 'mach-virt.ram' "$TMP/mon" || ! grep -q 'CPU #0' "$TMP/mon"; then
    echo "monitor session: exit $st: $(head -c 400 "$TMP/mon")"
    failures=$((failures + 1))
fi
# End of monitor input while stopped quits instead of hanging.
st=0
printf 'info cpus\n' | timeout 10 "$EMU" -S -monitor stdio -serial null -kernel "$K" >"$TMP/mon" 2>&1 || st=$?
[ $st = 0 ] || { echo "monitor EOF while stopped: exit $st"; failures=$((failures + 1)); }
# Commands reach a running guest (`b .` spins) and quit stops it.
st=0
printf 'info cpus\nquit\n' | timeout 10 "$EMU" -monitor stdio -serial null -kernel "$K" >"$TMP/mon" 2>&1 || st=$?
if [ $st != 0 ] || ! grep -q 'state=running icount=[1-9]' "$TMP/mon"; then
    echo "monitor on a running guest: exit $st: $(head -c 400 "$TMP/mon")"
    failures=$((failures + 1))
fi
finish
