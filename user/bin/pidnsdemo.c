/*
 * pidnsdemo: CLONE_NEWPID.  The child is the first process of a new pid
 * namespace, so inside it is pid 1 and its parent, who lives outside, shows
 * as 0.  Outside, the same process has an ordinary pid.  The child's own
 * child is pid 2 inside.  Needs root (CAP_SYS_ADMIN) on Linux, as on Cowl.
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[64 * 1024] __attribute__((aligned(16)));

static int child_func(void *arg)
{
	(void)arg;
	printf("  child:      inside the new namespace getpid() = %d, getppid() = %d\n", getpid(), getppid());
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		printf("  grandchild: getpid() = %d, getppid() = %d\n", getpid(), getppid());
		exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("  child:      fork() gave my child pid %d, numbered in my namespace\n", pid);
	fflush(stdout); /* returning ends only this task (exit, not exit_group): nobody flushes for us */
	return 0;
}

int main(void)
{
	printf("pidnsdemo: I am pid %d.\n", getpid());
	fflush(stdout);
	pid_t pid = clone(child_func, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);
	if (pid < 0) {
		perror("clone(CLONE_NEWPID)");
		return 1;
	}
	waitpid(pid, NULL, 0);
	printf("  parent:     clone() returned %d: the same child, seen from outside.\n", pid);
	printf("One process, two pids: 1 in its own namespace, %d in mine.\n", pid);
	return 0;
}
