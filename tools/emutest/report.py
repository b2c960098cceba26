# SPDX-License-Identifier: MIT
"""Machine-readable reports of a test run: TAP version 13 (sub-results as indented subtests in
the TAP 14 form, which TAP 13 consumers such as prove skip) and JUnit
XML (the subset described by tools/emutest/junit.xsd)."""
import xml.etree.ElementTree as ET


class Result:
    """One test's outcome. verdict: PASS, FAIL or SKIP; kind refines FAIL: 'fail', 'timeout',
    'crash' or 'diff' (emu and the reference disagree); subs: (name, verdict, detail) lines the
    test printed itself."""

    def __init__(self, name, verdict, detail="", kind=None, subs=(), output="", seconds=0.0):
        self.name, self.verdict, self.detail = name, verdict, detail
        self.kind = kind or {"PASS": "pass", "SKIP": "skip"}.get(verdict, "fail")
        self.subs, self.output, self.seconds = list(subs), output, seconds


def _yaml_str(s):
    return "'" + s.replace("'", "''") + "'"


def _tap_text(s):
    """A description or reason: '#' would start a TAP directive."""
    return s.replace("\\", "\\\\").replace("#", "\\#")


def tap(results):
    lines = ["TAP version 13", f"1..{len(results)}"]
    for n, r in enumerate(results, 1):
        if r.subs:
            lines.append(f"    # Subtest: {r.name}")
            for k, (sname, sverdict, sdetail) in enumerate(r.subs, 1):
                ok = "not ok" if sverdict == "FAIL" else "ok"
                skip = f" # SKIP {_tap_text(sdetail)}" if sverdict == "SKIP" else ""
                lines.append(f"    {ok} {k} - {_tap_text(sname)}{skip}")
            lines.append(f"    1..{len(r.subs)}")
        if r.verdict == "SKIP":
            lines.append(f"ok {n} - {_tap_text(r.name)} # SKIP {_tap_text(r.detail)}")
        elif r.verdict == "PASS":
            lines.append(f"ok {n} - {_tap_text(r.name)}")
        else:
            lines += [f"not ok {n} - {_tap_text(r.name)}", "  ---", f"  message: {_yaml_str(r.detail)}",
                      f"  severity: {r.kind}", "  ..."]
    return "\n".join(lines) + "\n"


def junit(results, suite="emu-conform"):
    """One <testsuite>; each test a <testcase>, each sub-result a <testcase> named
    TEST/SUB with classname TEST."""
    cases = []
    for r in results:
        cls = r.name.rsplit(".", 1)[0] if "." in r.name else r.name
        cases.append((cls, r.name, r.verdict, r.kind, r.detail, r.output, r.seconds))
        for sname, sverdict, sdetail in r.subs:
            cases.append((r.name, f"{r.name}/{sname}", sverdict, "fail", sdetail, "", 0.0))
    root = ET.Element("testsuites")
    ts = ET.SubElement(root, "testsuite", name=suite, tests=str(len(cases)),
                       failures=str(sum(c[2] == "FAIL" and c[3] != "crash" for c in cases)),
                       errors=str(sum(c[2] == "FAIL" and c[3] == "crash" for c in cases)),
                       skipped=str(sum(c[2] == "SKIP" for c in cases)),
                       time=f"{sum(c[6] for c in cases):.3f}")
    for cls, name, verdict, kind, detail, output, seconds in cases:
        tc = ET.SubElement(ts, "testcase", classname=cls, name=name, time=f"{seconds:.3f}")
        if verdict == "SKIP":
            ET.SubElement(tc, "skipped", message=detail)
        elif verdict == "FAIL":
            # A crash of the emulator is an error, not a wrong answer from the guest.
            el = ET.SubElement(tc, "error" if kind == "crash" else "failure",
                               message=detail, type=kind)
            el.text = detail
        if output:
            ET.SubElement(tc, "system-out").text = _printable(output)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _printable(text):
    """XML 1.0 cannot carry most control characters, which a crashing guest may print."""
    return "".join(c if c in "\t\n" or c >= " " else "\ufffd" for c in text)
