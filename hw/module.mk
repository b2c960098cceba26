# hw/: devices, host back-ends and machines
EMU_SRCS += $(wildcard hw/*.c)
