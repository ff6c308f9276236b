/*
 * The load average (Linux's kernel/sched/loadavg.c, proc(5) /proc/loadavg):
 * every LOAD_FREQ ticks the number of active tasks, those runnable or in
 * uninterruptible sleep, is folded into three exponentially decaying
 * averages, in fixed point with FSHIFT bits of fraction:
 *
 *     load = load * e + active * (1 - e),   e = exp(-5 s / 1, 5, 15 min)
 *
 * EXP_1, EXP_5 and EXP_15 are those e as fixed-point numbers (Linux's).
 */
#include <kernel_stat.h>
#include <sched.h>
#include <time.h>

#define LOAD_FREQ (5 * HZ + 1) /* Linux's: the extra tick keeps clear of anything else done every 5 s */
#define EXP_1 1884             /* FIXED_1 / exp(5 s / 1 min) */
#define EXP_5 2014             /* FIXED_1 / exp(5 s / 5 min) */
#define EXP_15 2037            /* FIXED_1 / exp(5 s / 15 min) */

unsigned long avenrun[3];
static u64 calc_load_update = LOAD_FREQ;

/* Tasks whose state matches `state` (the idle task and dead tasks never count). */
static long count_tasks(long state)
{
	struct task_struct *t;
	long n = 0;

	list_for_each_entry(t, &task_list, tasks)
		if (t != &init_task && !t->exit_state && t->__state == state)
			n++;
	return n;
}

long nr_running(void)
{
	return count_tasks(TASK_RUNNING);
}

long nr_uninterruptible(void)
{
	return count_tasks(TASK_UNINTERRUPTIBLE);
}

/* One step of the average; rounded up while the load rises, so a steady load is reached. */
static unsigned long calc_load(unsigned long load, unsigned long exp, unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* From the timer tick: a new sample once every LOAD_FREQ ticks. */
void calc_global_load(void)
{
	if (jiffies < calc_load_update)
		return;
	unsigned long active = (unsigned long)(nr_running() + nr_uninterruptible()) * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
	calc_load_update += LOAD_FREQ;
}
