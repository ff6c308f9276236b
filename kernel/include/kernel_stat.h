/*
 * System-wide counters, kept where the events happen and read by /proc/stat,
 * /proc/uptime and /proc/loadavg (Linux's kernel_stat.h, sched/stat.h and
 * sched/loadavg.h in one header: they are few).
 */
#ifndef KERNEL_STAT_H
#define KERNEL_STAT_H
#include <types.h>
#include <irq.h>
#include <smp.h>

/* Where the CPU's ticks went, Linux's enum cpu_usage_stat (its order, not /proc/stat's). */
enum cpu_usage_stat {
	CPUTIME_USER,
	CPUTIME_NICE,
	CPUTIME_SYSTEM,
	CPUTIME_SOFTIRQ,
	CPUTIME_IRQ,
	CPUTIME_IDLE,
	CPUTIME_IOWAIT,
	CPUTIME_STEAL,
	CPUTIME_GUEST,
	CPUTIME_GUEST_NICE,
	NR_STATS,
};

struct kernel_cpustat {
	u64 cpustat[NR_STATS]; /* ticks, counted by scheduler_tick() */
};
/* One per CPU, as Linux's: each CPU counts its own ticks (kernel/sched/core.c). */
extern struct kernel_cpustat kcpustat[NR_CPUS];
#define kcpustat_cpu(cpu) (kcpustat[cpu])
#define kcpustat_this_cpu (&kcpustat[smp_processor_id()])

/* Interrupts taken on each IRQ line (arch/x86_64/irq.c), spurious ones left out. */
extern u64 kstat_irqs[NR_IRQS];
/* Those without a line (the local APIC timers' ticks), for /proc/stat's intr total. */
u64 arch_irq_stat(void);

/* kernel/sched/core.c: task switches since boot */
u64 nr_context_switches(void);
/* kernel/fork.c: tasks created since boot (/proc/stat's "processes") */
extern unsigned long total_forks;

/*
 * kernel/sched/loadavg.c: the load average, Linux's fixed point numbers
 * (FSHIFT bits of fraction) over 1, 5 and 15 minutes, sampled every
 * LOAD_FREQ ticks by calc_global_load() from the timer tick.
 */
#define FSHIFT 11
#define FIXED_1 (1ul << FSHIFT)
#define LOAD_INT(x) ((x) >> FSHIFT)
#define LOAD_FRAC(x) LOAD_INT(((x) & (FIXED_1 - 1)) * 100)
extern unsigned long avenrun[3];
void calc_global_load(void);
/* Tasks that can run now (the running one included), and tasks in uninterruptible sleep. */
long nr_running(void);
long nr_uninterruptible(void);
#endif
