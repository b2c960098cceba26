# core/: command line, logging, virtual clock, machine loop
EMU_MAIN := core/main.c
EMU_SRCS += $(filter-out core/main.c,$(wildcard core/*.c))
