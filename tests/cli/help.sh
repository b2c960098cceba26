# SPDX-License-Identifier: MIT
# Informational options print to stdout and exit 0.
. "$(dirname "$0")/common.bash"
expect 0 "in_asm" -d help
expect 0 "guest_errors" -d help
expect 2 "unknown -d item 'bogus' (try -d help)" -d int,bogus
expect 0 "emu version" -version
expect 0 "emu version" --version
expect 0 "-max-insns N" -help
finish
