/*
 * Which children wait4 sees (wait(2)): a child whose exit signal is not
 * SIGCHLD is a "clone" child, invisible to a plain wait4 and seen with
 * __WCLONE or __WALL; __WCLONE in turn ignores ordinary children; and
 * __WNOTHREAD limits the search to the calling thread's own children.
 */
#include <sched.h>
#include <signal.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

/* A child that exits at once with status 0; exit signal sig (0: none). */
static pid_t clone_child(int sig)
{
	long pid = raw_clone((unsigned long)sig, NULL, NULL, NULL, 0);
	return (pid_t)pid;
}

static void exit_signals(void)
{
	int status;
	pid_t pid;

	/* Exit signal 0 and SIGURG (ignored by default, so it cannot kill us). */
	int sigs[] = { 0, SIGURG };
	for (int i = 0; i < 2; i++) {
		const char *s = i ? "sigurg" : "nosig";
		char name[64];

		pid = clone_child(sigs[i]);
		snprintf(name, sizeof(name), "%s_plain_wait_echild", s);
		CHECK(name, pid > 0 && wait4(pid, &status, 0, NULL) == -1 && errno == ECHILD);
		snprintf(name, sizeof(name), "%s_plain_wait_any_echild", s);
		CHECK(name, wait4(-1, &status, 0, NULL) == -1 && errno == ECHILD);
		snprintf(name, sizeof(name), "%s_wclone_reaps", s);
		CHECK(name, wait4(pid, &status, __WCLONE, NULL) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0);

		pid = clone_child(sigs[i]);
		snprintf(name, sizeof(name), "%s_wall_reaps", s);
		CHECK(name, wait4(-1, &status, __WALL, NULL) == pid && WIFEXITED(status));
	}

	pid = clone_child(SIGCHLD);
	CHECK_ERRNO("sigchld_wclone_echild", wait4(pid, &status, __WCLONE, NULL), ECHILD);
	CHECK_EQ("sigchld_wall_reaps", wait4(pid, &status, __WALL, NULL), pid);

	/* With both kinds present, each option picks its own. */
	pid_t normal = clone_child(SIGCHLD);
	pid_t other = clone_child(0);
	CHECK_EQ("mixed_wclone_gets_clone_child", wait4(-1, &status, __WCLONE, NULL), other);
	CHECK_EQ("mixed_plain_gets_normal_child", wait4(-1, &status, 0, NULL), normal);
	CHECK_ERRNO("mixed_none_left", wait4(-1, &status, __WALL | WNOHANG, NULL), ECHILD);
}

/* ---------------------------------------------------------- __WNOTHREAD */

static char thread_stack[64 * 1024] __attribute__((aligned(16)));
static volatile int thread_tid;
static volatile pid_t forked;
static volatile int release;
static volatile long thread_wait_result, thread_second_child;

/* The thread forks a child (its own, not the main thread's), then waits to be told to go. */
static int forking_thread(void *arg)
{
	(void)arg;
	long pid = raw_clone(SIGCHLD, NULL, NULL, NULL, 0);
	forked = (pid_t)pid;
	while (!release)
		sched_yield();
	/* The main thread has reaped it already: for us too it is gone (raw: errno is the main thread's). */
	thread_wait_result = __syscall4(__NR_wait4, forked, 0, 0, 0);
	thread_second_child = raw_clone(0, NULL, NULL, NULL, 0); /* exit signal 0 */
	while (release < 2)
		sched_yield();
	return 0;
}

static void wnothread(void)
{
	int status;

	forked = 0;
	int t = clone(forking_thread, thread_stack + sizeof(thread_stack), THREAD_FLAGS, NULL, &thread_tid, NULL,
		      &thread_tid);
	if (!CHECK("wnothread_thread", t > 0))
		return;
	while (!forked)
		sched_yield();
	CHECK("wnothread_other_threads_child_echild",
	      wait4(forked, &status, __WNOTHREAD, NULL) == -1 && errno == ECHILD);
	CHECK_ERRNO("wnothread_any_echild", wait4(-1, &status, __WNOTHREAD | __WALL, NULL), ECHILD);
	CHECK("group_waits_for_threads_child", wait4(forked, &status, 0, NULL) == forked && WIFEXITED(status));
	release = 1;
	while (!thread_second_child)
		sched_yield();
	CHECK_EQ("thread_sees_reaped_child_gone", thread_wait_result, -ECHILD);
	/* The thread's second child (exit signal 0): any thread of the group may reap it with __WALL. */
	CHECK_EQ("group_reaps_threads_clone_child", wait4(-1, &status, __WALL, NULL), thread_second_child);
	release = 2;
	join(&thread_tid);
}

int main(void)
{
	exit_signals();
	wnothread();
	return test_done();
}
