/* SPDX-License-Identifier: MIT */
/*
 * The arm64-virt board: QEMU virt-compatible memory map (hw/virt.h), GICv3, generic timers,
 * PL011, PSCI firmware in the machine, and the direct kernel boot of Linux
 * Documentation/arm64/booting.rst (images placed by hw/virt_boot.c, DTB by hw/virt_fdt.c).
 */
#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "hw/loader.h"
#include "hw/virt.h"
#include "hw/virt_devices.h"

struct virt_board {
    struct psci_board psci; /* first: firmware/psci.c finds it through machine.board */
    struct machine *m;
    struct gicv3 gic;
    struct pl011 uart;
    struct chardev *serial;
    struct a64_cpu *cpu[VIRT_MAX_CPUS];
    struct a64_timers timers[VIRT_MAX_CPUS];
    u64 mpidr[VIRT_MAX_CPUS];
    /* boot images, kept for SYSTEM_RESET */
    struct virt_boot_plan plan;
    u8 *kernel, *initrd, *dtb, *elf;
    u64 dtb_size, elf_size;
    const char *elf_path;
    bool pass_dtb;           /* x0 = DTB address at entry */
};

/* -cpu names: the models of cpu/arm64/model*.c. */
static const char *const virt_cpu_models[] = {"max", "cortex-a57", "cortex-a72", NULL};

/* -device drivers (hw/virt_devices.c attaches them). */
static const struct machine_prop_desc virt_device_list[] = {
    {"virtio-blk-device", "drive=ID: the -drive with that id as a virtio disk"},
    {"virtio-net-device", "netdev=ID[,mac=..]: a network card on that -netdev"},
    {"virtio-rng-device", "[seed=N][,entropy=seeded|host]: a random number source"},
    {0},
};

static const struct machine_prop_desc virt_props[] = {
    {"virtualization", "on|off: start the guest at EL2, PSCI over SMC (default off)"},
    {"secure", "on|off: start the guest at EL3, no PSCI firmware (default off)"},
    {"dumpdtb", "FILE: write the generated device tree to FILE and exit"},
    {0},
};

/* MPIDR_EL1 as QEMU's virt board assigns it: 16 CPUs per cluster (the GICv3 target-list
 * width), Aff0 = index % 16, Aff1 = index / 16; bit 31 RES1. */
static u64 virt_mpidr(int i)
{
    return (1ull << 31) | ((u64)(i / 16) << 8) | (u64)(i % 16);
}

static struct irq_line virt_spi(struct machine *m, int spi)
{
    struct virt_board *b = m->board;
    return (struct irq_line){gicv3_set_spi, &b->gic, 32 + spi};
}

static void set_cpu_line(struct gicv3_cpuif *c, u32 line, bool level)
{
    a64_set_irq_line(c->cpu, line, level);
}

static void cpu_boot_state(struct virt_board *b, int i, u64 entry)
{
    struct a64_cpu *cpu = b->cpu[i];
    a64_cpu_reset(cpu, (int)b->psci.boot_el, entry);
    cpu->npc = entry;
    cpu->sr[SR_MPIDR_EL1] = b->mpidr[i];
    arm_timer_reset(&b->timers[i]);
}

static void virt_cpu_on(struct psci_board *pb, int index, u64 entry, u64 context_id)
{
    struct virt_board *b = (struct virt_board *)pb;
    cpu_boot_state(b, index, entry);
    b->cpu[index]->x[0] = context_id;
    b->cpu[index]->vcpu.powered_off = false;
    vcpu_kick(&b->cpu[index]->vcpu);
}

/* Put the images back and start every CPU as at power-on. RAM outside the images is kept,
 * as on a warm reset. */
static void virt_reset(struct virt_board *b)
{
    struct machine *m = b->m;
    const struct virt_boot_plan *p = &b->plan;
    if (b->elf)
        loader_load_elf(&m->as, b->elf_path, b->elf, b->elf_size);
    if (b->kernel && !as_load_image(&m->as, p->kernel_addr, b->kernel, p->kernel_size))
        fatal("kernel does not fit in guest memory at %#llx", (unsigned long long)p->kernel_addr);
    if (b->initrd && !as_load_image(&m->as, p->initrd_addr, b->initrd, p->initrd_size))
        fatal("initrd does not fit in guest memory at %#llx", (unsigned long long)p->initrd_addr);
    if (b->dtb && !as_load_image(&m->as, p->dtb_addr, b->dtb, b->dtb_size))
        fatal("device tree does not fit in guest memory at %#llx",
              (unsigned long long)p->dtb_addr);
    gicv3_reset(&b->gic);
    pl011_reset(&b->uart);
    for (int i = 0; i < m->ncpus; i++) {
        cpu_boot_state(b, i, p->entry);
        b->cpu[i]->vcpu.powered_off = i > 0;
        b->cpu[i]->vcpu.halted = false;
        b->cpu[i]->vcpu.exit_request = true;
    }
    if (b->pass_dtb)
        b->cpu[0]->x[0] = p->dtb_addr;
}

static void virt_system_reset(struct psci_board *pb)
{
    log_printf("emu: guest requested a reset (PSCI SYSTEM_RESET)\n");
    virt_reset((struct virt_board *)pb);
}

/* Host input at quantum boundaries; when every vCPU idles, wait for input for at most the
 * host-time equivalent of the next deadline (bounded, so the loop stays responsive). */
static void virt_poll(struct machine *m, bool idle)
{
    struct virt_board *b = m->board;
    int timeout = 0;
    if (idle) {
        u64 next = vclock_next_deadline(&m->clock), now = vclock_now_ns(&m->clock);
        u64 ms = next == UINT64_MAX ? 100 : (next - now) / 1000000;
        timeout = ms > 100 ? 100 : (int)ms;
    }
    chardev_poll(b->serial, timeout);
}

/* Patch a user-supplied DTB's /chosen for this boot, as QEMU does. */
static u8 *patch_user_dtb(u8 *blob, u64 *size, const struct emu_config *cfg,
                          const struct virt_boot_plan *p)
{
    int cap = (int)*size + 4096 + (cfg->append ? (int)strlen(cfg->append) : 0);
    u8 *fdt = malloc((size_t)cap);
    if (!fdt || fdt_open_into(blob, fdt, cap) != 0)
        fatal("-dtb %s: not a valid device tree blob", cfg->dtb);
    free(blob);
    int chosen = fdt_path_offset(fdt, "/chosen");
    if (chosen < 0)
        chosen = fdt_add_subnode(fdt, 0, "chosen");
    if (chosen < 0)
        fatal("-dtb %s: cannot add /chosen", cfg->dtb);
    if (cfg->append)
        fdt_setprop_string(fdt, chosen, "bootargs", cfg->append);
    if (p->initrd_size) {
        fdt_setprop_u64(fdt, chosen, "linux,initrd-start", p->initrd_addr);
        fdt_setprop_u64(fdt, chosen, "linux,initrd-end", p->initrd_addr + p->initrd_size);
    }
    fdt_pack(fdt);
    *size = fdt_totalsize(fdt);
    return fdt;
}

static void load_images(struct virt_board *b, struct emu_config *cfg, const char *dumpdtb)
{
    struct machine *m = b->m;
    struct virt_boot_plan *p = &b->plan;
    char err[256];
    u64 ksize = 0, isize = 0;
    u8 *k = NULL;
    bool elf = false;
    u64 elf_lo = 0;

    if (cfg->kernel) {
        k = load_file(cfg->kernel, &ksize);
        if (loader_is_gzip(k, ksize)) {
            u8 *out;
            u64 outlen;
            if (!loader_gunzip(k, ksize, &out, &outlen, err, sizeof(err)))
                fatal("-kernel %s: %s", cfg->kernel, err);
            free(k);
            k = out;
            ksize = outlen;
            if (!loader_is_arm64_image(k, ksize))
                fatal("-kernel %s: gzip-compressed, but not an arm64 Linux Image", cfg->kernel);
        }
        elf = loader_is_elf(k, ksize);
    } else if (!cfg->bios && !dumpdtb) {
        usage_error("arm64-virt needs -kernel (a Linux Image, an ELF or a raw binary) or -bios");
    }
    if (cfg->initrd) {
        b->initrd = load_file(cfg->initrd, &isize);
        if (!cfg->kernel || elf)
            usage_error("-initrd needs a Linux kernel (-kernel Image)");
    }

    if (elf) {
        /* A bare-metal ELF: loaded at its physical addresses, entered at e_entry with no
         * arguments; the DTB goes to the start of RAM if it fits below the image (QEMU). */
        p->is_linux = false;
        p->entry = loader_load_elf(&m->as, cfg->kernel, k, ksize);
        u64 hi;
        loader_elf_bounds(k, ksize, &elf_lo, &hi);
        b->elf = k;
        b->elf_size = ksize;
        b->elf_path = cfg->kernel;
        p->dtb_addr = VIRT_RAM_BASE;
        p->dtb_limit = elf_lo > VIRT_RAM_BASE ? elf_lo : VIRT_RAM_BASE + cfg->ram_size;
    } else if (k) {
        struct arm64_image_info img, *ip = NULL;
        if (loader_is_arm64_image(k, ksize)) {
            if (!loader_parse_arm64_image(k, ksize, &img, err, sizeof(err)))
                fatal("-kernel %s: %s", cfg->kernel, err);
            ip = &img;
        } else if (ksize >= 56 && ksize < 64 && !memcmp(k, "MZ", 2)) {
            fatal("-kernel %s: truncated arm64 Image", cfg->kernel);
        }
        /* Anything else is a raw binary, which QEMU treats as a Linux kernel without a
         * header: at RAM base + 0x80000, x0 = DTB. */
        if (!virt_boot_plan_linux(p, ip, ksize, VIRT_RAM_BASE, cfg->ram_size, isize, err,
                                  sizeof(err)))
            fatal("-kernel %s: %s", cfg->kernel, err);
        b->kernel = k;
        b->pass_dtb = true;
    } else {
        /* -bios only: firmware in flash from address 0, the DTB at the start of RAM. */
        p->entry = VIRT_FLASH_BASE;
        p->dtb_addr = VIRT_RAM_BASE;
        p->dtb_limit = VIRT_RAM_BASE + cfg->ram_size;
    }

    struct virt_fdt_info fi = {
        .ncpus = m->ncpus,
        .mpidr = b->mpidr,
        .ram_size = cfg->ram_size,
        .virtualization = b->psci.boot_el >= 2,
        .psci_smc = b->psci.conduit_smc,
        .psci = b->psci.boot_el < 3,
        .rtc = true,
        .nvirtio = VIRT_MMIO_COUNT,
        .bootargs = cfg->append,
        .initrd_start = p->initrd_addr,
        .initrd_end = b->initrd ? p->initrd_addr + isize : 0,
    };
    if (cfg->dtb) {
        b->dtb = load_file(cfg->dtb, &b->dtb_size);
        if (fdt_check_header(b->dtb) != 0)
            fatal("-dtb %s: not a device tree blob (bad header)", cfg->dtb);
        b->dtb = patch_user_dtb(b->dtb, &b->dtb_size, cfg, p);
    } else {
        b->dtb = virt_fdt_build(&fi, &b->dtb_size);
    }
    if (dumpdtb) {
        FILE *f = fopen(dumpdtb, "wb");
        if (!f || fwrite(b->dtb, 1, b->dtb_size, f) != b->dtb_size || fclose(f) != 0)
            fatal("dumpdtb=%s: cannot write: %s", dumpdtb, strerror(errno));
        exit(0);
    }
    if (!virt_boot_place_dtb(p, b->dtb_size, VIRT_RAM_BASE, cfg->ram_size, err, sizeof(err))) {
        if (p->is_linux)
            fatal("%s", err);
        /* A bare-metal image covering the start of RAM simply gets no DTB. */
        free(b->dtb);
        b->dtb = NULL;
    }
}

static void virt_init(struct machine *m, struct emu_config *cfg)
{
    struct virt_board *b = calloc(1, sizeof(*b));
    if (!b)
        fatal("out of memory");
    b->m = m;
    m->board = b;
    bool el2 = cfg_machine_prop_bool(cfg, "virtualization", false);
    bool el3 = cfg_machine_prop_bool(cfg, "secure", false);
    const char *dumpdtb = cfg_machine_prop(cfg, "dumpdtb");
    int ncpus = cfg->smp > 0 ? cfg->smp : 1;
    if (ncpus > VIRT_MAX_CPUS ||
        VIRT_GICR_BASE + (u64)ncpus * GICR_SIZE > VIRT_GICR_LIMIT)
        usage_error("arm64-virt: at most %d CPUs (-smp %d)",
                    (int)((VIRT_GICR_LIMIT - VIRT_GICR_BASE) / GICR_SIZE), ncpus);
    if (cfg->ram_size > 255ull << 30)
        usage_error("arm64-virt: at most 255 GiB of RAM");

    b->psci = (struct psci_board){.m = m,
                                  .boot_el = el3 ? 3 : el2 ? 2 : 1,
                                  .conduit_smc = el2 || el3,
                                  .cpu_on = virt_cpu_on,
                                  .system_reset = virt_system_reset};

    as_add_ram(&m->as, "mach-virt.ram", VIRT_RAM_BASE, cfg->ram_size);
    if (cfg->bios) {
        u64 size;
        u8 *fw = load_file(cfg->bios, &size);
        if (size > VIRT_FLASH_SIZE)
            fatal("-bios %s: %llu bytes, the flash holds %llu", cfg->bios,
                  (unsigned long long)size, (unsigned long long)VIRT_FLASH_SIZE);
        as_add_rom(&m->as, "virt.flash0", VIRT_FLASH_BASE, VIRT_FLASH_SIZE);
        as_load_image(&m->as, VIRT_FLASH_BASE, fw, size);
        free(fw);
    }
    a64_code_cache_init(m);

    /* Device-owned system registers must be in the table before the CPUs finalise it. */
    gicv3_register_sysregs();
    arm_timer_register_sysregs();

    for (int i = 0; i < ncpus; i++) {
        b->mpidr[i] = virt_mpidr(i);
        b->cpu[i] = a64_cpu_create(m, cfg->cpu_model);
        b->cpu[i]->have_el2 = el2; /* QEMU: secure=on alone gives EL3 without EL2 */
        b->cpu[i]->have_el3 = el3;
    }
    gicv3_init(&b->gic, ncpus, b->mpidr);
    b->gic.set_cpu_line = set_cpu_line;
    as_add_mmio(&m->as, "gicv3.dist", VIRT_GICD_BASE, GICD_SIZE, &gicv3_dist_ops, &b->gic);
    as_add_mmio(&m->as, "gicv3.redist", VIRT_GICR_BASE, GICR_SIZE * (u64)ncpus,
                &gicv3_redist_ops, &b->gic);
    static const struct {
        enum gt_timer t;
        int ppi;
    } timer_ppis[] = {{GT_PHYS, VIRT_PPI_PHYSTIMER},
                      {GT_VIRT, VIRT_PPI_VIRTTIMER},
                      {GT_HYP, VIRT_PPI_HYPTIMER},
                      {GT_HYPVIRT, VIRT_PPI_HVIRTTIMER}};
    for (int i = 0; i < ncpus; i++) {
        struct a64_cpu *cpu = b->cpu[i];
        struct gicv3_cpuif *c = &b->gic.cpu[i];
        c->cpu = cpu;
        cpu->gic = c;
        c->maint = (struct irq_line){gicv3_set_ppi, c, VIRT_PPI_MAINT};
        arm_timer_init(&b->timers[i], cpu, &m->clock, el2);
        for (size_t t = 0; t < ARRAY_SIZE(timer_ppis); t++)
            b->timers[i].t[timer_ppis[t].t].out =
                (struct irq_line){gicv3_set_ppi, c, timer_ppis[t].ppi};
        if (!el3)
            cpu->firmware_call = psci_firmware_call;
    }

    b->serial = chardev_open(cfg->serial, m);
    pl011_init(&b->uart, b->serial,
               (struct irq_line){gicv3_set_spi, &b->gic, 32 + VIRT_SPI_UART});
    as_add_mmio(&m->as, "pl011", VIRT_UART_BASE, PL011_SIZE, &pl011_ops, &b->uart);
    gicv3_snap_register(m, &b->gic);
    pl011_snap_register(m, &b->uart);
    m->poll = virt_poll;
    /* virtio-mmio transports and the PL031 (hw/virt_devices.c); after m->poll, which a
     * network back-end chains. */
    virt_create_devices(m, cfg, virt_spi);

    load_images(b, cfg, dumpdtb);
    virt_reset(b);
}

const struct machine_type arm64_virt_machine = {
    .name = "arm64-virt",
    .desc = "QEMU virt-compatible AArch64 machine (GICv3, PL011, virtio-mmio)",
    .props = virt_props,
    .cpu_models = virt_cpu_models,
    .devices = virt_device_list,
    .options = MACHINE_OPT_INITRD | MACHINE_OPT_APPEND | MACHINE_OPT_DTB | MACHINE_OPT_BIOS |
               MACHINE_OPT_DRIVE | MACHINE_OPT_NETDEV | MACHINE_OPT_RTC,
    .init = virt_init,
};
