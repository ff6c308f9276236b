/*
 * The system-wide time files, in Linux's formats (proc(5); Linux's
 * fs/proc/stat.c, uptime.c and loadavg.c):
 *   /proc/stat     CPU ticks by kind, interrupts, switches, forks, tasks
 *   /proc/uptime   seconds since boot, and seconds the CPU spent idle
 *   /proc/loadavg  the 1, 5 and 15 minute load averages, running/total tasks, the last pid
 */
#include "proc_internal.h"
#include <kernel_stat.h>
#include <sched.h>
#include <pid_namespace.h>
#include <string.h>

/* The ticks of the online CPUs added up: the "cpu" line's, and /proc/uptime's idle time. */
static struct kernel_cpustat all_cpus(void)
{
	struct kernel_cpustat sum = { 0 };
	unsigned int cpu;

	for_each_online_cpu(cpu)
		for (int i = 0; i < NR_STATS; i++)
			sum.cpustat[i] += kcpustat_cpu(cpu).cpustat[i];
	return sum;
}

static void show_cpu_line(struct seq_buf *m, const char *name, const struct kernel_cpustat *stat)
{
	const u64 *c = stat->cpustat;

	seq_printf(m, "%s", name);
	/* /proc/stat's columns: user nice system idle iowait irq softirq steal guest guest_nice */
	static const enum cpu_usage_stat order[] = { CPUTIME_USER,   CPUTIME_NICE,    CPUTIME_SYSTEM, CPUTIME_IDLE,
						     CPUTIME_IOWAIT, CPUTIME_IRQ,     CPUTIME_SOFTIRQ, CPUTIME_STEAL,
						     CPUTIME_GUEST,  CPUTIME_GUEST_NICE };
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		seq_printf(m, " %lu", jiffies_to_clock_t(c[order[i]]));
	seq_printf(m, "\n");
}

int proc_stat_show(struct task_struct *t, struct seq_buf *m)
{
	struct kernel_cpustat sum = all_cpus();
	unsigned int cpu;
	char name[8];
	u64 irqs = arch_irq_stat();

	(void)t;
	show_cpu_line(m, "cpu ", &sum);
	for_each_online_cpu(cpu) {
		snprintf(name, sizeof(name), "cpu%u", cpu);
		show_cpu_line(m, name, &kcpustat_cpu(cpu));
	}
	for (int i = 0; i < NR_IRQS; i++)
		irqs += kstat_irqs[i];
	seq_printf(m, "intr %lu", irqs);
	for (int i = 0; i < NR_IRQS; i++)
		seq_printf(m, " %lu", kstat_irqs[i]);
	/* btime, the wall-clock second of boot: the real time now less the time since boot. */
	u64 btime = (ktime_get_real_ns() - ktime_get_ns()) / NSEC_PER_SEC;
	seq_printf(m, "\nctxt %lu\nbtime %lu\nprocesses %lu\n", nr_context_switches(), btime, total_forks);
	seq_printf(m, "procs_running %ld\nprocs_blocked %ld\n", nr_running(), nr_uninterruptible());
	/* No softirqs: the total and Linux's ten kinds are 0. */
	seq_printf(m, "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
	return 0;
}

/* Seconds with two decimals, from nanoseconds. */
static void show_seconds(struct seq_buf *m, u64 ns, const char *after)
{
	seq_printf(m, "%lu.%02lu%s", ns / NSEC_PER_SEC, ns % NSEC_PER_SEC / (NSEC_PER_SEC / 100), after);
}

int proc_uptime_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	show_seconds(m, ktime_get_ns(), " ");
	/* The idle time of all CPUs together, as Linux's: it may exceed the uptime. */
	show_seconds(m, all_cpus().cpustat[CPUTIME_IDLE] * (NSEC_PER_SEC / HZ), "\n");
	return 0;
}

int proc_loadavg_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	for (int i = 0; i < 3; i++) {
		unsigned long load = avenrun[i] + FIXED_1 / 200; /* round to two decimals, as Linux does */
		seq_printf(m, "%lu.%02lu ", LOAD_INT(load), LOAD_FRAC(load));
	}
	seq_printf(m, "%ld/%d %d\n", nr_running(), nr_threads, current->pid_ns->last_pid);
	return 0;
}
