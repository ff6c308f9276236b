/*
 * Bringing up the application processors (APs), one at a time, as
 * docs/smp.md tells step by step: the boot CPU copies the real-mode
 * trampoline (boot/trampoline.asm) below 1 MiB, chooses the AP's idle task
 * and stack, and sends INIT and STARTUP IPIs; the AP goes through
 * boot.asm into long mode and lands in start_secondary(), which sets up
 * what each CPU has of its own and marks the CPU online.
 *
 * Every AP's idle task, stack and per-CPU area are static (.bss): starting
 * CPUs takes no page frame, so the suite's free-page counts are the same
 * on one CPU as on eight.
 */
#include <smp.h>
#include <sched.h>
#include <cmdline.h>
#include <printk.h>
#include <string.h>
#include <bootinfo.h>
#include <pgtable.h>
#include <time.h>
#include <asm/acpi.h>
#include <asm/apic.h>
#include <asm/cpuinfo.h>
#include <asm/desc.h>
#include <asm/fpu.h>
#include <asm/processor.h>

/* Conventional memory below the EBDA, in the first MiB that memblock keeps for itself. */
#define TRAMPOLINE_PHYS 0x8000ul
#define AP_START_TIMEOUT_US 2000000 /* an AP under TCG on a loaded host can take long */

extern char trampoline_start[], trampoline_end[];

static struct task_struct idle_tasks[NR_CPUS - 1]; /* CPU n's is idle_tasks[n - 1]; CPU 0's is init_task */
static u8 idle_stacks[NR_CPUS - 1][THREAD_SIZE] __aligned(16);
unsigned long smp_boot_stack;        /* secondary_startup_64 (boot.asm) takes its RSP from here */
static unsigned int booting_cpu;     /* the CPU being started: one at a time */
unsigned int setup_max_cpus = NR_CPUS;

/* `nosmp`, `maxcpus=N`: how many CPUs to run, the boot CPU included (Linux counts it too). */
static unsigned int max_cpus(void)
{
	const char *arg = cmdline_get(&kernel_cmdline, "maxcpus"), *end;
	unsigned long n;

	if (cmdline_has(&kernel_cmdline, "nosmp"))
		return 1;
	if (!arg)
		return NR_CPUS;
	n = simple_strtoul(arg, &end, 10);
	if (*end || end == arg) {
		pr_warn("maxcpus=%s: not a number, ignored\n", arg);
		return NR_CPUS;
	}
	return MAX(1, MIN(n, NR_CPUS)); /* maxcpus=0 is Linux's nosmp */
}

/* The task an AP runs when it has nothing else: like init_task, without the lists it heads. */
static struct task_struct *idle_task_init(unsigned int cpu)
{
	struct task_struct *idle = &idle_tasks[cpu - 1];

	*idle = (struct task_struct){
		.__state = TASK_RUNNING,
		.flags = PF_KTHREAD,
		.cpu = cpu,
		.cpus_mask = { 1UL << cpu },
		.usage = ATOMIC_INIT(1),
		.stack = idle_stacks[cpu - 1],
		.group_leader = idle,
		.pid_ns = init_task.pid_ns,
		.sighand = init_task.sighand,
		.signal = init_task.signal,
		.nsproxy = init_task.nsproxy,
	};
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->thread_node);
	INIT_LIST_HEAD(&idle->tasks);
	INIT_LIST_HEAD(&idle->run_list);
	fpu_init_state(&idle->thread.fpu);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	return idle;
}

/* The AP's first C code, on its idle stack, still on the boot page tables. */
__noreturn void start_secondary(void)
{
	unsigned int cpu = READ_ONCE(booting_cpu);
	struct task_struct *idle = &idle_tasks[cpu - 1];

	paging_load_kernel();
	percpu_setup(cpu, idle);
	gdt_init();
	idt_load();
	fpu_init();
	setup_smep();
	identify_cpu(cpu);
	syscall_init();
	lapic_init();
	tss_set_kernel_stack((unsigned long)idle->stack + THREAD_SIZE);
	lapic_timer_start();
	set_cpu_online(cpu);
	cpu_idle();
}

static bool boot_cpu(unsigned int cpu, u32 apic_id)
{
	struct task_struct *idle = idle_task_init(cpu);

	per_cpu_area(cpu)->apic_id = apic_id;
	booting_cpu = cpu;
	smp_boot_stack = (unsigned long)idle->stack + THREAD_SIZE;
	wakeup_secondary_cpu_via_init(apic_id, TRAMPOLINE_PHYS);
	for (long us = 0; us < AP_START_TIMEOUT_US; us += 100) {
		if (cpu_online(cpu))
			return true;
		udelay(100);
	}
	pr_warn("smp: CPU %u (APIC id %u) did not start\n", cpu, apic_id);
	return false;
}

/* GRUB may have put the boot information or a module in low memory: the trampoline must not overwrite it. */
static bool trampoline_page_free(void)
{
	u64 start = TRAMPOLINE_PHYS, end = TRAMPOLINE_PHYS + PAGE_SIZE;

	if (bootinfo.mbi_start < end && start < bootinfo.mbi_end)
		return false;
	for (unsigned i = 0; i < bootinfo.nr_modules; i++)
		if (bootinfo.modules[i].base < end && start < bootinfo.modules[i].base + bootinfo.modules[i].size)
			return false;
	return true;
}

void smp_init(void)
{
	unsigned int max = setup_max_cpus = max_cpus(), cpu = 1;
	u32 self = this_cpu()->apic_id; /* apic_intr_mode_init() enabled this CPU's local APIC */

	set_cpu_online(0);
	for (unsigned i = 0; i < MAX(madt.nr_cpus, 1u); i++)
		set_cpu_possible(i); /* /sys/devices/system/cpu/possible, as Linux counts maxcpus= */
	if (max > 1 && madt.nr_cpus > 1 && !trampoline_page_free()) {
		pr_warn("smp: the trampoline page %lx is in use: one CPU\n", TRAMPOLINE_PHYS);
		max = 1;
	}
	if (max > 1 && madt.nr_cpus > 1)
		memcpy(__va(TRAMPOLINE_PHYS), __va((unsigned long)trampoline_start), trampoline_end - trampoline_start);
	for (unsigned i = 0; i < madt.nr_cpus && cpu < max; i++)
		if (madt.apic_ids[i] != self && boot_cpu(cpu, madt.apic_ids[i]))
			cpu++;
	pr_info("smp: %u CPU%s online of %u in the MADT%s\n", num_online_cpus(), num_online_cpus() == 1 ? "" : "s",
		MAX(madt.nr_cpus, 1u), max < NR_CPUS ? " (maxcpus/nosmp)" : "");
}
