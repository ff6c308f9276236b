/* getpid, getppid, gettid, set_tid_address, sched_yield. */
#include <sched.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static pid_t parent;

/* The child reports through its exit status: 0 if every identity check holds. */
static void child_checks_ids(void)
{
	pid_t me = getpid();
	int ok = me != parent && getppid() == parent && gettid() == me;

	_exit(ok ? 0 : 1);
}

int main(void)
{
	pid_t pid = getpid();
	int status;

	CHECK("getpid_positive", pid > 0);
	CHECK_EQ("gettid_equals_pid", gettid(), pid);
	CHECK_EQ("getpid_stable", getpid(), pid);
	CHECK("getppid_other", getppid() > 0 && getppid() != pid);
	CHECK_EQ("set_tid_address_returns_tid", set_tid_address(NULL), pid);
	CHECK_EQ("sched_yield", sched_yield(), 0);

	parent = pid;
	pid_t child = fork();
	if (child == 0)
		child_checks_ids();
	CHECK("fork_returns_child_pid", child > 0 && child != pid);
	CHECK("child_ids", waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return test_done();
}
