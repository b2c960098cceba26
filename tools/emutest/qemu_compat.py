# SPDX-License-Identifier: MIT
"""Running test images written for QEMU's `virt` board unchanged on emu: QEMU command-line
options mapped to emu's (docs/CONFORMANCE.md), and the ones emu cannot honour named."""

# QEMU machine names and the emu machine with the same board model.
MACHINES = {"virt": "arm64-virt"}
# Machine properties with nothing to do on emu's board (it is always GICv3, interpreted).
IGNORED_MACHINE_PROPS = {
    "gic-version": "emu's arm64-virt always has a GICv3",
    "accel": "emu is an interpreter: there is no accelerator to choose",
    "highmem": "emu's memory map is fixed",
    "its": "emu's GICv3 has no ITS",
    "iommu": "emu has no SMMU",
    "mte": "emu does not implement MTE",
}
# Options emu accepts as QEMU does, with how many arguments follow them.
PASSED = {"-cpu": 1, "-m": 1, "-smp": 1, "-kernel": 1, "-initrd": 1, "-append": 1, "-dtb": 1,
          "-bios": 1, "-nographic": 0, "-serial": 1, "-drive": 1, "-netdev": 1, "-device": 1,
          "-snapshot": 0, "-rtc": 1, "-icount": 1, "-semihosting": 0, "-monitor": 1, "-S": 0}
# Options emu does not have, with why ignoring them does not change a test's outcome (or does).
IGNORED = {
    "-accel": (1, "emu is an interpreter: there is no accelerator to choose"),
    "-enable-kvm": (0, "emu is an interpreter: there is no accelerator to choose"),
    "-display": (1, "emu has no display unless a device asks for one"),
    "-no-reboot": (0, "emu stops on a guest reset"),
    "-nodefaults": (0, "emu's board has a fixed set of default devices"),
    "-d": (1, "QEMU's log items are not emu's (see emu -d help)"),
    "-D": (1, "goes with QEMU's -d"),
    "-global": (1, "emu has no global device properties"),
    "-chardev": (1, "emu's console back-ends are chosen with -serial"),
    "-mon": (1, "emu's monitor is chosen with -monitor"),
    "-name": (1, "informational"),
    "-qmp": (1, "emu has no QMP"),
    "-gdb": (1, "emu's gdb stub is not implemented yet"),
    "-s": (0, "emu's gdb stub is not implemented yet"),
}


def machine(value, notes):
    """A QEMU -M value (NAME[,prop=val...]) as emu's; an emu name is kept."""
    name, *props = value.split(",")
    if name in MACHINES.values():
        return value
    if name not in MACHINES:
        notes.append(f"-M {value}: no emu machine for QEMU's '{name}' (kept as is)")
        return value
    kept = []
    for p in props:
        key = p.split("=", 1)[0]
        if key in IGNORED_MACHINE_PROPS:
            notes.append(f"ignoring -M property '{p}': {IGNORED_MACHINE_PROPS[key]}")
        else:
            kept.append(p)
    return ",".join([MACHINES[name], *kept])


def semihosting_config(value, notes):
    """-semihosting-config enable=on,target=native is emu's -semihosting; other targets are
    not available (emu's semihosting is always native)."""
    opts = dict(kv.split("=", 1) if "=" in kv else (kv, "on") for kv in value.split(","))
    if opts.get("enable", "on") not in ("on", "yes", "true"):
        return []
    extra = sorted(set(opts) - {"enable", "target"})
    if opts.get("target", "native") not in ("native", "auto"):
        notes.append(f"ignoring -semihosting-config target={opts['target']}: "
                     "emu's semihosting is always native")
    if extra:
        notes.append(f"ignoring -semihosting-config {', '.join(extra)}: not supported by emu")
    return ["-semihosting"]


def to_emu(args):
    """QEMU arguments (without the program name) as emu arguments. Returns (args, notes): notes
    say which options were ignored and why. Unknown options are kept so that emu refuses them
    with its own message (emu rejects up front what it does not implement)."""
    out, notes, i = [], [], 0
    while i < len(args):
        a = args[i]
        opt = "-" + a.lstrip("-") if a.startswith("--") else a
        val = args[i + 1] if i + 1 < len(args) else ""
        if opt in ("-M", "-machine"):
            out += ["-M", machine(val, notes)]
            i += 2
        elif opt == "-semihosting-config":
            out += semihosting_config(val, notes)
            i += 2
        elif opt in IGNORED:
            n, why = IGNORED[opt]
            notes.append(f"ignoring {' '.join(args[i:i + 1 + n])}: {why}")
            i += 1 + n
        elif opt in PASSED:
            out += [opt, *args[i + 1:i + 1 + PASSED[opt]]]
            i += 1 + PASSED[opt]
        else:
            out.append(a)
            i += 1
    # -semihosting may now appear twice (given both ways): once is enough.
    while out.count("-semihosting") > 1:
        out.reverse()
        out.remove("-semihosting")
        out.reverse()
    return out, notes
