/* SPDX-License-Identifier: MIT */
/* virtio-net on the slirp back-end, driven from the host: the guest's ARP request for the
 * gateway is answered, and a guest TCP SYN to 10.0.2.2:PORT reaches a listener on 127.0.0.1
 * and comes back as a SYN-ACK (VIRTIO 1.2 §5.1; slirp's gateway maps to host loopback). */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/config.h"
#include "hw/net.h"
#include "hw/virtio_devices.h"
#include "tests/unit/virtio_driver.h"

#define RXQ_BASE (TD_RAM_BASE + 0x10000) /* desc, avail, used at +0, +0x1000, +0x2000 */
#define TXQ_BASE (TD_RAM_BASE + 0x20000)
#define RX_BUFS (TD_RAM_BASE + 0x200000)
#define TX_BUF (TD_RAM_BASE + 0x300000)
#define QN 16

static const u8 guest_mac[6] = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
static u16 rx_avail, tx_avail, rx_seen;

static void queue_at(struct td *d, int q, u64 base)
{
    td_wr(d, VIRTIO_MMIO_QUEUE_SEL, (u32)q);
    td_wr(d, VIRTIO_MMIO_QUEUE_NUM, QN);
    td_wr(d, VIRTIO_MMIO_QUEUE_DESC_LOW, (u32)base);
    td_wr(d, VIRTIO_MMIO_QUEUE_DRIVER_LOW, (u32)(base + 0x1000));
    td_wr(d, VIRTIO_MMIO_QUEUE_DEVICE_LOW, (u32)(base + 0x2000));
    td_wr(d, VIRTIO_MMIO_QUEUE_READY, 1);
    CHECK(td_rd(d, VIRTIO_MMIO_QUEUE_READY) == 1);
}

static void post(struct td *d, int q, u64 base, u16 *avail, u16 desc, u64 addr, u32 len, bool w)
{
    td_set_desc(d, base, desc, addr, len, w ? VIRTQ_DESC_F_WRITE : 0, 0);
    as_dma_write(&d->m.as, base + 0x1000 + 4 + 2 * (*avail % QN), &desc, 2);
    (*avail)++;
    as_dma_write(&d->m.as, base + 0x1000 + 2, avail, 2);
    td_wr(d, VIRTIO_MMIO_QUEUE_NOTIFY, (u32)q);
}

static u16 csum(const u8 *p, size_t n, u32 sum)
{
    for (size_t i = 0; i + 1 < n; i += 2)
        sum += (u32)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        sum += (u32)p[n - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (u16)~sum;
}

static void send_frame(struct td *d, const u8 *frame, size_t len)
{
    u8 buf[12 + 1514] = {0};
    memcpy(buf + 12, frame, len);
    td_put(d, TX_BUF, buf, 12 + len);
    post(d, 1, TXQ_BASE, &tx_avail, (u16)(tx_avail % QN), TX_BUF, (u32)(12 + len), false);
}

/* Wait (polling slirp) for the next received frame; returns its length or 0. */
static size_t recv_frame(struct td *d, struct net_backend *nb, u8 *out)
{
    for (int i = 0; i < 200; i++) {
        u16 idx;
        as_dma_read(&d->m.as, RXQ_BASE + 0x2000 + 2, &idx, 2);
        if (idx != rx_seen) {
            u32 ent[2];
            as_dma_read(&d->m.as, RXQ_BASE + 0x2000 + 4 + 8 * (rx_seen % QN), ent, 8);
            rx_seen++;
            td_get(d, RX_BUFS + 2048ull * ent[0], out, ent[1]);
            /* Give the buffer back. */
            post(d, 0, RXQ_BASE, &rx_avail, (u16)ent[0], RX_BUFS + 2048ull * ent[0], 2048, true);
            return ent[1];
        }
        nb->poll(nb, 10);
        d->m.clock.idle_ns += 10000000; /* slirp's timers run on virtual time */
        net_deliver_queued(nb);         /* what the input layer does at a round's end */
    }
    return 0;
}

static size_t eth(u8 *f, const u8 *dst, u16 type)
{
    memcpy(f, dst, 6);
    memcpy(f + 6, guest_mac, 6);
    f[12] = (u8)(type >> 8);
    f[13] = (u8)type;
    return 14;
}

/* A free TCP port on 127.0.0.1 (bind to 0, read it back, release it). */
static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t l = sizeof(a);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 ||
        getsockname(s, (struct sockaddr *)&a, &l) < 0)
        return -1;
    close(s);
    return ntohs(a.sin_port);
}

/* hostfwd: a good rule listens on the host; bad rules are usage errors (exit status 2). */
static void test_hostfwd(void)
{
    int port = free_port();
    char rule[64];
    snprintf(rule, sizeof(rule), "tcp:127.0.0.1:%d-:22", port);
    struct td d;
    td_init(&d);
    struct cfg_netdev nd = {.type = "user", .id = "fwd", .hostfwd = {rule}, .nhostfwd = 1};
    struct net_backend *nb = net_slirp_create(&d.m, &nd);
    virtio_net_attach(d.t, nb, guest_mac);
    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1 | 1ull << 5));
    queue_at(&d, 0, RXQ_BASE);
    queue_at(&d, 1, TXQ_BASE);
    td_driver_ok(&d);
    rx_avail = tx_avail = rx_seen = 0;
    for (u16 i = 0; i < 8; i++)
        post(&d, 0, RXQ_BASE, &rx_avail, i, RX_BUFS + 2048ull * i, 2048, true);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((u16)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    CHECK(port > 0 && connect(c, (struct sockaddr *)&a, sizeof(a)) == 0);
    /* slirp accepts and opens the connection towards 10.0.2.15:22: the guest first sees an
     * ARP request for its address (slirp does not know its MAC yet) or the SYN itself. */
    u8 r[2048];
    size_t rl = recv_frame(&d, nb, r);
    const u8 *e = r + 12;
    static const u8 ip15[4] = {10, 0, 2, 15};
    bool arp = rl >= 12 + 42 && e[12] == 0x08 && e[13] == 0x06 && e[21] == 1 &&
               !memcmp(e + 38, ip15, 4);
    bool syn = rl >= 12 + 54 && e[12] == 0x08 && e[13] == 0x00 && e[23] == 6 &&
               !memcmp(e + 30, ip15, 4) && (e[36] << 8 | e[37]) == 22 && (e[47] & 0x02);
    CHECK(arp || syn);
    close(c);
    rx_avail = tx_avail = rx_seen = 0;
    static const char *bad[] = {"tcp:2222-:22", "sctp::2222-:22", "tcp::99999-:22",
                                "tcp::2222-:0", "tcp:1.2.3:2222-:22", "tcp::2222-:22x"};
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            struct cfg_netdev b = {.type = "user", .id = "bad", .hostfwd = {bad[i]}, .nhostfwd = 1};
            freopen("/dev/null", "w", stderr);
            net_slirp_create(&d.m, &b);
            _exit(0);
        }
        int st = 0;
        waitpid(pid, &st, 0);
        if (!(WIFEXITED(st) && WEXITSTATUS(st) == 2))
            printf("  hostfwd '%s' accepted\n", bad[i]);
        CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2);
    }
}

/* Who has target? tell sender (RFC 826), broadcast. Returns the frame length. */
static size_t arp_request(u8 *f, const u8 sender[4], const u8 target[4])
{
    static const u8 bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    static const u8 arp_hdr[8] = {0, 1, 8, 0, 6, 4, 0, 1};
    size_t n = eth(f, bcast, 0x0806);
    memcpy(f + n, arp_hdr, 8);
    memcpy(f + n + 8, guest_mac, 6);
    memcpy(f + n + 14, sender, 4);
    memset(f + n + 18, 0, 6);
    memcpy(f + n + 24, target, 4);
    return n + 28;
}

static void expect_bad_net(const char *net)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        static struct machine m;
        vclock_init(&m.clock, 0);
        struct cfg_netdev b = {.type = "user", .id = "bad", .net = net};
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        net_slirp_create(&m, &b);
        _exit(0);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    if (!(WIFEXITED(st) && WEXITSTATUS(st) == 2))
        printf("  net=%s accepted\n", net);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 2);
}

/* net=192.168.76.0/24: the gateway answers ARP at .2. */
static void test_net_option(void)
{
    struct td d;
    td_init(&d);
    struct cfg_netdev nd = {.type = "user", .id = "n1", .net = "192.168.76.0/24"};
    struct net_backend *nb = net_slirp_create(&d.m, &nd);
    virtio_net_attach(d.t, nb, guest_mac);
    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1 | 1ull << 5));
    queue_at(&d, 0, RXQ_BASE);
    queue_at(&d, 1, TXQ_BASE);
    td_driver_ok(&d);
    rx_avail = tx_avail = rx_seen = 0;
    for (u16 i = 0; i < 8; i++)
        post(&d, 0, RXQ_BASE, &rx_avail, i, RX_BUFS + 2048ull * i, 2048, true);
    static const u8 me[4] = {192, 168, 76, 15}, gw[4] = {192, 168, 76, 2};
    u8 f[64], r[2048];
    send_frame(&d, f, arp_request(f, me, gw));
    size_t rl = recv_frame(&d, nb, r);
    CHECK(rl >= 12 + 42 && r[12 + 21] == 2 && !memcmp(r + 12 + 28, gw, 4));
    rx_avail = tx_avail = rx_seen = 0;
    static const char *bad[] = {"10.0.2.0/33", "10.0.2.1/24", "10.0.2.0", "10.0.2.0/30",
                                "ten/8", "10.0.2.0/24x"};
    for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
        expect_bad_net(bad[i]);
}

int main(void)
{
    test_hostfwd();
    test_net_option();
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof(sa);
    if (ls < 0 || bind(ls, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(ls, 1) < 0 ||
        getsockname(ls, (struct sockaddr *)&sa, &sl) < 0) {
        printf("SKIP: no loopback TCP\n");
        return 0;
    }
    u16 port = ntohs(sa.sin_port);

    struct td d;
    td_init(&d);
    struct cfg_netdev nd = {.type = "user", .id = "n0"};
    struct net_backend *nb = net_slirp_create(&d.m, &nd);
    virtio_net_attach(d.t, nb, guest_mac);
    CHECK(td_rd(&d, VIRTIO_MMIO_DEVICE_ID) == VIRTIO_ID_NET);
    u64 mac = 0;
    as_read(&d.m.as, TD_MMIO_BASE + VIRTIO_MMIO_CONFIG, 4, &mac);
    CHECK((u32)mac == 0x12005452);
    u64 st;
    as_read(&d.m.as, TD_MMIO_BASE + VIRTIO_MMIO_CONFIG + 6, 2, &st);
    CHECK(st == 1);
    CHECK(td_negotiate(&d, 1ull << VIRTIO_F_VERSION_1 | 1ull << 5 | 1ull << 16));
    queue_at(&d, 0, RXQ_BASE);
    queue_at(&d, 1, TXQ_BASE);
    td_driver_ok(&d);
    for (u16 i = 0; i < 8; i++)
        post(&d, 0, RXQ_BASE, &rx_avail, i, RX_BUFS + 2048ull * i, 2048, true);

    /* ARP: who has 10.0.2.2? tell 10.0.2.15. */
    u8 f[1514], r[2048];
    static const u8 bcast[6] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    size_t n = eth(f, bcast, 0x0806);
    static const u8 arp_hdr[8] = {0, 1, 8, 0, 6, 4, 0, 1};
    memcpy(f + n, arp_hdr, 8);
    memcpy(f + n + 8, guest_mac, 6);
    static const u8 ip_guest[4] = {10, 0, 2, 15}, ip_gw[4] = {10, 0, 2, 2};
    memcpy(f + n + 14, ip_guest, 4);
    memset(f + n + 18, 0, 6);
    memcpy(f + n + 24, ip_gw, 4);
    send_frame(&d, f, n + 28);
    size_t rl = recv_frame(&d, nb, r);
    CHECK(rl >= 12 + 42);
    u8 gw_mac[6];
    CHECK(r[12 + 12] == 0x08 && r[12 + 13] == 0x06); /* ARP */
    CHECK(r[12 + 21] == 2);                          /* reply */
    CHECK(!memcmp(r + 12 + 28, ip_gw, 4));           /* sender: the gateway */
    memcpy(gw_mac, r + 12 + 22, 6);

    /* TCP SYN 10.0.2.15:40000 -> 10.0.2.2:port. */
    n = eth(f, gw_mac, 0x0800);
    u8 *ip = f + n, *tcp = ip + 20;
    memset(ip, 0, 40);
    ip[0] = 0x45;
    ip[3] = 40;
    ip[8] = 64;
    ip[9] = 6;
    memcpy(ip + 12, ip_guest, 4);
    memcpy(ip + 16, ip_gw, 4);
    u16 c = csum(ip, 20, 0);
    ip[10] = (u8)(c >> 8), ip[11] = (u8)c;
    tcp[0] = 40000 >> 8, tcp[1] = 40000 & 0xff;
    tcp[2] = (u8)(port >> 8), tcp[3] = (u8)port;
    tcp[7] = 1;       /* seq 1 */
    tcp[12] = 5 << 4; /* data offset */
    tcp[13] = 0x02;   /* SYN */
    tcp[14] = 0xff, tcp[15] = 0xff;
    u8 pseudo[12] = {10, 0, 2, 15, 10, 0, 2, 2, 0, 6, 0, 20};
    u32 psum = 0;
    for (int i = 0; i < 12; i += 2)
        psum += (u32)(pseudo[i] << 8 | pseudo[i + 1]);
    c = csum(tcp, 20, psum);
    tcp[16] = (u8)(c >> 8), tcp[17] = (u8)c;
    send_frame(&d, f, n + 40);

    /* The host listener sees the connection. */
    int cs = -1;
    for (int i = 0; i < 100 && cs < 0; i++) {
        nb->poll(nb, 10);
        struct pollfd p = {.fd = ls, .events = POLLIN};
        if (poll(&p, 1, 10) > 0)
            cs = accept(ls, NULL, NULL);
    }
    CHECK(cs >= 0);
    /* ...and the guest gets a SYN-ACK from 10.0.2.2:port. */
    bool synack = false;
    for (int i = 0; i < 5 && !synack; i++) {
        rl = recv_frame(&d, nb, r);
        const u8 *e = r + 12;
        synack = rl >= 12 + 54 && e[12] == 0x08 && e[13] == 0x00 && e[14 + 9] == 6 &&
                 !memcmp(e + 14 + 12, ip_gw, 4) && (e[34 + 13] & 0x12) == 0x12 &&
                 (e[34] << 8 | e[35]) == port;
    }
    CHECK(synack);
    CHECK(nb->rx_frames >= 2 && nb->tx_frames == 2);
    if (cs >= 0)
        close(cs);
    close(ls);
    return td_result("net_slirp");
}
