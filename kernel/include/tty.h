/*
 * Terminals.  Cowl has one, the console (kernel/fs/tty.c): its input
 * buffer, its modes, and the job-control state that makes it the
 * controlling terminal of one session (kernel/fs/tty_jobctrl.c).
 */
#ifndef TTY_H
#define TTY_H
#include <types.h>
#include <wait.h>
#include <uapi/termbits.h>
#include <uapi/ioctls.h>

#define TTY_BUF_SIZE 4096
/* Linux's device majors: tty1 is (4, 1); /dev/tty (5, 0) and /dev/console (5, 1) stand for a terminal. */
#define TTY_MAJOR 4
#define TTYAUX_MAJOR 5

struct tty_struct {
	char buf[TTY_BUF_SIZE]; /* input: buf[0..ready) can be read, buf[ready..len) is the line being typed */
	size_t len, ready;
	struct wait_queue_head read_wait; /* readers (and pollers) waiting for input */
	struct termios termios;
	struct winsize winsize;
	pid_t session; /* the session it is the controlling terminal of (its leader's global pid), 0: none */
	pid_t pgrp;    /* the foreground process group of that session (global pid), 0: none */
};

struct task_struct;
struct file;

/*
 * Job control for an operation on tty by the caller (Linux's
 * tty_check_change): 0 if it may go on; a process in a background group
 * of the terminal's session gets `sig` (SIGTTIN for a read, SIGTTOU for
 * a write or a mode change) sent to its group and -ERESTARTSYS, or -EIO
 * if its group is orphaned or, for SIGTTIN, it ignores or blocks it.
 */
int tty_check_change(struct tty_struct *tty, int sig);
/* open(2) of a terminal: a session leader without one may get it as its controlling terminal. */
void tty_open_proc_set_tty(struct file *f, struct tty_struct *tty, bool noctty);
/* TIOCSCTTY, TIOCNOTTY, TIOCGPGRP, TIOCSPGRP, TIOCGSID; -ENOIOCTLCMD for any other command. */
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *f, unsigned int cmd, unsigned long arg);
/* The caller, a session leader, lets its terminal go: SIGHUP to the foreground group (and SIGCONT unless it is exiting). */
void disassociate_ctty(bool on_exit);
/* p's process has no controlling terminal any more (setsid). */
void proc_clear_tty(struct task_struct *p);
#endif
