# SPDX-License-Identifier: MIT
# dump-guest-memory through gdb's `monitor`: an ELF core whose PT_LOAD holds a pattern the
# guest wrote at a known physical address (at p_offset + PA - p_paddr) and whose notes hold
# each vCPU's registers (NT_PRSTATUS with pr_pid = cpu index + 1, NT_PRFPREG); gdb reads the
# registers and the pattern from the core. Bad arguments get one message. Then -p.
. "$(dirname "$0")/common.bash"
. "$(dirname "$0")/gdb_common.bash"
need_gdb
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/dump_target.elf
need_target
start_emu -M arm64-virt -smp 2 -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<GDB
break dump_here
continue
monitor dump-guest-memory $TMP/core
monitor dump-guest-memory
monitor dump-guest-memory /nonexistent-dir/core
delete
continue
GDB
run_gdb "$TMP/script"
want 'Breakpoint 1, 0x[0-9a-f]+ in dump_here' "the breakpoint hit"
want '^usage: dump-guest-memory \[-p\] FILE' "the usage message"
want '^dump-guest-memory: /nonexistent-dir/core: No such file or directory' "the error"
want 'exited normally' "the guest's own result"
emu_exit 0
ls "$TMP"/core.tmp* >/dev/null 2>&1 && { echo "temporary file left behind"; failures=$((failures + 1)); }

if ! python3 - "$TMP/core" <<'PY'; then failures=$((failures + 1)); fi
import struct, sys
d = open(sys.argv[1], "rb").read()
assert d[:4] == b"\x7fELF" and d[4] == 2, "not ELF64"
e_type, e_machine = struct.unpack_from("<HH", d, 16)
assert (e_type, e_machine) == (4, 183), f"type/machine {e_type}/{e_machine}"
phoff, = struct.unpack_from("<Q", d, 32)
phnum, = struct.unpack_from("<H", d, 56)
ph = [struct.unpack_from("<IIQQQQQQ", d, phoff + 56 * i) for i in range(phnum)]
assert ph[0][0] == 4, "PT_NOTE first"
notes, off, end = [], ph[0][2], ph[0][2] + ph[0][5]
while off < end:
    nsz, dsz, typ = struct.unpack_from("<III", d, off)
    name = d[off + 12:off + 12 + nsz - 1]
    doff = off + 12 + (nsz + 3) // 4 * 4
    notes.append((name, typ, d[doff:doff + dsz]))
    off = doff + (dsz + 3) // 4 * 4
pr = [n for n in notes if n[:2] == (b"CORE", 1)]
fp = [n for n in notes if n[:2] == (b"CORE", 2)]
assert len(pr) == 2 and len(fp) == 2, f"{len(pr)} NT_PRSTATUS, {len(fp)} NT_PRFPREG"
assert all(len(n[2]) == 392 for n in pr) and all(len(n[2]) == 528 for n in fp), "note sizes"
assert [struct.unpack_from("<I", n[2], 32)[0] for n in pr] == [1, 2], "pr_pid"
regs = struct.unpack_from("<34Q", pr[0][2], 112)
assert regs[0] == 0x1000000000000001 and regs[1] == 0x2000000000000002, "x0/x1"
assert regs[29] == 0x2900000000000029, "x29"
assert struct.unpack_from("<Q", fp[0][2], 5 * 16)[0] == 0x0123456789abcdef, "v5"
loads = [p for p in ph if p[0] == 1]
ram = [p for p in loads if p[4] <= 0x44000000 < p[4] + p[6]]
assert ram and ram[0][3] == ram[0][4], "a PT_LOAD with p_vaddr = p_paddr holds 0x44000000"
o = ram[0][2] + 0x44000000 - ram[0][4]
assert d[o:o + 16] == bytes.fromhex("efcdab89674523011032547698badcfe"), "pattern"
PY

cat >"$TMP/core.gdb" <<'GDB'
info threads
p/x $x0
p/x $x2
p/x $pc == (long)&dump_here
p/x *(long *)0x44000008
GDB
timeout 20 "$GDB" -nx -batch -x "$TMP/core.gdb" "$TARGET_ELF" "$TMP/core" >"$TMP/gdb.out" 2>&1
want '^\* 1 +(LWP|process|Thread) 1 ' "thread 1 from the first NT_PRSTATUS"
want '^  2 +(LWP|process|Thread) 2 ' "thread 2"
want '^\$1 = 0x1000000000000001$' "x0 from the core"
want '^\$2 = 0x3333$' "x2 from the core"
want '^\$3 = 0x1$' "pc at dump_here"
want '^\$4 = 0xfedcba9876543210$' "the pattern through gdb"
dump_on_failure

# Paging mode: with the guest's MMU on, -p adds vCPU 0's virtual mappings (p_vaddr = VA,
# p_paddr = PA, the file data shared with the physical segment): gdb then reads the page
# mapped at VA 0x80000000 from the core, which the physical-only dump does not have.
TARGET_ELF=$BUILD_DIR/tests/guest/arm64/gdb_mmu.elf
need_target
start_emu -M arm64-virt -semihosting -nographic -S -kernel "$TARGET_ELF" || finish
cat >"$TMP/script" <<GDB
break gdb_mmu_on
continue
monitor dump-guest-memory -p $TMP/vcore
monitor dump-guest-memory $TMP/pcore
monitor dump-guest-memory -x $TMP/pcore
kill
GDB
run_gdb "$TMP/script"
want '^usage: dump-guest-memory \[-p\] FILE' "an unknown option is refused"
printf 'x/gx 0x80000000\n' >"$TMP/v.gdb"
timeout 20 "$GDB" -nx -batch -x "$TMP/v.gdb" "$TARGET_ELF" "$TMP/vcore" >"$TMP/gdb.out" 2>&1
want '^0x80000000:[[:space:]]+0xfeedface12345678$' "the virtually mapped page in the -p core"
timeout 20 "$GDB" -nx -batch -x "$TMP/v.gdb" "$TARGET_ELF" "$TMP/pcore" >"$TMP/gdb.out" 2>&1
want 'Cannot access memory at address 0x80000000' "no virtual mappings without -p"
dump_on_failure
finish
