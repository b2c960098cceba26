# mmu/: page-table walkers
EMU_SRCS += $(wildcard mmu/*.c)
