# SPDX-License-Identifier: MIT
"""The test manifest format (tests/*.cfg, docs/TESTING.md): [name] sections of key = value
lines, '#' starting a comment, $BUILD and $GUEST expanded."""
import os

# Keys run-tests has always known, plus the conformance keys (docs/CONFORMANCE.md): arch (guest
# architecture, default arm64), el (the EL the test expects to start in, informational) and tags
# (words to select tests with emu-conform --filter).
MANIFEST_KEYS = {"image", "machine", "args", "smp", "exit", "output", "timeout", "reference",
                 "qemu-args", "arch", "el", "tags"}
ARCHES = {"arm64"}


class ManifestError(Exception):
    pass


def guest_cache():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "emu")


def parse_manifest(path, build, root=None):
    """The tests of one manifest file, each a dict of its keys (defaults filled in) plus 'name'
    and 'where' (file:line of its section). Places are given relative to root when set."""
    tests, cur = [], None
    shown = os.path.relpath(path, root) if root else path
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            where = f"{shown}:{lineno}"
            if line.startswith("[") and line.endswith("]"):
                cur = {"name": line[1:-1].strip(), "where": where}
                if not cur["name"]:
                    raise ManifestError(f"{where}: empty test name")
                tests.append(cur)
                continue
            if cur is None or "=" not in line:
                raise ManifestError(f"{where}: expected [name] or key = value")
            key, value = (s.strip() for s in line.split("=", 1))
            if key not in MANIFEST_KEYS:
                raise ManifestError(f"{where}: unknown key '{key}'")
            value = value.replace("$BUILD", build).replace("$GUEST", guest_cache())
            cur[key] = value
            cur["where." + key] = where
    for t in tests:
        if "image" not in t:
            raise ManifestError(f"{t['where']}: [{t['name']}] has no image")
        for key, conv, default in (("smp", int, "1"), ("exit", int, "0"),
                                   ("timeout", float, "10")):
            try:
                t[key] = conv(t.get(key, default))
            except ValueError:
                raise ManifestError(f"{t.get('where.' + key, t['where'])}: [{t['name']}]: "
                                    f"{key} must be a number, not '{t[key]}'")
        t.setdefault("machine", "arm64-virt")
        t.setdefault("args", "-semihosting")
        t["reference"] = t.get("reference", "no").split()[0].lower() in ("yes", "on", "true")
        t.setdefault("arch", "arm64")
        if t["arch"] not in ARCHES:
            raise ManifestError(f"{t['where.arch']}: [{t['name']}]: unknown arch '{t['arch']}' "
                                f"(known: {', '.join(sorted(ARCHES))})")
        if "el" in t and t["el"] not in ("0", "1", "2", "3"):
            raise ManifestError(f"{t['where.el']}: [{t['name']}]: el must be 0, 1, 2 or 3, "
                                f"not '{t['el']}'")
        t["tags"] = t.get("tags", "").replace(",", " ").split()
    return tests
