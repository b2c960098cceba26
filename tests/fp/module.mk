# tests/fp/: generated FP/SIMD vector tests. vecgen (host) writes a self-checking guest test
# whose expected values come from the soft-float core; see tests/fp.cfg and
# tests/cli/fp-randtest.sh.
FP_VECGEN := $(BUILD)/tests/fp/vecgen
TOOLS     += $(FP_VECGEN)
FP_VEC_ELFS := $(BUILD)/tests/fp/fp_vec_seed1.elf $(BUILD)/tests/fp/fp_vec_seed2.elf \
               $(BUILD)/tests/fp/fp_vec_simd3.elf $(BUILD)/tests/fp/fp_vec_fp16_4.elf \
               $(BUILD)/tests/fp/fp_vec_fp16_5.elf
CHECK_DEPS += $(FP_VEC_ELFS)

$(FP_VECGEN): tests/fp/vecgen.c $(BUILD)/libemu.a
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $@"
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libemu.a $(LDLIBS)

$(BUILD)/tests/fp/fp_vec_seed%.S: $(FP_VECGEN)
	$(Q)$(FP_VECGEN) $* 3000 > $@

# with the scalar SIMD-encoded ops too (FRECPE, FRSQRTE, FRECPX, FRECPS, FRSQRTS, FMULX)
$(BUILD)/tests/fp/fp_vec_simd%.S: $(FP_VECGEN)
	$(Q)$(FP_VECGEN) $* 3000 simd > $@

# FEAT_FP16 half-precision scalar ops with random FZ16/AHP
$(BUILD)/tests/fp/fp_vec_fp16_%.S: $(FP_VECGEN)
	$(Q)$(FP_VECGEN) $* 3000 fp16 > $@

$(BUILD)/tests/fp/%.elf: $(BUILD)/tests/fp/%.S tests/fp/fp_vecrun.inc tests/guest/arm64/harness.S \
                         tests/guest/arm64/macros.inc tests/guest/arm64/link.ld
	@echo "  AS-A64  $<"
	$(Q)$(A64_CROSS)gcc -nostdlib -static -no-pie -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
	    -march=armv8.2-a+crypto+fp16 -Itests/guest/arm64 -Itests/fp -T tests/guest/arm64/link.ld \
	    -o $@ tests/guest/arm64/harness.S $<
.SECONDARY: $(FP_VEC_ELFS:.elf=.S)
