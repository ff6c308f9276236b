/*
 * Process groups and sessions, for job control: a shell puts each job in a
 * group of its own (setpgid) and tells the console which group is in the
 * foreground; Ctrl-C then signals that group.  A session (setsid) is the
 * set of groups of one login; init starts one.  The ids are kept as global
 * pids and shown in the caller's pid namespace.
 */
#include <sched.h>
#include <pid.h>
#include <signal.h>
#include <syscalls.h>
#include <errno.h>
#include <tty.h>

/* The process `pid` names (0: the caller), or NULL. */
static struct task_struct *process_of(pid_t pid)
{
	struct task_struct *p = pid ? find_task_by_vpid(pid) : current;

	return p && !p->exit_state ? p->group_leader : NULL;
}

static bool pgrp_exists_in_session(pid_t pgrp, pid_t session)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal->pgrp == pgrp && p->signal->session == session)
			return true;
	return false;
}

/* setpgid(2): the caller or one of its children, into a group of the same session. */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *p = process_of(pid), *me = current->group_leader;

	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != me && p->real_parent->group_leader != me))
		return -ESRCH;
	if (p->signal->session != me->signal->session || p->signal->session == p->pid)
		return -EPERM; /* another session, or a session leader */
	pid_t target = pgid ? (process_of(pgid) ? process_of(pgid)->pid : -1) : p->pid;
	if (target != p->pid && (target < 0 || !pgrp_exists_in_session(target, me->signal->session)))
		return -EPERM;
	p->signal->pgrp = target;
	return 0;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *p = process_of(pid);

	return p ? global_pid_vnr(p->signal->pgrp) : -ESRCH;
}

long sys_getpgrp(void)
{
	return sys_getpgid(0);
}

long sys_getsid(pid_t pid)
{
	struct task_struct *p = process_of(pid);

	return p ? global_pid_vnr(p->signal->session) : -ESRCH;
}

/* setsid(2): a new session and group led by the caller, unless it already leads a group. */
long sys_setsid(void)
{
	struct task_struct *me = current->group_leader;

	if (pgrp_exists_in_session(me->pid, me->signal->session) && me->signal->pgrp == me->pid)
		return -EPERM;
	me->signal->pgrp = me->signal->session = me->pid;
	proc_clear_tty(me); /* a new session starts without a controlling terminal */
	return global_pid_vnr(me->pid);
}

/* From kill(2) the caller needs the right to signal each member: EPERM if it had it for none. */
static int __kill_pgrp(pid_t pgrp, int sig, bool from_user)
{
	struct task_struct *p;
	int found = 0, sent = 0;

	list_for_each_entry(p, &task_list, tasks) {
		if (thread_group_leader(p) && !p->exit_state && p->signal->pgrp == pgrp && !(p->flags & PF_KTHREAD)) {
			found++;
			if (from_user && check_kill_permission(sig, p))
				continue;
			sent++;
			if (sig)
				send_group_sig(sig, p);
		}
	}
	return sent ? 0 : found ? -EPERM : -ESRCH;
}

int kill_pgrp(pid_t pgrp, int sig)
{
	return __kill_pgrp(pgrp, sig, false);
}

int kill_pgrp_from_user(pid_t pgrp, int sig)
{
	return __kill_pgrp(pgrp, sig, true);
}

/*
 * Linux's will_become_orphaned_pgrp(): would the group be orphaned without
 * `ignored`?  A group is orphaned when no member's parent is in another
 * group of the same session: nobody is left to continue a stopped job.
 * Ended processes and the children of init do not count.
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, const struct task_struct *ignored)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks) {
		if (!thread_group_leader(p) || p->signal->pgrp != pgrp || p == ignored ||
		    (p->exit_state && !p->signal->live) || p->real_parent->tgid == 1)
			continue;
		if (p->real_parent->signal->pgrp != pgrp && p->real_parent->signal->session == p->signal->session)
			return false;
	}
	return true;
}

bool is_current_pgrp_orphaned(void)
{
	return will_become_orphaned_pgrp(current->signal->pgrp, NULL);
}

static bool has_stopped_jobs(pid_t pgrp)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal->pgrp == pgrp && (p->signal->flags & SIGNAL_STOP_STOPPED))
			return true;
	return false;
}

/* POSIX: a stopped job that becomes orphaned gets SIGHUP, then SIGCONT, so it is not left stopped for ever. */
void kill_orphaned_pgrp(struct task_struct *tsk, struct task_struct *parent)
{
	pid_t pgrp = tsk->signal->pgrp;
	struct task_struct *ignored = parent ? NULL : tsk; /* exiting: tsk no longer counts */

	if (!parent)
		parent = tsk->real_parent;
	if (parent->signal->pgrp != pgrp && parent->signal->session == tsk->signal->session &&
	    will_become_orphaned_pgrp(pgrp, ignored) && has_stopped_jobs(pgrp)) {
		kill_pgrp(pgrp, SIGHUP);
		kill_pgrp(pgrp, SIGCONT);
	}
}
