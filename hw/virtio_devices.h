/* SPDX-License-Identifier: MIT */
/* Constructors of the virtio device models; each plugs itself into a free transport. */
#ifndef EMU_HW_VIRTIO_DEVICES_H
#define EMU_HW_VIRTIO_DEVICES_H

#include "core/types.h"

struct virtio_mmio;
struct block;
struct net_backend;

/* virtio-blk (VIRTIO 1.2 §5.2) on block back-end b; the device owns b afterwards. */
void virtio_blk_attach(struct virtio_mmio *t, struct block *b);
/* virtio-rng (§5.4): xoshiro256** seeded with seed, or with a host seed (getrandom, read once)
 * when host_entropy. */
void virtio_rng_attach(struct virtio_mmio *t, u64 seed, bool host_entropy);
/* virtio-net (§5.1) on a network back-end, with MAC address mac. */
void virtio_net_attach(struct virtio_mmio *t, struct net_backend *nb, const u8 mac[6]);

/* virtio-rng's default seed when none is given: deterministic runs by default. */
#define VIRTIO_RNG_DEFAULT_SEED 0x656d752d726e67ull /* "emu-rng" */

#endif
