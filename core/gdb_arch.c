/* SPDX-License-Identifier: MIT */
/* The architectures the gdbstub can debug, by vcpu_ops.arch name. */
#include <string.h>

#include "core/gdbstub.h"

extern const struct gdb_arch_ops a64_gdb_ops;

static const struct {
    const char *arch;
    const struct gdb_arch_ops *ops;
} gdb_arches[] = {
    {"aarch64", &a64_gdb_ops},
};

const struct gdb_arch_ops *gdb_arch_find(const char *arch)
{
    for (size_t i = 0; i < sizeof(gdb_arches) / sizeof(gdb_arches[0]); i++)
        if (!strcmp(gdb_arches[i].arch, arch))
            return gdb_arches[i].ops;
    return NULL;
}
