/* Writing to a pipe nobody can read: SIGPIPE kills the writer, or, ignored, write fails with EPIPE. */
#include <signal.h>
#include <unistd.h>
#include "test.h"

static int fds[2];

static void write_to_closed_pipe(void)
{
	write(fds[1], "x", 1);
}

int main(void)
{
	pipe(fds);
	close(fds[0]);

	int status = run_in_child(write_to_closed_pipe);
	CHECK("writer_killed_by_sigpipe", WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);

	CHECK("ignore_sigpipe", signal(SIGPIPE, SIG_IGN) != SIG_ERR);
	CHECK_ERRNO("write_epipe", write(fds[1], "x", 1), EPIPE);
	close(fds[1]);
	return test_done();
}
