/* SPDX-License-Identifier: MIT */
/* core/replay.c's journal in a live run: inputs are delivered only at round ends; after a
 * rewind to an earlier round the journaled inputs come again at the same rounds and host input
 * waits until execution passes the journal's end. */
#include <string.h>

#include "check.h"
#include "core/machine.h"
#include "core/replay.h"

static char host[64], guest[64];

static size_t take(void *opaque, u8 *buf, size_t cap)
{
    size_t n = strlen(host);
    memcpy(buf, host, n);
    host[0] = 0;
    for (size_t i = 0; i < n; i++)
        snprintf(guest + strlen(guest), sizeof(guest) - strlen(guest), "%c", buf[i]);
    return n;
}

static bool deliver(void *opaque, const u8 *buf, size_t len)
{
    snprintf(guest + strlen(guest), sizeof(guest) - strlen(guest), "%.*s", (int)len, buf);
    return true;
}

static struct machine m;

/* Rounds [from, to): host input typed before round 3 and round 6 (when `type`), and a mark
 * "|r" in the guest's view at every round where something arrived. */
static void run_rounds(u64 from, u64 to, bool type)
{
    for (m.rounds = from; m.rounds < to; m.rounds++) {
        m.clock.icount = m.rounds * 100;
        if (type && m.rounds == 3)
            strcpy(host, "ab");
        if (type && m.rounds == 6)
            strcpy(host, "c");
        size_t before = strlen(guest);
        m.poll(&m, false);
        if (strlen(guest) != before)
            snprintf(guest + strlen(guest), sizeof(guest) - strlen(guest), "|%llu ",
                     (unsigned long long)m.rounds);
    }
}

int main(void)
{
    vclock_init(&m.clock, 0);
    m.ncpus = 0; /* sched_cpu 0 >= ncpus: always at a round's end */
    replay_channel_add(REPLAY_SERIAL, "test", take, deliver, NULL);
    replay_journal_enable(&m);
    replay_attach(&m);

    run_rounds(0, 10, true);
    CHECK(!strcmp(guest, "ab|3 c|6 "));
    CHECK_EQ(replay_journal_count(), 2);
    CHECK_EQ(replay_journal_live_round(), 10);

    /* Back to round 2: the journal delivers again; what the host types now waits. */
    guest[0] = 0;
    m.rounds = 2;
    replay_journal_seek(&m);
    strcpy(host, "X");
    run_rounds(2, 12, false);
    CHECK(!strcmp(guest, "ab|3 c|6 X|10 "));
    CHECK_EQ(replay_journal_count(), 3);

    /* Back into round 6 (its input not yet delivered): only "c" and then nothing new. */
    guest[0] = 0;
    m.rounds = 6;
    replay_journal_seek(&m);
    run_rounds(6, 12, false);
    CHECK(!strcmp(guest, "c|6 X|10 "));
    return check_exit("replay_journal");
}
