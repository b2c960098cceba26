/* SPDX-License-Identifier: MIT */
/* core/sha256: the FIPS 180-4 / NIST example vectors, split updates, and a file. */
#include "core/sha256.h"

#include <stdlib.h>
#include <unistd.h>

#include "check.h"

static void hex_of(const void *p, size_t n, char out[65])
{
    u8 d[SHA256_BYTES];
    sha256(p, n, d);
    sha256_hex(d, out);
}

int main(void)
{
    char h[65];
    hex_of("", 0, h);
    CHECK(!strcmp(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    hex_of("abc", 3, h);
    CHECK(!strcmp(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    hex_of(two, strlen(two), h);
    CHECK(!strcmp(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));

    /* One million 'a' fed in uneven pieces (crosses block boundaries every way). */
    static char a[1000000];
    memset(a, 'a', sizeof(a));
    struct sha256 s;
    sha256_init(&s);
    for (size_t off = 0, step = 1; off < sizeof(a); off += step, step = step * 7 % 1000 + 1)
        sha256_update(&s, a + off, off + step > sizeof(a) ? sizeof(a) - off : step);
    u8 d[SHA256_BYTES];
    sha256_final(&s, d);
    sha256_hex(d, h);
    CHECK(!strcmp(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));

    char path[] = "/tmp/emu-sha256-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fwrite("abc", 1, 3, f);
    fclose(f);
    CHECK(sha256_file(path, d));
    sha256_hex(d, h);
    CHECK(!strcmp(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    unlink(path);
    CHECK(!sha256_file("/nonexistent/emu-sha256", d));
    return check_exit("sha256");
}
