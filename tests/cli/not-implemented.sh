# SPDX-License-Identifier: MIT
# Options whose feature is not built yet are refused clearly (status 2), never ignored.
. "$(dirname "$0")/common.bash"
expect 2 "option '-record' is not implemented yet" -record run.log
expect 2 "option '-replay' is not implemented yet" -replay run.log
expect 2 "-semihosting-config: target=gdb is not implemented yet" -semihosting-config target=gdb
finish
