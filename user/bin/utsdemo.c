/*
 * utsdemo: the articles' CLONE_NEWUTS example.  The child gets its own copy
 * of the UTS namespace (host name and domain name), renames its host
 * "NewNamespace", and the parent's host name does not change.  Needs root
 * (CAP_SYS_ADMIN) on Linux, as on Cowl.
 */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static char stack[64 * 1024] __attribute__((aligned(16)));

static const char *hostname(void)
{
	static struct utsname u;

	return uname(&u) == 0 ? u.nodename : "?";
}

static int child_func(void *arg)
{
	(void)arg;
	printf("  child:  in a new UTS namespace, host name is \"%s\" (a copy of the parent's)\n", hostname());
	if (sethostname("NewNamespace", 12) < 0) {
		perror("  child:  sethostname");
		return 1;
	}
	printf("  child:  after sethostname(\"NewNamespace\"): \"%s\"\n", hostname());
	fflush(stdout);
	return 0;
}

int main(void)
{
	printf("utsdemo: the parent's host name is \"%s\".\n", hostname());
	fflush(stdout);
	pid_t pid = clone(child_func, stack + sizeof(stack), CLONE_NEWUTS | SIGCHLD, NULL);
	if (pid < 0) {
		perror("clone(CLONE_NEWUTS)");
		return 1;
	}
	int status;
	waitpid(pid, &status, 0);
	printf("  parent: after the child exited, my host name is still \"%s\".\n", hostname());
	printf("CLONE_NEWUTS gave the child its own host name; nobody else saw the change.\n");
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
