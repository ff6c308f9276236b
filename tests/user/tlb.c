/*
 * TLB shootdowns, seen from user space: a thread that runs on another CPU
 * must lose its translations when the kernel takes a right away from a
 * PTE of its address space.
 *
 * fork_write_protect: a thread of the parent keeps writing a page while
 * the main thread forks.  fork write-protects the page and the child maps
 * the same frame; without a shootdown the writer's CPU keeps its writable
 * TLB entry and goes on writing into the child's frame.  The child must
 * never see a value written after fork returned (the writer publishes its
 * progress in a MAP_SHARED page; the parent notes it when fork returns).
 *
 * munmap_stale_read: a thread keeps reading a page that the main thread
 * unmaps; once munmap has returned, every read must fault (SIGSEGV),
 * never read the old frame.
 *
 * Both need two CPUs (SKIP on one); the counters of shootdowns are Cowl's
 * (Linux shows them only with CONFIG_DEBUG_TLBFLUSH).
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "procutil.h"
#include "test.h"

#define STACK 16384
#define ROUNDS 30

static char stack[STACK] __attribute__((aligned(16)));
static volatile int tid;

struct progress {
	volatile long written;     /* the writer's last value, MAP_SHARED: the same for parent and child */
	volatile long at_fork;     /* written, as the parent read it when fork returned */
	volatile int marked;       /* at_fork is set */
};

static volatile long *cow_page;
static struct progress *shared;
static volatile int stop, writer_cpu = -1;

static int writer(void *arg)
{
	(void)arg;
	writer_cpu = current_cpu();
	for (long v = 1; !stop; v++) {
		*cow_page = v;
		shared->written = v;
	}
	return 0;
}

/* The child: once the writer is well past the fork, its page must still hold a value from before. */
static void child_checks(void)
{
	while (!shared->marked)
		;
	long limit = shared->at_fork + 1; /* the writer may have stored at_fork + 1 before publishing it */
	for (long spins = 0; shared->written < limit + 100000 && spins < 200000000; spins++)
		;
	_exit(*cow_page > limit ? 1 : 0);
}

static void fork_write_protect(void)
{
	long flushes = vmstat("nr_tlb_remote_flush");
	int stale = 0, status;

	cow_page = mmap(NULL, PAGE_SIZE_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	shared = mmap(NULL, PAGE_SIZE_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (!CHECK("mmap", cow_page != MAP_FAILED && shared != MAP_FAILED))
		return;
	stop = 0;
	if (!CHECK("writer_started", clone(writer, stack + STACK, THREAD_FLAGS, NULL, (int *)&tid, NULL, (int *)&tid) > 0))
		return;
	while (!shared->written)
		;
	for (int round = 0; round < ROUNDS; round++) {
		shared->marked = 0;
		pid_t pid = fork();
		if (pid == 0)
			child_checks();
		shared->at_fork = shared->written;
		shared->marked = 1;
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
			stale++;
	}
	stop = 1;
	join(&tid);
	if (on_cowl()) /* a new thread goes to the CPU with the fewest tasks there, and stays */
		CHECK("writer_on_another_cpu", writer_cpu >= 0 && writer_cpu != current_cpu());
	else
		SKIP("writer_on_another_cpu", "Linux may move either thread at any time");
	CHECK_EQ("child_never_sees_write_after_fork", stale, 0);
	if (on_cowl())
		CHECK("remote_flushes_counted", vmstat("nr_tlb_remote_flush") > flushes);
	else
		SKIP("remote_flushes_counted", "nr_tlb_remote_flush is Cowl's (Linux: CONFIG_DEBUG_TLBFLUSH)");
	munmap((void *)cow_page, PAGE_SIZE_);
	munmap(shared, PAGE_SIZE_);
}

static volatile int *victim;
static volatile int unmapped, faulted;
static volatile long stale_reads;

static void on_segv(int sig)
{
	(void)sig;
	faulted = 1;
	syscall(__NR_exit, 0); /* this thread only; main joins it */
}

static int reader(void *arg)
{
	(void)arg;
	for (long sum = 0;; ) {
		int gone = unmapped;
		__atomic_signal_fence(__ATOMIC_SEQ_CST); /* the flag is read before the page */
		sum += *victim;
		if (gone && ++stale_reads > 100000)
			return (int)sum; /* reads went on after munmap returned: stop, the check fails */
	}
}

static void munmap_stale_read(void)
{
	struct sigaction sa = { .sa_handler = on_segv };

	victim = mmap(NULL, PAGE_SIZE_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!CHECK("mmap_victim", victim != MAP_FAILED))
		return;
	*victim = 42;
	sigaction(SIGSEGV, &sa, NULL);
	if (!CHECK("reader_started", clone(reader, stack + STACK, THREAD_FLAGS, NULL, (int *)&tid, NULL, (int *)&tid) > 0))
		return;
	for (volatile long spin = 0; spin < 10000000; spin++)
		; /* let the reader run a while on its CPU, its TLB holding the page */
	CHECK_EQ("munmap", munmap((void *)victim, PAGE_SIZE_), 0);
	unmapped = 1;
	join(&tid);
	signal(SIGSEGV, SIG_DFL);
	CHECK("reader_got_sigsegv", faulted);
	CHECK_EQ("no_read_after_munmap_returned", stale_reads, 0);
}

int main(void)
{
	if (online_cpus() < 2) {
		SKIP_ALL("one CPU: no other TLB can go stale", "mmap", "writer_started", "writer_on_another_cpu",
			 "child_never_sees_write_after_fork", "remote_flushes_counted", "mmap_victim",
			 "reader_started", "munmap", "reader_got_sigsegv", "no_read_after_munmap_returned");
		return test_done();
	}
	fork_write_protect();
	munmap_stale_read();
	return test_done();
}
