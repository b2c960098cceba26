/* SPDX-License-Identifier: MIT */
/* -netdev user: user-mode networking through libslirp. slirp lives entirely on the host side
 * of the input layer: its clock is virtual time, but its timers are host-side (checked at every
 * poll, not vevents, since their arming depends on host socket traffic and a vevent cuts vCPU
 * turns short, which would make the schedule depend on the host); the frames it produces wait
 * in the back-end's queue until the input layer delivers (and records) them at a round's end.
 * When replaying, there is no slirp at all: frames come from the log, guest frames go nowhere. */
#include <arpa/inet.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <slirp/libslirp.h>

#include "core/config.h"
#include "core/log.h"
#include "core/machine.h"
#include "core/replay.h"
#include "hw/net.h"

#define SLIRP_MAX_FDS 256

struct slirp_timer;

struct net_slirp {
    struct net_backend nb; /* first: cast from nb */
    struct machine *m;
    Slirp *slirp;
    struct pollfd fds[SLIRP_MAX_FDS];
    int nfds;
    u32 guest_ip; /* the DHCP address, default hostfwd target (host byte order) */
    struct slirp_timer **timers;
    int ntimers, captimers;
};

struct slirp_timer {
    u64 deadline_ns; /* virtual time; UINT64_MAX when not armed */
    struct net_slirp *ns;
    SlirpTimerId id;
    void *cb_opaque;
};

static ssize_t cb_send_packet(const void *buf, size_t len, void *opaque)
{
    net_host_input(opaque, buf, len);
    return (ssize_t)len;
}

static void cb_guest_error(const char *msg, void *opaque)
{
    if (unlikely(log_mask & LOG_GUEST_ERRORS))
        log_printf("slirp: %s\n", msg);
}

static int64_t cb_clock_get_ns(void *opaque)
{
    return (int64_t)vclock_now_ns(&((struct net_slirp *)opaque)->m->clock);
}

static void *cb_timer_new_opaque(SlirpTimerId id, void *cb_opaque, void *opaque)
{
    struct net_slirp *ns = opaque;
    struct slirp_timer *t = calloc(1, sizeof(*t));
    if (!t)
        fatal("out of memory");
    t->deadline_ns = UINT64_MAX;
    t->ns = ns;
    t->id = id;
    t->cb_opaque = cb_opaque;
    if (ns->ntimers == ns->captimers) {
        ns->captimers = ns->captimers ? 2 * ns->captimers : 8;
        ns->timers = realloc(ns->timers, (size_t)ns->captimers * sizeof(*ns->timers));
        if (!ns->timers)
            fatal("out of memory");
    }
    ns->timers[ns->ntimers++] = t;
    return t;
}

static void cb_timer_free(void *timer, void *opaque)
{
    struct slirp_timer *t = timer;
    struct net_slirp *ns = t->ns;
    for (int i = 0; i < ns->ntimers; i++)
        if (ns->timers[i] == t) {
            ns->timers[i] = ns->timers[--ns->ntimers];
            break;
        }
    free(t);
}

/* expire_time is in milliseconds of slirp's clock, i.e. of virtual time. */
static void cb_timer_mod(void *timer, int64_t expire_ms, void *opaque)
{
    struct slirp_timer *t = timer;
    t->deadline_ns = expire_ms < 0 ? 0 : (u64)expire_ms * 1000000ull;
}

/* Fire the timers that are due, one at a time (a handler may arm or free timers). */
static void run_timers(struct net_slirp *ns)
{
    u64 now = vclock_now_ns(&ns->m->clock);
    for (bool fired = true; fired;) {
        fired = false;
        for (int i = 0; i < ns->ntimers; i++) {
            struct slirp_timer *t = ns->timers[i];
            if (t->deadline_ns <= now) {
                t->deadline_ns = UINT64_MAX;
                slirp_handle_timer(ns->slirp, t->id, t->cb_opaque);
                fired = true;
                break;
            }
        }
    }
}

static void cb_register_poll_fd(int fd, void *opaque) {}
static void cb_unregister_poll_fd(int fd, void *opaque) {}
static void cb_notify(void *opaque) {}

static const SlirpCb slirp_callbacks = {
    .send_packet = cb_send_packet,
    .guest_error = cb_guest_error,
    .clock_get_ns = cb_clock_get_ns,
    .timer_free = cb_timer_free,
    .timer_mod = cb_timer_mod,
    .register_poll_fd = cb_register_poll_fd,
    .unregister_poll_fd = cb_unregister_poll_fd,
    .notify = cb_notify,
    .timer_new_opaque = cb_timer_new_opaque,
};

static void slirp_send(struct net_backend *nb, const u8 *frame, size_t len)
{
    slirp_input(((struct net_slirp *)nb)->slirp, frame, (int)len);
}

static int add_poll(int fd, int events, void *opaque)
{
    struct net_slirp *ns = opaque;
    if (ns->nfds == SLIRP_MAX_FDS)
        return -1;
    short ev = 0;
    if (events & SLIRP_POLL_IN) ev |= POLLIN;
    if (events & SLIRP_POLL_OUT) ev |= POLLOUT;
    if (events & SLIRP_POLL_PRI) ev |= POLLPRI;
    ns->fds[ns->nfds] = (struct pollfd){.fd = fd, .events = ev};
    return ns->nfds++;
}

static int get_revents(int idx, void *opaque)
{
    struct net_slirp *ns = opaque;
    if (idx < 0 || idx >= ns->nfds)
        return 0;
    short r = ns->fds[idx].revents;
    int ev = 0;
    if (r & POLLIN) ev |= SLIRP_POLL_IN;
    if (r & POLLOUT) ev |= SLIRP_POLL_OUT;
    if (r & POLLPRI) ev |= SLIRP_POLL_PRI;
    if (r & POLLERR) ev |= SLIRP_POLL_ERR;
    if (r & POLLHUP) ev |= SLIRP_POLL_HUP;
    return ev;
}

static void slirp_poll_host(struct net_backend *nb, int timeout_ms)
{
    struct net_slirp *ns = (struct net_slirp *)nb;
    uint32_t timeout = (uint32_t)timeout_ms;
    run_timers(ns);
    ns->nfds = 0;
    slirp_pollfds_fill(ns->slirp, &timeout, add_poll, ns);
    /* slirp's own timeout is in its (virtual) time: only the caller's bound applies. */
    int r = poll(ns->fds, (nfds_t)ns->nfds, timeout_ms);
    slirp_pollfds_poll(ns->slirp, r < 0, get_revents, ns);
}

/* "A.B.C.D/N" -> network and mask (host byte order). The host bits must be zero and the
 * network large enough for QEMU's fixed .2/.3/.15 addresses. */
static bool parse_net(const char *spec, u32 *net, u32 *mask)
{
    char addr[32];
    int bits, n = 0;
    struct in_addr a;
    if (sscanf(spec, "%31[0-9.]/%d%n", addr, &bits, &n) != 2 || spec[n] || bits < 8 ||
        bits > 28 || inet_pton(AF_INET, addr, &a) != 1)
        return false;
    *mask = ~0u << (32 - bits);
    *net = ntohl(a.s_addr);
    return (*net & ~*mask) == 0;
}

/* "tcp::2222-:22", "udp:127.0.0.1:5353-10.0.2.15:53" (QEMU's hostfwd syntax). */
static bool add_hostfwd(struct net_slirp *ns, const char *rule)
{
    char proto[8] = "tcp", haddr[64] = "", gaddr[64] = "";
    int hport, gport, n = 0;
    const char *p = rule;
    const char *c = strchr(p, ':');
    if (c && c - p < (long)sizeof(proto) && (c == p || c[-1] != ':')) {
        memcpy(proto, p, (size_t)(c - p));
        proto[c - p] = 0;
        p = c + 1;
    } else if (c == p) {
        p = c + 1;
    }
    if (sscanf(p, "%63[^:]:%d-%63[^:]:%d%n", haddr, &hport, gaddr, &gport, &n) != 4) {
        haddr[0] = 0;
        if (sscanf(p, ":%d-%63[^:]:%d%n", &hport, gaddr, &gport, &n) != 3) {
            gaddr[0] = 0;
            if (sscanf(p, ":%d-:%d%n", &hport, &gport, &n) != 2 &&
                (sscanf(p, "%63[^:]:%d-:%d%n", haddr, &hport, &gport, &n) != 3))
                return false;
        }
    }
    if (p[n] || hport < 0 || hport > 65535 || gport < 1 || gport > 65535)
        return false;
    bool udp = !strcmp(proto, "udp");
    if (!udp && strcmp(proto, "tcp"))
        return false;
    struct in_addr h = {.s_addr = htonl(INADDR_ANY)}, g = {.s_addr = 0};
    if (haddr[0] && inet_pton(AF_INET, haddr, &h) != 1)
        return false;
    if (gaddr[0] && inet_pton(AF_INET, gaddr, &g) != 1)
        return false;
    if (!g.s_addr)
        g.s_addr = htonl(ns->guest_ip);
    if (slirp_add_hostfwd(ns->slirp, udp, h, hport, g, gport) < 0)
        fatal("netdev %s: cannot forward host port %d (in use?)", ns->nb.id, hport);
    return true;
}

/* Replaying: the recorded frames are the network. */
static void replay_send(struct net_backend *nb, const u8 *frame, size_t len) {}
static void replay_poll(struct net_backend *nb, int timeout_ms) {}

struct net_backend *net_slirp_create(struct machine *m, const struct cfg_netdev *nd)
{
    struct net_slirp *ns = calloc(1, sizeof(*ns));
    if (!ns)
        fatal("out of memory");
    ns->m = m;
    ns->nb.id = nd->id;
    if (replay_playing()) {
        ns->nb.send = replay_send;
        ns->nb.poll = replay_poll;
        return &ns->nb;
    }
    ns->nb.send = slirp_send;
    ns->nb.poll = slirp_poll_host;
    SlirpConfig sc = {.version = 4, .in_enabled = true, .if_mtu = 1500, .if_mru = 1500};
    u32 net, mask;
    if (!parse_net(nd->net ? nd->net : "10.0.2.0/24", &net, &mask))
        usage_error("netdev %s: bad net '%s' (expected A.B.C.D/N, N from 8 to 28)",
                    nd->id ? nd->id : "?", nd->net);
    /* QEMU's layout inside the network: host/gateway .2, DNS .3, DHCP from .15. */
    sc.vnetwork.s_addr = htonl(net);
    sc.vnetmask.s_addr = htonl(mask);
    sc.vhost.s_addr = htonl(net | 2);
    sc.vnameserver.s_addr = htonl(net | 3);
    sc.vdhcp_start.s_addr = htonl(net | 15);
    ns->guest_ip = net | 15;
    sc.vhostname = "emu";
    ns->slirp = slirp_new(&sc, &slirp_callbacks, ns);
    if (!ns->slirp)
        fatal("netdev %s: cannot start user-mode networking", nd->id ? nd->id : "?");
    for (int i = 0; i < nd->nhostfwd; i++)
        if (!add_hostfwd(ns, nd->hostfwd[i]))
            usage_error("netdev %s: bad hostfwd rule '%s' (expected [tcp|udp]:[HOST]:PORT-[GUEST]:PORT)",
                        nd->id ? nd->id : "?", nd->hostfwd[i]);
    return &ns->nb;
}
