/* SPDX-License-Identifier: MIT */
/* Host output gate for reverse re-execution (core/output_gate.h). */
#include "core/output_gate.h"

static struct {
    const char *name;
    u64 pos;  /* bytes the guest produced on this stream in this timeline */
    u64 live; /* bytes emitted to the host: the furthest pos ever reached */
} streams[OUTPUT_GATE_MAX];
static int nstreams;

int output_gate_register(const char *name)
{
    /* Unit tests build many machines: streams past the table are simply not gated. */
    if (nstreams == OUTPUT_GATE_MAX)
        return -1;
    streams[nstreams].name = name;
    streams[nstreams].pos = streams[nstreams].live = 0;
    return nstreams++;
}

size_t output_gate_skip(int id, size_t len)
{
    if (id < 0 || id >= nstreams)
        return 0;
    u64 pos = streams[id].pos, live = streams[id].live;
    size_t skip = pos >= live ? 0 : live - pos >= len ? len : (size_t)(live - pos);
    streams[id].pos = pos + len;
    if (streams[id].pos > live)
        streams[id].live = streams[id].pos;
    return skip;
}

void output_gate_save(struct output_gate_pos *p)
{
    for (int i = 0; i < OUTPUT_GATE_MAX; i++)
        p->pos[i] = i < nstreams ? streams[i].pos : 0;
}

void output_gate_restore(const struct output_gate_pos *p)
{
    for (int i = 0; i < nstreams; i++)
        streams[i].pos = p->pos[i];
}

void output_gate_new_timeline(void)
{
    for (int i = 0; i < nstreams; i++)
        streams[i].live = streams[i].pos;
}
