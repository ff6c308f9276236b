/*
 * The end of a task: do_exit() releases what the task holds, tells the
 * parent (exit signal + wake-up) when the whole thread group is gone, and
 * leaves a zombie for wait4() to collect.  Orphans go to the reaper of
 * their pid namespace (init).
 */
#include <sched.h>
#include <mm_types.h>
#include <mm.h>
#include <pgtable.h>
#include <fs.h>
#include <nsproxy.h>
#include <pid.h>
#include <pid_namespace.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <printk.h>
#include <trace.h>
#include <time.h>
#include <uapi/wait.h>
#include <errno.h>

/* A task that exited cannot free its own kernel stack: the next one does. */
static struct task_struct *dead_task;

void finish_dead_task(void)
{
	if (dead_task && dead_task != current) {
		put_task_struct(dead_task);
		dead_task = NULL;
	}
}

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;

	if (!mm)
		return;
	mm_release(tsk, mm);
	tsk->mm = NULL;
	tsk->active_mm = NULL;
	load_pgd(init_pgd); /* stop using the page tables we are about to free */
	mmput(mm);
}

/* Unlink a dead task and drop what it still referenced. */
void release_task(struct task_struct *p)
{
	list_del(&p->tasks);
	list_del(&p->sibling);
	list_del(&p->thread_node);
	p->signal->utime += p->utime; /* the group's CPU time keeps what its gone threads used */
	p->signal->stime += p->stime;
	nr_threads--;
	p->signal->nr_threads--;
	if (p->pid_ns->child_reaper == p)
		p->pid_ns->child_reaper = NULL; /* orphans now go to the parent namespace's init */
	put_pid_ns(p->pid_ns);
	put_sighand(p->sighand);
	put_signal(p->signal);
	if (p == current)
		dead_task = p;
	else
		put_task_struct(p);
}

/* The wait status of a dead process: exit(n) gives n << 8, a signal s gives s. */
static int group_status(const struct task_struct *p)
{
	return p->signal->group_exit ? p->signal->group_exit_code : p->exit_code;
}

/* SIGCHLD's siginfo, as Linux's do_notify_parent() fills it: who, how it ended, its CPU time. */
static struct kernel_siginfo child_info(const struct task_struct *tsk, const struct task_struct *parent)
{
	int status = group_status(tsk);
	u64 utime, stime;

	thread_group_cputime(tsk->signal, &utime, &stime);
	return (struct kernel_siginfo){
		.signo = tsk->exit_signal,
		.code = (status & 0x7f) == 0 ? CLD_EXITED : (status & 0x80) ? CLD_DUMPED : CLD_KILLED,
		.pid = task_pid_nr_ns(tsk, parent->pid_ns),
		.uid = tsk->cred.uid,
		.status = (status & 0x7f) == 0 ? (status >> 8) & 0xff : status & 0x7f,
		.utime = (long)utime, /* ticks are clock ticks: HZ is USER_HZ */
		.stime = (long)stime,
	};
}

/* Tell the parent that the process `tsk` leads has ended. */
static void do_notify_parent(struct task_struct *tsk)
{
	struct task_struct *parent = tsk->parent;
	struct k_sigaction *act = &parent->sighand->action[SIGCHLD - 1];
	bool autoreap = false;

	/* POSIX: no zombie when the parent ignores SIGCHLD or set SA_NOCLDWAIT (a handler still runs then). */
	if (tsk->exit_signal == SIGCHLD && (act->handler == SIG_IGN || (act->flags & SA_NOCLDWAIT)))
		autoreap = true;
	if (tsk->exit_signal > 0 && tsk->exit_signal <= _NSIG && !(autoreap && act->handler == SIG_IGN)) {
		struct kernel_siginfo info = child_info(tsk, parent);
		send_group_sig_info(&info, parent);
	}
	wake_up(&parent->signal->wait_chldexit);
	if (autoreap) {
		tsk->exit_state = EXIT_DEAD;
		release_task(tsk);
	}
}

static struct task_struct *find_alive_thread(struct task_struct *p)
{
	struct task_struct *t;

	list_for_each_entry(t, &p->signal->thread_head, thread_node)
		if (!(t->flags & PF_EXITING))
			return t;
	return NULL;
}

/*
 * Who adopts the children (Linux's find_new_reaper): another live thread
 * of the group; else the nearest ancestor in the same pid namespace that
 * made itself a subreaper (PR_SET_CHILD_SUBREAPER); else the namespace's init.
 */
static struct task_struct *find_new_reaper(struct task_struct *father)
{
	struct task_struct *t = find_alive_thread(father), *up;
	struct pid_namespace *ns = father->pid_ns;

	if (t)
		return t;
	for (up = father->group_leader->real_parent; up != &init_task && up->pid_ns == ns; up = up->real_parent) {
		if (up->signal->is_child_subreaper && (t = find_alive_thread(up)))
			return t;
		up = up->group_leader;
	}
	while (ns->child_reaper == father->group_leader || !ns->child_reaper)
		ns = ns->parent; /* a namespace's init is dying: up one level */
	return ns->child_reaper;
}

static void kill_pid_namespace(struct pid_namespace *ns, struct task_struct *init)
{
	struct task_struct *t;

	list_for_each_entry(t, &task_list, tasks)
		if (t != init && task_pid_nr_ns(t, ns))
			send_sig(SIGKILL, t);
}

static void forget_original_parent(struct task_struct *father)
{
	struct task_struct *child, *tmp, *t;

	struct task_struct *init = father->pid_ns->child_reaper;

	/* The last thread of a namespace's init: everyone in the namespace dies with it. */
	if (init && init->signal == father->signal && father->signal->live == 0)
		kill_pid_namespace(father->pid_ns, init);
	if (list_empty(&father->children))
		return;
	struct task_struct *reaper = find_new_reaper(father);
	list_for_each_entry_safe(child, tmp, &father->children, sibling) {
		list_del(&child->sibling);
		child->real_parent = child->parent = reaper;
		list_add_tail(&child->sibling, &reaper->children);
		list_for_each_entry(t, &child->signal->thread_head, thread_node)
			if (t->pdeath_signal) /* PR_SET_PDEATHSIG: the thread that made us is gone */
				send_group_sig(t->pdeath_signal, t);
		if (child->exit_state == EXIT_ZOMBIE && child->signal->live == 0)
			do_notify_parent(child);
	}
}

static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;
	bool group_dead = tsk->signal->live == 0;

	forget_original_parent(tsk);
	if (thread_group_leader(tsk)) {
		tsk->exit_state = EXIT_ZOMBIE;
		if (group_dead)
			do_notify_parent(tsk);
		return;
	}
	/* A thread is never waited for: it goes at once. */
	tsk->exit_state = EXIT_DEAD;
	release_task(tsk);
	if (group_dead && leader->exit_state == EXIT_ZOMBIE)
		do_notify_parent(leader);
}

__noreturn void do_exit(int code)
{
	struct task_struct *tsk = current;

	if (tsk->pid == 1 && tsk->pid_ns == &init_pid_ns)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	tsk->flags |= PF_EXITING;
	tsk->exit_code = code;
	trace_exit(code);
	/* The last thread out decides the process's status (Linux's synchronize_group_exit). */
	if (--tsk->signal->live == 0 && !tsk->signal->group_exit) {
		tsk->signal->group_exit = true;
		tsk->signal->group_exit_code = code;
	}
	exit_mm(tsk);
	put_files_struct(tsk->files);
	put_fs_struct(tsk->fs);
	put_nsproxy(tsk->nsproxy);
	tsk->files = NULL;
	tsk->fs = NULL;
	exit_notify(tsk);
	tsk->__state = TASK_UNINTERRUPTIBLE; /* never runs again */
	schedule();
	panic("do_exit: a dead task was scheduled");
}

/* Kill every thread of the group; the first caller's code is the group's status. */
__noreturn void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;
	struct task_struct *t;

	if (sig->group_exit) {
		code = sig->group_exit_code;
	} else {
		sig->group_exit = true;
		sig->group_exit_code = code;
		list_for_each_entry(t, &sig->thread_head, thread_node)
			if (t != current)
				send_sig(SIGKILL, t);
	}
	do_exit(code);
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
	do_group_exit((code & 0xff) << 8);
}

/* ---------------------------------------------------------------- wait4 */

/* Linux's eligible_child(): pid selection, then the __WCLONE / __WALL rule. */
static bool eligible_child(struct task_struct *p, pid_t pid, int options)
{
	if (pid > 0 && task_pid_vnr(p) != pid)
		return false;
	if (pid == 0 && p->signal->pgrp != current->signal->pgrp)
		return false;
	if (pid < -1 && global_pid_vnr(p->signal->pgrp) != -pid)
		return false;
	if (options & __WALL)
		return true;
	return (p->exit_signal != SIGCHLD) == !!(options & __WCLONE);
}

static long reap_zombie(struct task_struct *p, int __user *stat_addr, struct rusage __user *ru)
{
	int status = group_status(p);
	pid_t nr = task_pid_vnr(p);
	struct signal_struct *psig = current->signal, *sig = p->signal;
	u64 utime, stime;

	thread_group_cputime(sig, &utime, &stime);
	struct rusage r = { .ru_utime = jiffies_to_timeval(utime), .ru_stime = jiffies_to_timeval(stime) };
	if (stat_addr && put_user_obj(stat_addr, &status))
		return -EFAULT;
	if (ru && put_user_obj(ru, &r))
		return -EFAULT;
	/* RUSAGE_CHILDREN and times(2): the child's time and that of the children it waited for. */
	psig->cutime += utime + sig->cutime;
	psig->cstime += stime + sig->cstime;
	trace_wait(nr, status);
	p->exit_state = EXIT_DEAD;
	release_task(p);
	return nr;
}

/* Look through the children of the caller's thread group (or only its own: __WNOTHREAD). */
static long do_wait_once(pid_t pid, int options, int __user *stat_addr, struct rusage __user *ru)
{
	bool any = false;
	struct task_struct *t, *child;

	list_for_each_entry(t, &current->signal->thread_head, thread_node) {
		if ((options & __WNOTHREAD) && t != current)
			continue;
		list_for_each_entry(child, &t->children, sibling) {
			if (!eligible_child(child, pid, options))
				continue;
			any = true;
			if (child->exit_state == EXIT_ZOMBIE && child->signal->live == 0)
				return reap_zombie(child, stat_addr, ru);
		}
	}
	return any ? 0 : -ECHILD;
}

long sys_wait4(pid_t pid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	for (;;) {
		ret = do_wait_once(pid, options, stat_addr, ru);
		if (ret || (options & WNOHANG))
			return ret;
		if (signal_pending(current))
			return -ERESTARTSYS;
		sleep_on(&current->signal->wait_chldexit);
	}
}
