#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate a C instruction decoder from .decode spec files.

The spec notation follows the Arm ARM encoding diagrams, one line per encoding:

    # comment
    %name   pos:len [pos:len ...] [!function=fn]   field assembled from parts, most
                                                   significant first; 'pos:slen' is signed
    &name   field field ...                        argument set -> struct arg_name
    @name   BITS [&set] [f=%field] [f=CONST]       format: shared bits and fields
    NAME    BITS [@fmt] [&set] [f=%field] [f=CONST] pattern -> a64_exec_NAME()

BITS are 32 positions written msb first with '0', '1', '.' (any) and '-' (ignored), and
inline fields 'name:len' / 'name:slen'. Whitespace inside BITS is only for readability.
Patterns are tried in file order (files in command-line order); the first match wins, so
write the more specific encoding first. No match means UNDEFINED.

Each pattern NAME gets a handler the spec's author writes:
    void PREFIX_exec_NAME(struct CPU *cpu, const struct arg_SET *a);
where SET is the pattern's argument set (explicit, from its format, or implicitly one named
after the pattern holding all its fields). Fields are s32.

Output: PREFIX_decode.h (argument structs, the union, prototypes) and PREFIX_decode.c (the
decoder: a decision tree of switches on shared fixed bits, then full mask compares).
"""
import argparse
import re
import sys
from collections import OrderedDict


class SpecError(Exception):
    pass


class Field:
    def __init__(self, name, parts, func=None):
        self.name = name
        self.parts = parts  # list of (pos, len, signed)
        self.func = func

    def c_expr(self, var):
        expr = None
        for pos, ln, signed in self.parts:
            if signed:
                e = f"(int32_t)((int32_t)({var} << {32 - pos - ln}) >> {32 - ln})"
            else:
                e = f"(int32_t)(({var} >> {pos}) & 0x{(1 << ln) - 1:x}u)"
            expr = e if expr is None else f"(int32_t)(((uint32_t){expr} << {ln}) | (uint32_t){e})"
        if self.func:
            expr = f"{self.func}({expr})"
        return expr


def parse_bits(tokens, where):
    """Consume bit tokens; return (mask, value, inline fields, remaining tokens)."""
    mask = value = 0
    fields = []
    pos = 32
    rest = list(tokens)
    while rest and pos > 0:
        t = rest[0]
        m = re.fullmatch(r"([a-z_][a-z0-9_]*):(s?)(\d+)", t)
        if m:
            ln = int(m.group(3))
            pos -= ln
            fields.append(Field(m.group(1), [(pos, ln, m.group(2) == "s")]))
        elif re.fullmatch(r"[01.\-]+", t):
            for ch in t:
                pos -= 1
                if ch in "01":
                    mask |= 1 << pos
                    value |= int(ch) << pos
        else:
            break
        rest.pop(0)
    if pos != 0:
        raise SpecError(f"{where}: bits cover {32 - pos} positions, not 32")
    return mask, value, fields, rest


class Spec:
    def __init__(self, prefix):
        self.prefix = prefix
        self.fields = {}
        self.argsets = OrderedDict()
        self.formats = {}
        self.patterns = []

    def add_argset(self, name, members, where):
        if name in self.argsets and self.argsets[name] != members:
            raise SpecError(f"{where}: argument set &{name} redefined differently")
        self.argsets[name] = members

    def parse_extras(self, toks, where):
        fmt = argset = None
        assigns = OrderedDict()
        for t in toks:
            if t.startswith("@"):
                fmt = self.formats.get(t[1:])
                if fmt is None:
                    raise SpecError(f"{where}: unknown format {t}")
            elif t.startswith("&"):
                argset = t[1:]
                if argset not in self.argsets:
                    raise SpecError(f"{where}: unknown argument set {t}")
            elif t.startswith("%"):
                f = self.fields.get(t[1:])
                if f is None:
                    raise SpecError(f"{where}: unknown field {t}")
                assigns[f.name] = f
            elif "=" in t:
                k, v = t.split("=", 1)
                if v.startswith("%"):
                    f = self.fields.get(v[1:])
                    if f is None:
                        raise SpecError(f"{where}: unknown field {v}")
                    assigns[k] = f
                else:
                    assigns[k] = int(v, 0)
            else:
                raise SpecError(f"{where}: cannot parse '{t}'")
        return fmt, argset, assigns

    def parse_line(self, line, where):
        toks = line.split()
        head, rest = toks[0], toks[1:]
        if head.startswith("%"):
            parts, func = [], None
            for t in rest:
                m = re.fullmatch(r"(\d+):(s?)(\d+)", t)
                if m:
                    parts.append((int(m.group(1)), int(m.group(3)), m.group(2) == "s"))
                elif t.startswith("!function="):
                    func = t.split("=", 1)[1]
                else:
                    raise SpecError(f"{where}: bad field part '{t}'")
            self.fields[head[1:]] = Field(head[1:], parts, func)
        elif head.startswith("&"):
            self.add_argset(head[1:], rest, where)
        elif head.startswith("@"):
            mask, value, inl, extra = parse_bits(rest, where)
            fmt, argset, assigns = self.parse_extras(extra, where)
            if fmt:
                raise SpecError(f"{where}: a format cannot use another format")
            for f in inl:
                assigns.setdefault(f.name, f)
            self.formats[head[1:]] = (mask, value, argset, assigns)
        elif re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", head):
            mask, value, inl, extra = parse_bits(rest, where)
            fmt, argset, assigns = self.parse_extras(extra, where)
            allf = OrderedDict()
            if fmt:
                fmask, fvalue, fset, fassigns = fmt
                if fmask & ~mask:
                    # format fixes bits the pattern leaves free: take them
                    mask |= fmask
                    value |= fvalue & fmask
                allf.update(fassigns)
                argset = argset or fset
            for f in inl:
                allf[f.name] = f
            allf.update(assigns)
            if argset is None:
                argset = head
                self.add_argset(argset, list(allf.keys()), where)
            members = self.argsets[argset]
            for k in allf:
                if k not in members:
                    raise SpecError(f"{where}: field {k} not in argument set &{argset}")
            for k in members:
                if k not in allf:
                    raise SpecError(f"{where}: argument set &{argset} member {k} not provided")
            self.patterns.append((head, mask, value, argset, allf, where))
        else:
            raise SpecError(f"{where}: cannot parse line")

    def parse_file(self, path):
        with open(path) as f:
            text = f.read()
        # Backslash-newline continues a line.
        text = text.replace("\\\n", " ")
        for n, raw in enumerate(text.split("\n"), 1):
            line = raw.split("#", 1)[0].strip()
            if line:
                self.parse_line(line, f"{path}:{n}")


def popcount(x):
    return bin(x).count("1")


def gen_tree(spec, pats, used, out, ind):
    i = 0
    while i < len(pats):
        common = pats[i][1] & ~used
        j = i + 1
        while j < len(pats) and popcount(common & pats[j][1]) >= 3:
            common &= pats[j][1]
            j += 1
        run = pats[i:j]
        groups = OrderedDict()
        for p in run:
            groups.setdefault(p[2] & common, []).append(p)
        if len(run) == 1 or common == 0 or len(groups) == 1:
            for p in run:
                gen_leaf(spec, p, out, ind)
        else:
            out.append(f"{ind}switch (insn & 0x{common:08x}u) {{")
            for v, g in groups.items():
                out.append(f"{ind}case 0x{v:08x}u:")
                gen_tree(spec, g, used | common, out, ind + "    ")
                out.append(f"{ind}    break;")
            out.append(f"{ind}}}")
        i = j


def gen_leaf(spec, p, out, ind):
    name, mask, value, argset, allf, _ = p
    out.append(f"{ind}if ((insn & 0x{mask:08x}u) == 0x{value:08x}u) {{")
    for k, f in allf.items():
        e = f.c_expr("insn") if isinstance(f, Field) else str(f)
        out.append(f"{ind}    a->{argset}.{k} = {e};")
    out.append(f"{ind}    return w_{name};")
    out.append(f"{ind}}}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--prefix", required=True)
    ap.add_argument("--cpu", required=True, help="CPU struct name, e.g. a64_cpu")
    ap.add_argument("--include", action="append", default=[], help="header the decoder includes")
    ap.add_argument("--out-h", required=True)
    ap.add_argument("--out-c", required=True)
    ap.add_argument("specs", nargs="+")
    args = ap.parse_args()
    spec = Spec(args.prefix)
    try:
        for s in args.specs:
            spec.parse_file(s)
        names = [p[0] for p in spec.patterns]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise SpecError(f"patterns defined twice: {', '.join(sorted(dup))}")
    except SpecError as e:
        sys.exit(f"decodetree: {e}")
    P, C = args.prefix, args.cpu
    guard = f"{P.upper()}_DECODE_GEN_H"
    h = [f"/* Generated by tools/decodetree.py from {' '.join(args.specs)}. Do not edit. */",
         f"#ifndef {guard}", f"#define {guard}", "#include <stdint.h>", f"struct {C};"]
    for name, members in spec.argsets.items():
        body = " ".join(f"int32_t {m};" for m in members) or "int32_t unused_;"
        h.append(f"struct arg_{name} {{ {body} }};")
    h.append(f"union {P}_args {{")
    for name in spec.argsets:
        h.append(f"    struct arg_{name} {name};")
    h.append("};")
    h.append(f"typedef void (*{P}_exec_fn)(struct {C} *cpu, const union {P}_args *a);")
    for name, _, _, argset, _, _ in spec.patterns:
        h.append(f"void {P}_exec_{name}(struct {C} *cpu, const struct arg_{argset} *a);")
    h.append(f"/* Decode one instruction: fills *a and returns its executor, or NULL (UNDEFINED). */")
    h.append(f"{P}_exec_fn {P}_decode(uint32_t insn, union {P}_args *a);")
    h.append(f"/* Name of the pattern an executor belongs to (for traces), or NULL. */")
    h.append(f"const char *{P}_exec_name({P}_exec_fn fn);")
    h.append(f"#endif")
    c = [f"/* Generated by tools/decodetree.py from {' '.join(args.specs)}. Do not edit. */"]
    c += [f'#include "{i}"' for i in args.include]
    c.append(f'#include "{args.out_h.split("/")[-1]}"')
    # The executors are called directly through the generic type: each argument struct is a
    # member of the union (offset 0), so &a->{argset} == a, and pointers to structs share one
    # representation and calling convention on every host ABI emu supports. A wrapper that
    # only converts the pointer would cost an extra jump per executed instruction. (The cast
    # through void (*)(void) is the documented way to say the types differ on purpose.)
    c.append(f"_Static_assert(sizeof(void *) == sizeof(union {P}_args *), \"pointer ABI\");")
    for name, _, _, argset, _, _ in spec.patterns:
        c.append(f"static const {P}_exec_fn w_{name} = "
                 f"({P}_exec_fn)(void (*)(void)){P}_exec_{name};")
    c.append(f"{P}_exec_fn {P}_decode(uint32_t insn, union {P}_args *a)")
    c.append("{")
    body = []
    gen_tree(spec, spec.patterns, 0, body, "    ")
    c += body
    c.append("    return 0;")
    c.append("}")
    c.append(f"const char *{P}_exec_name({P}_exec_fn fn)")
    c.append("{")
    for name, *_ in spec.patterns:
        c.append(f'    if (fn == w_{name}) return "{name}";')
    c.append("    return 0;")
    c.append("}")
    with open(args.out_h, "w") as f:
        f.write("\n".join(h) + "\n")
    with open(args.out_c, "w") as f:
        f.write("\n".join(c) + "\n")


if __name__ == "__main__":
    main()
