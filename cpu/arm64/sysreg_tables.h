/* SPDX-License-Identifier: MIT */
/* The system-register tables of cpu/arm64 (sys area), registered by a64_sysreg_tables_core(). */
#ifndef EMU_CPU_ARM64_SYSREG_TABLES_H
#define EMU_CPU_ARM64_SYSREG_TABLES_H

void a64_sysreg_tables_control(void); /* sysreg_table.c: EL1/EL2/EL3 control registers */
void a64_sysreg_tables_pstate(void);  /* sysreg_table_pstate.c: PSTATE, banked, FP status */
void a64_sysreg_tables_id(void);      /* sysreg_table_id.c: identification registers */
void a64_sysreg_tables_debug(void);   /* sysreg_table_debug.c: self-hosted debug */
void a64_sysreg_tables_cache(void);   /* sysreg_table_cache.c: DC/IC maintenance */
/* All of the above. */
void a64_sysreg_tables_core(void);

#endif
