/*
 * Many processes: 64 children alive at once, each reaped with its own
 * status; and a chain 20 deep, each level forking the next and waiting,
 * the exit statuses adding up on the way back.
 */
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define NCHILDREN 64
#define DEPTH 20

static void concurrent_children(void)
{
	pid_t pids[NCHILDREN];
	int fds[2], started = 0, matched = 0, status;
	char c;

	pipe(fds);
	for (int i = 0; i < NCHILDREN; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(fds[1]);
			read(fds[0], &c, 1); /* all wait until the last one exists */
			_exit(i + 1);
		}
		started += pids[i] > 0;
	}
	CHECK_EQ("64_children_started", started, NCHILDREN);
	close(fds[0]);
	close(fds[1]); /* releases them all */
	for (int n = 0; n < NCHILDREN; n++) {
		pid_t got = wait(&status);
		for (int i = 0; i < NCHILDREN; i++)
			if (pids[i] == got && WIFEXITED(status) && WEXITSTATUS(status) == i + 1)
				matched++;
	}
	CHECK_EQ("64_children_reaped_with_own_status", matched, NCHILDREN);
	CHECK_ERRNO("64_children_none_left", wait(&status), ECHILD);
}

/* Level n forks level n+1 and exits with its child's status + 1. */
static int chain(int level)
{
	int status;

	if (level == DEPTH)
		return 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(chain(level + 1));
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return 200;
	return WEXITSTATUS(status) + 1;
}

int main(void)
{
	concurrent_children();
	CHECK_EQ("fork_chain_20_deep", chain(0), DEPTH);
	return test_done();
}
