/*
 * vfork as the seed articles describe it (they give no program of their
 * own): the child runs first, in the parent's memory (its changes to a
 * global and to a local variable are the parent's), and ends
 * with _exit; only then does the parent continue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int glob = 6;

int main(void)
{
	volatile int var = 88; /* in memory, not in a register of the parent's */

	printf("before vfork: glob = %d, var = %d\n", glob, var);
	fflush(stdout); /* the child shares our stdio buffer: empty it first */
	pid_t pid = vfork();
	if (pid < 0) {
		perror("vfork");
		exit(1);
	}
	if (pid == 0) {
		glob++;
		var++;
		dprintf(1, "child: pid = %d, runs first\n", getpid());
		_exit(0); /* not exit(): that would flush and close the parent's stdio */
	}
	printf("parent: pid = %d, glob = %d, var = %d\n", getpid(), glob, var);
	return 0;
}
