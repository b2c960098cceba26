# softmmu/: the physical address space
EMU_SRCS += $(wildcard softmmu/*.c)
