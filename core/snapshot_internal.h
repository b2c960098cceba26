/* SPDX-License-Identifier: MIT */
/* Shared between the snapshot core (core/snapshot.c) and the file format (core/snapshot_file.c). */
#ifndef EMU_CORE_SNAPSHOT_INTERNAL_H
#define EMU_CORE_SNAPSHOT_INTERNAL_H

#include "core/snapshot.h"

/* A growable little-endian byte buffer. */
struct snap_writer {
    u8 *buf;
    size_t len, cap;
};

/* A bounds-checked cursor over saved bytes; the first error sticks. */
struct snap_reader {
    const u8 *p;
    size_t len, pos;
    struct vclock *clock;
    bool failed;
    char err[256];
};

void snap_writer_free(struct snap_writer *w);
void snap_reader_init(struct snap_reader *r, const void *p, size_t len, struct vclock *c);

/* The section stream: every registered section (the core's "machine" section first), each as
 * {u8 name length, name, u32 version, u32 length, u32 CRC32 of the data, data}, preceded by
 * the count. */
void snap_state_save(struct machine *m, struct snap_writer *w);
/* Check that p holds exactly the machine's sections, each intact, without touching the
 * machine. */
bool snap_state_check(struct machine *m, const u8 *p, size_t len, char *err, size_t errlen);
/* Load a checked stream (the machine is then changed even if this fails). */
bool snap_state_load(struct machine *m, const u8 *p, size_t len, char *err, size_t errlen);

/* The icount and machine type in a snapshot file's header (for `info snapshots`); false if
 * path is not a snapshot. */
bool snapshot_file_info(const char *path, u64 *icount, char *machine, size_t len);

/* snapshot_load_file, also saying whether the machine was changed (the checks passed). */
bool snapshot_load_file_checked(struct machine *m, const char *path, bool *touched, char *err,
                                size_t errlen);

/* Which pages of a RAM region the process has touched (mincore), or NULL when that cannot be
 * known (swap, mincore failure): free() it. A page never touched reads as zero. */
struct mem_region;
u8 *snap_resident_map(const struct mem_region *mr);
static inline bool snap_never_touched(const u8 *resident, u64 page)
{
    return resident && !(resident[page] & 1);
}

/* Whether a 4 KiB page is all zero. */
bool snap_page_is_zero(const u8 *p);

#endif
