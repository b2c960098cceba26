# tests/unit/: host unit tests, one executable per .c file, linked with build/libemu.a.
UNIT_TESTS += $(wildcard tests/unit/*.c)
