/* SPDX-License-Identifier: MIT */
/* The list of machine types (`-M help`). */
#include "core/machine.h"

extern const struct machine_type arm64_virt_machine;

const struct machine_type *const machine_types[] = {
    &arm64_virt_machine,
    NULL,
};
