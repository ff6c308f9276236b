/* kill: default actions of SIGTERM and SIGKILL, signal 0, and the errors. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

/* A child that waits in read until killed (nobody ever writes to the pipe). */
static pid_t blocked_child(int fds[2])
{
	char c;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		read(fds[0], &c, 1);
		_exit(0);
	}
	return pid;
}

/* Kills a blocked child with sig; returns its wait status. */
static int kill_child(int sig)
{
	int fds[2], status = 0;
	pid_t pid = blocked_child(fds);

	kill(pid, sig);
	waitpid(pid, &status, 0);
	close(fds[0]);
	close(fds[1]);
	return status;
}

int main(void)
{
	int status;

	status = kill_child(SIGTERM);
	CHECK("sigterm_kills", WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	status = kill_child(SIGKILL);
	CHECK("sigkill_kills", WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	status = kill_child(SIGUSR1);
	CHECK("sigusr1_kills", WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1);

	CHECK("signal_zero_self", kill(getpid(), 0) == 0);
	CHECK("sigchld_ignored_by_default", kill(getpid(), SIGCHLD) == 0);
	CHECK("bad_signal_einval", kill(getpid(), 1000) == -1 && errno == EINVAL);
	CHECK("negative_signal_einval", kill(getpid(), -1) == -1 && errno == EINVAL);

	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	waitpid(gone, &status, 0);
	CHECK("reaped_pid_esrch", kill(gone, SIGTERM) == -1 && errno == ESRCH);
	CHECK("reaped_pid_signal_zero_esrch", kill(gone, 0) == -1 && errno == ESRCH);
	return test_done();
}
