# tools/: developer targets. `make randtest SEEDS=N LEN=N FIRST=N` runs the random
# differential tester (tools/a64-randtest) on more seeds than `make check` does.
SEEDS ?= 100
LEN   ?= 300
FIRST ?= 1000
.PHONY: randtest
randtest: $(BUILD)/emu
	tools/a64-randtest --emu $(BUILD)/emu --seeds $(SEEDS) --len $(LEN) --first $(FIRST)

# Host unit tests of the A64 integer helpers (cpu/arm64/alu.h).
UNIT_TESTS += $(wildcard tests/unit/a64_*.c)
