/* SPDX-License-Identifier: MIT */
/* Block back-end: a raw image file read and written synchronously (pread/pwrite), optionally
 * read-only or behind an in-memory copy-on-write overlay (snapshot mode). */
#ifndef EMU_HW_BLOCK_H
#define EMU_HW_BLOCK_H

#include <stddef.h>

#include "core/types.h"

struct block;

/* Open path; fatal() with a precise message if it cannot be opened. */
struct block *block_open(const char *path, bool readonly, bool snapshot);
void block_close(struct block *b);
u64 block_size(const struct block *b);
bool block_readonly(const struct block *b);
/* Byte-granular I/O. Return false (changing nothing for a write) if [off, off+len) is outside
 * the image, the image is read-only, or the host I/O fails. */
bool block_read(struct block *b, u64 off, void *buf, u64 len);
bool block_write(struct block *b, u64 off, const void *buf, u64 len);
/* Make completed writes durable (fdatasync); a no-op in snapshot mode. */
bool block_flush(struct block *b);
/* A short identifier of the image (its file name), for GET_ID. */
const char *block_name(const struct block *b);

/* Undo log of a writable image while in-memory checkpoints are live (block.c): a limit on its
 * host memory per image (default 256 MiB), and what it holds now. */
void block_undo_set_limit(size_t bytes);
size_t block_undo_bytes(const struct block *b);

/* Snapshot state of the back-end (the snapshot=on overlay), saved by the device using it. */
struct snap_writer;
struct snap_reader;
void block_snap_save(const struct block *b, struct snap_writer *w);
void block_snap_load(struct block *b, struct snap_reader *r);

#endif
