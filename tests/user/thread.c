/* A thread made with clone, joined through CLONE_CHILD_CLEARTID and futex; arch_prctl. */
#include <sched.h>
#include <signal.h>
#include <sys/thread.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define THREAD_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
		      CLONE_SYSVSEM | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

static char thread_stack[64 * 1024] __attribute__((aligned(16)));
static volatile int thread_tid; /* set by the kernel at creation, cleared and woken at exit */
static volatile pid_t seen_pid, seen_tid;

/* Runs as the thread: it must not touch errno or stdout, which the threads share unlocked. */
static int thread_main(void *arg)
{
	seen_pid = getpid();
	seen_tid = gettid();
	return *(int *)arg;
}

/* Waits until the kernel clears thread_tid, as pthread_join does. */
static void join(void)
{
	int tid;

	while ((tid = thread_tid) != 0)
		futex((int *)&thread_tid, FUTEX_WAIT, tid, NULL, NULL, 0);
}

static void threads(void)
{
	int arg = 0, status;
	int tid = clone(thread_main, thread_stack + sizeof(thread_stack), THREAD_FLAGS, &arg,
			&thread_tid, NULL, &thread_tid);

	if (!CHECK("create", tid > 0))
		return;
	join();
	CHECK("same_process", seen_pid == getpid());
	CHECK("own_tid", seen_tid == tid && tid != getpid());
	CHECK("tid_cleared", thread_tid == 0);
	CHECK("thread_not_waitable", wait4(tid, &status, __WALL, NULL) == -1 && errno == ECHILD);
}

static void futexes(void)
{
	int word = 1;
	struct timespec short_wait = { 0, 1000000 };

	CHECK("wake_nobody", futex(&word, FUTEX_WAKE, 1, NULL, NULL, 0) == 0);
	CHECK("wait_value_changed_eagain", futex(&word, FUTEX_WAIT, 2, NULL, NULL, 0) == -1 && errno == EAGAIN);
	CHECK("wait_timeout_etimedout", futex(&word, FUTEX_WAIT, 1, &short_wait, NULL, 0) == -1 &&
	      errno == ETIMEDOUT);
	CHECK("wait_misaligned_einval", futex((int *)1, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 && errno == EINVAL);
	CHECK("wait_unmapped_efault", futex((int *)8, FUTEX_WAIT, 0, NULL, NULL, 0) == -1 && errno == EFAULT);
	CHECK("bad_op_enosys", futex(&word, 99, 0, NULL, NULL, 0) == -1 && errno == ENOSYS);
}

static void tls_base(void)
{
	static unsigned long block[2] = { 0x1234 };
	unsigned long old, now, first;

	CHECK("get_fs", arch_prctl(ARCH_GET_FS, (unsigned long)&old) == 0);
	CHECK("set_fs", arch_prctl(ARCH_SET_FS, (unsigned long)block) == 0);
	CHECK("get_fs_back", arch_prctl(ARCH_GET_FS, (unsigned long)&now) == 0 && now == (unsigned long)block);
	__asm__ volatile("mov %%fs:0, %0" : "=r"(first));
	CHECK("fs_relative_load", first == 0x1234);
	arch_prctl(ARCH_SET_FS, old);
	CHECK("get_fs_bad_pointer_efault", arch_prctl(ARCH_GET_FS, 8) == -1 && errno == EFAULT);
	CHECK("bad_code_einval", arch_prctl(0x9999, 0) == -1 && errno == EINVAL);
}

int main(void)
{
	threads();
	futexes();
	tls_base();
	return test_done();
}
