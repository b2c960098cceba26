/* SPDX-License-Identifier: MIT */
/* Unit test of softmmu/memory.c: region lookup, access dispatch, ROM, DMA, code-write hook. */
#include "softmmu/memory.h"

#include "check.h"

struct fake_dev {
    u64 last_off, last_val;
    unsigned last_size;
    int reads, writes;
    bool fail;
};

static enum dev_status fake_read(void *opaque, u64 off, unsigned size, u64 *val)
{
    struct fake_dev *d = opaque;
    d->reads++;
    d->last_off = off;
    d->last_size = size;
    *val = 0x1100 + off;
    return d->fail ? DEV_ERROR : DEV_OK;
}

static enum dev_status fake_write(void *opaque, u64 off, unsigned size, u64 val)
{
    struct fake_dev *d = opaque;
    d->writes++;
    d->last_off = off;
    d->last_size = size;
    d->last_val = val;
    return d->fail ? DEV_ERROR : DEV_OK;
}

static const struct dev_ops fake_ops = {.read = fake_read, .write = fake_write};

#define NDEV 200

static void test_lookup(void)
{
    struct phys_as as;
    static struct fake_dev devs[NDEV];
    as_init(&as);
    /* Insert in a scrambled order: the table must stay sorted. */
    for (int k = 0; k < NDEV; k++) {
        int i = (k * 77) % NDEV;
        as_add_mmio(&as, "dev", 0x10000000ull + (u64)i * 0x2000, 0x1000, &fake_ops, &devs[i]);
    }
    CHECK_EQ(as.nregions, NDEV);
    for (int i = 1; i < as.nregions; i++)
        CHECK(as.regions[i - 1].base < as.regions[i].base);
    for (int i = 0; i < NDEV; i++) {
        u64 base = 0x10000000ull + (u64)i * 0x2000;
        struct mem_region *mr = as_find(&as, base);
        CHECK(mr && mr->dev == &devs[i]);
        CHECK(as_find(&as, base + 0xfff) == mr);
        CHECK(as_find(&as, base + 0x1000) == NULL); /* the gap after it */
    }
    CHECK(as_find(&as, 0) == NULL);
    CHECK(as_find(&as, 0x0fffffffull) == NULL);
    CHECK(as_find(&as, ~0ull) == NULL);
    as_destroy(&as);
}

static void test_access(void)
{
    struct phys_as as;
    struct fake_dev dev = {0};
    u64 v;
    as_init(&as);
    as_add_ram(&as, "ram", 0x40000000, 0x10000);
    as_add_mmio(&as, "uart", 0x09000000, 0x1000, &fake_ops, &dev);

    CHECK_EQ(as_write(&as, 0x40000010, 8, 0x1122334455667788ull), BUS_OK);
    CHECK_EQ(as_read(&as, 0x40000010, 8, &v), BUS_OK);
    CHECK_EQ(v, 0x1122334455667788ull);
    CHECK_EQ(as_read(&as, 0x40000011, 2, &v), BUS_OK); /* little-endian */
    CHECK_EQ(v, 0x6677);
    CHECK_EQ(as_read(&as, 0x40000010, 1, &v), BUS_OK);
    CHECK_EQ(v, 0x88);
    CHECK_EQ(as_write(&as, 0x40000020, 4, 0xffffffffaabbccddull), BUS_OK);
    CHECK_EQ(as_read(&as, 0x40000020, 8, &v), BUS_OK);
    CHECK_EQ(v, 0xaabbccddull); /* a 4-byte write stores 4 bytes only */

    /* Last bytes of RAM are accessible; an access crossing the end is not. */
    CHECK_EQ(as_write(&as, 0x4000fff8, 8, 42), BUS_OK);
    CHECK_EQ(as_read(&as, 0x4000ffff, 1, &v), BUS_OK);
    v = 123;
    CHECK_EQ(as_read(&as, 0x4000fffc, 8, &v), BUS_UNASSIGNED);
    CHECK_EQ(v, 0);

    /* Unassigned space: reads give a bus error and zero, writes a bus error. */
    v = 123;
    CHECK_EQ(as_read(&as, 0x50000000, 4, &v), BUS_UNASSIGNED);
    CHECK_EQ(v, 0);
    CHECK_EQ(as_write(&as, 0x3ffffffc, 4, 1), BUS_UNASSIGNED);

    /* MMIO: offsets relative to the region, sizes passed through. */
    CHECK_EQ(as_read(&as, 0x09000018, 4, &v), BUS_OK);
    CHECK_EQ(dev.last_off, 0x18);
    CHECK_EQ(dev.last_size, 4);
    CHECK_EQ(v, 0x1118);
    CHECK_EQ(as_write(&as, 0x09000ffe, 2, 0xbeef), BUS_OK);
    CHECK_EQ(dev.last_off, 0xffe);
    CHECK_EQ(dev.last_size, 2);
    CHECK_EQ(dev.last_val, 0xbeef);
    CHECK_EQ(as_read(&as, 0x09000ffc, 8, &v), BUS_UNASSIGNED); /* crosses the region end */
    CHECK_EQ(dev.reads, 1);
    dev.fail = true;
    CHECK_EQ(as_read(&as, 0x09000000, 4, &v), BUS_DEVICE_ERROR);
    CHECK_EQ(v, 0);
    CHECK_EQ(as_write(&as, 0x09000000, 4, 0), BUS_DEVICE_ERROR);

    /* Host pointers: RAM only. */
    u64 avail = 0;
    u8 *p = as_host_ptr(&as, 0x40000100, true, &avail);
    CHECK(p != NULL);
    CHECK_EQ(avail, 0x10000 - 0x100);
    CHECK(as_host_ptr(&as, 0x09000000, false, NULL) == NULL);
    CHECK(as_host_ptr(&as, 0x60000000, false, NULL) == NULL);
    as_destroy(&as);
}

static void test_rom(void)
{
    struct phys_as as;
    u64 v;
    const u8 img[4] = {1, 2, 3, 4};
    as_init(&as);
    as_add_rom(&as, "flash", 0, 0x1000);
    CHECK(as_load_image(&as, 0x10, img, sizeof(img)));
    CHECK_EQ(as_read(&as, 0x10, 4, &v), BUS_OK);
    CHECK_EQ(v, 0x04030201);
    CHECK_EQ(as_write(&as, 0x10, 4, 0xffffffff), BUS_READ_ONLY); /* ignored */
    CHECK_EQ(as_read(&as, 0x10, 4, &v), BUS_OK);
    CHECK_EQ(v, 0x04030201);
    CHECK(!as_dma_write(&as, 0x10, img, 1)); /* DMA cannot write ROM */
    CHECK(as_host_ptr(&as, 0x10, true, NULL) == NULL);
    CHECK(as_host_ptr(&as, 0x10, false, NULL) != NULL);
    as_destroy(&as);
}

static void test_dma(void)
{
    struct phys_as as;
    struct fake_dev dev = {0};
    u8 buf[0x3000], back[0x3000];
    as_init(&as);
    as_add_ram(&as, "lo", 0x1000, 0x2000);
    as_add_ram(&as, "hi", 0x3000, 0x1000); /* adjacent: one DMA may span both */
    as_add_mmio(&as, "dev", 0x8000, 0x1000, &fake_ops, &dev);
    for (size_t i = 0; i < sizeof(buf); i++)
        buf[i] = (u8)(i * 7 + 1);
    CHECK(as_dma_write(&as, 0x1000, buf, 0x3000));
    CHECK(as_dma_read(&as, 0x1000, back, 0x3000));
    CHECK(!memcmp(buf, back, 0x3000));

    /* All or nothing: a range running off the end of RAM changes nothing. */
    u8 ones[0x20];
    memset(ones, 0xff, sizeof(ones));
    CHECK(!as_dma_write(&as, 0x3ff0, ones, sizeof(ones)));
    CHECK(as_dma_read(&as, 0x3ff0, back, 0x10));
    CHECK(!memcmp(back, buf + 0x2ff0, 0x10));
    /* Ranges touching MMIO or unassigned space fail without touching the device. */
    CHECK(!as_dma_read(&as, 0x8000, back, 4));
    CHECK(!as_dma_write(&as, 0x7ffc, ones, 8));
    CHECK(!as_dma_read(&as, 0x0, back, 0x10));
    CHECK_EQ(dev.reads + dev.writes, 0);
    CHECK(as_dma_read(&as, 0x1000, back, 0)); /* empty transfer */
    as_destroy(&as);
}

static int hook_calls;
static u64 hook_pa;
static unsigned hook_size;

static void on_code_write(void *opaque, u64 pa, unsigned size)
{
    hook_calls++;
    hook_pa = pa;
    hook_size = size;
    CHECK(opaque == &hook_calls);
}

static void test_code_write_hook(void)
{
    struct phys_as as;
    static int marker;
    as_init(&as);
    struct mem_region *ram = as_add_ram(&as, "ram", 0x40000000, 0x10000);
    as.code_write = on_code_write;
    as.code_write_opaque = &hook_calls;
    *mr_code_slot(ram, 0x40002000) = &marker; /* page 2 holds decoded code */

    CHECK_EQ(as_write(&as, 0x40001ffc, 4, 0), BUS_OK); /* page 1: no code */
    CHECK_EQ(hook_calls, 0);
    CHECK_EQ(as_write(&as, 0x40002010, 8, 0), BUS_OK);
    CHECK_EQ(hook_calls, 1);
    CHECK_EQ(hook_pa, 0x40002010);
    CHECK_EQ(hook_size, 8);
    u8 b[0x20] = {0};
    CHECK(as_dma_write(&as, 0x40001ff0, b, sizeof(b))); /* crosses into page 2 */
    CHECK_EQ(hook_calls, 2);
    CHECK_EQ(hook_pa & ~(PAGE_SIZE - 1), 0x40002000);
    CHECK(as_dma_write(&as, 0x40003000, b, sizeof(b)));
    CHECK_EQ(hook_calls, 2);
    as_destroy(&as);
}

static void test_mtree(void)
{
    struct phys_as as;
    struct fake_dev dev = {0};
    char *text = NULL;
    size_t len = 0;
    as_init(&as);
    as_add_ram(&as, "mach-virt.ram", 0x40000000, 0x8000000);
    as_add_mmio(&as, "pl011", 0x09000000, 0x1000, &fake_ops, &dev);
    FILE *f = open_memstream(&text, &len);
    as_print_mtree(&as, f);
    fclose(f);
    CHECK_HAS(text, "0000000040000000-0000000047ffffff (prio 0, ram): mach-virt.ram");
    CHECK_HAS(text, "0000000009000000-0000000009000fff (prio 0, i/o): pl011");
    CHECK(strstr(text, "pl011") < strstr(text, "mach-virt.ram")); /* sorted by address */
    free(text);
    as_destroy(&as);
}

int main(void)
{
    test_lookup();
    test_access();
    test_rom();
    test_dma();
    test_code_write_hook();
    test_mtree();
    return check_exit("softmmu");
}
