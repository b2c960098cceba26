/* SPDX-License-Identifier: MIT */
/* Monitor commands of the AArch64 MMU: `info tlb`, `info tlbstats`, `walk VA [el]`, `x /fmt VA`. */
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "core/monitor.h"
#include "cpu/arm64/mmu.h"

static struct a64_cpu *cpu_n(struct machine *m, int n)
{
    return n >= 0 && n < m->ncpus ? a64_from_vcpu(m->cpus[n]) : NULL;
}

static void cmd_info_tlb(struct machine *m, int argc, char **argv, FILE *out)
{
    for (int i = 0; i < m->ncpus; i++)
        if (argc < 2 || atoi(argv[1]) == i)
            a64_mmu_print_tlb(cpu_n(m, i), out);
}

static void cmd_info_tlbstats(struct machine *m, int argc, char **argv, FILE *out)
{
    for (int i = 0; i < m->ncpus; i++)
        if (argc < 2 || atoi(argv[1]) == i)
            a64_mmu_print_stats(cpu_n(m, i), out);
}

static void cmd_walk(struct machine *m, int argc, char **argv, FILE *out)
{
    if (argc < 2 || !m->ncpus) {
        fprintf(out, "usage: walk VA [el]\n");
        return;
    }
    a64_mmu_print_walk(cpu_n(m, 0), strtoull(argv[1], NULL, 0), argc > 2 ? atoi(argv[2]) : -1,
                       out);
}

/* /[count][x][b|h|w|g] as in QEMU's monitor (only hex). */
static void cmd_x(struct machine *m, int argc, char **argv, FILE *out)
{
    unsigned count = 1, size = 4;
    int a = 1;
    if (argc > 1 && argv[1][0] == '/') {
        const char *p = argv[1] + 1;
        if (*p >= '0' && *p <= '9')
            count = (unsigned)strtoul(p, (char **)&p, 10);
        for (; *p; p++)
            size = *p == 'b' ? 1 : *p == 'h' ? 2 : *p == 'w' ? 4 : *p == 'g' ? 8 : size;
        a = 2;
    }
    if (argc <= a || !m->ncpus) {
        fprintf(out, "usage: x /fmt VA\n");
        return;
    }
    a64_mmu_dump(cpu_n(m, 0), strtoull(argv[a], NULL, 0), false, count, size, out);
}

void a64_mmu_monitor_register(void);
void a64_mmu_monitor_register(void)
{
    monitor_register("info tlb", "[cpu]", "show the TLB entries with their tags", cmd_info_tlb);
    monitor_register("info tlbstats", "[cpu]", "show TLB hits, misses, walks and TLBI counts",
                     cmd_info_tlbstats);
    monitor_register("walk", "VA [el]", "walk the page tables of vCPU 0 for VA, level by level",
                     cmd_walk);
    monitor_register("x", "/fmt VA", "dump virtual memory of vCPU 0 (fmt: [count][b|h|w|g])",
                     cmd_x);
}
