# SPDX-License-Identifier: MIT
# -m rejects zero, garbage and sizes beyond the board's RAM window.
. "$(dirname "$0")/common.bash"
for size in 0 0M abc 12X -5 "" 1G5 99999999999999999999; do
    expect 2 "-m: bad size '$size'" -m "$size"
done
expect 2 "-m: 256G is too large (at most 255 GiB)" -m 256G
expect 2 "-m: 1T is too large" -m 1T
finish
