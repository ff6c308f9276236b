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
#include <asm/mmu_context.h>
#include <time.h>
#include <uapi/wait.h>
#include <errno.h>
#include <tty.h>

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
	switch_mm(NULL); /* stop using the page tables we are about to free */
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

/* SIGCHLD's siginfo, as Linux's do_notify_parent() fills it: who, what happened (code, status), its CPU time. */
static struct kernel_siginfo child_info(const struct task_struct *tsk, const struct task_struct *parent,
					int code, int status)
{
	u64 utime, stime;

	thread_group_cputime(tsk->signal, &utime, &stime);
	return (struct kernel_siginfo){
		.signo = SIGCHLD,
		.code = code,
		.pid = task_pid_nr_ns(tsk, parent->pid_ns),
		.uid = tsk->cred.uid,
		.status = status,
		.utime = (long)utime, /* ticks are clock ticks: HZ is USER_HZ */
		.stime = (long)stime,
	};
}

/* How a dead process ended, as SIGCHLD and waitid(2) say it: CLD_EXITED with the code, or the signal. */
static void exit_cause(int status, int *code, int *what)
{
	*code = (status & 0x7f) == 0 ? CLD_EXITED : (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
	*what = (status & 0x7f) == 0 ? (status >> 8) & 0xff : status & 0x7f;
}

/* The SIGCHLD always (whatever the exit signal), unless the parent ignores it or set SA_NOCLDSTOP. */
void do_notify_parent_cldstop(struct task_struct *tsk, int why)
{
	struct task_struct *parent;
	struct k_sigaction *act;

	tsk = tsk->group_leader;
	parent = tsk->real_parent;
	act = &parent->sighand->action[SIGCHLD - 1];
	if (act->handler != SIG_IGN && !(act->flags & SA_NOCLDSTOP)) {
		int status = why == CLD_CONTINUED ? SIGCONT : tsk->signal->group_exit_code & 0x7f;
		struct kernel_siginfo info = child_info(tsk, parent, why, status);
		send_group_sig_info(&info, parent);
	}
	wake_up(&parent->signal->wait_chldexit); /* a waiter with WUNTRACED or WCONTINUED */
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
		int code, status;
		exit_cause(group_status(tsk), &code, &status);
		struct kernel_siginfo info = child_info(tsk, parent, code, status);
		info.signo = tsk->exit_signal;
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
		else
			kill_orphaned_pgrp(child, father);
	}
}

static void exit_notify(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;
	bool group_dead = tsk->signal->live == 0;

	forget_original_parent(tsk);
	if (group_dead)
		kill_orphaned_pgrp(leader, NULL);
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
	exit_signals(tsk);
	tsk->exit_code = code;
	trace_exit(code);
	/* The last thread out decides the process's status (Linux's synchronize_group_exit). */
	bool group_dead = --tsk->signal->live == 0;
	if (group_dead && !tsk->signal->group_exit) {
		tsk->signal->group_exit = true;
		tsk->signal->group_exit_code = code;
		tsk->signal->flags = 0;
	}
	exit_mm(tsk);
	put_files_struct(tsk->files);
	put_fs_struct(tsk->fs);
	put_nsproxy(tsk->nsproxy);
	tsk->files = NULL;
	tsk->fs = NULL;
	if (group_dead)
		disassociate_ctty(true); /* a session leader's end: its terminal is free again */
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
		sig->flags = 0;
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

/* ------------------------------------------------------- wait4, waitid */

/* What a wait looks for (Linux's struct wait_opts), and what it found. */
struct wait_opts {
	int type;   /* P_ALL, P_PID or P_PGID */
	pid_t id;   /* the pid or group, in the caller's namespace */
	int flags;  /* WEXITED, WSTOPPED, WCONTINUED, WNOHANG, WNOWAIT, __W* */
	struct task_struct *child;
	int cause;  /* CLD_EXITED (or KILLED, DUMPED), CLD_STOPPED, CLD_CONTINUED */
	int status; /* as wait4 reports it */
};

/* Linux's eligible_child(): pid selection, then the __WCLONE / __WALL rule. */
static bool eligible_child(struct task_struct *p, const struct wait_opts *wo)
{
	if (wo->type == P_PID && task_pid_vnr(p) != wo->id)
		return false;
	if (wo->type == P_PGID && global_pid_vnr(p->signal->pgrp) != wo->id)
		return false;
	if (wo->flags & __WALL)
		return true;
	return (p->exit_signal != SIGCHLD) == !!(wo->flags & __WCLONE);
}

/* Has p something to report that wo waits for?  Its end first, then a stop, then a continue. */
static bool wait_task(struct task_struct *p, struct wait_opts *wo)
{
	struct signal_struct *sig = p->signal;
	int unused;

	if ((wo->flags & WEXITED) && p->exit_state == EXIT_ZOMBIE && sig->live == 0) {
		wo->status = group_status(p);
		exit_cause(wo->status, &wo->cause, &unused);
	} else if ((wo->flags & WSTOPPED) && (sig->flags & SIGNAL_STOP_STOPPED) && sig->group_exit_code) {
		wo->cause = CLD_STOPPED;
		wo->status = sig->group_exit_code << 8 | 0x7f; /* once: the code is cleared when reported */
	} else if ((wo->flags & WCONTINUED) && (sig->flags & SIGNAL_STOP_CONTINUED)) {
		wo->cause = CLD_CONTINUED;
		wo->status = 0xffff;
	} else {
		return false;
	}
	wo->child = p;
	return true;
}

/* The report has reached the caller: unless WNOWAIT, reap the zombie or forget the stop or continue. */
static void wait_consume(struct wait_opts *wo)
{
	struct task_struct *p = wo->child;
	struct signal_struct *psig = current->signal, *sig = p->signal;
	u64 utime, stime;

	if (wo->flags & WNOWAIT)
		return;
	if (wo->cause == CLD_STOPPED) {
		sig->group_exit_code = 0;
		return;
	}
	if (wo->cause == CLD_CONTINUED) {
		sig->flags &= ~SIGNAL_STOP_CONTINUED;
		return;
	}
	/* RUSAGE_CHILDREN and times(2): the child's time and that of the children it waited for. */
	thread_group_cputime(sig, &utime, &stime);
	psig->cutime += utime + sig->cutime;
	psig->cstime += stime + sig->cstime;
	trace_wait(task_pid_vnr(p), wo->status);
	p->exit_state = EXIT_DEAD;
	release_task(p);
}

/* Look through the children of the caller's thread group (or only its own: __WNOTHREAD). */
static long do_wait_once(struct wait_opts *wo)
{
	bool any = false;
	struct task_struct *t, *child;

	list_for_each_entry(t, &current->signal->thread_head, thread_node) {
		if ((wo->flags & __WNOTHREAD) && t != current)
			continue;
		list_for_each_entry(child, &t->children, sibling) {
			if (!eligible_child(child, wo))
				continue;
			any = true;
			if (wait_task(child, wo))
				return task_pid_vnr(child);
		}
	}
	return any ? 0 : -ECHILD;
}

/* The pid of a child with something to report, 0 (WNOHANG: nothing yet), or -errno. */
static long do_wait(struct wait_opts *wo)
{
	long ret;

	for (;;) {
		ret = do_wait_once(wo);
		if (ret || (wo->flags & WNOHANG))
			return ret;
		if (signal_pending(current))
			return -ERESTARTSYS;
		sleep_on(&current->signal->wait_chldexit);
	}
}

static struct rusage child_rusage(const struct task_struct *p)
{
	u64 utime, stime;

	thread_group_cputime(p->signal, &utime, &stime);
	return (struct rusage){ .ru_utime = jiffies_to_timeval(utime), .ru_stime = jiffies_to_timeval(stime) };
}

/* What is written goes out before the child is reaped: an EFAULT leaves it waitable. */
long sys_wait4(pid_t pid, int __user *stat_addr, int options, struct rusage __user *ru)
{
	struct wait_opts wo = { .flags = options | WEXITED };

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH; /* Linux: -INT_MIN names no group */
	wo.type = pid > 0 ? P_PID : pid == -1 ? P_ALL : P_PGID;
	wo.id = pid == 0 ? global_pid_vnr(current->signal->pgrp) : pid > 0 ? pid : -pid;
	long ret = do_wait(&wo);
	if (ret <= 0)
		return ret;
	struct rusage r = child_rusage(wo.child);
	if ((stat_addr && put_user_obj(stat_addr, &wo.status)) || (ru && put_user_obj(ru, &r)))
		return -EFAULT;
	wait_consume(&wo);
	return ret;
}

/* Linux's waitid(2) writes these fields of the siginfo, all zero when WNOHANG found nothing. */
static int put_waitid_info(siginfo_t __user *infop, const struct wait_opts *wo, pid_t pid)
{
	int signo = pid ? SIGCHLD : 0, zero = 0, cause = pid ? wo->cause : 0, status = 0;
	uid_t uid = pid ? wo->child->cred.uid : 0;

	if (pid && wo->cause == CLD_CONTINUED)
		status = SIGCONT;
	else if (pid && wo->cause == CLD_STOPPED)
		status = WSTOPSIG(wo->status);
	else if (pid)
		exit_cause(wo->status, &cause, &status);
	if (put_user_obj(&infop->si_signo, &signo) || put_user_obj(&infop->si_errno, &zero) ||
	    put_user_obj(&infop->si_code, &cause) || put_user_obj(&infop->si_pid, &pid) ||
	    put_user_obj(&infop->si_uid, &uid) || put_user_obj(&infop->si_status, &status))
		return -EFAULT;
	return 0;
}

long sys_waitid(int which, pid_t upid, siginfo_t __user *infop, int options, struct rusage __user *ru)
{
	struct wait_opts wo = { .type = which, .id = upid, .flags = options };

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	if (which == P_PIDFD)
		return upid < 0 ? -EINVAL : -EBADF; /* Cowl has no pidfds: no fd is one */
	if (which != P_ALL && which != P_PID && which != P_PGID)
		return -EINVAL;
	if ((which == P_PID && upid <= 0) || (which == P_PGID && upid < 0))
		return -EINVAL;
	if (which == P_PGID && upid == 0)
		wo.id = global_pid_vnr(current->signal->pgrp);
	long ret = do_wait(&wo);
	if (ret < 0)
		return ret;
	struct rusage r;
	if (ret && ru && (r = child_rusage(wo.child), put_user_obj(ru, &r)))
		return -EFAULT;
	if (infop && put_waitid_info(infop, &wo, (pid_t)ret))
		return -EFAULT;
	if (ret)
		wait_consume(&wo);
	return 0;
}
