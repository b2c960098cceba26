/* SPDX-License-Identifier: MIT */
/* Virtual clock and event queue: a binary min-heap keyed by (deadline, arming sequence). */
#include "core/vclock.h"

#include <stdlib.h>

#include "core/log.h"

void vclock_init(struct vclock *c, unsigned shift)
{
    *c = (struct vclock){.shift = shift};
}

void vclock_destroy(struct vclock *c)
{
    free(c->heap);
    c->heap = NULL;
    c->nheap = c->capheap = 0;
}

void vevent_init(struct vevent *e, const char *name, vevent_fn fn, void *opaque)
{
    *e = (struct vevent){.fn = fn, .opaque = opaque, .name = name, .heap_index = -1};
}

static bool before(const struct vevent *a, const struct vevent *b)
{
    return a->deadline_ns < b->deadline_ns ||
           (a->deadline_ns == b->deadline_ns && a->seq < b->seq);
}

static void place(struct vclock *c, int i, struct vevent *e)
{
    c->heap[i] = e;
    e->heap_index = i;
}

static void sift_up(struct vclock *c, int i)
{
    struct vevent *e = c->heap[i];
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!before(e, c->heap[p]))
            break;
        place(c, i, c->heap[p]);
        i = p;
    }
    place(c, i, e);
}

static void sift_down(struct vclock *c, int i)
{
    struct vevent *e = c->heap[i];
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        struct vevent *best = e;
        if (l < c->nheap && before(c->heap[l], best))
            m = l, best = c->heap[l];
        if (r < c->nheap && before(c->heap[r], best))
            m = r, best = c->heap[r];
        if (m == i)
            break;
        place(c, i, c->heap[m]);
        i = m;
    }
    place(c, i, e);
}

void vevent_cancel(struct vclock *c, struct vevent *e)
{
    int i = e->heap_index;
    if (i < 0)
        return;
    e->heap_index = -1;
    c->nheap--;
    if (i == c->nheap)
        return;
    struct vevent *moved = c->heap[c->nheap];
    place(c, i, moved);
    sift_down(c, i);
    sift_up(c, moved->heap_index);
}

static void heap_reserve(struct vclock *c)
{
    if (c->nheap == c->capheap) {
        c->capheap = c->capheap ? c->capheap * 2 : 16;
        c->heap = realloc(c->heap, sizeof(*c->heap) * c->capheap);
        if (!c->heap)
            fatal("out of memory (event queue)");
    }
}

void vevent_arm(struct vclock *c, struct vevent *e, u64 deadline_ns)
{
    vevent_cancel(c, e);
    heap_reserve(c);
    e->deadline_ns = deadline_ns;
    e->seq = c->seq++;
    place(c, c->nheap++, e);
    sift_up(c, e->heap_index);
    if (c->run_left) {
        u64 now = vclock_now_ns(c), n = 0;
        if (deadline_ns > now)
            n = ((deadline_ns - now) + (1ull << c->shift) - 1) >> c->shift;
        if (n < *c->run_left) {
            c->run_budget -= *c->run_left - n;
            *c->run_left = n;
        }
    }
}

void vclock_drop_events(struct vclock *c)
{
    for (int i = 0; i < c->nheap; i++)
        c->heap[i]->heap_index = -1;
    c->nheap = 0;
}

void vevent_restore(struct vclock *c, struct vevent *e, u64 deadline_ns, u64 seq)
{
    vevent_cancel(c, e);
    heap_reserve(c);
    e->deadline_ns = deadline_ns;
    e->seq = seq; /* the clock's own counter is restored separately */
    place(c, c->nheap++, e);
    sift_up(c, e->heap_index);
}

void vclock_begin_run(struct vclock *c, u64 *run_left, u64 budget)
{
    *run_left = budget;
    c->run_budget = budget;
    c->run_left = run_left;
}

u64 vclock_end_run(struct vclock *c)
{
    u64 n = c->run_budget - *c->run_left;
    c->icount += n;
    c->run_left = NULL;
    c->run_budget = 0;
    return n;
}

u64 vclock_next_deadline(const struct vclock *c)
{
    return c->nheap ? c->heap[0]->deadline_ns : UINT64_MAX;
}

u64 vclock_budget(const struct vclock *c, u64 max)
{
    u64 d = vclock_next_deadline(c), now = vclock_now_ns(c);
    if (d <= now)
        return 1;
    u64 n = ((d - now) + (1ull << c->shift) - 1) >> c->shift;
    return n < max ? (n ? n : 1) : max;
}

int vclock_run_due(struct vclock *c)
{
    u64 now = vclock_now_ns(c);
    int fired = 0;
    while (c->nheap && c->heap[0]->deadline_ns <= now) {
        struct vevent *e = c->heap[0];
        vevent_cancel(c, e);
        e->fn(e->opaque, now);
        fired++;
    }
    return fired;
}

bool vclock_skip_to_next(struct vclock *c)
{
    u64 d = vclock_next_deadline(c), now = vclock_now_ns(c);
    if (d == UINT64_MAX)
        return false;
    if (d > now)
        c->idle_ns += d - now;
    return true;
}
