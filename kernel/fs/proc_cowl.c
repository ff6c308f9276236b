/*
 * Control files.  /proc/cowl holds Cowl's own:
 *   trace            the trace events on (read), or set them: "cow,clone", "all", "none"
 *   fail_page_alloc  fault injection: write N and the next N page allocations
 *                    succeed, then every one fails until -1 is written
 *   fork_mode        how fork copies page tables: "classic" or "odf"
 *                    (kernel/mm/odf.c); the next fork uses what is written
 *   provoke-crash    write PANIC, BUG or EXCEPTION and the kernel crashes that
 *                    way, as through Linux's lkdtm (debugfs provoke-crash/DIRECT):
 *                    how tools/test-debug checks each oops names its function;
 *                    SPINLOCKUP takes a spinlock twice, ATOMIC_SLEEP sleeps
 *                    holding one: each panics naming the lock
 * and /proc/sysrq-trigger is Linux's: "c" crashes the kernel on purpose (how
 * the tests check that a panic is caught), "o" powers off, "b" reboots.
 */
#include "proc_internal.h"
#include <trace.h>
#include <gfp.h>
#include <mm.h>
#include <string.h>
#include <uapi/errno.h>
#include <power.h>
#include <printk.h>
#include <bug.h>
#include <spinlock.h>
#include <sched.h>

int proc_trace_show(struct task_struct *t, struct seq_buf *m)
{
	char names[96];

	(void)t;
	trace_format(trace_mask, names, sizeof(names));
	seq_printf(m, "%s\n", names);
	return 0;
}

int proc_trace_write(const char *text)
{
	int mask = trace_parse(text);

	if (mask < 0)
		return -EINVAL;
	trace_mask = mask;
	return 0;
}

int proc_fail_page_alloc_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	seq_printf(m, "%ld\n", page_alloc_fail_budget());
	return 0;
}

int proc_fail_page_alloc_write(const char *text)
{
	bool negative = text[0] == '-';
	const char *end;
	unsigned long v = simple_strtoul(text + negative, &end, 10);

	if (*end || end == text + negative || (negative && v != 1))
		return -EINVAL;
	page_alloc_fail_after(negative ? -1 : (long)v);
	return 0;
}

int proc_fork_mode_show(struct task_struct *t, struct seq_buf *m)
{
	(void)t;
	seq_printf(m, "%s\n", fork_mode_name(fork_mode));
	return 0;
}

int proc_fork_mode_write(const char *text)
{
	int mode = fork_mode_parse(text);

	if (mode < 0)
		return -EINVAL;
	fork_mode = mode;
	return 0;
}

int proc_sysrq_write(const char *text)
{
	switch (text[0]) {
	case 'c':
		panic("sysrq triggered crash");
	case 'o':
		machine_exit(EXIT_OK);
	case 'b':
		machine_restart();
	default:
		return -EINVAL;
	}
}

/* noinline: each must keep a frame of its own, so the oops names it. */
static __attribute__((noinline)) void lkdtm_PANIC(void)
{
	panic("dumptest");
}

static __attribute__((noinline)) void lkdtm_BUG(void)
{
	BUG();
}

static __attribute__((noinline)) void lkdtm_EXCEPTION(void)
{
	*(volatile int *)NULL = 0;
}

static __attribute__((noinline)) void lkdtm_SPINLOCKUP(void)
{
	static DEFINE_SPINLOCK(lock_me_up); /* protects nothing: it is there to be taken twice */

	spin_lock(&lock_me_up);
	spin_lock(&lock_me_up);
}

static __attribute__((noinline)) void lkdtm_ATOMIC_SLEEP(void)
{
	static DEFINE_SPINLOCK(sleep_holding_me); /* protects nothing: it is there to be held across a sleep */

	spin_lock(&sleep_holding_me);
	schedule_timeout(1);
	spin_unlock(&sleep_holding_me);
}

int proc_provoke_crash_write(const char *text)
{
	static const struct {
		const char *name;
		void (*crash)(void);
	} crashes[] = {
		{ "PANIC", lkdtm_PANIC }, { "BUG", lkdtm_BUG }, { "EXCEPTION", lkdtm_EXCEPTION },
		{ "SPINLOCKUP", lkdtm_SPINLOCKUP }, { "ATOMIC_SLEEP", lkdtm_ATOMIC_SLEEP },
	};

	for (size_t i = 0; i < ARRAY_SIZE(crashes); i++)
		if (!strcmp(text, crashes[i].name))
			crashes[i].crash();
	return -EINVAL;
}
