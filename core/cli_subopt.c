/* SPDX-License-Identifier: MIT */
/* Key=value sub-options of the command line: -drive, -netdev, -device, -rtc, -icount,
 * -semihosting-config, with QEMU's key names. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/cli_internal.h"
#include "core/log.h"

int cli_kv_split(struct cli_state *st, const char *arg, const char *implied_key,
                 struct cli_kv *kv, int max)
{
    char *s = strdup(arg);
    if (!s)
        fatal("out of memory");
    int n = 0;
    for (char *item = s; item;) {
        char *next = strchr(item, ',');
        if (next)
            *next++ = 0;
        if (n == max)
            return -1;
        char *eq = strchr(item, '=');
        if (eq) {
            *eq = 0;
            kv[n++] = (struct cli_kv){item, eq + 1};
        } else if (n == 0 && implied_key) {
            kv[n++] = (struct cli_kv){implied_key, item};
        } else {
            kv[n++] = (struct cli_kv){item, ""};
        }
        item = next;
    }
    return n;
}

static int parse_bool(struct cli_state *st, const char *opt, const struct cli_kv *kv, bool *out)
{
    const char *v = kv->value;
    if (!strcasecmp(v, "on") || !strcasecmp(v, "yes") || !strcasecmp(v, "true"))
        *out = true;
    else if (!strcasecmp(v, "off") || !strcasecmp(v, "no") || !strcasecmp(v, "false"))
        *out = false;
    else
        return cli_bad(st, "%s: %s=%s: expected on or off", opt, kv->key, v);
    return 0;
}

static int unknown_key(struct cli_state *st, const char *opt, const char *key, const char *valid)
{
    return cli_bad(st, "%s: unknown parameter '%s' (valid: %s)", opt, key, valid);
}

int cli_opt_drive(struct cli_state *st, const char *arg)
{
    struct emu_config *cfg = st->cfg;
    if (cfg->ndrives == CFG_MAX_ITEMS)
        return cli_bad(st, "-drive: too many drives (at most %d)", CFG_MAX_ITEMS);
    struct cli_kv kv[16];
    int n = cli_kv_split(st, arg, NULL, kv, (int)ARRAY_SIZE(kv));
    if (n < 0)
        return cli_bad(st, "-drive: too many parameters in '%s'", arg);
    struct cfg_drive d = {.interface = "virtio", .format = "raw"};
    for (int i = 0; i < n; i++) {
        const char *k = kv[i].key, *v = kv[i].value;
        int r = 0;
        if (!strcmp(k, "file"))
            d.file = v;
        else if (!strcmp(k, "if")) {
            if (strcmp(v, "virtio") && strcmp(v, "none"))
                return cli_bad(st, "-drive: if=%s is not supported (valid: virtio, none)", v);
            d.interface = v;
        } else if (!strcmp(k, "format")) {
            if (strcmp(v, "raw"))
                return cli_bad(st, "-drive: format=%s is not supported (only raw)", v);
            d.format = v;
        } else if (!strcmp(k, "media")) {
            if (strcmp(v, "disk"))
                return cli_bad(st, "-drive: media=%s is not supported (only disk)", v);
        } else if (!strcmp(k, "id"))
            d.id = v;
        else if (!strcmp(k, "readonly"))
            r = parse_bool(st, "-drive", &kv[i], &d.readonly);
        else if (!strcmp(k, "snapshot"))
            r = parse_bool(st, "-drive", &kv[i], &d.snapshot);
        else
            return unknown_key(st, "-drive", k, "file, if, format, media, id, readonly, snapshot");
        if (r)
            return r;
    }
    if (!d.file)
        return cli_bad(st, "-drive: missing file=IMAGE");
    for (int i = 0; i < cfg->ndrives; i++)
        if (d.id && cfg->drives[i].id && !strcmp(d.id, cfg->drives[i].id))
            return cli_bad(st, "-drive: duplicate id '%s'", d.id);
    int r = cli_check_file(st, "-drive", d.file, false);
    if (r)
        return r;
    cfg->drives[cfg->ndrives++] = d;
    return 0;
}

int cli_check_drives(struct cli_state *st)
{
    struct emu_config *cfg = st->cfg;
    for (int i = 0; i < cfg->ndrives; i++) {
        const struct cfg_drive *d = &cfg->drives[i];
        int r = cli_check_file(st, "-drive", d->file,
                               !d->readonly && !d->snapshot && !cfg->snapshot);
        if (r)
            return r;
    }
    return 0;
}

/* [tcp|udp]:[hostaddr]:hostport-[guestaddr]:guestport */
static bool hostfwd_valid(const char *spec)
{
    char buf[128], *s = buf;
    if (strlen(spec) >= sizeof(buf))
        return false;
    strcpy(buf, spec);
    if (!strncmp(s, "tcp:", 4) || !strncmp(s, "udp:", 4))
        s += 4;
    else if (*s != ':')
        return false;
    else
        s++;
    char *dash = strchr(s, '-');
    if (!dash)
        return false;
    *dash = 0;
    char *halves[2] = {s, dash + 1};
    for (int h = 0; h < 2; h++) {
        char *colon = strrchr(halves[h], ':');
        if (!colon)
            return false;
        *colon = 0;
        struct in_addr a;
        if (*halves[h] && inet_pton(AF_INET, halves[h], &a) != 1)
            return false;
        u64 port;
        if (!cli_parse_u64(colon + 1, &port) || port == 0 || port > 65535)
            return false;
    }
    return true;
}

int cli_opt_netdev(struct cli_state *st, const char *arg)
{
    struct emu_config *cfg = st->cfg;
    if (cfg->nnetdevs == CFG_MAX_ITEMS)
        return cli_bad(st, "-netdev: too many network back-ends (at most %d)", CFG_MAX_ITEMS);
    struct cli_kv kv[CFG_MAX_ITEMS + 4];
    int n = cli_kv_split(st, arg, "type", kv, (int)ARRAY_SIZE(kv));
    if (n < 0)
        return cli_bad(st, "-netdev: too many parameters in '%s'", arg);
    struct cfg_netdev nd = {0};
    for (int i = 0; i < n; i++) {
        const char *k = kv[i].key, *v = kv[i].value;
        if (!strcmp(k, "type")) {
            if (strcmp(v, "user"))
                return cli_bad(st, "-netdev: back-end '%s' is not supported (only user)", v);
            nd.type = v;
        } else if (!strcmp(k, "id")) {
            nd.id = v;
        } else if (!strcmp(k, "hostfwd")) {
            if (!hostfwd_valid(v))
                return cli_bad(st, "-netdev: bad hostfwd '%s' (expected "
                                   "tcp:[hostaddr]:hostport-[guestaddr]:guestport)", v);
            if (nd.nhostfwd == CFG_MAX_ITEMS)
                return cli_bad(st, "-netdev: too many hostfwd rules");
            nd.hostfwd[nd.nhostfwd++] = v;
        } else {
            return unknown_key(st, "-netdev", k, "id, hostfwd");
        }
    }
    if (!nd.type)
        return cli_bad(st, "-netdev: missing back-end type (user)");
    if (!nd.id || !*nd.id)
        return cli_bad(st, "-netdev: missing id=NAME");
    for (int i = 0; i < cfg->nnetdevs; i++)
        if (!strcmp(cfg->netdevs[i].id, nd.id))
            return cli_bad(st, "-netdev: duplicate id '%s'", nd.id);
    cfg->netdevs[cfg->nnetdevs++] = nd;
    return 0;
}

int cli_opt_device(struct cli_state *st, const char *arg)
{
    struct emu_config *cfg = st->cfg;
    if (!strcmp(arg, "help") || !strcmp(arg, "?")) {
        st->device_help = true;
        return 0;
    }
    if (!*arg || *arg == ',')
        return cli_bad(st, "-device: missing driver name");
    if (cfg->ndevices == CFG_MAX_ITEMS)
        return cli_bad(st, "-device: too many devices (at most %d)", CFG_MAX_ITEMS);
    cfg->devices[cfg->ndevices++] = arg;
    return 0;
}

/* base=utc|localtime|YYYY-MM-DD[THH:MM:SS] */
static bool rtc_base_valid(const char *s)
{
    if (!strcmp(s, "utc") || !strcmp(s, "localtime"))
        return true;
    unsigned y, mo, d, h = 0, mi = 0, sec = 0;
    int len = 0;
    if (sscanf(s, "%4u-%2u-%2u%n", &y, &mo, &d, &len) != 3 || len != 10)
        return false;
    if (s[len]) {
        int len2 = 0;
        if (sscanf(s + len, "T%2u:%2u:%2u%n", &h, &mi, &sec, &len2) != 3 || s[len + len2])
            return false;
    }
    return y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 &&
           sec < 60;
}

int cli_opt_rtc(struct cli_state *st, const char *arg)
{
    struct cli_kv kv[4];
    int n = cli_kv_split(st, arg, NULL, kv, (int)ARRAY_SIZE(kv));
    if (n < 0)
        return cli_bad(st, "-rtc: too many parameters in '%s'", arg);
    for (int i = 0; i < n; i++) {
        const char *k = kv[i].key, *v = kv[i].value;
        if (!strcmp(k, "base")) {
            if (!rtc_base_valid(v))
                return cli_bad(st, "-rtc: bad base '%s' (utc, localtime or "
                                   "YYYY-MM-DD[THH:MM:SS])", v);
            st->cfg->rtc_base = v;
        } else if (!strcmp(k, "clock")) {
            /* Only the virtual clock keeps runs reproducible (docs/DETERMINISM.md). */
            if (strcmp(v, "vm"))
                return cli_bad(st, "-rtc: clock=%s is not supported (only vm)", v);
        } else {
            return unknown_key(st, "-rtc", k, "base, clock");
        }
    }
    return 0;
}

int cli_opt_icount(struct cli_state *st, const char *arg)
{
    struct cli_kv kv[4];
    int n = cli_kv_split(st, arg, "shift", kv, (int)ARRAY_SIZE(kv));
    if (n < 0)
        return cli_bad(st, "-icount: too many parameters in '%s'", arg);
    for (int i = 0; i < n; i++) {
        const char *k = kv[i].key, *v = kv[i].value;
        if (!strcmp(k, "shift")) {
            u64 s;
            if (!strcmp(v, "auto"))
                return cli_bad(st, "-icount: shift=auto is not supported: guest time must not "
                                   "depend on host speed");
            if (!cli_parse_u64(v, &s) || s > 10)
                return cli_bad(st, "-icount: shift=%s: expected a number from 0 to 10", v);
            st->cfg->icount_shift = (int)s;
        } else if (!strcmp(k, "sleep") || !strcmp(k, "align")) {
            bool b;
            int r = parse_bool(st, "-icount", &kv[i], &b);
            if (r)
                return r;
        } else {
            return unknown_key(st, "-icount", k, "shift, sleep, align");
        }
    }
    return 0;
}

int cli_opt_semihosting_config(struct cli_state *st, const char *arg)
{
    struct cli_kv kv[4];
    int n = cli_kv_split(st, arg, NULL, kv, (int)ARRAY_SIZE(kv));
    if (n < 0)
        return cli_bad(st, "-semihosting-config: too many parameters in '%s'", arg);
    bool enable = true; /* as QEMU: naming the option enables semihosting */
    for (int i = 0; i < n; i++) {
        const char *k = kv[i].key, *v = kv[i].value;
        if (!strcmp(k, "enable")) {
            int r = parse_bool(st, "-semihosting-config", &kv[i], &enable);
            if (r)
                return r;
        } else if (!strcmp(k, "target")) {
            if (!strcmp(v, "gdb"))
                return cli_bad(st, "-semihosting-config: target=gdb is not implemented yet");
            if (strcmp(v, "native") && strcmp(v, "auto"))
                return cli_bad(st, "-semihosting-config: bad target '%s' (native, auto)", v);
            st->cfg->semihosting_target = v;
        } else {
            return unknown_key(st, "-semihosting-config", k, "enable, target");
        }
    }
    st->cfg->semihosting = enable;
    return 0;
}
