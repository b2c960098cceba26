# Host unit tests: each tests/unit/*.c is one executable linked with libemu.a.
UNIT_TESTS += $(wildcard tests/unit/*.c)
