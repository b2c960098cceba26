/* SPDX-License-Identifier: MIT */
/* Building blocks of the -cpu model definitions (model*.c). */
#ifndef EMU_CPU_ARM64_MODEL_IMPL_H
#define EMU_CPU_ARM64_MODEL_IMPL_H

#include "cpu/arm64/model.h"

extern const struct a64_model a64_model_max;
extern const struct a64_model a64_model_cortex_a57;
extern const struct a64_model a64_model_cortex_a72;

#endif
