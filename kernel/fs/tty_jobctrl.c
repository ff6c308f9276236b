/*
 * The controlling terminal (credentials(7), "Sessions and process groups";
 * Linux's drivers/tty/tty_jobctrl.c).  A session leader without a terminal
 * gets one by opening it without O_NOCTTY (never through /dev/console or
 * /dev/tty, as on Linux) or with TIOCSCTTY; its children inherit it.  The
 * terminal then belongs to that session and has a foreground process group
 * (TIOCSPGRP), which alone may read it and receives the signals typed at
 * it; a background group that reads gets SIGTTIN instead, and SIGTTOU for
 * what changes the terminal (and writes, with TOSTOP).  When the leader
 * exits, or gives the terminal up (TIOCNOTTY), the foreground group gets
 * SIGHUP and the session has no terminal any more.
 */
#include "vfs.h"
#include <tty.h>
#include <sched.h>
#include <signal.h>
#include <pid.h>
#include <cred.h>
#include <uaccess.h>
#include <errno.h>

static bool is_session_leader(void)
{
	return current->signal->session == current->tgid;
}

int tty_check_change(struct tty_struct *tty, int sig)
{
	struct signal_struct *signal = current->signal;

	if (signal->tty != tty || !tty->pgrp || signal->pgrp == tty->pgrp)
		return 0;
	if ((current->blocked & sigmask(sig)) || current->sighand->action[sig - 1].handler == SIG_IGN)
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(signal->pgrp, sig);
	return -ERESTARTSYS;
}

static void proc_set_tty(struct tty_struct *tty)
{
	tty->session = current->signal->session;
	tty->pgrp = current->signal->pgrp;
	current->signal->tty = tty;
}

void proc_clear_tty(struct task_struct *p)
{
	p->signal->tty = NULL;
}

/* Every process of the session loses its controlling terminal. */
static void session_clear_tty(pid_t session)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p->signal->session == session)
			proc_clear_tty(p);
}

/* Only with read access: a write-only open must not give a terminal's powers (Linux's rule). */
void tty_open_proc_set_tty(struct file *f, struct tty_struct *tty, bool noctty)
{
	if (!noctty && !(f->flags & O_NOCTTY) && is_session_leader() && !current->signal->tty && !tty->session &&
	    file_readable(f))
		proc_set_tty(tty);
}

void disassociate_ctty(bool on_exit)
{
	struct tty_struct *tty = current->signal->tty;

	if (!is_session_leader() || !tty)
		return;
	if (tty->pgrp) {
		kill_pgrp(tty->pgrp, SIGHUP);
		if (!on_exit)
			kill_pgrp(tty->pgrp, SIGCONT);
	}
	tty->session = tty->pgrp = 0;
	session_clear_tty(current->signal->session);
}

/* TIOCSCTTY: arg 1 lets root take the terminal from another session. */
static long tiocsctty(struct tty_struct *tty, struct file *f, unsigned long arg)
{
	if (is_session_leader() && current->signal->session == tty->session)
		return 0;
	if (!is_session_leader() || current->signal->tty)
		return -EPERM;
	if (tty->session) {
		if (arg != 1 || !capable())
			return -EPERM;
		session_clear_tty(tty->session);
	}
	if (!file_readable(f) && !capable())
		return -EPERM;
	proc_set_tty(tty);
	return 0;
}

/*
 * The global id of what `vnr` names for TIOCSPGRP, as Linux's find_vpid():
 * a process group, or else a process (Linux lets a pid of the session
 * name the foreground group); its session in *session.  0 if neither exists.
 */
static pid_t find_pgrp_or_pid(pid_t vnr, pid_t *session)
{
	struct task_struct *p;

	if (!vnr)
		return 0;
	list_for_each_entry(p, &task_list, tasks) {
		if (thread_group_leader(p) && global_pid_vnr(p->signal->pgrp) == vnr) {
			*session = p->signal->session;
			return p->signal->pgrp;
		}
	}
	p = find_task_by_vpid(vnr);
	if (!p)
		return 0;
	*session = p->signal->session;
	return p->pid;
}

/* tcsetpgrp(3): a group of the caller's session becomes the foreground. */
static long tiocspgrp(struct tty_struct *tty, const pid_t __user *arg)
{
	int err = tty_check_change(tty, SIGTTOU);
	pid_t vnr, session;

	if (err)
		return err == -EIO ? -ENOTTY : err;
	if (get_user_obj(&vnr, arg))
		return -EFAULT;
	if (vnr < 0)
		return -EINVAL;
	if (current->signal->tty != tty || tty->session != current->signal->session)
		return -ENOTTY;
	pid_t pgrp = find_pgrp_or_pid(vnr, &session);
	if (!pgrp)
		return -ESRCH;
	if (session != current->signal->session)
		return -EPERM;
	tty->pgrp = pgrp;
	return 0;
}

/* TIOCGPGRP and TIOCGSID answer only about the caller's own terminal. */
static long put_ctty_id(struct tty_struct *tty, pid_t __user *arg, pid_t id)
{
	pid_t vnr = global_pid_vnr(id);

	if (current->signal->tty != tty)
		return -ENOTTY;
	return put_user_obj(arg, &vnr);
}

long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *f, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case TIOCSCTTY:
		return tiocsctty(tty, f, arg);
	case TIOCNOTTY:
		if (current->signal->tty != tty)
			return -ENOTTY;
		disassociate_ctty(false);
		proc_clear_tty(current);
		return 0;
	case TIOCGPGRP:
		return put_ctty_id(tty, (pid_t __user *)arg, tty->pgrp);
	case TIOCSPGRP:
		return tiocspgrp(tty, (const pid_t __user *)arg);
	case TIOCGSID:
		if (current->signal->tty == tty && !tty->session)
			return -ENOTTY;
		return put_ctty_id(tty, (pid_t __user *)arg, tty->session);
	default:
		return -ENOIOCTLCMD;
	}
}
