# SPDX-License-Identifier: MIT
# Snapshot files (core/snapshot_file.c): -savevm-at writes one, -loadvm starts from it, and a
# file that is not a snapshot, truncated, corrupted, of another format version or taken with
# another configuration is refused with one precise message before anything runs.
. "$(dirname "$0")/common.bash"
K=$(kernel)
D="$TMP/snaps"
mkdir "$D"
run() { "$EMU" -M arm64-virt -kernel "$K" -snapshot-dir "$D" "$@"; }
run -savevm-at 1000:s1 -max-insns 5000 >"$TMP/out" 2>&1
[ -s "$D/s1.emusnap" ] || { echo "no s1.emusnap: $(cat "$TMP/out")"; failures=$((failures + 1)); }
grep -q "saved snapshot 's1' at icount 1" "$TMP/out" || {
    echo "no save message: $(cat "$TMP/out")"; failures=$((failures + 1)); }
[ ! -e "$D/s1.emusnap.tmp" ] || { echo "temporary file left"; failures=$((failures + 1)); }
# Loads, and runs on to the instruction limit (status 3).
expect 3 "instruction limit 6000 reached" -M arm64-virt -kernel "$K" -snapshot-dir "$D" \
    -loadvm s1 -max-insns 6000
# Load and save again at once: every section round-trips, so the files are byte-identical.
run -loadvm s1 -savevm-at 0:s2 -max-insns 6000 >"$TMP/out" 2>&1
cmp "$D/s1.emusnap" "$D/s2.emusnap" || {
    echo "loading and saving again changed the snapshot"; failures=$((failures + 1)); }
# Two vCPUs (the secondary powered off): the same.
run -smp 2 -savevm-at 1000:p1 -max-insns 2000 >"$TMP/out" 2>&1
run -smp 2 -loadvm p1 -savevm-at 0:p2 -max-insns 2000 >"$TMP/out" 2>&1
cmp "$D/p1.emusnap" "$D/p2.emusnap" || {
    echo "-smp 2: loading and saving again changed the snapshot"; failures=$((failures + 1)); }
# A path with '/' is used as is.
expect 3 "instruction limit" -M arm64-virt -kernel "$K" -loadvm "$D/s1.emusnap" -max-insns 6000

S="$D/s1.emusnap"
expect 1 "snapshot was taken with -smp 1, this machine has -smp 2" -M arm64-virt -kernel "$K" \
    -smp 2 -loadvm "$S"
expect 1 "snapshot was taken with -m 128M, this machine has -m 256M" -M arm64-virt -kernel "$K" \
    -m 256M -loadvm "$S"
expect 1 "snapshot was taken with -cpu max, this machine has -cpu cortex-a57" -M arm64-virt \
    -kernel "$K" -cpu cortex-a57 -loadvm "$S"
expect 1 "snapshot was taken with -M arm64-virt, this machine has -M arm64-virt,virtualization=on" \
    -M arm64-virt,virtualization=on -kernel "$K" -loadvm "$S"
cp "$K" "$TMP/Image2"
printf '\x1f\x20\x03\xd5' >>"$TMP/Image2"
expect 1 "snapshot was taken with -kernel sha256:" -M arm64-virt -kernel "$TMP/Image2" -loadvm "$S"
expect 1 "cannot open snapshot" -M arm64-virt -kernel "$K" -loadvm "$D/nosuch.emusnap"
printf 'hello, not a snapshot\n' >"$D/junk.emusnap"
expect 1 "is not an emu snapshot" -M arm64-virt -kernel "$K" -loadvm "$D/junk.emusnap"
size=$(stat -c %s "$S")
head -c $((size - 100)) "$S" >"$D/trunc.emusnap"
expect 1 "is truncated" -M arm64-virt -kernel "$K" -loadvm "$D/trunc.emusnap"
cp "$S" "$D/flip.emusnap"
printf '\xff' | dd of="$D/flip.emusnap" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
expect 1 "checksum mismatch" -M arm64-virt -kernel "$K" -loadvm "$D/flip.emusnap"
cp "$S" "$D/v9.emusnap"
printf '\x09' | dd of="$D/v9.emusnap" bs=1 seek=8 conv=notrunc 2>/dev/null
expect 1 "unsupported snapshot format version 9 (this emu reads 1)" -M arm64-virt -kernel "$K" \
    -loadvm "$D/v9.emusnap"
# With every device: a disk (snapshot=on overlay), a NIC on user networking, an RNG.
head -c 1048576 /dev/zero >"$TMP/disk.img"
devs=(-drive "file=$TMP/disk.img,format=raw,snapshot=on" -netdev user,id=n0
      -device virtio-net-device,netdev=n0 -device virtio-rng-device,seed=3)
run "${devs[@]}" -savevm-at 1000:d1 -max-insns 2000 >"$TMP/out" 2>&1
run "${devs[@]}" -loadvm d1 -savevm-at 0:d2 -max-insns 2000 >"$TMP/out" 2>&1
cmp "$D/d1.emusnap" "$D/d2.emusnap" || {
    echo "with devices: loading and saving again changed the snapshot: $(cat "$TMP/out")"
    failures=$((failures + 1)); }
expect 1 "snapshot was taken with -device 'virtio-net-device,netdev=n0 virtio-rng-device,seed=3'" \
    -M arm64-virt -kernel "$K" -snapshot-dir "$D" -drive "file=$TMP/disk.img,format=raw,snapshot=on" \
    -loadvm d1
printf 'x' | dd of="$TMP/disk.img" bs=1 seek=4096 conv=notrunc 2>/dev/null
expect 1 "snapshot was taken with -drive #0 sha256:" -M arm64-virt -kernel "$K" \
    -snapshot-dir "$D" "${devs[@]}" -loadvm d1
expect 2 "-savevm-at: expected ICOUNT:NAME" -M arm64-virt -kernel "$K" -savevm-at 1000
finish
