/* SPDX-License-Identifier: MIT */
/*
 * The arm64-virt device tree, describing exactly the devices the board creates, with the
 * node names and properties of QEMU 7.2's virt board. Bindings: Linux
 * Documentation/devicetree/bindings (arm/psci.yaml, interrupt-controller/arm,gic-v3.yaml,
 * timer/arm,arch_timer.yaml, serial/pl011.yaml, virtio/mmio.yaml).
 */
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "hw/virt.h"

#define PHANDLE_GIC 0x8001
#define PHANDLE_CLK 0x8000

/* GIC binding: first cell 0 = SPI, 1 = PPI; flags 4 = level high, 1 = edge rising. */
#define GIC_FDT_SPI 0
#define GIC_FDT_PPI 1
#define IRQ_TYPE_EDGE_RISING 1
#define IRQ_TYPE_LEVEL_HIGH 4

static void check(int rc, const char *what)
{
    if (rc < 0)
        emu_bug("device tree: %s: %s", what, fdt_strerror(rc));
}

static void prop_cells(void *fdt, const char *name, const u32 *cells, int n)
{
    u32 be[16];
    for (int i = 0; i < n; i++)
        be[i] = cpu_to_fdt32(cells[i]);
    check(fdt_property(fdt, name, be, n * 4), name);
}

/* reg = <addr-hi addr-lo size-hi size-lo> with #address-cells = #size-cells = 2 */
static void prop_reg2(void *fdt, u64 addr, u64 size)
{
    u32 c[4] = {(u32)(addr >> 32), (u32)addr, (u32)(size >> 32), (u32)size};
    prop_cells(fdt, "reg", c, 4);
}

static void prop_strings(void *fdt, const char *name, const char *const *s, int n)
{
    char buf[256];
    int len = 0;
    for (int i = 0; i < n; i++)
        len += snprintf(buf + len, sizeof(buf) - (size_t)len, "%s", s[i]) + 1;
    check(fdt_property(fdt, name, buf, len), name);
}

static void begin(void *fdt, const char *name)
{
    check(fdt_begin_node(fdt, name), name);
}
static void end(void *fdt)
{
    check(fdt_end_node(fdt), "end node");
}

static void add_cpus(void *fdt, const struct virt_fdt_info *in)
{
    begin(fdt, "cpus");
    check(fdt_property_u32(fdt, "#address-cells", 1), "cpus");
    check(fdt_property_u32(fdt, "#size-cells", 0), "cpus");
    for (int i = in->ncpus - 1; i >= 0; i--) {
        char name[32];
        /* cpu@N names the MPIDR affinity, which reg holds (Aff2..Aff0 fit in one cell) */
        u32 aff = (u32)(in->mpidr[i] & 0xffffff);
        snprintf(name, sizeof(name), "cpu@%x", aff);
        begin(fdt, name);
        if (in->psci && in->ncpus > 1)
            check(fdt_property_string(fdt, "enable-method", "psci"), "cpu");
        check(fdt_property_u32(fdt, "reg", aff), "cpu");
        check(fdt_property_string(fdt, "compatible", "arm,arm-v8"), "cpu");
        check(fdt_property_string(fdt, "device_type", "cpu"), "cpu");
        end(fdt);
    }
    end(fdt);
}

static void add_psci(void *fdt, const struct virt_fdt_info *in)
{
    static const char *const compat[] = {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"};
    begin(fdt, "psci");
    prop_strings(fdt, "compatible", compat, 3);
    check(fdt_property_string(fdt, "method", in->psci_smc ? "smc" : "hvc"), "psci");
    /* Function IDs for the original "arm,psci" binding. */
    check(fdt_property_u32(fdt, "migrate", PSCI_0_2_FN64_MIGRATE), "psci");
    check(fdt_property_u32(fdt, "cpu_on", PSCI_0_2_FN64_CPU_ON), "psci");
    check(fdt_property_u32(fdt, "cpu_off", PSCI_0_2_FN_CPU_OFF), "psci");
    check(fdt_property_u32(fdt, "cpu_suspend", PSCI_0_2_FN64_CPU_SUSPEND), "psci");
    end(fdt);
}

static void add_gic(void *fdt, const struct virt_fdt_info *in)
{
    char name[32];
    snprintf(name, sizeof(name), "intc@%llx", (unsigned long long)VIRT_GICD_BASE);
    begin(fdt, name);
    check(fdt_property_u32(fdt, "phandle", PHANDLE_GIC), "gic");
    u32 reg[8] = {0, (u32)VIRT_GICD_BASE, 0, (u32)GICD_SIZE,
                  0, (u32)VIRT_GICR_BASE, 0, (u32)(GICR_SIZE * (u64)in->ncpus)};
    prop_cells(fdt, "reg", reg, 8);
    check(fdt_property_u32(fdt, "#redistributor-regions", 1), "gic");
    check(fdt_property_string(fdt, "compatible", "arm,gic-v3"), "gic");
    check(fdt_property(fdt, "ranges", NULL, 0), "gic");
    check(fdt_property_u32(fdt, "#size-cells", 2), "gic");
    check(fdt_property_u32(fdt, "#address-cells", 2), "gic");
    check(fdt_property(fdt, "interrupt-controller", NULL, 0), "gic");
    check(fdt_property_u32(fdt, "#interrupt-cells", 3), "gic");
    if (in->virtualization) {
        u32 irq[3] = {GIC_FDT_PPI, VIRT_PPI_MAINT - 16, IRQ_TYPE_LEVEL_HIGH};
        prop_cells(fdt, "interrupts", irq, 3);
    }
    end(fdt);
}

static void add_timer(void *fdt)
{
    static const char *const compat[] = {"arm,armv8-timer", "arm,armv7-timer"};
    /* Secure physical, non-secure physical, virtual, hypervisor physical (binding order). */
    u32 irqs[12] = {GIC_FDT_PPI, VIRT_PPI_SECTIMER - 16, IRQ_TYPE_LEVEL_HIGH,
                    GIC_FDT_PPI, VIRT_PPI_PHYSTIMER - 16, IRQ_TYPE_LEVEL_HIGH,
                    GIC_FDT_PPI, VIRT_PPI_VIRTTIMER - 16, IRQ_TYPE_LEVEL_HIGH,
                    GIC_FDT_PPI, VIRT_PPI_HYPTIMER - 16, IRQ_TYPE_LEVEL_HIGH};
    begin(fdt, "timer");
    prop_cells(fdt, "interrupts", irqs, 12);
    /* The counter runs in every power state: the guest need not use a broadcast timer. */
    check(fdt_property(fdt, "always-on", NULL, 0), "timer");
    prop_strings(fdt, "compatible", compat, 2);
    end(fdt);
}

static void add_clock(void *fdt)
{
    begin(fdt, "apb-pclk");
    check(fdt_property_u32(fdt, "phandle", PHANDLE_CLK), "clk");
    check(fdt_property_string(fdt, "clock-output-names", "clk24mhz"), "clk");
    check(fdt_property_u32(fdt, "clock-frequency", 24000000), "clk");
    check(fdt_property_u32(fdt, "#clock-cells", 0), "clk");
    check(fdt_property_string(fdt, "compatible", "fixed-clock"), "clk");
    end(fdt);
}

static void add_primecell(void *fdt, const char *node, const char *compat0, u64 base, int spi,
                          bool two_clocks)
{
    const char *const compat[] = {compat0, "arm,primecell"};
    char name[48];
    snprintf(name, sizeof(name), "%s@%llx", node, (unsigned long long)base);
    begin(fdt, name);
    if (two_clocks) {
        static const char *const names[] = {"uartclk", "apb_pclk"};
        u32 clks[2] = {PHANDLE_CLK, PHANDLE_CLK};
        prop_strings(fdt, "clock-names", names, 2);
        prop_cells(fdt, "clocks", clks, 2);
    } else {
        check(fdt_property_string(fdt, "clock-names", "apb_pclk"), node);
        check(fdt_property_u32(fdt, "clocks", PHANDLE_CLK), node);
    }
    u32 irq[3] = {GIC_FDT_SPI, (u32)spi, IRQ_TYPE_LEVEL_HIGH};
    prop_cells(fdt, "interrupts", irq, 3);
    prop_reg2(fdt, base, 0x1000);
    prop_strings(fdt, "compatible", compat, 2);
    end(fdt);
}

static void add_virtio(void *fdt, const struct virt_fdt_info *in)
{
    /* QEMU 7.2's DTB lists the transports from the lowest address up (its nodes are added
     * backwards with fdt_add_subnode(), which prepends); Linux probes them in DT order, so the
     * lowest transport becomes virtio0/vda. Checked with `-M virt,dumpdtb=` on QEMU. */
    for (int i = 0; i < in->nvirtio; i++) {
        u64 base = VIRT_MMIO_BASE + (u64)i * VIRT_MMIO_SIZE;
        char name[48];
        snprintf(name, sizeof(name), "virtio_mmio@%llx", (unsigned long long)base);
        begin(fdt, name);
        check(fdt_property(fdt, "dma-coherent", NULL, 0), "virtio");
        u32 irq[3] = {GIC_FDT_SPI, (u32)(VIRT_SPI_MMIO + i), IRQ_TYPE_EDGE_RISING};
        prop_cells(fdt, "interrupts", irq, 3);
        prop_reg2(fdt, base, VIRT_MMIO_SIZE);
        check(fdt_property_string(fdt, "compatible", "virtio,mmio"), "virtio");
        end(fdt);
    }
}

static void add_chosen(void *fdt, const struct virt_fdt_info *in)
{
    char path[48];
    begin(fdt, "chosen");
    if (in->initrd_end) {
        check(fdt_property_u64(fdt, "linux,initrd-end", in->initrd_end), "chosen");
        check(fdt_property_u64(fdt, "linux,initrd-start", in->initrd_start), "chosen");
    }
    if (in->bootargs)
        check(fdt_property_string(fdt, "bootargs", in->bootargs), "chosen");
    snprintf(path, sizeof(path), "/pl011@%llx", (unsigned long long)VIRT_UART_BASE);
    check(fdt_property_string(fdt, "stdout-path", path), "chosen");
    end(fdt);
}

void *virt_fdt_build(const struct virt_fdt_info *in, u64 *size)
{
    int cap = 64 * 1024 + in->nvirtio * 256 + in->ncpus * 128 +
              (in->bootargs ? (int)strlen(in->bootargs) : 0);
    void *fdt = calloc(1, (size_t)cap);
    if (!fdt)
        fatal("out of memory");
    check(fdt_create(fdt, cap), "create");
    check(fdt_finish_reservemap(fdt), "reservemap");
    begin(fdt, "");
    check(fdt_property_u32(fdt, "interrupt-parent", PHANDLE_GIC), "root");
    check(fdt_property_string(fdt, "model", "linux,dummy-virt"), "root");
    check(fdt_property_u32(fdt, "#size-cells", 2), "root");
    check(fdt_property_u32(fdt, "#address-cells", 2), "root");
    check(fdt_property_string(fdt, "compatible", "linux,dummy-virt"), "root");
    if (in->psci)
        add_psci(fdt, in);
    char mem[32];
    snprintf(mem, sizeof(mem), "memory@%llx", (unsigned long long)VIRT_RAM_BASE);
    begin(fdt, mem);
    prop_reg2(fdt, VIRT_RAM_BASE, in->ram_size);
    check(fdt_property_string(fdt, "device_type", "memory"), "memory");
    end(fdt);
    add_virtio(fdt, in);
    add_gic(fdt, in);
    add_clock(fdt);
    if (in->rtc)
        add_primecell(fdt, "pl031", "arm,pl031", VIRT_RTC_BASE, VIRT_SPI_RTC, false);
    add_primecell(fdt, "pl011", "arm,pl011", VIRT_UART_BASE, VIRT_SPI_UART, true);
    add_timer(fdt);
    add_cpus(fdt, in);
    add_chosen(fdt, in);
    end(fdt);
    check(fdt_finish(fdt), "finish");
    check(fdt_pack(fdt), "pack");
    *size = fdt_totalsize(fdt);
    return fdt;
}
