/*
 * vforkdemo: vfork's two promises.  The child runs first: the parent stays
 * suspended until the child calls _exit or execve.  Until then the child
 * borrows the parent's memory, stack included, so what it writes the parent
 * sees.  (Only a demo may write there: POSIX leaves it undefined, which is
 * why real programs call execve or _exit straight away.)
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int child_done; /* set by the child, read by the parent */

/* The child prints with dprintf: printf would fill the parent's stdout buffer, which we share. */
static void borrow_and_exit(void)
{
	volatile int on_stack = 1;
	pid_t pid = vfork();

	if (pid == 0) {
		dprintf(STDOUT_FILENO, "  child:  pid %d running; the parent is suspended.\n", getpid());
		on_stack = 2;
		child_done = 1;
		dprintf(STDOUT_FILENO, "  child:  I wrote on_stack = 2 and child_done = 1, then _exit(3).\n");
		_exit(3);
	}
	int status;
	printf("  parent: vfork returned %d; child_done is already %d, so the child ran first.\n", pid,
	       child_done);
	printf("  parent: on_stack = %d: the child wrote into MY stack frame (no copy was made).\n", on_stack);
	waitpid(pid, &status, 0);
	printf("  parent: the child's exit status was %d.\n\n", WEXITSTATUS(status));
}

static void exec_in_child(void)
{
	char *argv[] = { "echo", "  child:  this is /bin/echo, running in the vfork child after execve.", NULL };
	char *envp[] = { NULL };

	fflush(stdout);
	pid_t pid = vfork();
	if (pid == 0) {
		execve("/bin/echo", argv, envp);
		_exit(127); /* exec failed: _exit, never exit, or we would flush the parent's buffers */
	}
	int status;
	printf("  parent: resumed as soon as the child called execve (pid %d now runs echo).\n", pid);
	fflush(stdout);
	waitpid(pid, &status, 0);
	printf("  parent: echo exited with status %d.\n", WEXITSTATUS(status));
}

int main(void)
{
	printf("vforkdemo (pid %d)\n\n1. vfork, then the child writes memory and calls _exit:\n", getpid());
	fflush(stdout);
	borrow_and_exit();
	printf("2. vfork, then the child calls execve: the borrowed memory is handed back at exec.\n");
	exec_in_child();
	printf("\nvfork = clone(CLONE_VM | CLONE_VFORK | SIGCHLD): no page tables are copied at all,\n"
	       "which is why it stays fast however big the parent is (see forktime).\n");
	return 0;
}
