# SPDX-License-Identifier: MIT
# Unknown options, stray arguments and missing option arguments are usage errors (status 2).
. "$(dirname "$0")/common.bash"
expect 2 "unknown option '-frobnicate' (try -help)" -frobnicate
expect 2 "unknown option '--nonsense'" --nonsense
expect 2 "unexpected argument 'Image'" Image
expect 2 "option '-kernel' needs an argument (FILE)" -kernel
expect 2 "option '-m' needs an argument" -m
finish
