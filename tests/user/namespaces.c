/*
 * CLONE_NEWUTS: the child gets its own hostname, the parent's stays.
 * CLONE_NEWPID: the child is pid 1 (parent 0) of a new pid namespace and
 * reaps the orphans in it; the parent knows it by the pid clone returned;
 * and as an init it may not use CLONE_PARENT.  Both need root on Linux.
 */
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/thread.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

#define NO_PRIVILEGE "needs privileges we lack on this host (CAP_SYS_ADMIN)"

static char child_stack[64 * 1024] __attribute__((aligned(16)));
#define STACK_TOP (child_stack + sizeof(child_stack))

static volatile long *shm; /* MAP_SHARED: results from inside the namespaces */

static int uts_child(void *arg)
{
	struct utsname u;

	(void)arg;
	if (sethostname("NewNamespace", 12) != 0)
		return 1;
	if (uname(&u) != 0 || strcmp(u.nodename, "NewNamespace") != 0)
		return 2;
	return 0;
}

static void new_uts(void)
{
	struct utsname before, after;
	int status;

	uname(&before);
	int pid = clone(uts_child, STACK_TOP, CLONE_NEWUTS | SIGCHLD, NULL);
	if (pid < 0 && errno == EPERM) {
		SKIP_ALL(NO_PRIVILEGE, "newuts_clone", "newuts_child_sets_own_hostname",
			 "newuts_parent_hostname_unchanged");
		return;
	}
	CHECK("newuts_clone", pid > 0);
	CHECK("newuts_child_sets_own_hostname", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
	uname(&after);
	CHECK("newuts_parent_hostname_unchanged", strcmp(before.nodename, after.nodename) == 0);
}

static char thread_stack[16384] __attribute__((aligned(16)));
static volatile int thread_tid;

/* Another thread of the namespace's init: it is just as much "init". */
static int init_thread(void *arg)
{
	(void)arg;
	shm[7] = raw_clone(CLONE_PARENT | SIGCHLD, NULL, NULL, NULL, 0);
	return 0;
}

static volatile long got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = sig;
}

/* Waits up to 5 s for *word to become non-zero; returns it. */
static long wait_for(volatile long *word)
{
	struct timespec t = { 0, 10000000 };

	for (int i = 0; i < 500 && !*word; i++)
		nanosleep(&t, NULL);
	return *word;
}

/* Last in pid_init: the parent signals the pid clone gave it, which must be us. */
static void await_outer_signal(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };

	sigaction(SIGUSR1, &sa, NULL);
	shm[9] = 1;
	shm[8] = wait_for(&got_usr1);
}

/* Runs as pid 1 of the new namespace. */
static int pid_init(void *arg)
{
	int status;

	(void)arg;
	shm[0] = getpid();
	shm[1] = getppid();
	/* An orphan: a child forks a grandchild and exits; the grandchild comes to us. */
	pid_t middle = fork();
	if (middle == 0) {
		pid_t orphan = fork();
		if (orphan == 0) {
			while (getppid() != 1)
				sched_yield();
			_exit(42);
		}
		shm[2] = orphan;
		_exit(41);
	}
	int reaped = 0, codes = 0;
	pid_t got;
	while ((got = wait(&status)) > 0) {
		reaped++;
		if (got == middle && WEXITSTATUS(status) == 41)
			codes |= 1;
		else if (got == shm[2] && WEXITSTATUS(status) == 42)
			codes |= 2;
	}
	shm[3] = reaped;
	shm[4] = codes;
	shm[5] = middle;
	/* An init may not make siblings it could not reap. */
	long r = raw_clone(CLONE_PARENT | SIGCHLD, NULL, NULL, NULL, 0);
	shm[6] = r;
	if (r > 0)
		waitpid((pid_t)r, &status, __WALL);
	if (clone(init_thread, thread_stack + sizeof(thread_stack), THREAD_FLAGS, NULL, &thread_tid, NULL,
		  &thread_tid) > 0)
		join(&thread_tid);
	await_outer_signal();
	return 7;
}

static void new_pid(void)
{
	int status;

	for (int i = 0; i < 10; i++)
		shm[i] = i == 9 ? 0 : -99;
	int pid = clone(pid_init, STACK_TOP, CLONE_NEWPID | SIGCHLD, NULL);
	if (pid < 0 && errno == EPERM) {
		SKIP_ALL(NO_PRIVILEGE, "newpid_clone", "newpid_outer_pid_is_clones_result", "newpid_getpid_is_1",
			 "newpid_getppid_is_0", "newpid_inner_pids_small", "newpid_init_reaps_orphan",
			 "newpid_init_clone_parent_einval", "newpid_init_thread_clone_parent_einval",
			 "newpid_outer_pid_reaches_child");
		return;
	}
	CHECK("newpid_clone", pid > 0);
	if (pid > 0 && wait_for(&shm[9]))
		kill(pid, SIGUSR1);
	CHECK("newpid_outer_pid_is_clones_result", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 7);
	CHECK_EQ("newpid_getpid_is_1", shm[0], 1);
	CHECK_EQ("newpid_getppid_is_0", shm[1], 0);
	CHECK("newpid_inner_pids_small", shm[5] == 2 && shm[2] == 3);
	CHECK("newpid_init_reaps_orphan", shm[3] == 2 && shm[4] == 3);
	CHECK_EQ("newpid_init_clone_parent_einval", shm[6], -EINVAL);
	CHECK_EQ("newpid_init_thread_clone_parent_einval", shm[7], -EINVAL);
	if (shm[7] > 0) /* a sibling of init's: ours to reap */
		waitpid((pid_t)shm[7], &status, __WALL);
	CHECK_EQ("newpid_outer_pid_reaches_child", shm[8], SIGUSR1);
}

int main(void)
{
	shm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	new_uts();
	new_pid();
	return test_done();
}
