/*
 * Pids are handed out cyclically: a pid just freed is not given to the next
 * process (Linux's pid allocator does the same; a fresh pid avoids races
 * with programs that still hold the old number).
 */
#include <stdlib.h>
#include "test.h"

static pid_t fork_and_reap(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	return pid;
}

int main(void)
{
	pid_t a = fork_and_reap(), b = fork_and_reap(), c = fork_and_reap();

	CHECK("forks_succeed", a > 0 && b > 0 && c > 0);
	CHECK("freed_pid_not_reused_next", b != a && c != b);
	CHECK("pids_increase", b > a && c > b);
	return test_done();
}
