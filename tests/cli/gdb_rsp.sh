# SPDX-License-Identifier: MIT
# gdbstub protocol details no gdb batch script reaches, spoken raw: acks and NAK
# retransmission, QStartNoAckMode, qSupported, target description, thread queries, Ctrl-C
# while the guest runs (a `b .` loop), E14 for device memory, binary X writes, unsupported
# watchpoint packets, vCont, two vCPUs as two threads, kill. Also: -gdb with a non-loopback address is refused.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
expect 2 "only the loopback interface" -gdb tcp:0.0.0.0:1234 -kernel "$(kernel)"
expect 2 "expected tcp::PORT" -gdb 1234 -kernel "$(kernel)"
K=$(kernel) # `b .` at the load address: runs until interrupted
start_emu -M arm64-virt -smp 2 -nographic -kernel "$K" || finish
python3 - "$PORT" >"$TMP/rsp.out" 2>&1 <<'PY' || failures=$((failures + 1))
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.settimeout(10)
buf = b""
def frame(p):
    return b"$" + p + b"#%02x" % (sum(p) & 255)
def recv_packet(ack=True):
    global buf
    while True:
        i = buf.find(b"$")
        j = buf.find(b"#", i)
        if i >= 0 and j >= 0 and len(buf) >= j + 3:
            pre, p, buf = buf[:i], buf[i + 1:j], buf[j + 3:]
            if ack:
                s.sendall(b"+")
            return pre, p
        buf += s.recv(65536)
def cmd(p, ack=True):
    s.sendall(frame(p))
    return recv_packet(ack)[1]
def check(what, got, want):
    ok = got == want if not callable(want) else want(got)
    print(("ok   " if ok else "FAIL ") + what + ": " + repr(got if isinstance(got, int) else got[:120]))
    if not ok:
        check.failed = True
check.failed = False
# A bad checksum is NAKed; a good packet is ACKed, then answered.
s.sendall(b"$g#00")
time.sleep(0.2)
buf += s.recv(100)
check("NAK on a bad checksum", buf[:1], b"-")
buf = buf[1:]
s.sendall(frame(b"qSupported:swbreak+;hwbreak+;xmlRegisters=aarch64"))
pre, sup = recv_packet()
check("ACK before the reply", pre, b"+")
check("qSupported", sup, lambda r: all(x in r for x in
      [b"PacketSize=", b"qXfer:features:read+", b"swbreak+", b"hwbreak+", b"vContSupported+",
       b"QStartNoAckMode+", b"ReverseStep+", b"ReverseContinue+"]))
# A NAK of the reply makes the stub send it again.
s.sendall(frame(b"qAttached"))
p1 = recv_packet(ack=False)[1]
s.sendall(b"-")
p2 = recv_packet()[1]
check("retransmission after NAK", (p1, p2), (b"1", b"1"))
check("QStartNoAckMode", cmd(b"QStartNoAckMode"), b"OK")
s.sendall(frame(b"?"))
pre, stop = recv_packet(ack=False)
check("no ack in no-ack mode", pre, b"")
check("stopped on attach", stop, b"T05thread:01;")
check("thread list", cmd(b"qfThreadInfo", False), b"m01,02")
check("thread list end", cmd(b"qsThreadInfo", False), b"l")
check("current thread", cmd(b"qC", False), b"QC01")
check("thread alive", cmd(b"T01", False), b"OK")
check("thread 2 alive", cmd(b"T02", False), b"OK")
check("no thread 3", cmd(b"T03", False), b"E01")
check("thread 2 extra info", bytes.fromhex(cmd(b"qThreadExtraInfo,2", False).decode()),
      b"CPU#1 EL1h off")
check("select thread 2", cmd(b"Hg2", False), b"OK")
check("x5 of thread 2", cmd(b"p5", False), b"0000000000000000")
check("select thread 1", cmd(b"Hg1", False), b"OK")
x = cmd(b"qXfer:features:read:target.xml:0,ffff", False)
check("target.xml", x, lambda r: r.startswith(b"l") and b"aarch64-core.xml" in r)
x = cmd(b"qXfer:features:read:aarch64-core.xml:0,20", False)
check("partial read", x, lambda r: r.startswith(b"m") and len(r) == 0x21)
x = cmd(b"qXfer:features:read:emu-aarch64-sys.xml:0,ffff", False)
check("system registers feature", x, lambda r: b"SCTLR_EL1" in r and b"CurrentEL" in r)
check("vCont?", cmd(b"vCont?", False), b"vCont;c;C;s;S")
check("write watchpoint", cmd(b"Z2,40100000,8", False), b"OK")
check("watchpoint removed", cmd(b"z2,40100000,8", False), b"OK")
check("zero-length watchpoint refused", cmd(b"Z3,40100000,0", False), b"E28")
check("Z5 unsupported", cmd(b"Z5,40100000,4", False), b"")
check("unaligned breakpoint", cmd(b"Z0,40080002,4", False), b"E22")
check("device memory refused", cmd(b"m8000000,4", False), b"E14")
check("unassigned memory refused", cmd(b"m100000000000,4", False), b"E14")
# Binary write of bytes that need escaping into free RAM, read back as hex.
data = bytes([0x23, 0x24, 0x7d, 0x2a, 0x00, 0xff])
esc = b"".join(b"}" + bytes([c ^ 0x20]) if c in b"#$}*" else bytes([c]) for c in data)
check("X write", cmd(b"X40100000,6:" + esc, False), b"OK")
check("read back", cmd(b"m40100000,6", False), data.hex().encode())
check("M write", cmd(b"M40100008,2:abcd", False), b"OK")
check("read back", cmd(b"m40100008,2", False), b"abcd")
entry = cmd(b"p20", False)
check("pc register (32)", entry, lambda r: len(r) == 16 and r.endswith(b"00000000"))
check("cpsr register (33)", cmd(b"p21", False), lambda r: len(r) == 8)
check("CurrentEL register", cmd(b"p%x" % (68 + 26), False), b"0400000000000000")
check("set x5", cmd(b"P5=efbeadde00000000", False), b"OK")
check("read x5", cmd(b"p5", False), b"efbeadde00000000")
g = cmd(b"g", False)
check("g packet: x0..x30, sp, pc, cpsr, v0..v31, fpsr, fpcr, sysregs",
      len(g), 2 * (33 * 8 + 4 + 32 * 16 + 8 + 27 * 8))
check("thread 2 kept its own x5", cmd(b"Hg2", False) + cmd(b"p5", False), b"OK0000000000000000")
check("back to thread 1", cmd(b"Hg1", False), b"OK")
# Run, then interrupt with Ctrl-C: T02 at the loop.
s.sendall(frame(b"vCont;c"))
time.sleep(0.3)
s.sendall(b"\x03")
check("Ctrl-C stop", recv_packet(False)[1], b"T02thread:01;")
loop = cmd(b"p20", False)
check("pc in RAM", loop, lambda r: len(r) == 16 and r[6:8] == b"40")
loop_addr = b"%x" % int.from_bytes(bytes.fromhex(loop.decode()), "little")
# One vCont step of a `b .` stays on the loop; a breakpoint there stops before it again.
check("vCont step", cmd(b"vCont;s:1;c", False), b"T05thread:01;")
check("one step of b . stays", cmd(b"p20", False), loop)
check("Z0", cmd(b"Z0," + loop_addr + b",4", False), b"OK")
check("resume at a breakpoint runs it, then stops there", cmd(b"c", False),
      b"T05thread:01;swbreak:;")
check("z0", cmd(b"z0," + loop_addr + b",4", False), b"OK")
# Reverse execution: the history began when the debugger attached; a `b .` went back one
# instruction is the same `b .`, and bc without breakpoints goes to the attach point.
check("reverse step", cmd(b"bs", False), b"T05thread:01;")
check("reverse step of b . stays", cmd(b"p20", False), loop)
check("reverse continue to the attach point", cmd(b"bc", False), b"T05thread:01;replaylog:begin;")
check("no other b packet", cmd(b"bx", False), b"")
check("monitor command", cmd(b"qRcmd," + b"info cpus".hex().encode(), False),
      lambda r: r.startswith(b"O") and b"icount=".hex().encode() in r)
s.sendall(frame(b"k"))
s.close()
sys.exit(1 if check.failed else 0)
PY
if grep -q FAIL "$TMP/rsp.out" || ! grep -q ok "$TMP/rsp.out" || [ "$failures" != 0 ]; then
    cat "$TMP/rsp.out"
    failures=$((failures + 1))
    pkill -P "$EMU_PID"
fi
emu_exit 0
finish
