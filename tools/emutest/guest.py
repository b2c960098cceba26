# SPDX-License-Identifier: MIT
"""Running a test image on emu or on a reference emulator: the process (own process group,
killed whole on timeout), the guest console, the verdict against a manifest entry."""
import os
import shlex
import shutil
import signal
import subprocess

from .manifest import guest_cache

QEMU = "qemu-system-aarch64"
# emu-only options (and how many arguments follow them), dropped from the reference run.
EMU_ONLY = {"-max-insns": 1}
# Process groups of the runs in progress, for kill_all() on an interrupted run.
LIVE = set()


def run(cmd, timeout, env=None, cwd=None, merge=False):
    """Run cmd in its own process group; returns (status or None on timeout, stdout, stderr).
    A status below 0 is the signal that killed it. merge: stderr goes to the same pipe as stdout
    (kept in the order written)."""
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT if merge else subprocess.PIPE, env=env,
                         cwd=cwd, start_new_session=True)
    LIVE.add(p.pid)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        # The whole group: emu may have children (a helper, a shell wrapper's emu).
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        p.returncode = None
    finally:
        LIVE.discard(p.pid)
    return p.returncode, out.decode(errors="replace"), (err or b"").decode(errors="replace")


def kill_all():
    """Kill the process groups of every run in progress (their own sessions do not get the
    terminal's SIGINT)."""
    for pid in list(LIVE):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def console(text):
    """The guest's console from a merged stdout+stderr: QEMU writes semihosting console output
    (SYS_WRITEC/SYS_WRITE0) to stderr, emu to stdout; each tool's own diagnostics
    ("emu: ...", "qemu-system-aarch64: ...") are not guest output."""
    lines = text.replace("\r", "").split("\n")
    return "\n".join(l for l in lines
                     if not l.startswith("emu: ") and not l.startswith(QEMU + ": "))


def last_line(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return lines[-1][:200] if lines else ""


def status_text(st):
    return "timeout" if st is None else f"exit {st}"


def signal_name(st):
    try:
        return signal.Signals(-st).name
    except ValueError:
        return f"signal {-st}"


def qemu_machine(machine):
    name, _, props = machine.partition(",")
    if name != "arm64-virt":
        return None
    return "virt" + ("," + props if props else "")


def emu_cmd(emu, t):
    return [emu, "-M", t["machine"], "-smp", str(t["smp"]), "-nographic",
            *shlex.split(t["args"]), "-kernel", t["image"]]


def drop_emu_only(args):
    out, skip = [], 0
    for a in args:
        if skip:
            skip -= 1
        elif a in EMU_ONLY:
            skip = EMU_ONLY[a]
        else:
            out.append(a)
    return out


def qemu_cmd(t):
    return [QEMU, "-M", qemu_machine(t["machine"]), "-cpu", "max", "-smp", str(t["smp"]),
            "-nographic", *drop_emu_only(shlex.split(t["args"])),
            *shlex.split(t.get("qemu-args", "")), "-kernel", t["image"]]


def missing_image(t):
    """None if the image exists, else (verdict, detail)."""
    if os.path.exists(t["image"]):
        return None
    if t["image"].startswith(guest_cache()):
        return "SKIP", f"{t['image']} not present (run tools/fetch-guest)"
    return "FAIL", f"image {t['image']} not built"


def check_guest(t, cmd, cwd=None):
    """Returns (verdict, detail, console)."""
    missing = missing_image(t)
    if missing:
        return (*missing, "")
    st, raw, _ = run(cmd, t["timeout"], cwd=cwd, merge=True)
    out = console(raw)
    if st != t["exit"]:
        why = last_line(raw)
        return ("FAIL", f"{status_text(st)}, expected exit {t['exit']}" +
                (f" ({why})" if why else ""), out)
    if "output" in t and t["output"] not in out:
        return "FAIL", f"output lacks '{t['output']}' (last line: '{last_line(out)}')", out
    return "PASS", "", out


def first_difference(a, b):
    """1-based line number and the two lines where console texts a and b first differ."""
    a, b = a.splitlines(), b.splitlines()
    i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
    return i + 1, a[i] if i < len(a) else "<end>", b[i] if i < len(b) else "<end>"


def reference(t, emu_verdict, emu_out, cwd=None):
    """The run-tests reference check: QEMU with the same machine properties must pass too and
    print the same console."""
    if not shutil.which(QEMU):
        return "SKIP", f"{QEMU} not installed"
    if qemu_machine(t["machine"]) is None:
        return "SKIP", f"no QEMU equivalent of machine {t['machine']}"
    verdict, detail, ref = check_guest(t, qemu_cmd(t), cwd=cwd)
    if verdict != "PASS":
        return verdict, "reference: " + detail
    # Same console output from both, so guest tests are checked against another implementation.
    if emu_verdict == "PASS" and emu_out.splitlines() != ref.splitlines():
        n, x, y = first_difference(emu_out, ref)
        return "FAIL", f"console differs from QEMU at line {n}: emu '{x}' vs qemu '{y}'"
    return "PASS", ""
