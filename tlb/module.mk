# tlb/: the architectural, tagged TLB
EMU_SRCS += $(wildcard tlb/*.c)
# Unit tests of the TLB and the walkers (tests/unit/tlb_*.c, tests/unit/walk_*.c).
UNIT_TESTS += $(filter-out $(UNIT_TESTS),$(wildcard tests/unit/tlb_*.c tests/unit/walk_*.c))
