# firmware/: firmware services (PSCI/SMCCC) and boot stubs
EMU_SRCS += $(wildcard firmware/*.c)
