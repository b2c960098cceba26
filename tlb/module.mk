# tlb/: the architectural, tagged TLB
EMU_SRCS += $(wildcard tlb/*.c)
