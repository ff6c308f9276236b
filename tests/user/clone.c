/* clone, clone3 and vfork: what the child shares with its parent, and the flag checks. */
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

static char child_stack[64 * 1024] __attribute__((aligned(16)));
#define STACK_TOP (child_stack + sizeof(child_stack))

static int value; /* written by children */

static int set_value(void *arg)
{
	value = *(int *)arg;
	return 5;
}

/* Runs set_value(&42) in a clone with flags; returns the wait status. */
static int clone_and_wait(int flags)
{
	int arg = 42, status = -1;
	int pid = clone(set_value, STACK_TOP, flags | SIGCHLD, &arg);

	if (pid > 0)
		waitpid(pid, &status, 0);
	return status;
}

static void clone_memory(void)
{
	int status;

	value = 0;
	status = clone_and_wait(CLONE_VM);
	CHECK("clone_vm_status", WIFEXITED(status) && WEXITSTATUS(status) == 5);
	CHECK("clone_vm_shares_memory", value == 42);

	value = 0;
	status = clone_and_wait(0);
	CHECK("clone_copy_status", WIFEXITED(status) && WEXITSTATUS(status) == 5);
	CHECK("clone_copy_private_memory", value == 0);
}

static void clone_settid(void)
{
	int arg = 1, status;
	pid_t ptid = 0, ctid = 0;
	int pid = clone(set_value, STACK_TOP, CLONE_VM | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD,
			&arg, &ptid, NULL, &ctid);

	waitpid(pid, &status, 0);
	CHECK("parent_settid", pid > 0 && ptid == pid);
	CHECK("child_settid", ctid == pid);
}

static void clone_flag_checks(void)
{
	int arg = 0;

	CHECK("sighand_without_vm_einval",
	      clone(set_value, STACK_TOP, CLONE_SIGHAND | SIGCHLD, &arg) == -1 && errno == EINVAL);
	CHECK("thread_without_sighand_einval",
	      clone(set_value, STACK_TOP, CLONE_VM | CLONE_THREAD, &arg) == -1 && errno == EINVAL);
	CHECK("no_stack_einval", clone(set_value, NULL, CLONE_VM | SIGCHLD, &arg) == -1 && errno == EINVAL);
}

/*
 * vfork: the parent sleeps until the child execs or exits, and until then
 * they share memory, so the parent finds what the child wrote.
 */
static void vfork_semantics(void)
{
	int status;

	value = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		value = 7;
		_exit(3);
	}
	CHECK("vfork_child_ran_first", value == 7);
	CHECK("vfork_child_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 3);

	char *argv[] = { "true", NULL };
	pid = vfork();
	if (pid == 0) {
		execve("bin/true", argv, environ);
		_exit(127);
	}
	CHECK("vfork_exec_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
}

static void clone3_calls(void)
{
	struct clone_args args = { .exit_signal = SIGCHLD };
	int status;

	value = 0;
	long pid = clone3(&args, sizeof(args));
	if (pid == 0) {
		value = 9; /* in the child's own copy */
		_exit(6);
	}
	CHECK("clone3_fork_like", pid > 0 && waitpid((pid_t)pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 6);
	CHECK("clone3_private_memory", value == 0);

	CHECK("clone3_size_too_small_einval", clone3(&args, 32) == -1 && errno == EINVAL);
	args.flags = 1ULL << 40;
	CHECK("clone3_unknown_flag_einval", clone3(&args, sizeof(args)) == -1 && errno == EINVAL);
	args.flags = 0;
	args.exit_signal = 100;
	CHECK("clone3_bad_signal_einval", clone3(&args, sizeof(args)) == -1 && errno == EINVAL);
	args.exit_signal = SIGCHLD;
	args.flags = CLONE_SIGHAND;
	CHECK("clone3_sighand_without_vm_einval", clone3(&args, sizeof(args)) == -1 && errno == EINVAL);
}

int main(void)
{
	clone_memory();
	clone_settid();
	clone_flag_checks();
	vfork_semantics();
	clone3_calls();
	return test_done();
}
