# Bare-metal A64 guest tests: every tests/guest/arm64/*.S except the harness is one test image,
# linked with harness.S. Built only when the cross assembler is present (tools/setup installs it).
A64_CROSS      ?= aarch64-linux-gnu-
A64_TEST_SRCS  := $(filter-out tests/guest/arm64/harness.S,$(wildcard tests/guest/arm64/*.S))
A64_TEST_ELFS  := $(A64_TEST_SRCS:%.S=$(BUILD)/%.elf)
CHECK_DEPS     += $(A64_TEST_ELFS)

$(BUILD)/tests/guest/arm64/%.elf: tests/guest/arm64/%.S tests/guest/arm64/harness.S \
                                  $(wildcard tests/guest/arm64/*.inc) tests/guest/arm64/link.ld
	@mkdir -p $(dir $@)
	@echo "  AS-A64  $<"
	$(Q)$(A64_CROSS)gcc -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments -march=armv8.5-a+crypto+fp16 \
	    -Itests/guest/arm64 -T tests/guest/arm64/link.ld -o $@ tests/guest/arm64/harness.S $<
# The virt machine tests share tests/guest/arm64/virt.inc.
$(BUILD)/tests/guest/arm64/virt_%.elf: tests/guest/arm64/virt.inc

# C test images (source-level debugging tests): -O0 -g, freestanding, with the same harness.
A64_C_SRCS := $(wildcard tests/guest/arm64/*.c)
A64_C_ELFS := $(A64_C_SRCS:%.c=$(BUILD)/%.elf)
CHECK_DEPS += $(A64_C_ELFS)

$(BUILD)/tests/guest/arm64/%.elf: tests/guest/arm64/%.c tests/guest/arm64/harness.S \
                                  tests/guest/arm64/link.ld
	@mkdir -p $(dir $@)
	@echo "  CC-A64  $<"
	$(Q)$(A64_CROSS)gcc -O0 -g -ffreestanding -fno-stack-protector -nostdlib -static -no-pie \
	    -Wl,--build-id=none -Wl,--no-warn-rwx-segments -Itests/guest/arm64 \
	    -T tests/guest/arm64/link.ld -o $@ tests/guest/arm64/harness.S $<
