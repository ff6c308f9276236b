/*
 * CLONE_THREAD: threads made with clone as NPTL makes them, joined through
 * CLONE_CHILD_CLEARTID and futex; one pid, one tid each; threads are never
 * waitable; exit ends one thread, exit_group the whole group; and the
 * parent of the process hears (wait4) only when the last thread is gone,
 * with the status of the last thread to exit (Linux 6.0 and later).
 */
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

#define NTHREADS 6
#define STACK 16384

static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static volatile int tids[NTHREADS]; /* set at creation, cleared and woken at exit */
static volatile pid_t seen_pid[NTHREADS], seen_tid[NTHREADS];
static volatile long sums[NTHREADS];
static volatile int go;

/* Threads must not touch errno or stdio: they share them unlocked with main. */
static int worker(void *arg)
{
	long i = (long)arg, sum = 0;

	while (!go)
		sched_yield();
	for (long k = 0; k < 50; k++) {
		sum += k * (i + 1);
		sched_yield();
	}
	seen_pid[i] = getpid();
	seen_tid[i] = gettid();
	sums[i] = sum;
	return 0;
}

static void many_threads(void)
{
	int status, created = 0;

	for (long i = 0; i < NTHREADS; i++) {
		int t = clone(worker, stacks[i] + STACK, THREAD_FLAGS, (void *)i, &tids[i], NULL, &tids[i]);
		created += t > 0 && t == tids[i];
	}
	CHECK_EQ("create", created, NTHREADS);
	go = 1;
	for (int i = 0; i < NTHREADS; i++)
		join(&tids[i]);
	int ok_sum = 1, same_pid = 1, distinct = 1, cleared = 1;
	for (int i = 0; i < NTHREADS; i++) {
		ok_sum &= sums[i] == 1225L * (i + 1);
		same_pid &= seen_pid[i] == getpid();
		distinct &= seen_tid[i] != getpid() && seen_tid[i] > 0;
		cleared &= tids[i] == 0;
		for (int j = 0; j < i; j++)
			distinct &= seen_tid[i] != seen_tid[j];
	}
	CHECK("tid_cleared", cleared);
	CHECK("all_results", ok_sum);
	CHECK("same_process", same_pid);
	CHECK("own_tid", distinct);
	CHECK_EQ("main_gettid_is_pid", gettid(), getpid());
	CHECK_ERRNO("thread_not_waitable", wait4(-1, &status, __WALL | WNOHANG, NULL), ECHILD);
}

/* ------------------------------------------- a process with two threads */

static volatile int *shared_word; /* MAP_SHARED: the leader's clear-tid word, seen by the test */
static int release_pipe[2];

static int lingering_thread(void *arg)
{
	char c;

	(void)arg;
	read(release_pipe[0], &c, 1); /* until the test says so */
	__syscall1(__NR_exit, 7);
	return 0;
}

static int group_exit_thread(void *arg)
{
	(void)arg;
	__syscall1(__NR_exit_group, 9);
	return 0;
}

/* The leader exits (exit, not exit_group); its other thread lives on. */
static void leader_exits_first(void)
{
	int status;

	*shared_word = 1; /* non-zero until the kernel clears it at the leader's exit */
	pipe(release_pipe);
	pid_t pid = fork();
	if (pid == 0) {
		*shared_word = getpid();
		set_tid_address((int *)shared_word);
		int t = clone(lingering_thread, stacks[0] + STACK, THREAD_FLAGS & ~CLONE_CHILD_CLEARTID, NULL,
			      &tids[0]);
		__syscall1(__NR_exit, t > 0 ? 3 : 100);
	}
	/* The kernel clears the leader's word at its exit (the thread still uses the mm). */
	while (*shared_word != 0 && pid > 0)
		sched_yield();
	CHECK_EQ("group_alive_not_reaped", wait4(pid, &status, WNOHANG, NULL), 0);
	write(release_pipe[1], "x", 1);
	CHECK_EQ("group_gone_reaped", wait4(pid, &status, 0, NULL), pid);
	/* Linux >= 6.0 (synchronize_group_exit): the last thread to exit gives the group's status. */
	CHECK("group_status_is_last_threads", WIFEXITED(status) && WEXITSTATUS(status) == 7);
	close(release_pipe[0]);
	close(release_pipe[1]);
}

/* exit_group from a thread ends the leader too; the status is exit_group's. */
static void thread_exit_group(void)
{
	int status, fds[2];
	char c;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		clone(group_exit_thread, stacks[0] + STACK, THREAD_FLAGS, NULL, &tids[0], NULL, &tids[0]);
		read(fds[0], &c, 1); /* nobody writes: only exit_group ends this */
		_exit(1);
	}
	CHECK("exit_group_from_thread", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 9);
	close(fds[0]);
	close(fds[1]);
}

/* exit (not exit_group) in a thread ends only that thread. */
static int exit_only_me(void *arg)
{
	(void)arg;
	__syscall1(__NR_exit, 5);
	return 0;
}

static void thread_exit_alone(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		clone(exit_only_me, stacks[0] + STACK, THREAD_FLAGS, NULL, &tids[0], NULL, &tids[0]);
		join(&tids[0]);
		_exit(6); /* still here after the thread's exit */
	}
	CHECK("thread_exit_leaves_process", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 6);
}

int main(void)
{
	shared_word = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	many_threads();
	leader_exits_first();
	thread_exit_group();
	thread_exit_alone();
	return test_done();
}
