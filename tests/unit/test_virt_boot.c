/* SPDX-License-Identifier: MIT */
/* Unit tests of the arm64 boot path: Image header parsing, gzip, image placement, the
 * generated device tree and the PSCI firmware calls. */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "hw/loader.h"
#include "hw/virt.h"

static int failures;
#define CHECK(c)                                                                               \
    do {                                                                                       \
        if (!(c)) {                                                                            \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);                                \
            failures++;                                                                        \
        }                                                                                      \
    } while (0)

static void put64(u8 *p, u64 v)
{
    memcpy(p, &v, 8);
}

static u8 *fake_image(u64 size, u64 text_offset, u64 image_size, u64 flags)
{
    u8 *b = calloc(1, size);
    put64(b + 8, text_offset);
    put64(b + 16, image_size);
    put64(b + 24, flags);
    u32 magic = ARM64_IMAGE_MAGIC;
    memcpy(b + 56, &magic, 4);
    return b;
}

static void test_image_header(void)
{
    char err[256];
    struct arm64_image_info info;
    u8 *b = fake_image(65536, 0, 2 << 20, 0xa);
    CHECK(loader_is_arm64_image(b, 65536));
    CHECK(loader_parse_arm64_image(b, 65536, &info, err, sizeof(err)));
    CHECK(info.text_offset == 0 && info.image_size == 2 << 20 && info.flags == 0xa);
    CHECK(!loader_parse_arm64_image(b, 40, &info, err, sizeof(err)));
    CHECK(strstr(err, "truncated"));
    put64(b + 24, 1); /* big-endian */
    CHECK(!loader_parse_arm64_image(b, 65536, &info, err, sizeof(err)));
    /* old kernels: image_size 0 means text_offset 0x80000 */
    put64(b + 24, 0);
    put64(b + 16, 0);
    CHECK(loader_parse_arm64_image(b, 65536, &info, err, sizeof(err)));
    CHECK(info.text_offset == 0x80000);
    /* a PE header whose section lies beyond the end of the file: truncated */
    put64(b + 16, 2 << 20);
    b[0] = 'M';
    b[1] = 'Z';
    u32 pe = 0x40;
    memcpy(b + 0x3c, &pe, 4);
    memcpy(b + 0x40, "PE\0\0", 4);
    u16 nsect = 1, optsz = 0;
    memcpy(b + 0x40 + 6, &nsect, 2);
    memcpy(b + 0x40 + 20, &optsz, 2);
    u32 raw_size = 0x20000, raw_ptr = 0x1000;
    memcpy(b + 0x40 + 24 + 16, &raw_size, 4);
    memcpy(b + 0x40 + 24 + 20, &raw_ptr, 4);
    CHECK(!loader_parse_arm64_image(b, 65536, &info, err, sizeof(err)));
    CHECK(strstr(err, "truncated"));
    raw_size = 0x1000;
    memcpy(b + 0x40 + 24 + 16, &raw_size, 4);
    CHECK(loader_parse_arm64_image(b, 65536, &info, err, sizeof(err)));
    free(b);
    u8 junk[128] = {0};
    CHECK(!loader_is_arm64_image(junk, sizeof(junk)));
}

static void test_gzip(void)
{
    char err[256];
    u8 *img = fake_image(1 << 20, 0, 2 << 20, 0xa);
    for (int i = 4096; i < 1 << 20; i++)
        img[i] = (u8)(i * 7);
    z_stream z;
    memset(&z, 0, sizeof(z));
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    u8 *gz = malloc(2 << 20);
    z.next_in = img;
    z.avail_in = 1 << 20;
    z.next_out = gz;
    z.avail_out = 2 << 20;
    CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
    u64 gzlen = z.total_out;
    deflateEnd(&z);
    CHECK(loader_is_gzip(gz, gzlen));
    u8 *out;
    u64 outlen;
    CHECK(loader_gunzip(gz, gzlen, &out, &outlen, err, sizeof(err)));
    CHECK(outlen == 1 << 20 && !memcmp(out, img, outlen));
    free(out);
    CHECK(!loader_gunzip(gz, gzlen / 2, &out, &outlen, err, sizeof(err)));
    CHECK(strstr(err, "truncated"));
    gz[gzlen / 2] ^= 0xff;
    gz[gzlen / 2 + 1] ^= 0x55;
    CHECK(!loader_gunzip(gz, gzlen, &out, &outlen, err, sizeof(err)));
    free(gz);
    free(img);
}

static void test_plan(void)
{
    char err[256];
    struct virt_boot_plan p;
    struct arm64_image_info img = {.text_offset = 0, .image_size = 32 << 20, .flags = 0xa};
    u64 ram = 128ull << 20;
    CHECK(virt_boot_plan_linux(&p, &img, 30 << 20, VIRT_RAM_BASE, ram, 1000000, err, sizeof(err)));
    CHECK(p.is_linux && p.entry == VIRT_RAM_BASE && p.kernel_addr == VIRT_RAM_BASE);
    CHECK(p.initrd_addr == VIRT_RAM_BASE + (64 << 20));
    CHECK(p.dtb_addr == VIRT_RAM_BASE + (66 << 20) && (p.dtb_addr & 7) == 0);
    CHECK(virt_boot_place_dtb(&p, 0x100000, VIRT_RAM_BASE, ram, err, sizeof(err)));
    CHECK(!virt_boot_place_dtb(&p, (2 << 20) + 1, VIRT_RAM_BASE, ram, err, sizeof(err)));
    /* a kernel bigger than half of RAM pushes the initrd after it */
    img.image_size = 80 << 20;
    CHECK(virt_boot_plan_linux(&p, &img, 30 << 20, VIRT_RAM_BASE, ram, 4096, err, sizeof(err)));
    CHECK(p.initrd_addr == VIRT_RAM_BASE + (80 << 20));
    /* an initrd larger than RAM */
    CHECK(!virt_boot_plan_linux(&p, &img, 30 << 20, VIRT_RAM_BASE, ram, 200 << 20, err,
                                sizeof(err)));
    CHECK(strstr(err, "initrd"));
    /* a kernel larger than RAM */
    img.image_size = 200 << 20;
    CHECK(!virt_boot_plan_linux(&p, &img, 30 << 20, VIRT_RAM_BASE, ram, 0, err, sizeof(err)));
    /* raw binaries: RAM base + 0x80000 as QEMU */
    CHECK(virt_boot_plan_linux(&p, NULL, 4096, VIRT_RAM_BASE, ram, 0, err, sizeof(err)));
    CHECK(p.entry == VIRT_RAM_BASE + 0x80000);
}

static void test_fdt(void)
{
    u64 mpidr[2] = {0x80000000, 0x80000001};
    struct virt_fdt_info fi = {.ncpus = 2, .mpidr = mpidr, .ram_size = 256 << 20, .psci = true,
                               .psci_smc = true, .virtualization = true,
                               .bootargs = "console=ttyAMA0", .initrd_start = 0x48000000,
                               .initrd_end = 0x48100000};
    u64 size;
    void *fdt = virt_fdt_build(&fi, &size);
    CHECK(fdt_check_header(fdt) == 0 && fdt_totalsize(fdt) == size);
    int n = fdt_path_offset(fdt, "/psci");
    CHECK(n >= 0 && !strcmp(fdt_getprop(fdt, n, "method", NULL), "smc"));
    CHECK(fdt_node_check_compatible(fdt, n, "arm,psci-0.2") == 0);
    n = fdt_path_offset(fdt, "/chosen");
    CHECK(!strcmp(fdt_getprop(fdt, n, "bootargs", NULL), "console=ttyAMA0"));
    CHECK(!strcmp(fdt_getprop(fdt, n, "stdout-path", NULL), "/pl011@9000000"));
    const fdt64_t *is = fdt_getprop(fdt, n, "linux,initrd-start", NULL);
    CHECK(is && fdt64_to_cpu(*is) == 0x48000000);
    n = fdt_path_offset(fdt, "/cpus/cpu@1");
    CHECK(n >= 0 && fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(fdt, n, "reg", NULL)) == 1);
    CHECK(!strcmp(fdt_getprop(fdt, n, "enable-method", NULL), "psci"));
    n = fdt_path_offset(fdt, "/intc@8000000");
    int len;
    const fdt32_t *reg = fdt_getprop(fdt, n, "reg", &len);
    CHECK(len == 32 && fdt32_to_cpu(reg[5]) == 0x080a0000 && fdt32_to_cpu(reg[7]) == 0x40000);
    CHECK(fdt_getprop(fdt, n, "interrupts", &len) && len == 12); /* maintenance IRQ */
    n = fdt_path_offset(fdt, "/timer");
    CHECK(fdt_getprop(fdt, n, "interrupts", &len) && len == 48);
    CHECK(fdt_getprop(fdt, n, "always-on", NULL) != NULL);
    n = fdt_path_offset(fdt, "/pl011@9000000");
    CHECK(n >= 0 && fdt_node_check_compatible(fdt, n, "arm,primecell") == 0);
    CHECK(fdt_path_offset(fdt, "/pl031@9010000") < 0); /* not present: not described */
    n = fdt_path_offset(fdt, "/memory@40000000");
    reg = fdt_getprop(fdt, n, "reg", &len);
    CHECK(len == 16 && fdt32_to_cpu(reg[3]) == 256 << 20);
    free(fdt);
}

static int cpu_on_index = -1;
static u64 cpu_on_entry, cpu_on_ctx;
static void fake_cpu_on(struct psci_board *b, int index, u64 entry, u64 ctx)
{
    cpu_on_index = index;
    cpu_on_entry = entry;
    cpu_on_ctx = ctx;
    b->m->cpus[index]->powered_off = false;
}

static s64 call(struct psci_board *b, struct a64_cpu *c, u64 fn, u64 a1, u64 a2, u64 a3)
{
    c->x[0] = fn, c->x[1] = a1, c->x[2] = a2, c->x[3] = a3;
    psci_handle(b, c);
    return (s64)c->x[0];
}

static void test_psci(void)
{
    static struct emu_config cfg = {.ram_size = 1 << 20, .smp = 2};
    static struct machine m;
    m.cfg = &cfg;
    as_init(&m.as);
    vclock_init(&m.clock, 0);
    struct a64_cpu *c0 = a64_cpu_create(&m, "max"), *c1 = a64_cpu_create(&m, "max");
    c0->sr[SR_MPIDR_EL1] = 0x80000000;
    c1->sr[SR_MPIDR_EL1] = 0x80000001;
    c1->vcpu.powered_off = true;
    struct psci_board b = {.m = &m, .boot_el = 1, .cpu_on = fake_cpu_on};
    CHECK(call(&b, c0, PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0) == 0x10001);
    CHECK(call(&b, c0, SMCCC_VERSION, 0, 0, 0) == 0x10001);
    CHECK(call(&b, c0, PSCI_1_0_FN_PSCI_FEATURES, PSCI_0_2_FN64_CPU_ON, 0, 0) == 0);
    CHECK(call(&b, c0, PSCI_1_0_FN_PSCI_FEATURES, 0x84000012, 0, 0) == -1);
    CHECK(call(&b, c0, PSCI_0_2_FN64_AFFINITY_INFO, 1, 0, 0) == 1);
    CHECK(call(&b, c0, PSCI_0_2_FN64_AFFINITY_INFO, 0, 0, 0) == 0);
    CHECK(call(&b, c0, PSCI_0_2_FN64_AFFINITY_INFO, 7, 0, 0) == -2);
    CHECK(call(&b, c0, PSCI_0_2_FN64_CPU_ON, 1, 0x40100000, 0x1234) == 0);
    CHECK(cpu_on_index == 1 && cpu_on_entry == 0x40100000 && cpu_on_ctx == 0x1234);
    CHECK(call(&b, c0, PSCI_0_2_FN64_CPU_ON, 1, 0x40100000, 0) == -4);
    CHECK(call(&b, c0, PSCI_0_2_FN64_CPU_ON, 9, 0x40100000, 0) == -2);
    CHECK(call(&b, c0, PSCI_0_2_FN_MIGRATE_INFO_TYPE, 0, 0, 0) == 2);
    CHECK(call(&b, c0, 0x8400ffff, 0, 0, 0) == -1);
    c1->x[0] = PSCI_0_2_FN_CPU_OFF;
    psci_handle(&b, c1);
    CHECK(c1->vcpu.powered_off);
    CHECK(call(&b, c0, PSCI_0_2_FN64_AFFINITY_INFO, 1, 0, 0) == 1);
    CHECK(!m.shutdown);
    call(&b, c0, PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
    CHECK(m.shutdown && m.exit_status == 0);
    /* the conduit: HVC only when the DTB says hvc, and never from EL0 */
    m.board = &b;
    c0->el = 1;
    CHECK(!psci_firmware_call(c0, true, 0));
    CHECK(psci_firmware_call(c0, false, 0));
    CHECK(!psci_firmware_call(c0, false, 1));
    c0->el = 0;
    CHECK(!psci_firmware_call(c0, false, 0));
}

int main(void)
{
    test_image_header();
    test_gzip();
    test_plan();
    test_fdt();
    test_psci();
    printf("%s: %s\n", __FILE__, failures ? "FAIL" : "PASS");
    return failures ? 1 : 0;
}
