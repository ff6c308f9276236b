/*
 * vfork: the child runs first, in the parent's memory, and the parent
 * resumes only when the child has called _exit or execve -- not before
 * (it sleeps even while the child yields the CPU) and not later (after a
 * successful execve the parent runs while the new program is still going).
 */
#include <sched.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static volatile int global_var = 6;
static volatile int steps;

static void child_runs_first(void)
{
	volatile int stack_var = 88;
	int status;

	steps = 0;
	pid_t parent = getpid();
	pid_t pid = vfork();
	if (pid == 0) {
		/* Give the parent every chance to run: it must not. */
		for (int i = 0; i < 20; i++) {
			steps++;
			sched_yield();
		}
		global_var++;
		stack_var++;
		steps = getppid() == parent ? steps + 1000 : -1;
		_exit(5);
	}
	CHECK("vfork_returns_pid", pid > 0);
	CHECK_EQ("parent_resumed_after_child_exit", steps, 1020);
	CHECK_EQ("child_write_global_seen", global_var, 7);
	CHECK_EQ("child_write_stack_seen", stack_var, 89);
	CHECK("child_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5);
}

/*
 * The child execs cat, reading a pipe only the parent writes to: the parent
 * must be running again while cat is still alive (else this would hang), and
 * only after the exec (the child's writes before it are all visible).
 */
static void parent_resumes_at_exec(void)
{
	int in[2], out[2], status;
	char buf[32];

	pipe(in);
	pipe(out);
	steps = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		char *argv[] = { "cat", NULL };
		for (int i = 0; i < 10; i++) {
			steps++;
			sched_yield();
		}
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		steps = 100;
		execve("bin/cat", argv, environ);
		steps = -1;
		_exit(127);
	}
	CHECK_EQ("exec_parent_resumed_after_exec", steps, 100);
	close(in[0]);
	close(out[1]);
	write(in[1], "through cat", 11);
	close(in[1]);
	read_all(out[0], buf, sizeof(buf));
	close(out[0]);
	CHECK("exec_parent_ran_while_child_lives", strcmp(buf, "through cat") == 0);
	CHECK("exec_child_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
}

/* A failed execve does not release the parent; the _exit after it does. */
static void failed_exec(void)
{
	int status;
	char *argv[] = { "nothing", NULL };

	steps = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		int r = execve("does/not/exist", argv, environ);
		steps = r == -1 ? 1 : 2;
		sched_yield();
		steps += 10;
		_exit(127);
	}
	CHECK_EQ("failed_exec_parent_waits_for_exit", steps, 11);
	CHECK("failed_exec_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 127);
}

int main(void)
{
	child_runs_first();
	parent_resumes_at_exec();
	failed_exec();
	return test_done();
}
