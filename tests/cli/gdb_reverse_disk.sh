# SPDX-License-Identifier: MIT
# Reverse execution rewinds a writable disk (hw/block.c undo log): the rev_disk guest counts
# rounds in sector 0 of a virtio-blk disk and checks each read. Under gdb, with a checkpoint
# every 300 instructions: run to the end, reverse-continue to disk_mark of rounds 7, 6, 5 (the
# restores cross the disk writes), check the round, then continue: the re-executed reads see
# the disk of their time (else the guest fails with 10 + round), and the final image equals
# that of an uninterrupted run.
# timeout: 30
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/rev_disk.elf
need_target
disk() { head -c 65536 /dev/zero >"$1"; }
drive() { echo "-drive file=$1,format=raw,if=none,id=d0 -device virtio-blk-device,drive=d0"; }

disk "$TMP/plain.img"
# shellcheck disable=SC2046
"$EMU" -M arm64-virt -semihosting -nographic -kernel "$TARGET_ELF" $(drive "$TMP/plain.img") \
    >"$TMP/plain.out" 2>&1 </dev/null || { echo "uninterrupted run failed: $(head -c 300 "$TMP/plain.out")"; failures=$((failures + 1)); }

disk "$TMP/rev.img"
# shellcheck disable=SC2046
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" $(drive "$TMP/rev.img") || finish
cat >"$TMP/script" <<'GDB'
monitor reverse-interval 300
break test_main
continue
delete
break *((char *)&disk_mark)
ignore 2 7
continue
p $x20
reverse-continue
p $x20
reverse-continue
p $x20
reverse-continue
p $x20
monitor info reverse
delete
continue
GDB
run_gdb "$TMP/script"
want '^\$1 = 8$' "round 8 done at the last disk_mark"
want '^\$2 = 7$' "reverse-continue: at disk_mark of round 7"
want '^\$3 = 6$' "round 6"
want '^\$4 = 5$' "round 5"
want '^  #3 icount=' "several checkpoints (restores between writes, not only to the start)"
want 'exited normally' "the re-executed rounds read the disk of their time"
emu_exit 0
if ! cmp -s "$TMP/plain.img" "$TMP/rev.img"; then
    echo "the disk after reverse execution differs from the uninterrupted run's:"
    cmp "$TMP/plain.img" "$TMP/rev.img" | head -3
    failures=$((failures + 1))
fi
dump_on_failure
finish
