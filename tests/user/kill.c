/* kill: default actions of SIGTERM and SIGKILL, signal 0, and the errors. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static volatile int caught;

static void catch(int sig)
{
	caught = sig;
}

/* SIGCHLD's default action is to ignore it: a process sending it to itself lives on. */
static void sigchld_to_self(void)
{
	signal(SIGCHLD, SIG_DFL);
	kill(getpid(), SIGCHLD);
}

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

	CHECK_EQ("signal_zero_self", kill(getpid(), 0), 0);
	status = run_in_child(sigchld_to_self);
	CHECK("sigchld_ignored_by_default", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	signal(SIGCHLD, catch);
	CHECK_EQ("sigchld_to_self_sent", kill(getpid(), SIGCHLD), 0);
	CHECK_EQ("sigchld_to_self_delivered", caught, SIGCHLD);
	signal(SIGCHLD, SIG_DFL);
	CHECK_ERRNO("bad_signal_einval", kill(getpid(), 1000), EINVAL);
	CHECK_ERRNO("negative_signal_einval", kill(getpid(), -1), EINVAL);

	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	waitpid(gone, &status, 0);
	CHECK_ERRNO("reaped_pid_esrch", kill(gone, SIGTERM), ESRCH);
	CHECK_ERRNO("reaped_pid_signal_zero_esrch", kill(gone, 0), ESRCH);
	return test_done();
}
