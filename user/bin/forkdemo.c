/*
 * forkdemo: fork's basics.  One call, two returns: the child's pid in the
 * parent, 0 in the child.  After it the two processes have separate memory:
 * a variable changed in one is unchanged in the other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int counter = 100; /* a global: in the data segment, copied (lazily) by fork */

int main(void)
{
	int local = 1; /* on the stack, which is copied too */

	printf("forkdemo: I am pid %d (my parent is %d); counter = %d, local = %d.\n", getpid(), getppid(),
	       counter, local);
	printf("Calling fork() once; it will return twice.\n\n");
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0) {
		counter += 1;
		local += 1;
		printf("  child:  fork() returned 0.  I am pid %d, my parent is %d.\n", getpid(), getppid());
		printf("  child:  I set counter = %d and local = %d in my copy.\n", counter, local);
		exit(7); /* a fork child may flush its own copy of the stdout buffer */
	}

	int status;
	waitpid(pid, &status, 0); /* let the child speak first */
	printf("  parent: fork() returned %d, the child's pid.  I am still pid %d.\n", pid, getpid());
	printf("  parent: my counter is still %d and local still %d: the child changed its own copy.\n",
	       counter, local);
	printf("  parent: waitpid says the child exited with status %d.\n", WEXITSTATUS(status));
	printf("\nThe child's memory started as a copy of the parent's; after fork each writes its own.\n");
	return 0;
}
