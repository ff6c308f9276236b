/*
 * The text files of /proc/<pid> that describe a task, in Linux's formats
 * (proc(5); Linux's fs/proc/array.c):
 *   stat    the 52 fields procps and busybox ps/top parse, on one line
 *   statm   memory sizes in pages
 *   status  the same facts as "Key:\tvalue" lines
 * Times are in clock ticks (USER_HZ).  Numbers Cowl does not keep are 0, as
 * Linux shows them for features it lacks; docs/processes.md lists which.
 */
#include "proc_internal.h"
#include <tty.h>
#include <sched.h>
#include <pid.h>
#include <pid_namespace.h>
#include <mm.h>
#include <fs.h>
#include <uapi/signal.h>
#include <uapi/resource.h>

#define NICE_0_PRIO 20                /* task_prio() of a SCHED_NORMAL task at nice 0 */
#define CAP_FULL_SET 0x000001ffffffffffull /* all 41 capabilities: every process is root */
#define OLD_SIGNAL_MASK 0x7ffffffful  /* stat's signal fields show the first 31 signals only */

const char *task_state(const struct task_struct *t)
{
	if (t->exit_state & EXIT_ZOMBIE)
		return "Z (zombie)";
	if (t->exit_state & EXIT_DEAD)
		return "X (dead)";
	if (t->__state & __TASK_STOPPED)
		return "T (stopped)";
	if (t->__state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	if (t->__state & TASK_UNINTERRUPTIBLE)
		return "D (disk sleep)";
	return "R (running)";
}

/* Sums over the live threads of a process, which is what Linux's stat shows for it. */
struct group_totals {
	u64 utime, stime;
	unsigned long min_flt, maj_flt;
};

static void group_totals(const struct task_struct *t, struct group_totals *g)
{
	const struct task_struct *th;

	*g = (struct group_totals){ 0 };
	list_for_each_entry(th, &t->signal->thread_head, thread_node) {
		g->utime += th->utime;
		g->stime += th->stime;
		g->min_flt += th->min_flt;
		g->maj_flt += th->maj_flt;
	}
}

/* Signals by disposition: handlers set to SIG_IGN, and caught (a function). */
static void sig_dispositions(const struct task_struct *t, u64 *ignored, u64 *caught)
{
	*ignored = *caught = 0;
	for (int i = 0; i < _NSIG; i++) {
		void (*h)(int) = t->sighand->action[i].handler;
		if (h == SIG_IGN)
			*ignored |= 1ull << i;
		else if (h != SIG_DFL)
			*caught |= 1ull << i;
	}
}

static pid_t ppid_of(const struct task_struct *t)
{
	return t->real_parent ? task_tgid_vnr(t->real_parent) : 0;
}

/* Fields 1-20: ids, state, faults, times, priority and thread count. */
static void stat_ids_and_times(struct task_struct *t, struct seq_buf *m)
{
	struct group_totals g;

	group_totals(t, &g);
	/* tty_nr and tpgid: the controlling terminal (tty1, the only one) and its foreground group, or 0 and -1. */
	struct tty_struct *tty = t->signal->tty;
	seq_printf(m, "%d (%s) %c %d %d %d %d %d %u ", task_pid_vnr(t), t->comm, task_state(t)[0],
		   ppid_of(t), global_pid_vnr(t->signal->pgrp), global_pid_vnr(t->signal->session),
		   tty ? MKDEV(TTY_MAJOR, 1) : 0, tty && tty->pgrp ? global_pid_vnr(tty->pgrp) : -1, t->flags);
	/* cminflt, cmajflt, cutime, cstime: reaped children are not accounted yet. */
	seq_printf(m, "%lu 0 %lu 0 %lu %lu 0 0 %d 0 %d ", g.min_flt, g.maj_flt, jiffies_to_clock_t(g.utime),
		   jiffies_to_clock_t(g.stime), NICE_0_PRIO, t->signal->nr_threads);
}

/* Fields 21-37: start time, memory layout, signals, wait channel, swap. */
static void stat_memory_and_signals(struct task_struct *t, struct seq_buf *m)
{
	const struct mm_struct *mm = t->mm;
	u64 ignored, caught;

	/* itrealvalue is always 0 on Linux since 2.6.17. */
	seq_printf(m, "0 %lu %lu %lu %llu ", jiffies_to_clock_t(t->start_time), mm ? mm->total_vm << PAGE_SHIFT : 0,
		   mm ? get_mm_rss(mm) : 0, RLIM64_INFINITY);
	/* kstkesp and kstkeip are 0, as Linux shows them for a task that is not dumping core. */
	seq_printf(m, "%lu %lu %lu 0 0 ", mm ? mm->start_code : 0, mm ? mm->end_code : 0,
		   mm ? mm->start_stack : 0);
	sig_dispositions(t, &ignored, &caught);
	/* wchan: Linux shows only whether a one-thread process sleeps; nswap and cnswap are 0 there too. */
	seq_printf(m, "%lu %lu %lu %lu %d 0 0 ", t->pending.signal & OLD_SIGNAL_MASK, t->blocked & OLD_SIGNAL_MASK,
		   ignored & OLD_SIGNAL_MASK, caught & OLD_SIGNAL_MASK,
		   t->__state != TASK_RUNNING && t->signal->nr_threads < 2);
}

/* Fields 38-52: exit signal, CPU, scheduling policy, then the address-space boundaries. */
static void stat_tail(struct task_struct *t, struct seq_buf *m)
{
	const struct mm_struct *mm = t->mm;
	const struct mm_struct none = { 0 };

	if (!mm)
		mm = &none;
	/* the CPU, rt_priority 0 and policy SCHED_NORMAL; no block-I/O delay or guest time. */
	seq_printf(m, "%d %u 0 0 0 0 0 ", t->exit_signal, t->cpu);
	seq_printf(m, "%lu %lu %lu %lu %lu %lu %lu %d\n", mm->start_data, mm->end_data, mm->start_brk,
		   mm->arg_start, mm->arg_end, mm->env_start, mm->env_end, t->exit_code);
}

int proc_pid_stat_show(struct task_struct *t, struct seq_buf *m)
{
	stat_ids_and_times(t, m);
	stat_memory_and_signals(t, m);
	stat_tail(t, m);
	return 0;
}

/* size resident shared text lib data dt, in pages; lib and dt are always 0 on Linux 2.6 and later. */
int proc_pid_statm_show(struct task_struct *t, struct seq_buf *m)
{
	struct mm_numbers n = { 0 };

	if (t->mm)
		proc_mm_numbers(t->mm, &n);
	seq_printf(m, "%lu %lu %lu %lu 0 %lu 0\n", n.total, n.anon + n.file + n.shmem, n.file + n.shmem, n.text,
		   n.data + n.stack);
	return 0;
}

/* "Key:" and the task's id in each pid namespace from the caller's down to the task's own. */
static void ns_ids(struct seq_buf *m, const char *key, const struct task_struct *t)
{
	seq_printf(m, "%s:", key);
	for (int level = current->pid_ns->level; level <= t->pid_ns->level; level++)
		seq_printf(m, "\t%d", t->numbers[level]);
	seq_printf(m, "\n");
}

/* From Name to Kthread: who the task is.  Every process is root, in no supplementary group. */
static void status_ids(struct task_struct *t, struct seq_buf *m)
{
	seq_printf(m, "Name:\t%s\n", t->comm);
	seq_printf(m, "State:\t%s\n", task_state(t));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\n", task_tgid_vnr(t));
	seq_printf(m, "Pid:\t%d\nPPid:\t%d\nTracerPid:\t0\n", task_pid_vnr(t), ppid_of(t));
	seq_printf(m, "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
	seq_printf(m, "FDSize:\t%d\nGroups:\t \n", NR_OPEN);
	ns_ids(m, "NStgid", t->group_leader);
	ns_ids(m, "NSpid", t);
	seq_printf(m, "NSpgid:\t%d\nNSsid:\t%d\n", global_pid_vnr(t->signal->pgrp),
		   global_pid_vnr(t->signal->session));
	seq_printf(m, "Kthread:\t%d\n", !!(t->flags & PF_KTHREAD));
}

#define KB(pages) ((pages) * (PAGE_SIZE / 1024))

/* The Vm and Rss lines, in kB.  The peaks (VmPeak, VmHWM) are not kept, so not shown. */
static void status_mm(const struct mm_struct *mm, struct seq_buf *m)
{
	struct mm_numbers n;

	proc_mm_numbers(mm, &n);
	unsigned long exe = MIN(n.text, n.exec);
	seq_printf(m, "VmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n", KB(n.total), 0ul, 0ul);
	seq_printf(m, "VmRSS:\t%8lu kB\n", KB(n.anon + n.file + n.shmem));
	seq_printf(m, "RssAnon:\t%8lu kB\nRssFile:\t%8lu kB\nRssShmem:\t%8lu kB\n", KB(n.anon), KB(n.file),
		   KB(n.shmem));
	seq_printf(m, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\n", KB(n.data), KB(n.stack));
	seq_printf(m, "VmExe:\t%8lu kB\nVmLib:\t%8lu kB\n", KB(exe), KB(n.exec - exe));
	seq_printf(m, "VmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n", mm_pgtables_bytes(mm) / 1024, 0ul);
	/* Cowl's own line (Linux has none): the COW faults of this address space, copies and reuses. */
	seq_printf(m, "CowFaults:\t%lu\n", mm->cow_faults);
}

static int nr_signals(u64 set)
{
	int n = 0;

	for (; set; set &= set - 1)
		n++;
	return n;
}

/* Threads, the signal masks, capabilities and the switch counts. */
static void status_signals(struct task_struct *t, struct seq_buf *m)
{
	u64 ignored, caught;

	sig_dispositions(t, &ignored, &caught);
	seq_printf(m, "Threads:\t%d\n", t->signal->nr_threads);
	seq_printf(m, "SigQ:\t%d/%llu\n", nr_signals(t->pending.signal | t->signal->shared_pending.signal),
		   RLIM64_INFINITY);
	seq_printf(m, "SigPnd:\t%016lx\nShdPnd:\t%016lx\n", t->pending.signal, t->signal->shared_pending.signal);
	seq_printf(m, "SigBlk:\t%016lx\nSigIgn:\t%016lx\nSigCgt:\t%016lx\n", t->blocked, ignored, caught);
	seq_printf(m, "CapInh:\t%016llx\nCapPrm:\t%016llx\nCapEff:\t%016llx\nCapBnd:\t%016llx\nCapAmb:\t%016llx\n",
		   0ull, CAP_FULL_SET, CAP_FULL_SET, CAP_FULL_SET, 0ull);
	seq_printf(m, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n");
	seq_printf(m, "Cpus_allowed:\t1\nCpus_allowed_list:\t0\n");
	/* The task's own counts, not the group's, as in Linux. */
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\nnonvoluntary_ctxt_switches:\t%lu\n", t->nvcsw, t->nivcsw);
}

/* proc(5), /proc/pid/status: Linux's lines in Linux's order, those Cowl has something for. */
int proc_pid_status_show(struct task_struct *t, struct seq_buf *m)
{
	status_ids(t, m);
	if (t->mm)
		status_mm(t->mm, m);
	status_signals(t, m);
	return 0;
}
