# SPDX-License-Identifier: MIT
# emu: one non-recursive GNU Makefile. Each folder contributes sources through its module.mk;
# objects and generated code go under build/.

BUILD   ?= build
.DEFAULT_GOAL := all
CC      ?= cc
PYTHON  ?= python3
V       ?= 0
Q        = $(if $(filter 1,$(V)),,@)

PKGS        := sdl2 capstone slirp zlib
PKG_DEB_sdl2     := libsdl2-dev
PKG_DEB_capstone := libcapstone-dev
PKG_DEB_slirp    := libslirp-dev
PKG_DEB_libfdt   := libfdt-dev
PKG_DEB_zlib     := zlib1g-dev

# A missing library is reported by name, with the Debian package that provides it.
# `check` and `run` first run tools/setup, then re-enter make; they skip this test.
ifeq ($(filter clean help setup check run fetch-guest,$(MAKECMDGOALS)),)
  $(foreach p,$(PKGS),$(if $(shell pkg-config --exists $(p) && echo ok),,\
    $(error missing library '$(p)': install Debian package $(PKG_DEB_$(p)) (or run tools/setup))))
  # Debian's libfdt-dev ships no pkg-config file: look for the header instead.
  $(if $(wildcard /usr/include/libfdt.h),,\
    $(error missing library 'libfdt': install Debian package libfdt-dev (or run tools/setup)))
  PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
  PKG_LIBS   := $(shell pkg-config --libs $(PKGS)) -lfdt
endif

CFLAGS  ?= -O2 -g
CFLAGS  += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
           -fno-strict-aliasing -MMD -MP -I. -I$(BUILD)/gen $(PKG_CFLAGS)
LDLIBS  += $(PKG_LIBS) -lm

# Modules append to these.
EMU_SRCS   :=   # sources of the emu binary (main excluded)
EMU_MAIN   :=   # the file with main()
GEN_HDRS   :=   # generated headers every object depends on
UNIT_TESTS :=   # host unit tests: one executable per source file
CHECK_DEPS :=   # extra prerequisites of `make check`
TOOLS      :=   # extra executables built by `make`

include $(sort $(wildcard */module.mk */*/module.mk */*/*/module.mk))

EMU_OBJS   := $(EMU_SRCS:%.c=$(BUILD)/%.o)
UNIT_BINS  := $(UNIT_TESTS:%.c=$(BUILD)/%)

.PHONY: all clean check _check run setup fetch-guest bench help unit
all: $(BUILD)/emu $(TOOLS)

$(BUILD)/libemu.a: $(EMU_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/emu: $(BUILD)/$(EMU_MAIN:.c=.o) $(BUILD)/libemu.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libemu.a $(LDLIBS)
	$(Q)ln -sf $(BUILD)/emu emu 2>/dev/null || true

$(BUILD)/%.o: %.c | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

# Unit tests link against the whole library so they test the real code.
$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/libemu.a | $(GEN_HDRS)
	@mkdir -p $(dir $@)
	@echo "  TEST-CC $<"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libemu.a $(LDLIBS)

unit: $(UNIT_BINS)

check:
	$(Q)tools/setup --quiet
	$(Q)tools/fetch-guest >/dev/null   # the boot tests need the Debian guest (cached)
	$(Q)$(MAKE) --no-print-directory _check

_check: all $(UNIT_BINS) $(CHECK_DEPS)
	$(Q)tools/run-tests $(BUILD)

setup:
	tools/setup

fetch-guest:
	tools/fetch-guest

run:
	$(Q)tools/setup --quiet
	$(Q)$(MAKE) --no-print-directory all
	$(Q)tools/fetch-guest
	$(Q)tools/run-default-guest $(BUILD)/emu

bench: all
	bench/run-all $(BUILD)

clean:
	rm -rf $(BUILD) emu

help:
	@echo "make          build emu into $(BUILD)/"
	@echo "make run      set up, build, fetch the default Debian guest and boot it"
	@echo "make check    set up, build and run every test (last line: N passed, N failed)"
	@echo "make bench    run the benchmarks in bench/"

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
