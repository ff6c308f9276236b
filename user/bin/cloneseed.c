/* The clone() example of the seed article: a child process made with clone(SIGCHLD). */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (1024 * 1024) /* 1 MiB stack */

static int child_func(void *arg)
{
	(void)arg;
	printf("Child process: PID = %d\n", getpid());
	fflush(stdout); /* returning from fn ends the child with _exit: nothing else flushes */
	return 0;
}

int main(void)
{
	char *stack = malloc(STACK_SIZE);
	if (!stack) {
		perror("malloc");
		exit(EXIT_FAILURE);
	}
	fflush(stdout); /* the child must not print a copy of our pending output */
	pid_t pid = clone(child_func, stack + STACK_SIZE, SIGCHLD, NULL);
	if (pid == -1) {
		perror("clone");
		exit(EXIT_FAILURE);
	}
	printf("Parent process: PID = %d, Child PID = %d\n", getpid(), pid);
	fflush(stdout);
	wait(NULL); /* wait for the child to finish */
	free(stack);
	return 0;
}
