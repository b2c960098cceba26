/* SPDX-License-Identifier: MIT */
/* Devices of the arm64-virt board that are not the CPU's: virtio-mmio transports with their
 * device models and the PL031 RTC; and the machine poll hook that services network back-ends. */
#include "hw/virt_devices.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/config.h"
#include "core/log.h"
#include "core/machine.h"
#include "hw/block.h"
#include "hw/net.h"
#include "hw/pl031.h"
#include "hw/virtio_devices.h"
#include "hw/virtio_mmio.h"

const struct machine_prop_desc virt_virtio_devices[] = {
    {"virtio-blk-device", "drive=ID: a disk from -drive ...,if=none,id=ID"},
    {"virtio-net-device", "netdev=ID[,mac=52:54:00:12:34:56]: a NIC on -netdev user,id=ID"},
    {"virtio-rng-device", "[seed=N][,entropy=host]: entropy, seeded PRNG unless entropy=host"},
    {0},
};

/* Host polling is per process, like the machine: the board has one set of back-ends. */
static struct {
    struct net_backend *net[CFG_MAX_ITEMS];
    const char *net_id[CFG_MAX_ITEMS];
    bool net_used[CFG_MAX_ITEMS];
    int nnet;
    void (*prev_poll)(struct machine *m, bool idle);
} vd_state;

static bool drive_used[CFG_MAX_ITEMS];

static void virt_devices_poll(struct machine *m, bool idle)
{
    if (vd_state.prev_poll)
        vd_state.prev_poll(m, idle);
    /* Idle: wait for host input at most as long as virtual time would jump, capped so that
     * the loop stays responsive; busy: just collect what is ready. */
    int timeout = 0;
    if (idle) {
        u64 next = vclock_next_deadline(&m->clock), now = vclock_now_ns(&m->clock);
        u64 ms = next == UINT64_MAX ? 50 : next > now ? (next - now) / 1000000 : 0;
        timeout = ms > 50 ? 50 : (int)ms;
    }
    for (int i = 0; i < vd_state.nnet; i++)
        vd_state.net[i]->poll(vd_state.net[i], i == 0 ? timeout : 0);
}

/* The value of key in a "driver,key=value,..." option string, copied into buf, or NULL. */
static const char *opt_get(const char *spec, const char *key, char *buf, size_t len)
{
    size_t kl = strlen(key);
    for (const char *p = strchr(spec, ','); p; p = strchr(p + 1, ',')) {
        if (!strncmp(p + 1, key, kl) && p[1 + kl] == '=') {
            const char *v = p + 2 + kl, *end = strchr(v, ',');
            size_t n = end ? (size_t)(end - v) : strlen(v);
            if (n >= len)
                usage_error("-device %s: value of %s too long", spec, key);
            memcpy(buf, v, n);
            buf[n] = 0;
            return buf;
        }
    }
    return NULL;
}

/* Every key of spec must be one of the driver's (QEMU rejects unknown properties too). */
static void opt_check_keys(const char *spec, const char *const *keys)
{
    for (const char *p = strchr(spec, ','); p; p = strchr(p + 1, ',')) {
        size_t n = strcspn(p + 1, "=,");
        bool ok = false;
        for (int i = 0; keys[i] && !ok; i++)
            ok = strlen(keys[i]) == n && !strncmp(p + 1, keys[i], n);
        if (!ok)
            usage_error("-device %s: unknown property '%.*s'", spec, (int)n, p + 1);
    }
}

static bool parse_mac(const char *s, u8 mac[6])
{
    unsigned v[6];
    int n = 0;
    if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%n", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &n) != 6 ||
        s[n])
        return false;
    for (int i = 0; i < 6; i++)
        mac[i] = (u8)v[i];
    return true;
}

static struct block *open_drive(struct emu_config *cfg, const struct cfg_drive *d)
{
    if (!d->file)
        usage_error("-drive without file=");
    if (d->format && strcmp(d->format, "raw"))
        usage_error("-drive %s: format '%s' is not supported (only raw)", d->file, d->format);
    return block_open(d->file, d->readonly, d->snapshot || cfg->snapshot);
}

static struct net_backend *find_netdev(const char *id)
{
    for (int i = 0; i < vd_state.nnet; i++)
        if (vd_state.net_id[i] && !strcmp(vd_state.net_id[i], id)) {
            if (vd_state.net_used[i])
                usage_error("netdev '%s' is used by two devices", id);
            vd_state.net_used[i] = true;
            return vd_state.net[i];
        }
    usage_error("no -netdev with id '%s'", id);
}

static void attach_device(struct machine *m, struct emu_config *cfg, const char *spec,
                          struct virtio_mmio *t)
{
    char name[64], v[256];
    size_t nl = strcspn(spec, ",");
    if (nl >= sizeof(name))
        usage_error("-device %s: unknown device", spec);
    memcpy(name, spec, nl);
    name[nl] = 0;
    if (!strcmp(name, "virtio-blk-device")) {
        opt_check_keys(spec, (const char *const[]){"drive", NULL});
        if (!opt_get(spec, "drive", v, sizeof(v)))
            usage_error("-device %s: drive= is required", spec);
        for (int i = 0; i < cfg->ndrives; i++)
            if (cfg->drives[i].id && !strcmp(cfg->drives[i].id, v)) {
                if (drive_used[i])
                    usage_error("-device %s: drive '%s' is already in use", spec, v);
                drive_used[i] = true;
                virtio_blk_attach(t, open_drive(cfg, &cfg->drives[i]));
                return;
            }
        usage_error("-device %s: no -drive with id '%s'", spec, v);
    } else if (!strcmp(name, "virtio-net-device")) {
        opt_check_keys(spec, (const char *const[]){"netdev", "mac", NULL});
        u8 mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
        if (opt_get(spec, "mac", v, sizeof(v)) && !parse_mac(v, mac))
            usage_error("-device %s: bad mac address '%s'", spec, v);
        if (!opt_get(spec, "netdev", v, sizeof(v)))
            usage_error("-device %s: netdev= is required", spec);
        virtio_net_attach(t, find_netdev(v), mac);
    } else if (!strcmp(name, "virtio-rng-device")) {
        opt_check_keys(spec, (const char *const[]){"seed", "entropy", NULL});
        u64 seed = VIRTIO_RNG_DEFAULT_SEED;
        bool host = false;
        if (opt_get(spec, "seed", v, sizeof(v))) {
            char *end;
            seed = strtoull(v, &end, 0);
            if (*end || !*v)
                usage_error("-device %s: bad seed '%s'", spec, v);
        }
        if (opt_get(spec, "entropy", v, sizeof(v))) {
            if (strcmp(v, "host") && strcmp(v, "seeded"))
                usage_error("-device %s: entropy must be host or seeded", spec);
            host = !strcmp(v, "host");
        }
        virtio_rng_attach(t, seed, host);
    } else {
        usage_error("-device %s: unknown virtio device '%s' (virtio-blk-device, "
                    "virtio-net-device, virtio-rng-device)", spec, name);
    }
}

void virt_create_devices(struct machine *m, struct emu_config *cfg, virt_spi_fn spi)
{
    struct virtio_mmio *tr[VIRT_VIRTIO_MMIO_COUNT];
    for (int n = 0; n < VIRT_VIRTIO_MMIO_COUNT; n++) {
        struct irq_line irq = spi ? spi(m, VIRT_VIRTIO_MMIO_SPI + n) : (struct irq_line){0};
        tr[n] = virtio_mmio_create(m, VIRT_VIRTIO_MMIO_BASE + n * VIRT_VIRTIO_MMIO_STRIDE, irq);
    }
    u64 epoch;
    if (!pl031_parse_base(cfg->rtc_base, &epoch))
        usage_error("-rtc base=%s: expected utc, localtime or YYYY-MM-DD[THH:MM:SS]",
                    cfg->rtc_base);
    pl031_create(m, VIRT_PL031_BASE,
                 spi ? spi(m, VIRT_PL031_SPI) : (struct irq_line){0}, epoch);

    for (int i = 0; i < cfg->nnetdevs; i++) {
        const struct cfg_netdev *nd = &cfg->netdevs[i];
        if (nd->type && strcmp(nd->type, "user"))
            usage_error("-netdev %s: only 'user' networking is supported", nd->type);
        vd_state.net[vd_state.nnet] = net_slirp_create(m, nd);
        vd_state.net_id[vd_state.nnet++] = nd->id;
    }
    if (vd_state.nnet) {
        vd_state.prev_poll = m->poll;
        m->poll = virt_devices_poll;
    }

    /* QEMU hands out transports from the highest address down (`info qtree` on QEMU 7.2: the
     * first -device sits at 0x0a003e00). Linux 6.1 probes the lowest address first, so on
     * QEMU as here the last virtio-blk device becomes vda. */
    int next = VIRT_VIRTIO_MMIO_COUNT - 1;
    for (int i = 0; i < cfg->ndrives; i++) {
        const struct cfg_drive *d = &cfg->drives[i];
        if (d->interface && strcasecmp(d->interface, "virtio"))
            continue;
        if (next < 0)
            usage_error("more than %d virtio devices", VIRT_VIRTIO_MMIO_COUNT);
        drive_used[i] = true;
        virtio_blk_attach(tr[next--], open_drive(cfg, d));
    }
    for (int i = 0; i < cfg->ndevices; i++) {
        if (strncmp(cfg->devices[i], "virtio-", 7))
            continue; /* another board device (not a virtio one) */
        if (next < 0)
            usage_error("more than %d virtio devices", VIRT_VIRTIO_MMIO_COUNT);
        attach_device(m, cfg, cfg->devices[i], tr[next--]);
    }
    for (int i = 0; i < vd_state.nnet; i++)
        if (!vd_state.net_used[i])
            log_printf("emu: warning: netdev '%s' has no device\n",
                       vd_state.net_id[i] ? vd_state.net_id[i] : "?");
}
