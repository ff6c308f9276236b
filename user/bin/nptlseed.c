/*
 * The pthread example of the seed article, with what pthread_create and
 * pthread_join do written out: a thread made by clone with NPTL's flags
 * (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
 * CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID),
 * joined by sleeping on the tid word the kernel clears and wakes at exit.
 */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/thread.h>
#include <unistd.h>

#define STACK_SIZE (64 * 1024)
#define NPTL_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | \
		    CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

struct thread {
	struct thread *self; /* %fs:0 points here, as in NPTL's TLS block */
	void *(*fn)(void *);
	void *arg;
	void *result;
	volatile int tid; /* cleared by the kernel when the thread exits */
};

static void *func(void *unused)
{
	(void)unused;
	printf("sub thread\n");
	fflush(stdout);
	return (void *)123;
}

static int start(void *p)
{
	struct thread *t = p;

	t->result = t->fn(t->arg);
	return 0; /* the clone wrapper ends just this thread (exit, not exit_group) */
}

static int thread_create(struct thread *t, void *(*fn)(void *), void *arg)
{
	char *stack = malloc(STACK_SIZE);

	if (!stack)
		return -1;
	t->self = t;
	t->fn = fn;
	t->arg = arg;
	int tid = clone(start, stack + STACK_SIZE, NPTL_FLAGS, t, &t->tid, t, &t->tid);
	return tid < 0 ? -1 : 0; /* the stack is leaked, as a detached pthread's would be */
}

static void thread_join(struct thread *t, void **result)
{
	int tid;

	while ((tid = t->tid) != 0)
		futex((int *)&t->tid, FUTEX_WAIT, tid, NULL, NULL, 0);
	*result = t->result;
}

int main(void)
{
	static struct thread t1;
	void *p;

	if (thread_create(&t1, func, NULL) < 0) {
		perror("clone");
		return 1;
	}
	thread_join(&t1, &p);
	printf("main thread:%d\n", (int)(long)p);
	return 0;
}
