/*
 * The controlling terminal (credentials(7), ioctl_tty(2)).  Everywhere: a
 * new session has none, so /dev/tty is ENXIO, and the terminal ioctls on a
 * pipe are ENOTTY.  On Cowl, with its console (/dev/tty1): opening
 * /dev/console or with O_NOCTTY does not make it the controlling terminal,
 * opening /dev/tty1 as a session leader does; then TIOCGSID, TIOCGPGRP and
 * /proc/PID/stat show the session and foreground group, TIOCSPGRP checks
 * its argument as Linux does, TIOCSCTTY refuses another session's terminal
 * unless root steals it (arg 1), a background group that reads gets SIGTTIN
 * (EIO when it ignores it or is orphaned), one that changes the modes or
 * the foreground group, or writes with TOSTOP, gets SIGTTOU, Ctrl-C,
 * Ctrl-Z and Ctrl-\ (typed with TIOCSTI) signal the foreground group,
 * canonical and raw reads see the typed bytes,
 * TIOCSWINSZ sends SIGWINCH, and when the session leader exits or gives
 * the terminal up (TIOCNOTTY) the foreground group gets SIGHUP and the
 * terminal is free.  The host runs without a terminal and Cowl has no
 * pseudo-terminals to give it one, so those checks are Cowl's only.
 */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <uapi/ioctls.h>
#include "procutil.h"
#include "test.h"

#define TTY "/dev/tty1"

static long tty_ioctl(int fd, unsigned long cmd, void *arg)
{
	return syscall(__NR_ioctl, fd, cmd, arg);
}

/* Runs fn in a child of its own session; its exit status is 0 if all went well. */
static int in_new_session(int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		setsid();
		_exit(fn());
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int no_ctty(void)
{
	pid_t pgrp;
	int fds[2];

	if (open("/dev/tty", O_RDWR) >= 0 || errno != ENXIO)
		return 1;
	if (pipe(fds) < 0 || tty_ioctl(fds[0], TIOCGPGRP, &pgrp) != -1 || errno != ENOTTY)
		return 2;
	if (tty_ioctl(fds[0], TIOCSPGRP, &pgrp) != -1 || errno != ENOTTY)
		return 3;
	return 0;
}

/* Opening /dev/console, or the terminal with O_NOCTTY, does not make it ours; opening it plainly does. */
static int acquire(void)
{
	pid_t id;
	int fd = open("/dev/console", O_RDWR);

	if (fd < 0 || tty_ioctl(fd, TIOCGPGRP, &id) != -1 || errno != ENOTTY)
		return 1;
	if (open(TTY, O_RDWR | O_NOCTTY) < 0 || open("/dev/tty", O_RDWR) >= 0 || errno != ENXIO)
		return 2;
	if (open(TTY, O_RDWR) < 0 || open("/dev/tty", O_RDWR) < 0)
		return 3;
	if (tty_ioctl(fd, TIOCGSID, &id) != 0 || id != getpid() || tcgetpgrp(fd) != getpgrp())
		return 4;
	char buf[512], want[64];
	if (read_file("/proc/self/stat", buf, sizeof(buf)) < 0)
		return 5;
	snprintf(want, sizeof(want), ") R %d %d %d 1025 %d ", getppid(), getpgrp(), getsid(0), getpgrp());
	return strstr(buf, want) ? 0 : 6;
}

/* TIOCSPGRP: EINVAL, ESRCH, EPERM (another session's group), EFAULT; then TIOCSCTTY rules. */
static int set_foreground(void)
{
	int fd = open(TTY, O_RDWR);
	pid_t bad = -1, none = 99999, init = 1;

	if (fd < 0 || tty_ioctl(fd, TIOCSPGRP, &bad) != -1 || errno != EINVAL)
		return 1;
	if (tty_ioctl(fd, TIOCSPGRP, &none) != -1 || errno != ESRCH)
		return 2;
	if (tty_ioctl(fd, TIOCSPGRP, &init) != -1 || errno != EPERM)
		return 3;
	if (tty_ioctl(fd, TIOCSPGRP, (void *)8) != -1 || errno != EFAULT)
		return 4;
	if (tty_ioctl(fd, TIOCSCTTY, 0) != 0)
		return 5; /* already ours: nothing to do */
	pid_t child = fork();
	if (child == 0) /* not a session leader */
		_exit(tty_ioctl(fd, TIOCSCTTY, 0) == -1 && errno == EPERM ? 0 : 1);
	int status;
	waitpid(child, &status, 0);
	if (status != 0)
		return 6;
	/* Another session may not take it, unless root asks to steal it (arg 1); then it is no longer ours. */
	child = fork();
	if (child == 0) {
		setsid();
		int taken = tty_ioctl(fd, TIOCSCTTY, 0) == -1 && errno == EPERM && tty_ioctl(fd, TIOCSCTTY, (void *)1) == 0;
		_exit(taken && tcgetpgrp(fd) == getpgrp() ? 0 : 1);
	}
	waitpid(child, &status, 0);
	pid_t pgrp;
	return status == 0 && tty_ioctl(fd, TIOCGPGRP, &pgrp) == -1 && errno == ENOTTY ? 0 : 7;
}

/*
 * A child in a background group of the session does `op` on the terminal:
 * its wait status (stopped by SIGTTIN/SIGTTOU), or the exit code op gives.
 */
static int in_background(int fd, int (*op)(int fd))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		_exit(op(fd));
	}
	setpgid(pid, pid);
	waitpid(pid, &status, WUNTRACED);
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return status;
}

static int bg_read(int fd)
{
	char c;
	return read(fd, &c, 1) == -1 ? errno : 0;
}

static int bg_read_ignoring(int fd)
{
	signal(SIGTTIN, SIG_IGN);
	return bg_read(fd);
}

static int bg_set_modes(int fd)
{
	struct termios t;
	return tcgetattr(fd, &t) == 0 && tcsetattr(fd, TCSANOW, &t) == 0 ? 0 : errno;
}

static int bg_set_modes_ignoring(int fd)
{
	signal(SIGTTOU, SIG_IGN);
	return bg_set_modes(fd);
}

static int bg_set_foreground(int fd)
{
	return tcsetpgrp(fd, getpgrp()) == 0 ? 0 : errno;
}

static int bg_write(int fd)
{
	return write(fd, "\n", 1) == 1 ? 0 : errno;
}

static char read_timed(int fd)
{
	char c = 0;
	struct timespec ts = { 0, 20000000 };

	for (int i = 0; i < 150 && read(fd, &c, 1) != 1; i++)
		nanosleep(&ts, NULL);
	return c;
}

static int orphan_pipe[2];

/* A group of its own whose parent, its only link to the session, has gone: orphaned, so a read is EIO. */
static int bg_read_orphaned(int fd)
{
	pid_t parent = getpid();

	if (fork() == 0) {
		setpgid(0, 0);
		while (getppid() == parent)
			sched_yield();
		char c = bg_read(fd) == EIO ? 'e' : 'x';
		write(orphan_pipe[1], &c, 1);
		_exit(0);
	}
	return 0;
}

static int background(void)
{
	int fd = open(TTY, O_RDWR);
	struct termios t, saved;

	if (fd < 0)
		return 1;
	if (in_background(fd, bg_read) != (SIGTTIN << 8 | 0x7f))
		return 2;
	if (in_background(fd, bg_read_ignoring) != EIO << 8)
		return 3;
	if (in_background(fd, bg_set_modes) != (SIGTTOU << 8 | 0x7f))
		return 4;
	if (in_background(fd, bg_set_modes_ignoring) != 0)
		return 5;
	if (in_background(fd, bg_write) != 0)
		return 6;
	if (in_background(fd, bg_set_foreground) != (SIGTTOU << 8 | 0x7f))
		return 9;
	if (pipe2(orphan_pipe, O_NONBLOCK) < 0 || in_background(fd, bg_read_orphaned) != 0 ||
	    read_timed(orphan_pipe[0]) != 'e')
		return 8;
	tcgetattr(fd, &saved);
	t = saved;
	t.c_lflag |= TOSTOP;
	tcsetattr(fd, TCSANOW, &t);
	int status = in_background(fd, bg_write);
	tcsetattr(fd, TCSANOW, &saved);
	return status == (SIGTTOU << 8 | 0x7f) ? 0 : 7;
}

/* Types s at the terminal (TIOCSTI). */
static void type(int fd, const char *s)
{
	for (; *s; s++)
		tty_ioctl(fd, TIOCSTI, (void *)s);
}

/* A job in the foreground pauses; `key` typed at the terminal ends or stops it: its wait status. */
static int key_to_job(int fd, const char *key)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			pause();
	}
	setpgid(pid, pid);
	tcsetpgrp(fd, pid);
	type(fd, key);
	waitpid(pid, &status, WUNTRACED);
	tcsetpgrp(fd, getpgrp()); /* from the background: SIGTTOU is ignored */
	if (WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return status;
}

static volatile int winches;

static void on_winch(int sig)
{
	(void)sig;
	winches++;
}

/* The keys, reads of typed input, the window size; with ECHO off, so nothing shows on the console. */
static int typing(void)
{
	int fd = open(TTY, O_RDWR);
	struct termios saved, t;
	char buf[16];

	if (fd < 0 || tcgetattr(fd, &saved) < 0)
		return 1;
	signal(SIGTTOU, SIG_IGN);
	t = saved;
	t.c_lflag &= ~ECHO;
	tcsetattr(fd, TCSAFLUSH, &t);
	int ret = key_to_job(fd, "\003") != SIGINT ? 2 : key_to_job(fd, "\032") != (SIGTSTP << 8 | 0x7f) ? 3
		  : (key_to_job(fd, "\034") & 0x7f) != SIGQUIT ? 4 : 0;
	type(fd, "ab\n");
	if (!ret && (read(fd, buf, sizeof(buf)) != 3 || memcmp(buf, "ab\n", 3)))
		ret = 5;
	t.c_lflag &= ~ICANON;
	tcsetattr(fd, TCSANOW, &t);
	type(fd, "xy");
	if (!ret && (read(fd, buf, 1) != 1 || buf[0] != 'x'))
		ret = 6;
	tcsetattr(fd, TCSAFLUSH, &saved);

	struct winsize ws = { 24, 80, 0, 0 }, got, none = { 0, 0, 0, 0 };
	signal(SIGWINCH, on_winch);
	tty_ioctl(fd, TIOCSWINSZ, &ws);
	tty_ioctl(fd, TIOCSWINSZ, &ws); /* the same size again: no signal */
	if (!ret && (tty_ioctl(fd, TIOCGWINSZ, &got) || got.ws_row != 24 || got.ws_col != 80 || winches != 1))
		ret = 7;
	tty_ioctl(fd, TIOCSWINSZ, &none);
	return ret;
}

static int hup_pipe[2];

static void on_hup(int sig)
{
	(void)sig;
	char c = open("/dev/tty", O_RDWR) < 0 && errno == ENXIO ? 'h' : 'x'; /* the terminal is gone too */
	write(hup_pipe[1], &c, 1);
	_exit(0);
}

/* A foreground job that waits for SIGHUP; the leader then gives the terminal up (`notty`) or exits. */
static int hangup(int notty)
{
	int fd = open(TTY, O_RDWR), ready[2];
	char c;

	if (pipe(ready) < 0)
		return 2;
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGHUP, on_hup);
		setpgid(0, 0);
		write(ready[1], "r", 1);
		for (;;)
			pause();
	}
	read(ready[0], &c, 1);
	setpgid(pid, pid);
	tcsetpgrp(fd, pid);
	if (notty)
		return tty_ioctl(fd, TIOCNOTTY, NULL) == 0 && open("/dev/tty", O_RDWR) < 0 ? 0 : 1;
	return 0;
}

static int hangup_on_exit(void)
{
	return hangup(0);
}

static int hangup_on_notty(void)
{
	return hangup(1);
}

static void console_checks(void)
{
	CHECK_EQ("open_console_or_noctty_then_tty1_acquires", in_new_session(acquire), 0);
	CHECK_EQ("tiocspgrp_and_tiocsctty_errors", in_new_session(set_foreground), 0);
	CHECK_EQ("background_sigttin_sigttou", in_new_session(background), 0);
	CHECK_EQ("keys_reads_and_winsize", in_new_session(typing), 0);
	const char *names[] = { "leader_exit_hangs_up_foreground", "tiocnotty_hangs_up_foreground" };
	int (*cases[])(void) = { hangup_on_exit, hangup_on_notty };
	for (int i = 0; i < 2; i++) {
		if (pipe2(hup_pipe, O_NONBLOCK) < 0)
			return;
		int status = in_new_session(cases[i]);
		CHECK(names[i], status == 0 && read_timed(hup_pipe[0]) == 'h');
		close(hup_pipe[0]);
		close(hup_pipe[1]);
	}
	CHECK_EQ("terminal_free_again", in_new_session(acquire), 0);
}

int main(void)
{
	CHECK_EQ("new_session_has_no_ctty", in_new_session(no_ctty), 0);
	if (on_cowl())
		console_checks();
	else
		SKIP_ALL("no terminal: the host runs the tests without one and Cowl has no pty to share them",
			 "open_console_or_noctty_then_tty1_acquires", "tiocspgrp_and_tiocsctty_errors",
			 "background_sigttin_sigttou", "keys_reads_and_winsize", "leader_exit_hangs_up_foreground",
			 "tiocnotty_hangs_up_foreground", "terminal_free_again");
	return test_done();
}
