/* SPDX-License-Identifier: MIT */
/*
 * dump-guest-memory: the machine as an ELF64 core file (ELF gABI; the note layouts are those
 * Linux uses for a process core, which gdb and crash read). One PT_NOTE with each vCPU's
 * register notes, one PT_LOAD per RAM region (p_paddr = p_vaddr = guest physical address, as
 * QEMU's dump-guest-memory without paging).
 */
#ifndef EMU_CORE_DUMP_H
#define EMU_CORE_DUMP_H

#include <stddef.h>

#include "core/types.h"

struct machine;
struct vcpu;

/* What an architecture provides: its ELF machine number and its per-vCPU notes. */
struct dump_arch_ops {
    u16 e_machine;
    /* Append vCPU v's notes (already framed: namesz, descsz, type, name, desc, each padded
     * to 4 bytes) to buf; returns the bytes written, 0 if cap is too small. */
    size_t (*cpu_notes)(struct vcpu *v, u8 *buf, size_t cap);
    /* Paging mode: call emit for every page or block v's current translation regime maps
     * (stage 1, and stage 2 if on), in increasing virtual address order. */
    void (*mappings)(struct vcpu *v, void (*emit)(void *opaque, u64 va, u64 pa, u64 len),
                     void *opaque);
};

const struct dump_arch_ops *dump_arch_find(const char *arch);

/* Frame one ELF note into buf (cap bytes); returns its size, 0 if it does not fit. */
size_t dump_put_note(u8 *buf, size_t cap, const char *name, u32 type, const void *desc,
                     size_t desc_len);

/* Write the core of m to path, atomically (a temporary name in the same directory, then
 * rename). With paging, vCPU 0's virtual mappings of RAM are added as further PT_LOADs
 * (p_vaddr = VA, p_paddr = PA) whose file data is that of the physical ones. False with a
 * one-line reason in err. */
bool dump_guest_memory(struct machine *m, const char *path, bool paging, char *err,
                       size_t errlen);

/* The monitor command `dump-guest-memory [-p] FILE`. */
void dump_monitor_register(void);

#endif
