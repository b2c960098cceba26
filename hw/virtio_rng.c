/* SPDX-License-Identifier: MIT */
/* virtio-rng (VIRTIO 1.2 §5.4). Bytes come from xoshiro256** (Blackman & Vigna) seeded through
 * splitmix64, so the same seed gives the same guest. entropy=host draws the seed from the host
 * (getrandom) once, when the device is created, through the input layer, so a recording logs
 * it and a replay reuses it: never host entropy in the middle of a run. */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/log.h"
#include "core/snapshot.h"
#include "core/replay.h"
#include "hw/virtio.h"
#include "hw/virtio_devices.h"
#include "hw/virtio_mmio.h"

#define VIRTIO_RNG_QUEUE_SIZE 64
#define VIRTIO_RNG_CHUNK 256 /* bytes per guest request at most: a short fill is allowed */

struct virtio_rng {
    struct virtio_dev vd;
    u64 seed;
    u64 s[4];
    bool host_entropy;
};

static u64 rotl(u64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static u64 xoshiro_next(u64 s[4])
{
    u64 r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return r;
}

static void rng_seed(struct virtio_rng *r)
{
    u64 x = r->seed;
    for (int i = 0; i < 4; i++) {
        /* splitmix64 spreads any seed, 0 included, over the whole state. */
        u64 z = (x += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        r->s[i] = z ^ (z >> 31);
    }
}

static u64 host_seed(void)
{
    u64 v;
    u8 *buf = (u8 *)&v;
    for (size_t done = 0; done < sizeof(v);) {
        ssize_t n = getrandom(buf + done, sizeof(v) - done, 0);
        if (n <= 0)
            fatal("getrandom failed");
        done += (size_t)n;
    }
    return v;
}

static void rng_fill(struct virtio_rng *r, u8 *buf, u32 len)
{
    for (u32 i = 0; i < len; i += 8) {
        u64 v = xoshiro_next(r->s);
        memcpy(buf + i, &v, len - i < 8 ? len - i : 8);
    }
}

static u64 rng_features(struct virtio_dev *vd)
{
    return 1ull << VIRTIO_RING_F_INDIRECT_DESC;
}

static void rng_queue_notify(struct virtio_dev *vd, int q)
{
    struct virtio_rng *r = (struct virtio_rng *)vd;
    struct virtq_elem e;
    bool any = false;
    u8 buf[VIRTIO_RNG_CHUNK];
    while (virtq_pop(vd, q, &e) == 1) {
        u32 n = e.write_len < sizeof(buf) ? (u32)e.write_len : (u32)sizeof(buf);
        rng_fill(r, buf, n);
        virtq_push(vd, q, &e, (u32)virtq_elem_write(vd, &e, 0, buf, n));
        any = true;
    }
    if (any)
        virtq_notify(vd, q);
}

/* A reset restarts the stream: a rebooted guest sees the same bytes again. */
static void rng_reset(struct virtio_dev *vd)
{
    rng_seed((struct virtio_rng *)vd);
}

/* The PRNG position, so that a loaded guest draws the numbers the saved one would have. */
static void rng_snap_save(struct virtio_dev *vd, struct snap_writer *w)
{
    struct virtio_rng *r = (struct virtio_rng *)vd;
    snap_put_u64(w, r->seed);
    for (int i = 0; i < 4; i++)
        snap_put_u64(w, r->s[i]);
}

static void rng_snap_load(struct virtio_dev *vd, struct snap_reader *sr)
{
    struct virtio_rng *r = (struct virtio_rng *)vd;
    r->seed = snap_get_u64(sr);
    for (int i = 0; i < 4; i++)
        r->s[i] = snap_get_u64(sr);
}

static const struct virtio_device_ops virtio_rng_ops = {
    .name = "virtio-rng",
    .device_id = VIRTIO_ID_RNG,
    .num_queues = 1,
    .queue_max = VIRTIO_RNG_QUEUE_SIZE,
    .features = rng_features,
    .queue_notify = rng_queue_notify,
    .reset = rng_reset,
    .snap_save = rng_snap_save,
    .snap_load = rng_snap_load,
};

void virtio_rng_attach(struct virtio_mmio *t, u64 seed, bool host_entropy)
{
    struct virtio_rng *r = calloc(1, sizeof(*r));
    if (!r)
        fatal("out of memory");
    r->host_entropy = host_entropy;
    r->seed = host_entropy ? replay_host_value("rng-seed", host_seed()) : seed;
    rng_seed(r);
    virtio_mmio_attach(t, &r->vd, &virtio_rng_ops);
}
