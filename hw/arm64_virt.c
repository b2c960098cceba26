/* SPDX-License-Identifier: MIT */
/* The arm64-virt board: QEMU `virt`-compatible memory map (bootstrap: RAM and images). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/decode_cache.h"
#include "hw/loader.h"
#include "hw/virt_devices.h"

#define VIRT_RAM_BASE 0x40000000ull

static const struct machine_prop_desc virt_props[] = {
    {"virtualization", "on|off: start the guest at EL2 (default off)"},
    {"secure", "on|off: start the guest at EL3 (default off)"},
    {0},
};

static void virt_init(struct machine *m, struct emu_config *cfg)
{
    as_add_ram(&m->as, "mach-virt.ram", VIRT_RAM_BASE, cfg->ram_size);
    a64_code_cache_init(m);
    /* virtio-mmio transports and PL031; NULL: no GIC SPI lines to connect them to yet. */
    virt_create_devices(m, cfg, NULL);
    bool el2 = cfg_machine_prop_bool(cfg, "virtualization", false);
    bool el3 = cfg_machine_prop_bool(cfg, "secure", false);
    int el = el3 ? 3 : el2 ? 2 : 1;
    u64 entry = VIRT_RAM_BASE;
    if (!cfg->kernel)
        usage_error("no -kernel given: arm64-virt has no firmware to boot from yet");
    u64 size;
    u8 *img = load_file(cfg->kernel, &size);
    if (loader_is_elf(img, size))
        entry = loader_load_elf(&m->as, cfg->kernel, img, size);
    else if (!as_load_image(&m->as, VIRT_RAM_BASE, img, size))
        fatal("'%s' (%llu bytes) does not fit in guest RAM", cfg->kernel,
              (unsigned long long)size);
    free(img);
    for (int i = 0; i < cfg->smp; i++) {
        struct a64_cpu *cpu = a64_cpu_create(m, cfg->cpu_model);
        a64_cpu_reset(cpu, el, entry);
        if (i > 0)
            cpu->vcpu.powered_off = true;
    }
}

/* -cpu names: the models of cpu/arm64/model*.c. */
static const char *const virt_cpu_models[] = {"max", "cortex-a57", "cortex-a72", NULL};

/* -device drivers (hw/virt_devices.c attaches them). */
static const struct machine_prop_desc virt_devices[] = {
    {"virtio-blk-device", "drive=ID: the -drive with that id as a virtio disk"},
    {"virtio-net-device", "netdev=ID[,mac=..]: a network card on that -netdev"},
    {"virtio-rng-device", "[seed=N][,entropy=seeded|host]: a random number source"},
    {0},
};

const struct machine_type arm64_virt_machine = {
    .name = "arm64-virt",
    .desc = "QEMU virt-compatible AArch64 machine (GICv3, PL011, virtio-mmio)",
    .props = virt_props,
    .cpu_models = virt_cpu_models,
    .devices = virt_devices,
    .options = MACHINE_OPT_DRIVE | MACHINE_OPT_NETDEV | MACHINE_OPT_RTC,
    .init = virt_init,
};
