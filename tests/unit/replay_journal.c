/* SPDX-License-Identifier: MIT */
/* core/replay.c's journal in a live run: inputs are delivered only at round ends; after a
 * rewind to an earlier round the journaled inputs come again at the same rounds and host input
 * waits until execution passes the journal's end. */
#include <string.h>

#include "check.h"
#include "core/machine.h"
#include "core/replay.h"
#include "core/snapshot.h"

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
static int host_reads;

static int fake_getc(void)
{
    return "12345"[host_reads++ % 5];
}

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
    replay_attach(&m); /* also registers the "replay" snapshot section */

    run_rounds(0, 2, true);
    struct snap_mem *at2 = snapshot_take(&m, NULL);
    /* A synchronous read (semihosting) in the middle of round 2. */
    m.clock.icount = 250;
    CHECK_EQ(replay_sync_getc(fake_getc), '1');
    run_rounds(2, 10, true);
    CHECK(!strcmp(guest, "ab|3 c|6 "));
    CHECK_EQ(replay_journal_count(), 3); /* with the synchronous read */
    CHECK_EQ(replay_journal_live_round(), 10);

    /* Back to round 2: the journal delivers again; what the host types now waits. */
    guest[0] = 0;
    m.rounds = 2;
    replay_journal_seek(&m);
    strcpy(host, "X");
    run_rounds(2, 12, false);
    CHECK(!strcmp(guest, "ab|3 c|6 X|10 "));
    CHECK_EQ(replay_journal_count(), 4);

    /* Back into round 6 (its input not yet delivered): only "c" and then nothing new. */
    guest[0] = 0;
    m.rounds = 6;
    replay_journal_seek(&m);
    run_rounds(6, 12, false);
    CHECK(!strcmp(guest, "c|6 X|10 "));

    /* An in-memory checkpoint: the "replay" section puts the cursor back with the rounds. */
    guest[0] = 0;
    m.rounds = 12;
    char err[256];
    CHECK(snapshot_restore(&m, at2, err, sizeof(err)));
    CHECK_EQ(m.rounds, 2);
    m.clock.icount = 250; /* the same read again: from the journal, not the host */
    CHECK_EQ(replay_sync_getc(fake_getc), '1');
    CHECK_EQ(host_reads, 1);
    strcpy(host, "Y");
    run_rounds(m.rounds, 13, false);
    CHECK(!strcmp(guest, "ab|3 c|6 X|10 Y|12 "));
    snapshot_free(at2);

    /* A debugger holds the machine mid-round, or paused at a round's end: host input waits. */
    guest[0] = 0;
    strcpy(host, "Z");
    m.ncpus = 1;
    m.sched_cpu = 0; /* vCPU 0's turn: mid-round */
    m.poll(&m, false);
    m.sched_cpu = 1;
    m.paused = true;
    m.poll(&m, true);
    CHECK(!strcmp(guest, "") && !strcmp(host, "Z"));
    m.paused = false;
    m.poll(&m, false);
    CHECK(!strcmp(guest, "Z") && !host[0]);
    return check_exit("replay_journal");
}
