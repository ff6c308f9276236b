/*
 * A blocking system call interrupted by a handled signal (signal(7),
 * "Interruption of system calls and library functions by signal handlers"):
 * with SA_RESTART the call carries on and returns the data that comes later;
 * without it, it fails with EINTR.  wait4 follows the same rule.
 *
 * A child sends the signal, then, a while later, the data.  The child's
 * first pause gives the parent time to block in read(); the checks do not
 * depend on how long anything takes.
 */
#include <signal.h>
#include <time.h>
#include "test.h"

static volatile int handled;

static void on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void nap(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };
	nanosleep(&ts, NULL);
}

static void set_handler(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
}

/* The child: signal the parent while it waits, then write one byte and exit. */
static pid_t start_poker(int wfd)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		nap(200);
		kill(parent, SIGUSR1);
		nap(100);
		write(wfd, "x", 1);
		_exit(0);
	}
	return pid;
}

static void read_interrupted(int flags, const char *name)
{
	int fds[2];
	char c = 0;

	pipe(fds);
	set_handler(flags);
	handled = 0;
	pid_t child = start_poker(fds[1]);
	ssize_t n = read(fds[0], &c, 1);
	int err = errno;
	if (flags & SA_RESTART) {
		CHECK(name, n == 1 && c == 'x' && handled == 1);
	} else {
		errno = err;
		CHECK(name, n == -1 && err == EINTR && handled == 1);
	}
	waitpid(child, NULL, 0);
	close(fds[0]);
	close(fds[1]);
}

/* wait4 on a child that outlives the signal. */
static void wait_interrupted(int flags, const char *name)
{
	int fds[2], status = 0;

	pipe(fds);
	set_handler(flags);
	handled = 0;
	pid_t child = start_poker(fds[1]);
	pid_t r = waitpid(child, &status, 0);
	if (flags & SA_RESTART) {
		CHECK(name, r == child && WIFEXITED(status) && handled == 1);
	} else {
		CHECK(name, r == -1 && errno == EINTR && handled == 1);
		waitpid(child, NULL, 0);
	}
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	read_interrupted(SA_RESTART, "read_restarted_with_sa_restart");
	read_interrupted(0, "read_eintr_without_sa_restart");
	wait_interrupted(SA_RESTART, "wait_restarted_with_sa_restart");
	wait_interrupted(0, "wait_eintr_without_sa_restart");
	return test_done();
}
