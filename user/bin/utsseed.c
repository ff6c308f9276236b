/*
 * The CLONE_NEWUTS example of the seed article: the child, in a new UTS
 * namespace, sets its hostname to "NewNamespace" and runs hostname (the
 * article starts /bin/bash instead); the parent's hostname is unchanged.
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define STACK_SIZE (1024 * 1024)

static int child_func(void *arg)
{
	char *argv[] = { "hostname", NULL };

	(void)arg;
	if (sethostname("NewNamespace", 12) < 0) {
		perror("sethostname");
		return 1;
	}
	printf("child: hostname in the new UTS namespace:\n");
	fflush(stdout);
	execve("/bin/hostname", argv, environ);
	perror("/bin/hostname");
	return 127;
}

int main(void)
{
	struct utsname u;
	char *stack = malloc(STACK_SIZE);
	if (!stack) {
		perror("malloc");
		exit(EXIT_FAILURE);
	}
	uname(&u);
	printf("parent: hostname before: %s\n", u.nodename);
	fflush(stdout);
	pid_t pid = clone(child_func, stack + STACK_SIZE, CLONE_NEWUTS | SIGCHLD, NULL);
	if (pid == -1) {
		perror("clone");
		exit(EXIT_FAILURE);
	}
	int status;
	waitpid(pid, &status, 0);
	uname(&u);
	printf("parent: hostname after: %s\n", u.nodename);
	free(stack);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
