/*
 * bench: what process creation and copy-on-write cost, in TSC cycles.
 *
 *   bench [-thp] [TRUE [GROUP...]]
 *
 * -thp leaves out the MADV_NOHUGEPAGE advice, so that a Linux booted with
 * transparent_hugepage=always maps the touched memory with 2 MiB pages:
 * the Linux a user gets by default.
 * TRUE is the tiny program the exec rows run (default /bin/true); GROUPs,
 * if given, pick which groups of rows run (names in `groups` below), e.g.
 * `tools/run-elf build/initrd/bin/bench /bin/true fork_sparse getrandom`;
 * `scaling` (creation throughput, one worker per CPU) runs only if named.
 *
 * Every row is the median of several rounds, so that one slow round (a
 * timer interrupt, a cold cache) does not move it.  The program uses only
 * the Linux x86-64 system call ABI: `make bench` runs this same binary on
 * Cowl and on Linux in the same QEMU and compares the rows.  It reports and
 * never judges: a timing is never an error, a failing system call is.
 *
 * Output: comment lines start with '#'; each result is one line
 *   BENCH <op> <size_mib or -> <median_cycles> <samples>
 * When it is pid 1 (the init of a Linux initramfs) it powers off at the end.
 */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/thread.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE_SIZE 4096ul
#define MIB (1024ul * 1024)
#define STACK_SIZE (64 * 1024)
#define FAULT_PAGES 256 /* samples per page-fault row */
#define EXEC_ROUNDS 51
#define MAX_ROUNDS 256
#define NPTL_FLAGS (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | \
		    CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
#define NO_SIZE ((unsigned long)-1) /* a row that does not depend on the memory size */
#define TCSBRK 0x5409 /* asm-generic/ioctls.h; with argument 1 it is tcdrain() */
#define SLOW_ROUNDS 5 /* the rows of big address spaces */
#define GETRANDOM_ROUNDS 1 /* Linux's ChaCha20 takes 10 s per GiB natively, far longer under TCG */
#define SPARSE_SPAN (64ul << 40)
#define MANY_VMAS 60000
#define GETRANDOM_CHUNK (64 * MIB)
#define MAX_WORKERS 64      /* the scaling rows' processes, one per CPU */
#define WORKER_ROUNDS 100   /* creations each worker makes in one sample */
#define SCALING_SAMPLES 5

/* Memory sizes and rounds: fewer rounds where one round costs more, so a run under TCG stays short. */
static const struct {
	unsigned long mib;
	int rounds;
} sizes[] = { { 0, 201 }, { 16, 101 }, { 64, 51 }, { 256, 21 } };

static const char *true_path = "/bin/true";
static int huge_pages_allowed; /* -thp */

/* One stack for the clone and thread children: each round's child has ended before the next starts. */
static char child_stack[STACK_SIZE] __attribute__((aligned(16)));

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	/* "memory": the compiler must not move loads or stores across the reading. */
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return (uint64_t)hi << 32 | lo;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static int compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

static uint64_t median(uint64_t *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), compare_u64);
	return v[n / 2];
}

static void report(const char *op, unsigned long mib, uint64_t cycles, int samples)
{
	if (mib == NO_SIZE)
		printf("BENCH %-11s %4s %12lu %3d\n", op, "-", (unsigned long)cycles, samples);
	else
		printf("BENCH %-11s %4lu %12lu %3d\n", op, mib, (unsigned long)cycles, samples);
	fflush(stdout); /* a run that dies later still leaves its finished rows */
}

/* Waits for `pid`; a child that did not exit with status 0 makes the whole run fail. */
static void reap(pid_t pid)
{
	int status;

	if (pid < 0)
		die("bench: creating a child");
	if (waitpid(pid, &status, 0) != pid)
		die("bench: waitpid");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench: a child ended with wait status %#x\n", status);
		exit(1);
	}
}

/* Private anonymous memory with every page written, so that every page is mapped. */
static char *touched_memory(unsigned long len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("bench: mmap");
	if (!huge_pages_allowed)
		madvise(p, len, MADV_NOHUGEPAGE); /* 4 KiB pages, as on Cowl; advisory, so failure is harmless */
	for (unsigned long off = 0; off < len; off += PAGE_SIZE)
		p[off] = 1;
	return p;
}

static uint64_t fork_exit_wait(void)
{
	uint64_t t0 = rdtsc();
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	reap(pid);
	return rdtsc() - t0;
}

static uint64_t vfork_exit_wait(void)
{
	uint64_t t0 = rdtsc();
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	reap(pid);
	return rdtsc() - t0;
}

static int child_returns(void *unused)
{
	(void)unused;
	return 0; /* the clone wrapper ends the child with the exit system call */
}

static uint64_t clone_vm_exit_wait(void)
{
	uint64_t t0 = rdtsc();

	reap(clone(child_returns, child_stack + STACK_SIZE, CLONE_VM | SIGCHLD, NULL));
	return rdtsc() - t0;
}

/* The thread's TLS block: %fs:0 points to itself, as NPTL's does. */
struct tls_block {
	struct tls_block *self;
	volatile int tid; /* set by CLONE_PARENT_SETTID, cleared and woken by the kernel at exit */
};

/* pthread_create + pthread_join without the library: clone with NPTL's flags, futex on the tid. */
static uint64_t thread_create_join(void)
{
	static struct tls_block tls = { .self = &tls };
	uint64_t t0 = rdtsc();
	int tid = clone(child_returns, child_stack + STACK_SIZE, NPTL_FLAGS, NULL, &tls.tid, &tls, &tls.tid);

	if (tid < 0)
		die("bench: clone (thread)");
	while ((tid = tls.tid) != 0)
		futex((int *)&tls.tid, FUTEX_WAIT, tid, NULL, NULL, 0);
	return rdtsc() - t0;
}

static const struct {
	const char *name;
	uint64_t (*round)(void);
} creations[] = {
	{ "fork", fork_exit_wait },
	{ "vfork", vfork_exit_wait },
	{ "clone_vm", clone_vm_exit_wait },
	{ "thread", thread_create_join },
};

static void run_creations(unsigned long mib, int rounds)
{
	uint64_t t[MAX_ROUNDS];

	for (size_t op = 0; op < sizeof(creations) / sizeof(creations[0]); op++) {
		for (int i = 0; i < rounds; i++)
			t[i] = creations[op].round();
		report(creations[op].name, mib, median(t, rounds), rounds);
	}
}

static void bench_creations(void)
{
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		unsigned long len = sizes[s].mib * MIB;
		char *mem = len ? touched_memory(len) : NULL;

		run_creations(sizes[s].mib, sizes[s].rounds);
		if (mem && munmap(mem, len) < 0)
			die("bench: munmap");
	}
}

/* Writes one byte to each page of `p` and returns the median cost of one write. */
static uint64_t median_write(char *p)
{
	uint64_t t[FAULT_PAGES];

	for (int i = 0; i < FAULT_PAGES; i++) {
		volatile char *page = p + i * PAGE_SIZE;
		uint64_t t0 = rdtsc();
		*page = 2;
		t[i] = rdtsc() - t0;
	}
	return median(t, FAULT_PAGES);
}

/* First writes to fresh anonymous memory: each allocates and zeroes a page. */
static void bench_zero_fault(void)
{
	char *p = mmap(NULL, FAULT_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("bench: mmap");
	madvise(p, FAULT_PAGES * PAGE_SIZE, MADV_NOHUGEPAGE);
	report("zero_fault", NO_SIZE, median_write(p), FAULT_PAGES);
	munmap(p, FAULT_PAGES * PAGE_SIZE);
}

/*
 * A child that keeps our mappings until we close *done (the write end of a
 * pipe whose read end it waits on), then exits.
 */
static pid_t fork_holding_child(int *done)
{
	int fds[2];
	char c;

	if (pipe(fds) < 0)
		die("bench: pipe");
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 0 ? 0 : 1); /* 0: end of file, the parent is done */
	}
	close(fds[0]);
	*done = fds[1];
	return pid;
}

/* The parent writes pages it shares with a live child: each write must copy the page. */
static void bench_cow_copy(void)
{
	char *p = touched_memory(FAULT_PAGES * PAGE_SIZE);
	int done;
	pid_t pid = fork_holding_child(&done);
	uint64_t cycles = median_write(p);

	close(done);
	reap(pid);
	report("cow_copy", NO_SIZE, cycles, FAULT_PAGES);
	munmap(p, FAULT_PAGES * PAGE_SIZE);
}

/*
 * The child exits before the parent writes: the pages are still
 * write-protected, but the parent is their only user again, so the fault
 * can make the page writable in place (Linux's wp_can_reuse_anon_folio).
 */
static void bench_cow_reuse(void)
{
	char *p = touched_memory(FAULT_PAGES * PAGE_SIZE);
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	reap(pid);
	report("cow_reuse", NO_SIZE, median_write(p), FAULT_PAGES);
	munmap(p, FAULT_PAGES * PAGE_SIZE);
}

#define STRETCH (2 * MIB) /* what one leaf page table maps */
#define STRETCHES 32       /* samples of the per-stretch rows */

static uint64_t write_at(volatile char *page)
{
	uint64_t t0 = rdtsc();

	*page = 3;
	return rdtsc() - t0;
}

/*
 * The parent writes pages it shares with a live child, in STRETCHES
 * touched 2 MiB stretches on 2 MiB boundaries: first one page of each
 * stretch (cow_first: under Cowl's fork=odf the table copy and the page
 * copy, elsewhere a COW copy), then a second page of each (cow_next: a
 * COW copy in a table the parent owns by then).
 */
static void bench_cow_stretch(void)
{
	char *raw = touched_memory((STRETCHES + 1) * STRETCH);
	char *p = (char *)(((unsigned long)raw + STRETCH - 1) & ~(STRETCH - 1));
	uint64_t first[STRETCHES], next[STRETCHES];
	int done;
	pid_t pid = fork_holding_child(&done);

	for (int i = 0; i < STRETCHES; i++)
		first[i] = write_at(p + i * STRETCH + STRETCH / 2);
	for (int i = 0; i < STRETCHES; i++)
		next[i] = write_at(p + i * STRETCH + STRETCH / 2 + PAGE_SIZE);
	close(done);
	reap(pid);
	report("cow_first", NO_SIZE, median(first, STRETCHES), STRETCHES);
	report("cow_next", NO_SIZE, median(next, STRETCHES), STRETCHES);
	munmap(raw, (STRETCHES + 1) * STRETCH);
}

/* The CPUs this process may run on (sched_getaffinity counts them on Linux and Cowl alike). */
static int usable_cpus(void)
{
	unsigned long mask[MAX_WORKERS / (8 * sizeof(long))] = { 0 };
	long len = syscall(__NR_sched_getaffinity, 0, sizeof(mask), mask);
	int n = 0;

	if (len < 0)
		die("bench: sched_getaffinity");
	for (size_t i = 0; i < (size_t)len / sizeof(long); i++)
		for (unsigned long m = mask[i]; m; m &= m - 1)
			n++;
	return n;
}

/*
 * `workers` processes, released at once through a pipe (closing its write
 * end wakes every reader), each making WORKER_ROUNDS creations: the wall
 * cycles from the release to the last worker's end, per creation.  With
 * one worker per CPU, perfect scaling divides it by the number of CPUs.
 */
static uint64_t parallel_creations(uint64_t (*round)(void), int workers)
{
	pid_t pid[MAX_WORKERS];
	int go[2];
	char c;

	if (pipe(go) < 0)
		die("bench: pipe");
	for (int w = 0; w < workers; w++) {
		pid[w] = fork();
		if (pid[w] < 0)
			die("bench: fork (worker)");
		if (pid[w] == 0) {
			close(go[1]);
			if (read(go[0], &c, 1) != 0)
				_exit(1);
			for (int i = 0; i < WORKER_ROUNDS; i++)
				round();
			_exit(0);
		}
	}
	close(go[0]);
	uint64_t t0 = rdtsc();
	close(go[1]);
	for (int w = 0; w < workers; w++)
		reap(pid[w]);
	return (rdtsc() - t0) / ((uint64_t)workers * WORKER_ROUNDS);
}

/* Creation throughput, one worker per CPU: the rows make bench compares across -smp 1, 2 and 4. */
static void bench_scaling(void)
{
	static const struct {
		const char *name;
		uint64_t (*round)(void);
	} rows[] = { { "fork_par", fork_exit_wait }, { "thread_par", thread_create_join } };
	int workers = usable_cpus();
	uint64_t t[SCALING_SAMPLES];

	printf("# scaling: %d workers, one per CPU, %d creations each per sample\n", workers, WORKER_ROUNDS);
	for (size_t r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
		for (int i = 0; i < SCALING_SAMPLES; i++)
			t[i] = parallel_creations(rows[r].round, workers);
		report(rows[r].name, NO_SIZE, median(t, SCALING_SAMPLES), SCALING_SAMPLES);
	}
}

static char *true_argv[] = { NULL, NULL };
static char *empty_envp[] = { NULL };

/* The child of fork or vfork becomes `true_path`; it only returns if it cannot. */
static void exec_true(void)
{
	execve(true_path, true_argv, empty_envp);
	_exit(127); /* reap() reports it */
}

/* vfork is called by name in each function: GCC then knows it returns twice. */
static uint64_t fork_exec_wait(void)
{
	uint64_t t0 = rdtsc();
	pid_t pid = fork();

	if (pid == 0)
		exec_true();
	reap(pid);
	return rdtsc() - t0;
}

static uint64_t vfork_exec_wait(void)
{
	uint64_t t0 = rdtsc();
	pid_t pid = vfork();

	if (pid == 0)
		exec_true();
	reap(pid);
	return rdtsc() - t0;
}

/* The median of `rounds` runs of round(), reported as one row. */
static void bench_rounds(const char *name, unsigned long mib, uint64_t (*round)(void), int rounds)
{
	uint64_t t[MAX_ROUNDS];

	for (int i = 0; i < rounds; i++)
		t[i] = round();
	report(name, mib, median(t, rounds), rounds);
}

/*
 * fork + exit + wait of a 64 TiB private mapping with six pages touched far
 * apart (tests/user/sparse.c's layout): the cost must follow the page
 * tables that exist, not the size of the range.
 */
static void bench_sparse_fork(void)
{
	static const unsigned long touched[] = { 0, (2ul << 20) - PAGE_SIZE, 1ul << 30, 512ul << 30, 33ul << 40,
						 SPARSE_SPAN - PAGE_SIZE };
	char *p = mmap(NULL, SPARSE_SPAN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED)
		die("bench: mmap (sparse)");
	for (size_t i = 0; i < sizeof(touched) / sizeof(touched[0]); i++)
		p[touched[i]] = 1;
	bench_rounds("fork_sparse", NO_SIZE, fork_exit_wait, SLOW_ROUNDS);
	if (munmap(p, SPARSE_SPAN) < 0)
		die("bench: munmap (sparse)");
}

/* fork + exit + wait with 60,000 VMAs: every other page of one mapping write-protected. */
static void bench_many_vma_fork(void)
{
	unsigned long len = (MANY_VMAS + 1) * PAGE_SIZE;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die("bench: mmap (many VMAs)");
	for (unsigned long i = 1; i < MANY_VMAS; i += 2)
		if (mprotect(p + i * PAGE_SIZE, PAGE_SIZE, PROT_READ) < 0)
			die("bench: mprotect (many VMAs)");
	bench_rounds("fork_60kvma", NO_SIZE, fork_exit_wait, SLOW_ROUNDS);
	if (munmap(p, len) < 0)
		die("bench: munmap (many VMAs)");
}

/* 1 GiB from getrandom, in calls of 64 MiB into one buffer (1 GiB would not fit beside Linux in 1 GiB of RAM). */
static uint64_t getrandom_1g(void)
{
	static char *buf;
	uint64_t t0;

	if (!buf)
		buf = touched_memory(GETRANDOM_CHUNK);
	t0 = rdtsc();
	for (unsigned long done = 0; done < 1024 * MIB; done += GETRANDOM_CHUNK)
		if (syscall(__NR_getrandom, buf, GETRANDOM_CHUNK, 0) != (long)GETRANDOM_CHUNK)
			die("bench: getrandom");
	return rdtsc() - t0;
}

static void bench_execs(void)
{
	bench_rounds("fork_exec", 0, fork_exec_wait, EXEC_ROUNDS);
	bench_rounds("vfork_exec", 0, vfork_exec_wait, EXEC_ROUNDS);
}

static void bench_getrandom(void)
{
	bench_rounds("getrandom", 1024, getrandom_1g, GETRANDOM_ROUNDS);
}

/* A group marked by_name runs only when named: `scaling`, which make bench runs alone on 1, 2 and 4 CPUs. */
static const struct {
	const char *name;
	void (*run)(void);
	int by_name;
} groups[] = {
	{ "creations", bench_creations, 0 },	  { "zero_fault", bench_zero_fault, 0 },
	{ "cow_copy", bench_cow_copy, 0 },	  { "cow_reuse", bench_cow_reuse, 0 },
	{ "cow_stretch", bench_cow_stretch, 0 },  { "exec", bench_execs, 0 },
	{ "fork_sparse", bench_sparse_fork, 0 },  { "fork_60kvma", bench_many_vma_fork, 0 },
	{ "getrandom", bench_getrandom, 0 },	  { "scaling", bench_scaling, 1 },
};

/* Whether a group runs: all but the by_name ones do when none is named. */
static int selected(const char *name, int by_name, int n, char **names)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return 1;
	return n <= 0 && !by_name;
}

static void print_header(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		die("bench: uname");
	printf("# bench on %s %s: median TSC cycles per operation\n", u.sysname, u.release);
	printf("# %-15s %4s %12s %3s\n", "op", "MiB", "cycles", "n");
	fflush(stdout);
}

/* As the init of a Linux initramfs: let the console drain, then end the machine (and QEMU). */
static void power_off(void)
{
	syscall(__NR_ioctl, STDOUT_FILENO, TCSBRK, 1);
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_POWER_OFF, NULL);
	perror("bench: reboot");
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "-thp") == 0) {
		huge_pages_allowed = 1;
		argc--, argv++;
	}
	if (argc > 1)
		true_path = argv[1];
	true_argv[0] = (char *)true_path;
	print_header();
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++)
		if (selected(groups[g].name, groups[g].by_name, argc - 2, argv + 2))
			groups[g].run();
	printf("# bench: done\n");
	fflush(stdout);
	if (getpid() == 1)
		power_off();
	return 0;
}
