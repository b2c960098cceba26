/* SPDX-License-Identifier: MIT */
/*
 * The AArch64 side of the gdbstub: target description (gdb's org.gnu.gdb.aarch64.core and
 * .fpu features plus emu's system-register feature), registers by gdb number, and debugger
 * memory access that never raises a guest exception.
 */
#include <stdio.h>
#include <string.h>

#include "core/gdbstub.h"
#include "core/machine.h"
#include "cpu/arm64/cpu.h"
#include "cpu/arm64/exception.h"
#include "cpu/arm64/mem.h"
#include "cpu/arm64/mmu.h"

/* gdb register numbers, fixed by the core and fpu features' order. */
enum {
    GDB_A64_SP = 31,
    GDB_A64_PC = 32,
    GDB_A64_CPSR = 33,
    GDB_A64_V0 = 34,
    GDB_A64_FPSR = 66,
    GDB_A64_FPCR = 67,
    GDB_A64_SYS0 = 68,
};

enum sys_kind { SYS_SR, SYS_ELR, SYS_SPSR, SYS_CURRENTEL, SYS_SP_EL };

static const struct {
    const char *name;
    enum sys_kind kind;
    unsigned idx; /* SR_* slot or EL */
} a64_gdb_sys[] = {
    {"SCTLR_EL1", SYS_SR, SR_SCTLR_EL1}, {"TCR_EL1", SYS_SR, SR_TCR_EL1},
    {"TTBR0_EL1", SYS_SR, SR_TTBR0_EL1}, {"TTBR1_EL1", SYS_SR, SR_TTBR1_EL1},
    {"MAIR_EL1", SYS_SR, SR_MAIR_EL1},   {"VBAR_EL1", SYS_SR, SR_VBAR_EL1},
    {"ESR_EL1", SYS_SR, SR_ESR_EL1},     {"FAR_EL1", SYS_SR, SR_FAR_EL1},
    {"ELR_EL1", SYS_ELR, 1},             {"SPSR_EL1", SYS_SPSR, 1},
    {"SP_EL0", SYS_SP_EL, 0},            {"SP_EL1", SYS_SP_EL, 1},
    {"SCTLR_EL2", SYS_SR, SR_SCTLR_EL2}, {"HCR_EL2", SYS_SR, SR_HCR_EL2},
    {"TCR_EL2", SYS_SR, SR_TCR_EL2},     {"TTBR0_EL2", SYS_SR, SR_TTBR0_EL2},
    {"VTTBR_EL2", SYS_SR, SR_VTTBR_EL2}, {"VBAR_EL2", SYS_SR, SR_VBAR_EL2},
    {"ESR_EL2", SYS_SR, SR_ESR_EL2},     {"FAR_EL2", SYS_SR, SR_FAR_EL2},
    {"ELR_EL2", SYS_ELR, 2},             {"SPSR_EL2", SYS_SPSR, 2},
    {"SP_EL2", SYS_SP_EL, 2},            {"VBAR_EL3", SYS_SR, SR_VBAR_EL3},
    {"ESR_EL3", SYS_SR, SR_ESR_EL3},     {"FAR_EL3", SYS_SR, SR_FAR_EL3},
    {"CurrentEL", SYS_CURRENTEL, 0},
};

#define A64_GDB_NSYS (sizeof(a64_gdb_sys) / sizeof(a64_gdb_sys[0]))

static char a64_target_xml[] =
    "<?xml version=\"1.0\"?><!DOCTYPE target SYSTEM \"gdb-target.dtd\">"
    "<target><architecture>aarch64</architecture>"
    "<xi:include href=\"aarch64-core.xml\"/><xi:include href=\"aarch64-fpu.xml\"/>"
    "<xi:include href=\"emu-aarch64-sys.xml\"/></target>";

static char a64_core_xml[2048], a64_fpu_xml[4096], a64_sys_xml[4096];

static void build_xml(void)
{
    size_t n = 0;
    if (a64_core_xml[0])
        return;
    n += (size_t)snprintf(a64_core_xml + n, sizeof(a64_core_xml) - n,
                          "<?xml version=\"1.0\"?><!DOCTYPE feature SYSTEM \"gdb-target.dtd\">"
                          "<feature name=\"org.gnu.gdb.aarch64.core\">");
    for (int i = 0; i < 31; i++)
        n += (size_t)snprintf(a64_core_xml + n, sizeof(a64_core_xml) - n,
                              "<reg name=\"x%d\" bitsize=\"64\"/>", i);
    snprintf(a64_core_xml + n, sizeof(a64_core_xml) - n,
             "<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>"
             "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>"
             "<reg name=\"cpsr\" bitsize=\"32\"/></feature>");

    n = (size_t)snprintf(
        a64_fpu_xml, sizeof(a64_fpu_xml),
        "<?xml version=\"1.0\"?><!DOCTYPE feature SYSTEM \"gdb-target.dtd\">"
        "<feature name=\"org.gnu.gdb.aarch64.fpu\">"
        "<vector id=\"v2d\" type=\"ieee_double\" count=\"2\"/>"
        "<vector id=\"v2u\" type=\"uint64\" count=\"2\"/>"
        "<vector id=\"v2i\" type=\"int64\" count=\"2\"/>"
        "<vector id=\"v4f\" type=\"ieee_single\" count=\"4\"/>"
        "<vector id=\"v4u\" type=\"uint32\" count=\"4\"/>"
        "<vector id=\"v4i\" type=\"int32\" count=\"4\"/>"
        "<vector id=\"v8u\" type=\"uint16\" count=\"8\"/>"
        "<vector id=\"v8i\" type=\"int16\" count=\"8\"/>"
        "<vector id=\"v16u\" type=\"uint8\" count=\"16\"/>"
        "<vector id=\"v16i\" type=\"int8\" count=\"16\"/>"
        "<vector id=\"v1u\" type=\"uint128\" count=\"1\"/>"
        "<vector id=\"v1i\" type=\"int128\" count=\"1\"/>"
        "<union id=\"vnd\"><field name=\"f\" type=\"v2d\"/><field name=\"u\" type=\"v2u\"/>"
        "<field name=\"s\" type=\"v2i\"/></union>"
        "<union id=\"vns\"><field name=\"f\" type=\"v4f\"/><field name=\"u\" type=\"v4u\"/>"
        "<field name=\"s\" type=\"v4i\"/></union>"
        "<union id=\"vnh\"><field name=\"u\" type=\"v8u\"/><field name=\"s\" type=\"v8i\"/>"
        "</union>"
        "<union id=\"vnb\"><field name=\"u\" type=\"v16u\"/><field name=\"s\" type=\"v16i\"/>"
        "</union>"
        "<union id=\"vnq\"><field name=\"u\" type=\"v1u\"/><field name=\"s\" type=\"v1i\"/>"
        "</union>"
        "<union id=\"aarch64v\"><field name=\"d\" type=\"vnd\"/><field name=\"s\" type=\"vns\"/>"
        "<field name=\"h\" type=\"vnh\"/><field name=\"b\" type=\"vnb\"/>"
        "<field name=\"q\" type=\"vnq\"/></union>");
    for (int i = 0; i < 32; i++)
        n += (size_t)snprintf(a64_fpu_xml + n, sizeof(a64_fpu_xml) - n,
                              "<reg name=\"v%d\" bitsize=\"128\" type=\"aarch64v\"%s/>", i,
                              i ? "" : " regnum=\"34\"");
    snprintf(a64_fpu_xml + n, sizeof(a64_fpu_xml) - n,
             "<reg name=\"fpsr\" bitsize=\"32\"/><reg name=\"fpcr\" bitsize=\"32\"/></feature>");

    n = (size_t)snprintf(a64_sys_xml, sizeof(a64_sys_xml),
                         "<?xml version=\"1.0\"?><!DOCTYPE feature SYSTEM \"gdb-target.dtd\">"
                         "<feature name=\"org.emu.aarch64.sysregs\">");
    for (size_t i = 0; i < A64_GDB_NSYS; i++)
        n += (size_t)snprintf(a64_sys_xml + n, sizeof(a64_sys_xml) - n,
                              "<reg name=\"%s\" bitsize=\"64\" group=\"system\"%s/>",
                              a64_gdb_sys[i].name, i ? "" : " regnum=\"68\"");
    snprintf(a64_sys_xml + n, sizeof(a64_sys_xml) - n, "</feature>");
}

static const char *a64_gdb_target_xml(const char *annex)
{
    build_xml();
    if (!strcmp(annex, "target.xml"))
        return a64_target_xml;
    if (!strcmp(annex, "aarch64-core.xml"))
        return a64_core_xml;
    if (!strcmp(annex, "aarch64-fpu.xml"))
        return a64_fpu_xml;
    if (!strcmp(annex, "emu-aarch64-sys.xml"))
        return a64_sys_xml;
    return NULL;
}

static int put(u8 *buf, u64 v, int size)
{
    memcpy(buf, &v, (size_t)size); /* host and target are little-endian */
    return size;
}

static u64 get(const u8 *buf, size_t len)
{
    u64 v = 0;
    memcpy(&v, buf, len > 8 ? 8 : len);
    return v;
}

static u64 *sys_slot(struct a64_cpu *cpu, unsigned i)
{
    switch (a64_gdb_sys[i].kind) {
    case SYS_SR:
        return &cpu->sr[a64_gdb_sys[i].idx];
    case SYS_ELR:
        return &cpu->elr_el[a64_gdb_sys[i].idx];
    case SYS_SPSR:
        return &cpu->spsr_el[a64_gdb_sys[i].idx];
    case SYS_SP_EL:
        return &cpu->sp_el[a64_gdb_sys[i].idx];
    default:
        return NULL;
    }
}

static int a64_gdb_read_reg(struct vcpu *v, int n, u8 *buf)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    if (n < 31)
        return put(buf, cpu->x[n], 8);
    if (n == GDB_A64_SP)
        return put(buf, cpu->sp_el[cpu->sp_idx], 8);
    if (n == GDB_A64_PC)
        return put(buf, cpu->pc, 8);
    if (n == GDB_A64_CPSR)
        return put(buf, a64_pstate_to_spsr(cpu), 4);
    if (n >= GDB_A64_V0 && n < GDB_A64_V0 + 32) {
        memcpy(buf, cpu->v[n - GDB_A64_V0].b, 16);
        return 16;
    }
    if (n == GDB_A64_FPSR)
        return put(buf, cpu->fpsr, 4);
    if (n == GDB_A64_FPCR)
        return put(buf, cpu->fpcr, 4);
    unsigned s = (unsigned)(n - GDB_A64_SYS0);
    if (n < GDB_A64_SYS0 || s >= A64_GDB_NSYS)
        return 0;
    u64 *slot = sys_slot(cpu, s);
    return put(buf, slot ? *slot : (u64)cpu->el << 2, 8);
}

static bool a64_gdb_write_reg(struct vcpu *v, int n, const u8 *buf, size_t len)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    u64 val = get(buf, len);
    if (n < 31)
        cpu->x[n] = val;
    else if (n == GDB_A64_SP)
        cpu->sp_el[cpu->sp_idx] = val;
    else if (n == GDB_A64_PC)
        cpu->pc = val;
    else if (n == GDB_A64_CPSR) {
        /* Only the flags and interrupt masks: changing EL or SP selection under the guest's
         * feet would bypass the exception model; use SPSR_ELx and ERET for that. */
        cpu->nzcv = (u32)val & 0xf0000000u;
        cpu->daif = (u32)val & (PSTATE_D | PSTATE_A | PSTATE_I | PSTATE_F);
        cpu->vcpu.exit_request = true;
    } else if (n >= GDB_A64_V0 && n < GDB_A64_V0 + 32) {
        if (len != 16)
            return false;
        memcpy(cpu->v[n - GDB_A64_V0].b, buf, 16);
    } else if (n == GDB_A64_FPSR)
        cpu->fpsr = (u32)val;
    else if (n == GDB_A64_FPCR)
        cpu->fpcr = (u32)val;
    else {
        unsigned s = (unsigned)(n - GDB_A64_SYS0);
        if (n < GDB_A64_SYS0 || s >= A64_GDB_NSYS)
            return false;
        u64 *slot = sys_slot(cpu, s);
        if (!slot)
            return false; /* CurrentEL is read-only */
        *slot = val;
        a64_mmu_ctx_changed(cpu);
    }
    return true;
}

/* Debugger translation: the MMU's walk of the vCPU's current regime (stage 1 and, under
 * HCR_EL2.VM, stage 2), without the TLB (a debugger must not change what the guest's TLB
 * holds) and without raising anything: a fault just makes the access fail (gdb reports E14). */
static bool a64_gdb_translate(struct a64_cpu *cpu, u64 va, u64 *pa)
{
    struct vmsa_result r;
    struct mmu_fault f;
    if (!a64_mmu_translate(cpu, &cpu->mmu->ctx, va, false, false, &r, &f))
        return false;
    *pa = r.pa | (va & ((1ull << r.size_shift) - 1)); /* r.pa is the block/page base */
    return true;
}

static bool a64_gdb_access(struct vcpu *v, u64 va, u8 *buf, size_t len, bool write)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    struct phys_as *as = &v->machine->as;
    while (len) {
        /* Translate page by page: contiguous VAs need not be contiguous PAs. */
        size_t chunk = PAGE_SIZE - (va & (PAGE_SIZE - 1));
        if (chunk > len)
            chunk = len;
        u64 pa;
        if (!a64_gdb_translate(cpu, va, &pa))
            return false;
        /* RAM and ROM only: a debugger read must not have device side effects. ROM is
         * writable by the debugger (as_load_image), as on a probe with flash patching. */
        bool ok = write ? as_load_image(as, pa, buf, chunk) : as_dma_read(as, pa, buf, chunk);
        if (!ok)
            return false;
        va += chunk;
        buf += chunk;
        len -= chunk;
    }
    return true;
}

static bool a64_gdb_read_mem(struct vcpu *v, u64 va, u8 *buf, size_t len)
{
    return a64_gdb_access(v, va, buf, len, false);
}

static bool a64_gdb_write_mem(struct vcpu *v, u64 va, const u8 *buf, size_t len)
{
    return a64_gdb_access(v, va, (u8 *)buf, len, true);
}

static u64 a64_gdb_get_pc(struct vcpu *v)
{
    return a64_from_vcpu(v)->pc;
}

static void a64_gdb_set_pc(struct vcpu *v, u64 pc)
{
    a64_from_vcpu(v)->pc = pc;
}

static bool a64_gdb_bp_valid(u64 addr, unsigned kind)
{
    return kind == 4 && !(addr & 3);
}

static void a64_gdb_watch_changed(struct vcpu *v)
{
    a64_fast_flush_all(a64_from_vcpu(v));
}

static void a64_gdb_thread_info(struct vcpu *v, char *buf, size_t len)
{
    struct a64_cpu *cpu = a64_from_vcpu(v);
    snprintf(buf, len, "EL%u%s%s", cpu->el, cpu->spsel ? "h" : "t",
             v->powered_off ? " off" : v->halted ? " halted" : "");
}

const struct gdb_arch_ops a64_gdb_ops = {
    .target_xml = a64_gdb_target_xml,
    .num_regs = GDB_A64_SYS0 + (int)A64_GDB_NSYS,
    .read_reg = a64_gdb_read_reg,
    .write_reg = a64_gdb_write_reg,
    .read_mem = a64_gdb_read_mem,
    .write_mem = a64_gdb_write_mem,
    .get_pc = a64_gdb_get_pc,
    .set_pc = a64_gdb_set_pc,
    .bp_valid = a64_gdb_bp_valid,
    .watch_changed = a64_gdb_watch_changed,
    .thread_info = a64_gdb_thread_info,
};
