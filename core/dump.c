/* SPDX-License-Identifier: MIT */
/*
 * dump-guest-memory: an ELF64 ET_CORE file of the whole machine (ELF gABI "Program Header",
 * "Note Section"). Layout: ELF header, program headers (PT_NOTE first, then one PT_LOAD per
 * RAM region in address order), the notes, then each region's contents page-aligned. Pages
 * that are all zero are left as holes (the file is sparse; readers see zeros).
 */
#include "core/dump.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/machine.h"
#include "core/monitor.h"

extern const struct dump_arch_ops a64_dump_ops;

static const struct {
    const char *arch;
    const struct dump_arch_ops *ops;
} dump_arches[] = {
    {"aarch64", &a64_dump_ops},
};

const struct dump_arch_ops *dump_arch_find(const char *arch)
{
    for (size_t i = 0; i < sizeof(dump_arches) / sizeof(dump_arches[0]); i++)
        if (!strcmp(dump_arches[i].arch, arch))
            return dump_arches[i].ops;
    return NULL;
}

static size_t align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

size_t dump_put_note(u8 *buf, size_t cap, const char *name, u32 type, const void *desc,
                     size_t desc_len)
{
    size_t namesz = strlen(name) + 1;
    size_t total = sizeof(Elf64_Nhdr) + align4(namesz) + align4(desc_len);
    if (total > cap)
        return 0;
    Elf64_Nhdr h = {.n_namesz = (Elf64_Word)namesz, .n_descsz = (Elf64_Word)desc_len,
                    .n_type = type};
    memset(buf, 0, total);
    memcpy(buf, &h, sizeof(h));
    memcpy(buf + sizeof(h), name, namesz);
    memcpy(buf + sizeof(h) + align4(namesz), desc, desc_len);
    return total;
}

static bool write_all(int fd, const void *p, size_t n)
{
    const u8 *b = p;
    while (n) {
        ssize_t w = write(fd, b, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        b += w;
        n -= (size_t)w;
    }
    return true;
}

static bool page_is_zero(const u8 *p, size_t n)
{
    static const u8 zero[PAGE_SIZE];
    return !memcmp(p, zero, n);
}

/* A region's contents at the current file offset; zero pages become holes. */
static bool write_region(int fd, const struct mem_region *mr)
{
    for (u64 off = 0; off < mr->size; off += PAGE_SIZE) {
        size_t n = mr->size - off < PAGE_SIZE ? (size_t)(mr->size - off) : PAGE_SIZE;
        if (page_is_zero(mr->host + off, n)) {
            if (lseek(fd, (off_t)n, SEEK_CUR) < 0)
                return false;
        } else if (!write_all(fd, mr->host + off, n)) {
            return false;
        }
    }
    return true;
}

/* Paging mode: the virtual mappings of RAM, contiguous runs merged. */
#define DUMP_MAX_PHDR 65000 /* e_phnum is 16 bits */

struct vmap {
    struct machine *m;
    Elf64_Phdr *ph;
    int n, cap;
    bool overflow;
};

static void add_mapping(void *opaque, u64 va, u64 pa, u64 len)
{
    struct vmap *vm = opaque;
    const struct mem_region *mr = as_find(&vm->m->as, pa);
    if (!mr || mr->kind != MR_RAM || pa + len > mr->base + mr->size)
        return; /* devices and ROM are not in the file */
    Elf64_Phdr *last = vm->n ? &vm->ph[vm->n - 1] : NULL;
    if (last && last->p_vaddr + last->p_memsz == va && last->p_paddr + last->p_memsz == pa &&
        as_find(&vm->m->as, last->p_paddr) == mr) {
        last->p_memsz += len;
        last->p_filesz += len;
        return;
    }
    if (vm->n == vm->cap) {
        if (vm->cap >= DUMP_MAX_PHDR) {
            vm->overflow = true;
            return;
        }
        vm->cap = vm->cap ? vm->cap * 2 : 64;
        Elf64_Phdr *p = realloc(vm->ph, (size_t)vm->cap * sizeof(*p));
        if (!p) {
            vm->overflow = true;
            return;
        }
        vm->ph = p;
    }
    /* p_offset is filled in once the physical segments are placed. */
    vm->ph[vm->n++] = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_W | PF_X,
                                   .p_vaddr = va, .p_paddr = pa, .p_filesz = len,
                                   .p_memsz = len, .p_align = PAGE_SIZE};
}

static bool write_core(struct machine *m, const struct dump_arch_ops *arch, int fd,
                       const struct vmap *vm, char *err, size_t errlen)
{
    int nphys = 0;
    for (int i = 0; i < m->as.nregions; i++)
        nphys += m->as.regions[i].kind == MR_RAM;
    int nload = nphys + vm->n;
    size_t cap = (size_t)m->ncpus * 4096, nlen = 0;
    u8 *notes = calloc(1, cap);
    Elf64_Phdr *ph = calloc((size_t)nload + 1, sizeof(*ph));
    bool ok = notes && ph;
    for (int i = 0; ok && i < m->ncpus; i++) {
        size_t n = arch->cpu_notes(m->cpus[i], notes + nlen, cap - nlen);
        ok = n != 0;
        nlen += n;
    }
    if (!ok) {
        snprintf(err, errlen, "out of memory for the register notes");
        free(notes);
        free(ph);
        return false;
    }
    Elf64_Ehdr eh = {
        .e_ident = {ELFMAG0, ELFMAG1, ELFMAG2, ELFMAG3, ELFCLASS64, ELFDATA2LSB, EV_CURRENT,
                    ELFOSABI_NONE},
        .e_type = ET_CORE,
        .e_machine = arch->e_machine,
        .e_version = EV_CURRENT,
        .e_phoff = sizeof(Elf64_Ehdr),
        .e_ehsize = sizeof(Elf64_Ehdr),
        .e_phentsize = sizeof(Elf64_Phdr),
        .e_phnum = (Elf64_Half)(nload + 1),
    };
    u64 off = sizeof(eh) + (u64)(nload + 1) * sizeof(Elf64_Phdr);
    ph[0] = (Elf64_Phdr){.p_type = PT_NOTE, .p_offset = off, .p_filesz = nlen, .p_align = 4};
    off = (off + nlen + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    int k = 1;
    for (int i = 0; i < m->as.nregions; i++) {
        const struct mem_region *mr = &m->as.regions[i];
        if (mr->kind != MR_RAM)
            continue;
        /* No paging information: virtual = physical, as QEMU's dump without -p. */
        ph[k++] = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_W | PF_X,
                               .p_offset = off, .p_vaddr = mr->base, .p_paddr = mr->base,
                               .p_filesz = mr->size, .p_memsz = mr->size,
                               .p_align = PAGE_SIZE};
        off += mr->size;
    }
    /* Virtual mappings point at the bytes of their physical segment: nothing is written twice. */
    for (int v = 0; v < vm->n; v++) {
        Elf64_Phdr *p = &ph[k++];
        *p = vm->ph[v];
        for (int i = 1; i <= nphys; i++)
            if (p->p_paddr - ph[i].p_paddr < ph[i].p_memsz)
                p->p_offset = ph[i].p_offset + (p->p_paddr - ph[i].p_paddr);
    }
    ok = write_all(fd, &eh, sizeof(eh)) &&
         write_all(fd, ph, (size_t)(nload + 1) * sizeof(*ph)) && write_all(fd, notes, nlen);
    for (int i = 1; ok && i <= nphys; i++) {
        const struct mem_region *mr = as_find(&m->as, ph[i].p_paddr);
        ok = lseek(fd, (off_t)ph[i].p_offset, SEEK_SET) >= 0 && write_region(fd, mr);
    }
    /* Trailing holes must still be part of the file. */
    ok = ok && ftruncate(fd, (off_t)off) == 0;
    if (!ok)
        snprintf(err, errlen, "write: %s", strerror(errno));
    free(notes);
    free(ph);
    return ok;
}

bool dump_guest_memory(struct machine *m, const char *path, bool paging, char *err,
                       size_t errlen)
{
    const struct dump_arch_ops *arch = m->ncpus ? dump_arch_find(m->cpus[0]->ops->arch) : NULL;
    if (!arch) {
        snprintf(err, errlen, "no core dump support for this machine's CPUs");
        return false;
    }
    struct vmap vm = {.m = m};
    if (paging)
        arch->mappings(m->cpus[0], add_mapping, &vm);
    if (vm.overflow) {
        free(vm.ph);
        snprintf(err, errlen, "more than %d virtual mappings (dump without -p)", DUMP_MAX_PHDR);
        return false;
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    if (!tmp) {
        free(vm.ph);
        snprintf(err, errlen, "out of memory");
        return false;
    }
    snprintf(tmp, plen + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        free(tmp);
        free(vm.ph);
        return false;
    }
    bool ok = write_core(m, arch, fd, &vm, err, errlen);
    free(vm.ph);
    if (close(fd) && ok) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        ok = false;
    }
    if (ok && rename(tmp, path)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        ok = false;
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    return ok;
}

static void cmd_dump_guest_memory(struct machine *m, int argc, char **argv, FILE *out)
{
    char err[256];
    bool paging = argc == 3 && !strcmp(argv[1], "-p");
    if (argc != 2 + paging || argv[argc - 1][0] == '-') {
        fprintf(out, "usage: dump-guest-memory [-p] FILE (-p: also vCPU 0's virtual mappings)\n");
        return;
    }
    if (!dump_guest_memory(m, argv[argc - 1], paging, err, sizeof(err)))
        fprintf(out, "dump-guest-memory: %s\n", err);
}

void dump_monitor_register(void)
{
    monitor_register("dump-guest-memory", "[-p] FILE",
                     "write guest RAM and vCPU registers as an ELF core (p_paddr = PA)",
                     cmd_dump_guest_memory);
}
