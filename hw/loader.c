/* SPDX-License-Identifier: MIT */
/* Image loaders. ELF: System V gABI, Program Loading. */
#include "hw/loader.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

u8 *load_file(const char *path, u64 *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fatal("cannot open '%s': %s", path, strerror(errno));
    if (fseek(f, 0, SEEK_END) != 0)
        fatal("cannot read '%s': %s", path, strerror(errno));
    long n = ftell(f);
    if (n < 0)
        fatal("cannot read '%s': %s", path, strerror(errno));
    rewind(f);
    u8 *buf = malloc(n ? (size_t)n : 1);
    if (!buf)
        fatal("'%s' is too large to load", path);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n)
        fatal("cannot read '%s': short read", path);
    fclose(f);
    *size = (u64)n;
    return buf;
}

bool loader_is_elf(const u8 *buf, u64 size)
{
    if (size < sizeof(Elf64_Ehdr))
        return false;
    const Elf64_Ehdr *h = (const Elf64_Ehdr *)buf;
    return !memcmp(h->e_ident, ELFMAG, SELFMAG) && h->e_ident[EI_CLASS] == ELFCLASS64 &&
           h->e_ident[EI_DATA] == ELFDATA2LSB && h->e_machine == EM_AARCH64;
}

u64 loader_load_elf(struct phys_as *as, const char *path, const u8 *buf, u64 size)
{
    const Elf64_Ehdr *h = (const Elf64_Ehdr *)buf;
    if (h->e_phoff > size || h->e_phnum > (size - h->e_phoff) / sizeof(Elf64_Phdr))
        fatal("'%s': malformed ELF (program headers outside the file)", path);
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(buf + h->e_phoff);
    for (int i = 0; i < h->e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
            continue;
        if (ph[i].p_offset > size || ph[i].p_filesz > size - ph[i].p_offset ||
            ph[i].p_filesz > ph[i].p_memsz)
            fatal("'%s': malformed ELF (segment %d outside the file)", path, i);
        u64 avail;
        u8 *dst = as_host_ptr(as, ph[i].p_paddr, false, &avail);
        if (!dst || avail < ph[i].p_memsz)
            fatal("'%s': segment %d at %#llx (%llu bytes) is outside guest RAM", path, i,
                  (unsigned long long)ph[i].p_paddr, (unsigned long long)ph[i].p_memsz);
        memcpy(dst, buf + ph[i].p_offset, ph[i].p_filesz);
        memset(dst + ph[i].p_filesz, 0, ph[i].p_memsz - ph[i].p_filesz);
    }
    return h->e_entry;
}
