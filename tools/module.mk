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

# emu-conform (docs/CONFORMANCE.md): the conformance runner, installed into the build directory
# as a link to tools/emu-conform (it finds its module tools/emutest through the link).
# `make conform` runs every suite of tests/conformance/ plus CONFORM_SEEDS random seeds.
TOOLS         += $(BUILD)/emu-conform
CONFORM_SEEDS ?= 50
CONFORM_LEN   ?= 300
CONFORM_REF   ?= qemu-system-aarch64 -M virt -cpu max
.PHONY: conform
$(BUILD)/emu-conform: tools/emu-conform
	@mkdir -p $(dir $@)
	@echo "  LN      $@"
	$(Q)ln -sf $(abspath $<) $@

# The random seeds run even when a suite fails; the target fails if either did.
conform: all $(A64_TEST_ELFS)
	$(Q)st=0; \
	$(BUILD)/emu-conform --emu $(BUILD)/emu --reference '$(CONFORM_REF)' \
	    --junit $(BUILD)/conform.xml --tap $(BUILD)/conform.tap tests/conformance || st=1; \
	$(BUILD)/emu-conform --emu $(BUILD)/emu --reference '$(CONFORM_REF)' \
	    --random $(CONFORM_SEEDS) --len $(CONFORM_LEN) --first 1000 || st=1; \
	exit $$st
