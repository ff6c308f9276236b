/*
 * Signals: sending (kill, faults, SIGCHLD, SIGPIPE), the handler table
 * (rt_sigaction, shared with CLONE_SIGHAND), the blocked mask
 * (rt_sigprocmask) and delivery on the way back to user mode: the default
 * action (ignore, or end the whole thread group) or a user handler (the
 * frame is built by arch/x86_64/signal.c).  A pending signal keeps the
 * siginfo of its first sending (who: SI_USER for kill, SI_TKILL for
 * tkill/tgkill, CLD_* for SIGCHLD, SI_KERNEL for the kernel's own); a
 * second sending while it is pending adds nothing, as for Linux's standard
 * signals.  Job control: a stop signal's default action stops every thread
 * of the process (each on its way back to user mode) and SIGCONT wakes them;
 * the parent hears of both through SIGCHLD and wait.
 */
#include <signal.h>
#include <sched.h>
#include <syscalls.h>
#include <uaccess.h>
#include <pid.h>
#include <pid_namespace.h>
#include <asm/ptrace.h>
#include <errno.h>

#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
/* Signals whose default action is to do nothing (signal(7)); SIGCONT's continues the process when sent. */
#define DEFAULT_IGNORE (sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | sigmask(SIGCONT))
/* Signals whose default action is to stop the process. */
#define STOP_SIGNALS (sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))

int setup_rt_frame(const struct kernel_siginfo *info, struct k_sigaction *ka, struct pt_regs *regs,
		   u64 oldmask);

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

/*
 * An init (the first process of a pid namespace, the real init included)
 * is protected from its own namespace: Linux marks it SIGNAL_UNKILLABLE.
 */
static bool is_child_reaper(const struct task_struct *p)
{
	const struct task_struct *reaper = p->pid_ns->child_reaper;

	return reaper && reaper->signal == p->signal;
}

/*
 * Linux's sig_task_ignored(): an init ignores every signal it has no handler
 * for, SIGKILL and SIGSTOP too unless `force`d (sent by the kernel or from an
 * ancestor namespace, where the init is an ordinary process).
 */
static bool sig_ignored(struct task_struct *p, int sig, bool force)
{
	void (*h)(int) = p->sighand->action[sig - 1].handler;

	if (p->blocked & sigmask(sig))
		return false; /* a blocked signal stays pending: the handler may change */
	if (h == SIG_DFL && is_child_reaper(p) && !(force && (UNBLOCKABLE & sigmask(sig))))
		return true;
	return h == SIG_IGN || (h == SIG_DFL && (DEFAULT_IGNORE & sigmask(sig)));
}

/* A fatal signal wakes a stopped task too (Linux's signal_wake_up). */
static void signal_wake_up(struct task_struct *p, bool fatal)
{
	wake_up_state(p, TASK_INTERRUPTIBLE | (fatal ? TASK_WAKEKILL : 0));
}

/* Forget pending signals of `mask` in the whole thread group. */
static void flush_signals_mask(struct signal_struct *signal, u64 mask)
{
	struct task_struct *t;

	signal->shared_pending.signal &= ~mask;
	list_for_each_entry(t, &signal->thread_head, thread_node)
		t->pending.signal &= ~mask;
}

/*
 * Linux's prepare_signal(): what sending does before anything is queued.
 * A stop signal discards a pending SIGCONT; SIGCONT discards pending stop
 * signals and wakes a stopped group, even when SIGCONT itself is ignored,
 * and leaves the parent to be told.  Then: should the signal be queued?
 */
static bool prepare_signal(int sig, struct task_struct *p, bool force)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;

	if (signal->group_exit)
		return sig == SIGKILL; /* dying: only the SIGKILL that kills each thread matters */
	if (STOP_SIGNALS & sigmask(sig)) {
		flush_signals_mask(signal, sigmask(SIGCONT));
	} else if (sig == SIGCONT) {
		flush_signals_mask(signal, STOP_SIGNALS);
		list_for_each_entry(t, &signal->thread_head, thread_node) {
			t->jobctl &= ~JOBCTL_STOP_PENDING;
			wake_up_state(t, __TASK_STOPPED);
		}
		/* Continued in the middle of a stop: the parent hears only of the stop (SIGCHLD does not queue). */
		unsigned int why = (signal->flags & SIGNAL_STOP_STOPPED) ? SIGNAL_CLD_CONTINUED
				   : signal->group_stop_count ? SIGNAL_CLD_STOPPED : 0;
		if (why) {
			signal->flags = (signal->flags & ~SIGNAL_STOP_MASK) | why | SIGNAL_STOP_CONTINUED;
			signal->group_stop_count = 0;
			signal->group_exit_code = 0;
		}
	}
	return !sig_ignored(p, sig, force);
}

/* The first sending's info stays: a signal already pending is not queued twice. */
static void queue_signal(struct k_sigpending *pending, const struct kernel_siginfo *info)
{
	u64 bit = sigmask(info->signo);

	if (pending->signal & bit)
		return;
	pending->info[info->signo - 1] = *info;
	pending->signal |= bit;
}

/* Linux's SEND_SIG_NOINFO: "sent by the current process", as kill(2) reports it to p. */
static struct kernel_siginfo info_from_current(int sig, int code, const struct task_struct *p)
{
	return (struct kernel_siginfo){ .signo = sig, .code = code,
					.pid = task_pid_nr_ns(current->group_leader, p->pid_ns), .uid = current->cred.uid };
}

static void send_thread_sig(const struct kernel_siginfo *info, struct task_struct *p, bool force)
{
	if (p->exit_state || !prepare_signal(info->signo, p, force))
		return;
	queue_signal(&p->pending, info);
	signal_wake_up(p, info->signo == SIGKILL);
}

void send_sig(int sig, struct task_struct *p)
{
	struct kernel_siginfo info = { .signo = sig, .code = SI_KERNEL };

	send_thread_sig(&info, p, true);
}

/* Would this signal end the process if delivered now? */
static bool sig_fatal(struct task_struct *p, int sig)
{
	void (*h)(int) = p->sighand->action[sig - 1].handler;

	return sig == SIGKILL || (h == SIG_DFL && !((DEFAULT_IGNORE | STOP_SIGNALS) & sigmask(sig)) &&
				  !(p->blocked & sigmask(sig)));
}

/* Like Linux's complete_signal(): a fatal signal takes the whole group down now. */
static void kill_thread_group(struct signal_struct *signal, int sig)
{
	struct task_struct *t;

	signal->group_exit = true;
	signal->group_exit_code = sig;
	signal->flags = 0; /* no longer stopped, nothing to report but the end */
	list_for_each_entry(t, &signal->thread_head, thread_node)
		send_sig(SIGKILL, t);
}

/* Is the sender outside p's pid namespace (Linux's "force if sent from an ancestor pid namespace")? */
static bool from_ancestor_ns(const struct task_struct *p)
{
	return !task_pid_nr_ns(current, p->pid_ns);
}

void send_group_sig_info(const struct kernel_siginfo *info, struct task_struct *p)
{
	struct signal_struct *signal = p->signal;
	struct task_struct *t;
	int sig = info->signo;

	if (p->exit_state && !p->signal->live)
		return;
	if (!prepare_signal(sig, p, from_ancestor_ns(p)))
		return;
	if (sig_fatal(p, sig) && !signal->group_exit) {
		kill_thread_group(signal, sig);
		return;
	}
	queue_signal(&signal->shared_pending, info);
	list_for_each_entry(t, &signal->thread_head, thread_node)
		if (!(t->blocked & sigmask(sig)))
			signal_wake_up(t, false);
}

void send_group_sig(int sig, struct task_struct *p)
{
	struct kernel_siginfo info = info_from_current(sig, SI_USER, p);

	send_group_sig_info(&info, p);
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct k_sigaction *ka = &current->sighand->action[sig - 1];

	/* A fault cannot be ignored or blocked: that would loop on the same instruction. */
	if (ka->handler == SIG_IGN || (current->blocked & sigmask(sig))) {
		ka->handler = SIG_DFL;
		current->blocked &= ~sigmask(sig);
	}
	current->fault_address = addr;
	/* Without a handler the fault is fatal, to an init too (Linux drops SIGNAL_UNKILLABLE here). */
	if (ka->handler == SIG_DFL && !current->signal->group_exit) {
		kill_thread_group(current->signal, sig);
	} else {
		struct kernel_siginfo info = { .signo = sig, .code = code, .addr = addr };
		queue_signal(&current->pending, &info);
	}
}

/*
 * Linux's force_sigsegv(): the frame for `sig` could not be written.  A
 * SIGSEGV handler could never run on that stack, so SIGSEGV gets its default
 * action and the process dies instead of retrying the frame forever.
 */
static void force_sigsegv(int sig, unsigned long sp)
{
	if (sig == SIGSEGV)
		current->sighand->action[SIGSEGV - 1].handler = SIG_DFL;
	force_sig_fault(SIGSEGV, SI_KERNEL, sp);
}

static u64 pending_unblocked(const struct task_struct *p)
{
	return (p->pending.signal | p->signal->shared_pending.signal) & ~(p->blocked & ~UNBLOCKABLE);
}

/* A group stop asks a thread to leave what it waits for, as a signal does. */
bool signal_pending(const struct task_struct *p)
{
	return pending_unblocked(p) != 0 || (p->jobctl & JOBCTL_STOP_PENDING);
}

/* Take the lowest-numbered deliverable signal (synchronous faults first by being thread-private). */
static int dequeue_signal(struct task_struct *p, struct kernel_siginfo *info)
{
	u64 mine = p->pending.signal & ~(p->blocked & ~UNBLOCKABLE);
	struct k_sigpending *set = mine ? &p->pending : &p->signal->shared_pending;
	u64 ready = mine ? mine : pending_unblocked(p);
	int sig = __builtin_ctzll(ready) + 1;

	set->signal &= ~sigmask(sig);
	*info = set->info[sig - 1];
	return sig;
}

/*
 * A thread leaves the group stop it was asked to join (it stops, or
 * exits).  True if it was the last: the group is stopped now, and the
 * caller tells the parent.
 */
static bool task_participate_group_stop(struct task_struct *t)
{
	struct signal_struct *signal = t->signal;

	if (!(t->jobctl & JOBCTL_STOP_PENDING))
		return false;
	t->jobctl &= ~JOBCTL_STOP_PENDING;
	if (--signal->group_stop_count || (signal->flags & SIGNAL_STOP_STOPPED))
		return false;
	signal->flags = (signal->flags & ~SIGNAL_STOP_MASK) | SIGNAL_STOP_STOPPED;
	return true;
}

/* An exiting thread is not waited for by a group stop (Linux's exit_signals). */
void exit_signals(struct task_struct *tsk)
{
	if (task_participate_group_stop(tsk))
		do_notify_parent_cldstop(tsk, CLD_STOPPED);
}

/*
 * Linux's do_signal_stop(): the thread that takes a stop signal `sig` starts
 * a group stop, asking the other threads to stop too; each of them comes
 * here with sig 0 on its way back to user mode.  The last one to stop tells
 * the parent; after SIGCONT, the first one to run again tells it that.
 */
static void do_signal_stop(int sig)
{
	struct signal_struct *signal = current->signal;
	struct task_struct *t;

	if (sig) {
		signal->group_exit_code = sig;
		signal->group_stop_count = 0;
		list_for_each_entry(t, &signal->thread_head, thread_node) {
			if (t->flags & PF_EXITING)
				continue;
			t->jobctl |= JOBCTL_STOP_PENDING;
			signal->group_stop_count++;
			if (t != current)
				signal_wake_up(t, false);
		}
	}
	current->__state = TASK_STOPPED;
	if (task_participate_group_stop(current))
		do_notify_parent_cldstop(current, CLD_STOPPED);
	schedule(); /* until SIGCONT or SIGKILL */
	if (signal->flags & SIGNAL_CLD_MASK) {
		int why = (signal->flags & SIGNAL_CLD_CONTINUED) ? CLD_CONTINUED : CLD_STOPPED;
		signal->flags &= ~SIGNAL_CLD_MASK;
		do_notify_parent_cldstop(current, why);
	}
}

/* The default action: nothing, stop the process, or end it. */
static void do_default_action(struct task_struct *p, int sig)
{
	/* Blocked when sent, so queued: an init still acts only on SIGKILL and SIGSTOP (forced). */
	if ((DEFAULT_IGNORE & sigmask(sig)) || (is_child_reaper(p) && !(UNBLOCKABLE & sigmask(sig))))
		return;
	if (STOP_SIGNALS & sigmask(sig)) {
		/* POSIX: the terminal's stop signals do not stop an orphaned process group. */
		if (sig == SIGSTOP || !is_current_pgrp_orphaned())
			do_signal_stop(sig);
		return;
	}
	do_group_exit(sig); /* the wait status of a killed process is the signal number */
}

void do_signal(struct pt_regs *regs)
{
	struct task_struct *p = current;
	struct kernel_siginfo info;

	if (p->signal->group_exit)
		do_exit(p->signal->group_exit_code);
	if (p->jobctl & JOBCTL_STOP_PENDING) {
		do_signal_stop(0);
		return;
	}
	int sig = dequeue_signal(p, &info);
	struct k_sigaction *ka = &p->sighand->action[sig - 1];

	if (sig == SIGKILL || ka->handler == SIG_DFL) {
		do_default_action(p, sig);
		return;
	}
	if (ka->handler == SIG_IGN)
		return;
	/* A handler runs: an interrupted call is restarted only with SA_RESTART, never for NOHAND. */
	if (in_syscall(regs) && regs->rax == (u64)-ERESTARTSYS && (ka->flags & SA_RESTART))
		syscall_restart(regs);
	else if (in_syscall(regs) && (regs->rax == (u64)-ERESTARTSYS || regs->rax == (u64)-ERESTARTNOHAND ||
				       regs->rax == (u64)-ERESTART_RESTARTBLOCK))
		regs->rax = -EINTR;
	p->restart_block.fn = NULL; /* what was left to go on with ends here (Linux: at sigreturn) */
	/* After rt_sigsuspend the handler returns to the mask from before the call. */
	u64 oldmask = p->restore_sigmask ? p->saved_sigmask : p->blocked;
	if (setup_rt_frame(&info, ka, regs, oldmask)) {
		force_sigsegv(sig, regs->rsp);
		return;
	}
	p->restore_sigmask = false;
	p->blocked |= ka->mask | (ka->flags & SA_NODEFER ? 0 : sigmask(sig));
	p->blocked &= ~UNBLOCKABLE;
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
}

/* ------------------------------------------------------ system calls */

/*
 * Linux's kill_ok_by_cred(): the sender's real or effective uid must be
 * the target's real or saved uid, unless it is privileged (CAP_KILL) or
 * signals its own process.  SIGCONT may also go to the sender's session.
 */
int check_kill_permission(int sig, struct task_struct *t)
{
	const struct cred *c = &current->cred, *tc = &t->cred;

	if (t->signal == current->signal || capable())
		return 0;
	if (c->euid == tc->suid || c->euid == tc->uid || c->uid == tc->suid || c->uid == tc->uid)
		return 0;
	if (sig == SIGCONT && t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

long sys_kill(pid_t pid, int sig)
{
	struct task_struct *p;
	int found = 0;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid == -1) {
		/* Everyone we can see except our namespace's init and ourselves. */
		list_for_each_entry(p, &task_list, tasks) {
			if (!thread_group_leader(p) || !task_pid_vnr(p) || p->signal == current->signal ||
			    p == current->pid_ns->child_reaper || (p->flags & PF_KTHREAD))
				continue;
			found++; /* Linux: one that may not be signalled still counts, EPERM is not reported */
			if (sig && !check_kill_permission(sig, p))
				send_group_sig(sig, p);
		}
		return found ? 0 : -ESRCH;
	}
	if (pid <= 0) { /* 0: our own process group; -N: group N */
		struct task_struct *leader = pid ? find_task_by_vpid(-pid) : current;
		pid_t pgrp = pid ? (leader ? leader->pid : -pid) : current->signal->pgrp;
		return kill_pgrp_from_user(pgrp, sig);
	}
	p = find_task_by_vpid(pid);
	if (!p)
		return -ESRCH;
	int err = check_kill_permission(sig, p);
	if (!err && sig)
		send_group_sig(sig, p);
	return err;
}

static long do_tkill(pid_t tgid, pid_t tid, int sig)
{
	struct task_struct *p = find_task_by_vpid(tid);

	if (tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (!p || (tgid > 0 && task_tgid_vnr(p) != tgid))
		return -ESRCH;
	struct kernel_siginfo info = info_from_current(sig, SI_TKILL, p);
	int err = check_kill_permission(sig, p);
	if (!err && sig)
		send_thread_sig(&info, p, from_ancestor_ns(p));
	return err;
}

long sys_tkill(pid_t tid, int sig)
{
	return do_tkill(0, tid, sig);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, tid, sig);
}

long sys_rt_sigaction(int sig, const struct k_sigaction __user *act, struct k_sigaction __user *oact,
		      size_t sigsetsize)
{
	struct k_sigaction new, *k;

	if (sigsetsize != sizeof(u64) || !valid_signal(sig))
		return -EINVAL;
	if (act && (sig == SIGKILL || sig == SIGSTOP))
		return -EINVAL;
	k = &current->sighand->action[sig - 1];
	if (act && get_user_obj(&new, act))
		return -EFAULT;
	if (oact && put_user_obj(oact, k))
		return -EFAULT;
	if (act) {
		new.mask &= ~UNBLOCKABLE;
		*k = new;
		/* Setting SIG_IGN (or a default that ignores) discards what is pending. */
		if (new.handler == SIG_IGN || (new.handler == SIG_DFL && (DEFAULT_IGNORE & sigmask(sig))))
			flush_signals_mask(current->signal, sigmask(sig));
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const u64 __user *set, u64 __user *oset, size_t sigsetsize)
{
	u64 new, old = current->blocked;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (set) {
		if (get_user_obj(&new, set))
			return -EFAULT;
		if (how == SIG_BLOCK)
			new = old | new;
		else if (how == SIG_UNBLOCK)
			new = old & ~new;
		else if (how != SIG_SETMASK)
			return -EINVAL;
	}
	if (oset && put_user_obj(oset, &old))
		return -EFAULT;
	if (set)
		current->blocked = new & ~UNBLOCKABLE;
	return 0;
}

static void sleep_until_signal(void)
{
	while (!signal_pending(current)) {
		current->__state = TASK_INTERRUPTIBLE;
		schedule();
	}
}

/* Both end when a handler has run: a signal that is ignored or has no handler restarts them. */
long sys_pause(void)
{
	sleep_until_signal();
	return -ERESTARTNOHAND;
}

/* The call a stop interrupted goes on (exit_to_user_mode made this the call); EINTR if there is none. */
long sys_restart_syscall(void)
{
	struct restart_block *rb = &current->restart_block;
	long (*fn)(struct restart_block *) = rb->fn;

	rb->fn = NULL;
	return fn ? fn(rb) : -EINTR;
}

/* A mask for the length of a call: the old one comes back on the way out, or after the handler that ends it. */
static void swap_in_sigmask(u64 mask)
{
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = mask & ~UNBLOCKABLE;
}

int set_user_sigmask(const u64 __user *umask, size_t sigsetsize)
{
	u64 mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (get_user_obj(&mask, umask))
		return -EFAULT;
	swap_in_sigmask(mask);
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted || !current->restore_sigmask)
		return;
	current->blocked = current->saved_sigmask;
	current->restore_sigmask = false;
}

long sys_rt_sigsuspend(const u64 __user *unewset, size_t sigsetsize)
{
	u64 newset;

	if (sigsetsize != sizeof(u64))
		return -EINVAL;
	if (get_user_obj(&newset, unewset))
		return -EFAULT;
	swap_in_sigmask(newset);
	sleep_until_signal();
	return -ERESTARTNOHAND;
}
