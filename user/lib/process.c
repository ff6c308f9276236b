/* Processes: creation, program loading, identity, waiting, signals to others. */
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* Flush first, or the child would inherit the buffered output and print it a second time. */
pid_t fork(void)
{
	fflush(NULL);
	return __syscall_ret(__syscall0(__NR_fork));
}

/* Flushes for the same reason as fork: without CLONE_VM the child gets a copy of the buffers. */
long clone3(struct clone_args *args, size_t size)
{
	fflush(NULL);
	return __syscall_ret(__syscall2(__NR_clone3, args, size));
}

/* Flush first: a successful execve discards this program's buffers. */
int execve(const char *path, char *const argv[], char *const envp[])
{
	fflush(NULL);
	return __syscall_ret(__syscall3(__NR_execve, path, argv, envp));
}

/* Ends every thread of the process, as exit_group does; no buffers are flushed. */
void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
	return __syscall_ret(__syscall4(__NR_wait4, pid, status, options, usage));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return __syscall_ret(__syscall5(__NR_waitid, idtype, id, info, options, NULL));
}

pid_t getpid(void)
{
	return __syscall0(__NR_getpid);
}

pid_t getppid(void)
{
	return __syscall0(__NR_getppid);
}

pid_t gettid(void)
{
	return __syscall0(__NR_gettid);
}

int sched_yield(void)
{
	return __syscall_ret(__syscall0(__NR_sched_yield));
}

int kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(__NR_kill, pid, sig));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}
