/* SPDX-License-Identifier: MIT */
/* Image loaders. ELF: System V gABI, Program Loading. */
#include "hw/loader.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

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

void loader_elf_bounds(const u8 *buf, u64 size, u64 *lo, u64 *hi)
{
    const Elf64_Ehdr *h = (const Elf64_Ehdr *)buf;
    *lo = UINT64_MAX;
    *hi = 0;
    if (h->e_phoff > size || h->e_phnum > (size - h->e_phoff) / sizeof(Elf64_Phdr))
        return;
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(buf + h->e_phoff);
    for (int i = 0; i < h->e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD || ph[i].p_memsz == 0)
            continue;
        if (ph[i].p_paddr < *lo)
            *lo = ph[i].p_paddr;
        if (ph[i].p_paddr + ph[i].p_memsz > *hi)
            *hi = ph[i].p_paddr + ph[i].p_memsz;
    }
}

bool loader_is_arm64_image(const u8 *buf, u64 size)
{
    u32 magic;
    if (size < 60)
        return false;
    memcpy(&magic, buf + 56, 4);
    return magic == ARM64_IMAGE_MAGIC;
}

static u64 le64_at(const u8 *p)
{
    u64 v;
    memcpy(&v, p, 8);
    return v;
}

/* End of the last section's raw data in a PE/COFF image (PE format: COFF file header at
 * e_lfanew + 4, section headers after the optional header), or 0 when there is no PE header. */
static u64 pe_file_extent(const u8 *buf, u64 size)
{
    u32 pe;
    u16 nsect, optsz;
    if (size < 0x40 || buf[0] != 'M' || buf[1] != 'Z')
        return 0;
    memcpy(&pe, buf + 0x3c, 4);
    if ((u64)pe + 24 > size)
        return (u64)pe + 24;
    if (memcmp(buf + pe, "PE\0\0", 4))
        return 0;
    memcpy(&nsect, buf + pe + 6, 2);
    memcpy(&optsz, buf + pe + 20, 2);
    u64 sect = (u64)pe + 24 + optsz, end = sect + 40ull * nsect;
    if (end > size)
        return end;
    for (unsigned i = 0; i < nsect; i++) {
        u32 raw_size, raw_ptr;
        memcpy(&raw_size, buf + sect + 40 * i + 16, 4);
        memcpy(&raw_ptr, buf + sect + 40 * i + 20, 4);
        if ((u64)raw_ptr + raw_size > end)
            end = (u64)raw_ptr + raw_size;
    }
    return end;
}

bool loader_parse_arm64_image(const u8 *buf, u64 size, struct arm64_image_info *info, char *err,
                              size_t errlen)
{
    if (size < ARM64_IMAGE_HEADER_SIZE) {
        snprintf(err, errlen, "truncated arm64 Image (%llu bytes, the header alone is %d)",
                 (unsigned long long)size, ARM64_IMAGE_HEADER_SIZE);
        return false;
    }
    info->text_offset = le64_at(buf + 8);
    info->image_size = le64_at(buf + 16);
    info->flags = le64_at(buf + 24);
    /* Kernels before 3.17 have image_size 0 and a text_offset of 0x80000 (booting.rst). */
    if (info->image_size == 0)
        info->text_offset = 0x80000;
    if (info->flags & ARM64_IMAGE_FLAG_BE) {
        snprintf(err, errlen, "big-endian arm64 Image: emu runs little-endian kernels only");
        return false;
    }
    if (info->text_offset & 0xfff || info->text_offset >= (2ull << 20)) {
        snprintf(err, errlen, "arm64 Image with a bad text_offset %#llx",
                 (unsigned long long)info->text_offset);
        return false;
    }
    /* Kernels with the EFI stub carry a PE/COFF header (booting.rst 4, "MZ" at offset 0):
     * its section table says how long the file must be, which catches truncated files. */
    u64 need = pe_file_extent(buf, size);
    if (need > size) {
        snprintf(err, errlen, "truncated arm64 Image (%llu bytes, its PE header needs %llu)",
                 (unsigned long long)size, (unsigned long long)need);
        return false;
    }
    if (info->image_size && size > info->image_size + (1u << 20)) {
        snprintf(err, errlen, "arm64 Image file (%llu bytes) much larger than its image_size %llu",
                 (unsigned long long)size, (unsigned long long)info->image_size);
        return false;
    }
    return true;
}

bool loader_is_gzip(const u8 *buf, u64 size)
{
    return size >= 10 && buf[0] == 0x1f && buf[1] == 0x8b && buf[2] == 8;
}

bool loader_gunzip(const u8 *in, u64 len, u8 **out, u64 *out_len, char *err, size_t errlen)
{
    z_stream z;
    memset(&z, 0, sizeof(z));
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
        snprintf(err, errlen, "zlib initialisation failed");
        return false;
    }
    u64 cap = len * 4 + (1u << 20), n = 0;
    u8 *buf = malloc(cap);
    z.next_in = (u8 *)in;
    z.avail_in = (uInt)len;
    int rc = Z_OK;
    while (buf && rc != Z_STREAM_END) {
        if (n == cap) {
            u8 *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        z.next_out = buf + n;
        z.avail_out = (uInt)(cap - n > 0x40000000u ? 0x40000000u : cap - n);
        uInt before = z.avail_out;
        rc = inflate(&z, Z_NO_FLUSH);
        n += before - z.avail_out;
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            break;
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
            break;
    }
    inflateEnd(&z);
    if (!buf) {
        snprintf(err, errlen, "out of memory decompressing");
        return false;
    }
    if (rc != Z_STREAM_END) {
        snprintf(err, errlen, "corrupt or truncated gzip data (%s)",
                 rc == Z_BUF_ERROR || rc == Z_OK ? "unexpected end of input"
                                                 : (z.msg ? z.msg : "inflate error"));
        free(buf);
        return false;
    }
    *out = buf;
    *out_len = n;
    return true;
}
