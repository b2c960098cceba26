# tests/unit/: host unit tests, one executable per source file (exit 0 = pass).
UNIT_TESTS += $(wildcard tests/unit/*.c)
