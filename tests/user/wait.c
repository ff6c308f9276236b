/* exit, exit_group and wait4: which child is reaped, when, and how its status is encoded. */
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

/* Forks a child that exits at once with `code`. */
static pid_t child_exiting(int code)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(code);
	return pid;
}

static void no_children(void)
{
	int status;

	CHECK_ERRNO("wait_no_children_echild", wait4(-1, &status, 0, NULL), ECHILD);
	CHECK_ERRNO("wait_wnohang_no_children_echild", wait4(-1, &status, WNOHANG, NULL), ECHILD);
	CHECK_ERRNO("wait_not_a_child_echild", wait4(getppid(), &status, 0, NULL), ECHILD);
	CHECK_ERRNO("wait_bad_options_einval", wait4(-1, &status, 0x100, NULL), EINVAL);
}

static void status_encoding(void)
{
	int status;
	pid_t pid = child_exiting(3);

	CHECK_EQ("wait_pid_returns_pid", wait4(pid, &status, 0, NULL), pid);
	CHECK("exit_status_encoding", status == 3 << 8 && WIFEXITED(status) && WEXITSTATUS(status) == 3);
	CHECK_ERRNO("reaped_child_gone", wait4(pid, &status, 0, NULL), ECHILD);

	pid = child_exiting(256 + 5); /* only the low 8 bits of the code survive */
	CHECK("exit_status_low_byte", wait4(pid, &status, 0, NULL) == pid && WEXITSTATUS(status) == 5);

	pid = fork();
	if (pid == 0) {
		__syscall1(__NR_exit_group, 9);
		_exit(1);
	}
	CHECK("exit_group_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 9);

	pid = fork();
	if (pid == 0)
		for (;;)
			kill(getpid(), SIGKILL);
	CHECK("signal_status_encoding", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      !WIFEXITED(status) && WTERMSIG(status) == SIGKILL && (status & 0xff7f) == SIGKILL);
	CHECK("wait_null_status", waitpid(child_exiting(0), NULL, 0) > 0);
}

/* wait4(-1) takes any child; wait4(pid) only that one, even if another has ended. */
static void choosing_children(void)
{
	int status;
	pid_t a = child_exiting(1);
	pid_t b = child_exiting(2);

	CHECK("wait_specific_second", wait4(b, &status, 0, NULL) == b && WEXITSTATUS(status) == 2);
	CHECK("wait_any_gets_first", wait4(-1, &status, 0, NULL) == a && WEXITSTATUS(status) == 1);
	CHECK_ERRNO("wait_any_none_left", wait(&status), ECHILD);
}

/* A child blocked reading a pipe is still running: WNOHANG must not wait for it. */
static void wnohang(void)
{
	int fds[2], status = -1;
	char c;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? c : 100);
	}
	close(fds[0]);
	CHECK_EQ("wnohang_running_returns_0", wait4(pid, &status, WNOHANG, NULL), 0);
	CHECK_EQ("wnohang_any_running_returns_0", wait4(-1, &status, WNOHANG, NULL), 0);
	write(fds[1], "\x11", 1);
	close(fds[1]);
	CHECK("wait_after_release", wait4(pid, &status, 0, NULL) == pid && WEXITSTATUS(status) == 0x11);
}

/* A child that exits from main by returning is covered by every other test; this one uses exit(). */
static void print_then_exit(void *arg)
{
	(void)arg;
	printf("buffered");
	exit(4);
}

static void exit_flushes(void)
{
	char out[64];
	int status = capture_child(print_then_exit, NULL, out, sizeof(out));

	CHECK("exit_status", WIFEXITED(status) && WEXITSTATUS(status) == 4);
	CHECK("exit_flushes_stdout", strcmp(out, "buffered") == 0);
}

int main(void)
{
	no_children();
	status_encoding();
	choosing_children();
	wnohang();
	exit_flushes();
	return test_done();
}
