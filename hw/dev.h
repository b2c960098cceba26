/* SPDX-License-Identifier: MIT */
/* The device model: a device is plain C state plus read/write callbacks; an IRQ is a line. */
#ifndef EMU_HW_DEV_H
#define EMU_HW_DEV_H

#include "core/types.h"

/* Result of a device access. Devices return DEV_OK for any access that real hardware accepts
 * (including reads of reserved registers, which read as zero); DEV_ERROR makes the bus signal
 * an error (an external abort on Arm). */
enum dev_status { DEV_OK = 0, DEV_ERROR = 1 };

struct dev_ops {
    /* size is 1, 2, 4 or 8; off is relative to the region base. */
    enum dev_status (*read)(void *dev, u64 off, unsigned size, u64 *val);
    enum dev_status (*write)(void *dev, u64 off, unsigned size, u64 val);
};

/* An interrupt line from a device to a controller input. */
struct irq_line {
    void (*set)(void *ctl, int n, int level);
    void *ctl;
    int n;
};

static inline void irq_set(const struct irq_line *l, int level)
{
    if (l->set)
        l->set(l->ctl, l->n, level);
}

#endif
