/* SPDX-License-Identifier: MIT */
/* Character back-ends: raw-mode terminal handling, escape keys, host input queue. */
#include "hw/chardev.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/log.h"
#include "core/machine.h"
#include "core/output_gate.h"
#include "core/replay.h"

static struct termios saved_tty;
static bool tty_raw;

static void tty_restore(void)
{
    if (tty_raw) {
        tcsetattr(0, TCSANOW, &saved_tty);
        tty_raw = false;
    }
}

/* A fatal signal must not leave the user's terminal raw: restore, then die as the signal
 * would have made us. */
static void tty_signal(int sig)
{
    tty_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void tty_make_raw(void)
{
    if (tty_raw || !isatty(0) || tcgetattr(0, &saved_tty) != 0)
        return;
    struct termios t = saved_tty;
    /* As QEMU's stdio back-end: no echo, no line editing, no signals from keys (Ctrl-C goes
     * to the guest), output post-processing kept. */
    t.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag &= ~(CSIZE | PARENB);
    t.c_cflag |= CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(0, TCSANOW, &t) != 0)
        return;
    tty_raw = true;
    atexit(tty_restore);
    static const int sigs[] = {SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE};
    for (size_t i = 0; i < ARRAY_SIZE(sigs); i++)
        signal(sigs[i], tty_signal);
}

struct chardev *chardev_open(const char *spec, struct machine *m)
{
    struct chardev *ch = calloc(1, sizeof(*ch));
    if (!ch)
        fatal("out of memory");
    ch->m = m;
    ch->in_fd = -1;
    ch->gate = output_gate_register("serial");
    if ((!spec || !strcmp(spec, "stdio") || !strcmp(spec, "mon:stdio")) && replay_playing()) {
        ch->out = stdout; /* replaying: input comes from the log, the terminal is left alone */
    } else if (!spec || !strcmp(spec, "stdio") || !strcmp(spec, "mon:stdio")) {
        ch->out = stdout;
        ch->in_fd = 0;
        ch->escapes = true;
        int fl = fcntl(0, F_GETFL);
        if (fl >= 0)
            fcntl(0, F_SETFL, fl | O_NONBLOCK);
        tty_make_raw();
    } else if (!strcmp(spec, "null")) {
        ch->out = NULL;
    } else if (!strncmp(spec, "file:", 5)) {
        ch->out = fopen(spec + 5, "wb");
        if (!ch->out)
            fatal("-serial %s: cannot open '%s': %s", spec, spec + 5, strerror(errno));
    } else {
        usage_error("-serial %s: expected stdio, mon:stdio, null or file:PATH", spec);
    }
    return ch;
}

/* The input layer's take(): what the front-end accepts now leaves the host queue. */
static size_t chardev_take(void *opaque, u8 *buf, size_t cap)
{
    struct chardev *ch = opaque;
    size_t n = 0;
    while (n < cap && ch->qlen && ch->receive && ch->can_receive(ch->fe)) {
        u8 c = ch->queue[ch->qhead];
        ch->qhead = (ch->qhead + 1) % CHARDEV_QUEUE;
        ch->qlen--;
        ch->receive(ch->fe, c);
        buf[n++] = c;
    }
    return n;
}

/* The input layer's deliver(): bytes taken in the recorded run, given again. */
static bool chardev_replay(void *opaque, const u8 *buf, size_t len)
{
    struct chardev *ch = opaque;
    for (size_t i = 0; i < len; i++) {
        if (!ch->receive || !ch->can_receive(ch->fe))
            return false;
        ch->receive(ch->fe, buf[i]);
    }
    return true;
}

void chardev_set_frontend(struct chardev *ch, bool (*can_receive)(void *),
                          void (*receive)(void *, u8), void *fe)
{
    ch->can_receive = can_receive;
    ch->receive = receive;
    ch->fe = fe;
    replay_channel_add(REPLAY_SERIAL, "serial", chardev_take, chardev_replay, ch);
}

static void host_write(struct chardev *ch, const u8 *buf, size_t len)
{
    if (!ch->out || !len)
        return;
    fwrite(buf, 1, len, ch->out);
    fflush(ch->out);
}

/* Guest output: what a reverse re-execution produces again was printed already. */
void chardev_write(struct chardev *ch, const u8 *buf, size_t len)
{
    size_t skip = output_gate_skip(ch->gate, len);
    host_write(ch, buf + skip, len - skip);
}

static void queue_byte(struct chardev *ch, u8 c)
{
    if (ch->qlen == CHARDEV_QUEUE)
        return; /* the host types faster than the guest reads: drop, as a real line would */
    ch->queue[(ch->qhead + ch->qlen++) % CHARDEV_QUEUE] = c;
}

/* Ctrl-A prefixed keys (QEMU's -nographic multiplexer): x quits, h helps, Ctrl-A sends
 * Ctrl-A. */
static void escape_key(struct chardev *ch, u8 c)
{
    static const char help[] = "\r\nC-a h    print this help\r\nC-a x    exit emu\r\n"
                               "C-a C-a  send C-a\r\n";
    switch (c) {
    case 'x':
        fprintf(stderr, "\r\nemu: terminated\r\n");
        if (ch->m)
            machine_request_shutdown(ch->m, 0);
        break;
    case 'h':
    case '?':
        host_write(ch, (const u8 *)help, sizeof(help) - 1);
        break;
    case 1:
        queue_byte(ch, 1);
        break;
    default:
        break;
    }
}

void chardev_queue_input(struct chardev *ch, const u8 *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        u8 c = buf[i];
        if (ch->escape_pending) {
            ch->escape_pending = false;
            escape_key(ch, c);
        } else if (ch->escapes && c == 1) {
            ch->escape_pending = true;
        } else {
            queue_byte(ch, c);
        }
    }
}

void chardev_deliver_input(struct chardev *ch)
{
    u8 buf[CHARDEV_QUEUE];
    chardev_take(ch, buf, sizeof(buf));
}

void chardev_poll(struct chardev *ch, int timeout_ms)
{
    if (replay_playing())
        return; /* no host input, and no waiting for it */
    if (ch->in_fd >= 0 && ch->qlen < CHARDEV_QUEUE / 2) {
        struct pollfd p = {.fd = ch->in_fd, .events = POLLIN};
        if (poll(&p, 1, timeout_ms > 0 ? timeout_ms : 0) > 0) {
            u8 buf[256];
            ssize_t n = read(ch->in_fd, buf, sizeof(buf));
            if (n > 0)
                chardev_queue_input(ch, buf, (size_t)n);
            else if (n == 0)
                ch->in_fd = -1; /* end of input: stop polling */
        }
    } else if (timeout_ms > 0 && ch->qlen == 0) {
        poll(NULL, 0, timeout_ms);
    }
}
