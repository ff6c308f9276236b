/*
 * Threads of one process on several CPUs at once (issue 12.7): atomic and
 * futex-mutex counts stay exact, two threads are seen on two CPUs at the
 * same time, several threads fork at once, and exit_group ends threads
 * that run on other CPUs, leaving no frame behind.  The checks that need
 * two CPUs SKIP on one; the frame count is Cowl's (/proc/vmstat's
 * nr_free_pages moves with everything else on Linux).
 */
#include <sys/mman.h>
#include <sys/syscall.h>
#include "procutil.h"
#include "test.h"

#define NTHREADS 4
#define STACK 16384
#define ITERS 20000
#define FORKS 10

static char stacks[NTHREADS][STACK] __attribute__((aligned(16)));
static volatile int tids[NTHREADS];
static volatile int go;

static void start_threads(int (*fn)(void *), int n)
{
	go = 0;
	for (long i = 0; i < n; i++)
		clone(fn, stacks[i] + STACK, THREAD_FLAGS, (void *)i, (int *)&tids[i], NULL, (int *)&tids[i]);
	go = 1;
}

static void join_threads(int n)
{
	for (int i = 0; i < n; i++)
		join(&tids[i]);
}

/* ---- counting with atomics and with a futex mutex */

static long atomic_count, locked_count;
static int lock_word; /* 0 free, 1 held, 2 held with waiters (Drepper's "Futexes Are Tricky", mutex 2) */

static void mutex_lock(int *m)
{
	int c = 0;

	if (__atomic_compare_exchange_n(m, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return;
	if (c != 2)
		c = __atomic_exchange_n(m, 2, __ATOMIC_ACQUIRE);
	while (c != 0) {
		futex(m, FUTEX_WAIT, 2, NULL, NULL, 0);
		c = __atomic_exchange_n(m, 2, __ATOMIC_ACQUIRE);
	}
}

static void mutex_unlock(int *m)
{
	if (__atomic_exchange_n(m, 0, __ATOMIC_RELEASE) != 1)
		futex(m, FUTEX_WAKE, 1, NULL, NULL, 0);
}

static int counter(void *arg)
{
	(void)arg;
	while (!go)
		;
	for (int k = 0; k < ITERS; k++) {
		__atomic_fetch_add(&atomic_count, 1, __ATOMIC_RELAXED);
		mutex_lock(&lock_word);
		locked_count++;
		mutex_unlock(&lock_word);
	}
	return 0;
}

static void counts_exact(void)
{
	start_threads(counter, NTHREADS);
	join_threads(NTHREADS);
	CHECK_EQ("atomic_count_exact", atomic_count, (long)NTHREADS * ITERS);
	CHECK_EQ("futex_mutex_count_exact", locked_count, (long)NTHREADS * ITERS);
}

/* ---- two threads on two CPUs at the same time */

static volatile int here[2], cpu_seen[2];

/* Each says it is here and waits for the other; both read their CPU while the other is known to run. */
static int meeter(void *arg)
{
	long i = (long)arg;

	here[i] = 1;
	while (!here[!i])
		;
	cpu_seen[i] = current_cpu();
	here[i] = 2;
	while (here[!i] != 2)
		;
	return 0;
}

static void two_cpus_at_once(void)
{
	int ok = 0;

	for (int attempt = 0; attempt < 50 && !ok; attempt++) {
		here[0] = here[1] = 0;
		/* The main thread is one of the two: it runs, so a new thread's CPU is another one. */
		clone(meeter, stacks[1] + STACK, THREAD_FLAGS, (void *)1L, (int *)&tids[1], NULL, (int *)&tids[1]);
		meeter((void *)0L);
		join(&tids[1]);
		ok = cpu_seen[0] >= 0 && cpu_seen[1] >= 0 && cpu_seen[0] != cpu_seen[1];
	}
	/* Cowl puts a new thread on the CPU with the fewest tasks; a busy host's Linux may keep both on one. */
	if (ok || on_cowl())
		CHECK("two_threads_on_two_cpus", ok);
	else
		SKIP("two_threads_on_two_cpus", "the host ran both threads on one CPU in 50 tries (busy host)");
}

/* ---- several threads fork at once */

static volatile int fork_failures;

static int forker(void *arg)
{
	long i = (long)arg;
	int status;

	while (!go)
		;
	for (int k = 0; k < FORKS; k++) {
		pid_t pid = fork();
		if (pid == 0)
			_exit((int)(i * FORKS + k) & 0x7f);
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != ((i * FORKS + k) & 0x7f))
			__atomic_fetch_add(&fork_failures, 1, __ATOMIC_RELAXED);
	}
	return 0;
}

static void concurrent_fork(void)
{
	start_threads(forker, NTHREADS);
	join_threads(NTHREADS);
	CHECK_EQ("concurrent_fork_all_reaped", fork_failures, 0);
}

/* ---- exit_group while the other threads run elsewhere */

static int spinner(void *arg)
{
	static char scratch[NTHREADS][PAGE_SIZE_ * 4];
	long i = (long)arg;

	for (unsigned long k = 0;; k++)
		scratch[i][(k * 64) % sizeof(scratch[i])] = (char)k; /* keeps writing: its TLB stays busy */
	return 0;
}

static void exit_group_while_running(void)
{
	long before = vmstat("nr_free_pages");
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		start_threads(spinner, NTHREADS - 1);
		for (volatile long spin = 0; spin < 5000000; spin++)
			;
		syscall(__NR_exit_group, 7);
	}
	CHECK_EQ("exit_group_reaped", waitpid(pid, &status, 0), pid);
	CHECK("exit_group_status", WIFEXITED(status) && WEXITSTATUS(status) == 7);
	if (on_cowl())
		CHECK_EQ("no_frame_leaked", vmstat("nr_free_pages"), before);
	else
		SKIP("no_frame_leaked", "the host's free page count moves with everything else");
}

int main(void)
{
	counts_exact();
	if (online_cpus() >= 2)
		two_cpus_at_once();
	else
		SKIP("two_threads_on_two_cpus", "one CPU");
	concurrent_fork();
	exit_group_while_running();
	return test_done();
}
