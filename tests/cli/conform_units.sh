# SPDX-License-Identifier: MIT
# emu-conform's host-side pieces (tools/emutest): QEMU-to-emu option mapping, manifest keys, and
# the conformance suites themselves (they parse, every image is a guest test built by make,
# every entry cites the Arm ARM or a named spec).
. "$(dirname "$0")/common.bash"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PYTHONPATH=$ROOT/tools python3 - "$ROOT" <<'PY' || failures=1
import glob, os, re, sys
from emutest import qemu_compat as q
from emutest.manifest import parse_manifest
root = sys.argv[1]
bad = 0
def eq(got, want, what):
    global bad
    if got != want:
        print(f"{what}: got {got!r}, want {want!r}")
        bad += 1

eq(q.to_emu("-M virt -cpu max".split()), (["-M", "arm64-virt", "-cpu", "max"], []), "plain")
eq(q.to_emu(["-machine", "virt,virtualization=on,secure=on"])[0],
   ["-M", "arm64-virt,virtualization=on,secure=on"], "-machine with properties")
eq(q.to_emu(["-M", "arm64-virt,secure=on"])[0], ["-M", "arm64-virt,secure=on"], "emu name kept")
eq(q.to_emu(["-semihosting-config", "enable=on,target=native"]), (["-semihosting"], []),
   "semihosting-config")
eq(q.to_emu(["-semihosting", "-semihosting-config", "enable=on,target=native"])[0],
   ["-semihosting"], "semihosting given twice")
eq(q.to_emu(["-semihosting-config", "enable=on,target=gdb"])[1],
   ["ignoring -semihosting-config target=gdb: emu's semihosting is always native"], "target")
eq(q.to_emu(["-semihosting-config", "enable=off"])[0], [], "semihosting off")
eq(q.to_emu(["--append", "console=ttyAMA0 x", "-d", "in_asm", "-no-reboot", "-m", "1G"]),
   (["-append", "console=ttyAMA0 x", "-m", "1G"],
    ["ignoring -d in_asm: QEMU's log items are not emu's (see emu -d help)",
     "ignoring -no-reboot: emu stops on a guest reset"]), "--option, ignored options")
eq(q.to_emu(["-M", "sbsa-ref"])[1], ["-M sbsa-ref: no emu machine for QEMU's 'sbsa-ref' (kept as is)"],
   "unknown machine")
eq(q.to_emu(["-frobnicate"])[0], ["-frobnicate"], "unknown option left for emu to refuse")

# The suites: they parse with the conformance keys, name existing guest tests, cite a section.
srcs = {os.path.basename(p)[:-2] for p in glob.glob(f"{root}/tests/guest/arm64/*.S")}
n = 0
for cfg in sorted(glob.glob(f"{root}/tests/conformance/**/*.cfg", recursive=True)):
    text = open(cfg).read().splitlines()
    for t in parse_manifest(cfg, "BUILD"):
        n += 1
        img = re.fullmatch(r"BUILD/tests/(?:guest/arm64/(\w+)|fp/fp_vec_\w+)\.elf", t["image"])
        if not img or (img.group(1) and img.group(1) not in srcs):
            print(f"{t['where']}: [{t['name']}] image {t['image']} is not a guest test"); bad += 1
        head = text[int(t["where"].rsplit(":", 1)[1]) - 1]
        if not re.search(r"#.*(\b[A-K]\d+(\.\d+)*\b|§\d|\bspec\b)", head) or "el" not in t or not t["tags"]:
            print(f"{t['where']}: [{t['name']}] needs a rule comment citing a section, el, tags")
            bad += 1
        # el agrees with the machine: the board starts at EL3 with secure=on, EL2 with
        # virtualization=on, else EL1 (docs/CONFORMANCE.md).
        props = t["machine"].split(",")[1:]
        start = "3" if "secure=on" in props else "2" if "virtualization=on" in props else "1"
        if t.get("el") != start:
            print(f"{t['where']}: [{t['name']}] el = {t.get('el')} but {t['machine']} starts at EL{start}")
            bad += 1
if n < 30:
    print(f"only {n} conformance tests"); bad += 1
sys.exit(bad != 0)
PY
finish
