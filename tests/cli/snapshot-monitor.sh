# SPDX-License-Identifier: MIT
# timeout: 30
# Monitor savevm/loadvm/info snapshots/delvm on a guest that counts in x0 (add x0, x0, #1; b .-4):
# loadvm puts x0 and the instruction count back to their values at savevm, and a failed
# loadvm (another configuration) leaves the machine running.
. "$(dirname "$0")/common.bash"
printf '\x00\x04\x00\x91\xff\xff\xff\x17' >"$TMP/count.bin"
python3 - "$EMU" "$TMP" <<'PY' || failures=$((failures + 1))
import re, subprocess, sys, time
emu, tmp = sys.argv[1], sys.argv[2]
p = subprocess.Popen([emu, "-M", "arm64-virt", "-kernel", tmp + "/count.bin", "-serial", "null",
                      "-monitor", "stdio", "-snapshot-dir", tmp],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
buf = b""
def prompt():
    global buf
    while True:
        i = buf.find(b"(emu) ")
        if i >= 0:
            out, buf = buf[:i].decode(), buf[i + 6:]
            return out
        chunk = p.stdout.read1(4096)
        if not chunk:
            sys.exit("emu exited; output so far: %r" % buf)
        buf += chunk
def cmd(line):
    p.stdin.write(line.encode() + b"\n")
    p.stdin.flush()
    return prompt()
def fail(msg):
    p.kill()
    sys.exit(msg)
def x0():
    return int(re.search(r"X00=([0-9a-f]+)", cmd("info registers")).group(1), 16)
def icount():
    return int(re.search(r"machine .*icount=(\d+)", cmd("info cpus")).group(1))
prompt()  # after the banner
time.sleep(0.1)
cmd("stop")
a, n = x0(), icount()
out = cmd("savevm m1")
if "saved snapshot 'm1' at icount %d" % n not in out:
    fail("savevm: %r (icount %d)" % (out, n))
cmd("cont")
time.sleep(0.2)
cmd("stop")
if x0() == a or icount() <= n:
    fail("the guest did not run on after savevm")
out = cmd("loadvm m1")
if "loaded snapshot 'm1' at icount %d" % n not in out:
    fail("loadvm: %r" % out)
if x0() != a or icount() != n:
    fail("after loadvm: x0 %#x icount %d, saved %#x %d" % (x0(), icount(), a, n))
out = cmd("info snapshots")
if not re.search(r"m1 +\d+ +%d " % n, out):
    fail("info snapshots: %r" % out)
out = cmd("loadvm nosuch")
if "no snapshot 'nosuch'" not in out:
    fail("loadvm nosuch: %r" % out)
cmd("cont")
time.sleep(0.1)
cmd("stop")
if icount() <= n:
    fail("the guest did not run after loadvm")
cmd("delvm m1")
out = cmd("info snapshots")
if "(none)" not in out:
    fail("after delvm: %r" % out)
p.stdin.write(b"quit\n")
p.stdin.close()
if p.wait(10) != 0:
    fail("quit: exit %d" % p.returncode)
# While recording, savevm works (the log notes it) but loadvm is refused: the state would jump.
p = subprocess.Popen([emu, "-M", "arm64-virt", "-kernel", tmp + "/count.bin", "-serial", "null",
                      "-monitor", "stdio", "-snapshot-dir", tmp, "-record", tmp + "/rec.log"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
buf = b""
prompt()
cmd("stop")
out = cmd("savevm r1")
if "saved snapshot 'r1'" not in out:
    fail("savevm while recording: %r" % out)
n = icount()
out = cmd("loadvm r1")
if "loadvm: refused while recording" not in out or icount() != n:
    fail("loadvm while recording: %r" % out)
p.stdin.write(b"quit\n")
p.stdin.close()
if p.wait(10) != 0:
    fail("quit while recording: exit %d" % p.returncode)
PY
finish
