# SPDX-License-Identifier: MIT
# Options whose feature is not built yet are refused clearly (status 2), never ignored.
. "$(dirname "$0")/common.bash"
expect 2 "-semihosting-config: target=gdb is not implemented yet" -semihosting-config target=gdb
finish
