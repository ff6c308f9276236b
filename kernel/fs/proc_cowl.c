/*
 * Control files.  /proc/cowl holds Cowl's own:
 *   trace            the trace events on (read), or set them: "cow,clone", "all", "none"
 *   fail_page_alloc  fault injection: write N and the next N page allocations
 *                    succeed, then every one fails until -1 is written
 * and /proc/sysrq-trigger is Linux's: "c" crashes the kernel on purpose (how
 * the tests check that a panic is caught), "o" powers off, "b" reboots.
 */
#include "proc_internal.h"
#include <trace.h>
#include <gfp.h>
#include <string.h>
#include <uapi/errno.h>
#include <power.h>
#include <printk.h>

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
