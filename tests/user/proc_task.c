/*
 * /proc/thread-self and /proc/PID/task as Linux has them (proc(5)):
 * thread-self is a link whose text is "PID/task/TID" of the thread that
 * reads it (checked from the main thread and from a second one, against
 * getpid and gettid); /proc/self/task lists every thread's tid, and
 * task/TID is that thread's own directory (its stat names the tid), with
 * an inode number of its own (not /proc/TID's, or find(1) would see a
 * directory inside itself) and no task directory inside.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

#define STACK 16384

static char stack[STACK] __attribute__((aligned(16)));
static volatile int thread_tid, release, thread_ready;
static char thread_link[64], thread_expect[64];

/* The second thread: reads thread-self itself, then waits to be released. */
static int reader(void *arg)
{
	long n = readlink("/proc/thread-self", thread_link, sizeof(thread_link) - 1);

	(void)arg;
	thread_link[n > 0 ? n : 0] = '\0';
	snprintf(thread_expect, sizeof(thread_expect), "%d/task/%d", getpid(), gettid());
	thread_ready = 1;
	while (!release)
		sched_yield();
	return 0;
}

static void thread_self(void)
{
	char text[64], expect[64];
	struct stat st;
	long n = readlink("/proc/thread-self", text, sizeof(text) - 1);

	text[n > 0 ? n : 0] = '\0';
	snprintf(expect, sizeof(expect), "%d/task/%d", getpid(), gettid());
	CHECK("thread_self_is_link", lstat("/proc/thread-self", &st) == 0 && S_ISLNK(st.st_mode));
	CHECK("thread_self_text", n > 0 && !strcmp(text, expect));
	CHECK("thread_self_leads_to_dir", stat("/proc/thread-self", &st) == 0 && S_ISDIR(st.st_mode));
}

/* Whether readdir of /proc/self/task lists tid. */
static int task_lists(int tid)
{
	DIR *d = opendir("/proc/self/task");
	int listed = 0;

	for (struct dirent *e; d && (e = readdir(d));)
		listed += atoi(e->d_name) == tid && e->d_type == DT_DIR;
	if (d)
		closedir(d);
	return listed;
}

/* Field 1 of path (a stat file): the pid or tid it describes, or -1. */
static long stat_id(const char *path)
{
	char buf[256];

	return read_file(path, buf, sizeof(buf)) > 0 ? strtol(buf, NULL, 10) : -1;
}

static void task_dir(void)
{
	char path[64];
	struct stat in_task, in_proc;

	if (clone(reader, stack + STACK, THREAD_FLAGS, NULL, (int *)&thread_tid, NULL, (int *)&thread_tid) <= 0) {
		SKIP_ALL("clone failed", "thread_sees_own_tid", "task_lists_main", "task_lists_thread",
			 "task_tid_stat", "task_tid_ino_own", "no_task_in_task_tid", "task_forgets_ended_thread");
		return;
	}
	while (!thread_ready)
		sched_yield();
	CHECK("thread_sees_own_tid", thread_link[0] && !strcmp(thread_link, thread_expect));
	CHECK_EQ("task_lists_main", task_lists(getpid()), 1);
	CHECK_EQ("task_lists_thread", task_lists(thread_tid), 1);
	snprintf(path, sizeof(path), "/proc/self/task/%d/stat", thread_tid);
	CHECK_EQ("task_tid_stat", stat_id(path), thread_tid);
	snprintf(path, sizeof(path), "/proc/self/task/%d", getpid());
	CHECK("task_tid_ino_own", stat(path, &in_task) == 0 && stat("/proc/self", &in_proc) == 0 &&
	      in_task.st_ino != in_proc.st_ino);
	snprintf(path, sizeof(path), "/proc/self/task/%d/task", getpid());
	CHECK_ERRNO("no_task_in_task_tid", stat(path, &in_task), ENOENT);
	int tid = thread_tid;
	release = 1;
	join(&thread_tid);
	/* The tid word is cleared a moment before the thread is gone from its group: allow a second. */
	struct timespec tick = { 0, 10000000 };
	for (int tries = 0; tries < 100 && task_lists(tid); tries++)
		nanosleep(&tick, NULL);
	CHECK_EQ("task_forgets_ended_thread", task_lists(tid), 0);
}

int main(void)
{
	thread_self();
	task_dir();
	return test_done();
}
