# cpu/arm64/: the AArch64 interpreter. The decoder is generated from the .decode specs.
A64_DECODE_SPECS := $(sort $(wildcard cpu/arm64/*.decode))
EMU_SRCS += $(wildcard cpu/arm64/*.c) $(BUILD)/gen/a64_decode.c
GEN_HDRS += $(BUILD)/gen/a64_decode.h

$(BUILD)/gen/a64_decode.h $(BUILD)/gen/a64_decode.c: tools/decodetree.py $(A64_DECODE_SPECS)
	@mkdir -p $(BUILD)/gen
	@echo "  DECODE  $(A64_DECODE_SPECS)"
	$(Q)$(PYTHON) tools/decodetree.py --prefix a64 --cpu a64_cpu \
	    --include cpu/arm64/cpu.h --include cpu/arm64/decode_helpers.h \
	    --out-h $(BUILD)/gen/a64_decode.h --out-c $(BUILD)/gen/a64_decode.c $(A64_DECODE_SPECS)

$(BUILD)/$(BUILD)/gen/a64_decode.o: $(BUILD)/gen/a64_decode.c $(BUILD)/gen/a64_decode.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<
UNIT_TESTS += $(wildcard tests/unit/sys_*.c)
