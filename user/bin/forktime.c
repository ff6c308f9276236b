/*
 * forktime [MiB...]: the articles' timing table, measured here and now.
 * For each process size (default 0 16 64 128 MiB of touched memory) it
 * times three ways to create a child that exits at once, each followed by
 * wait:
 *   fork   copies the page tables (not the pages: copy-on-write), so its
 *          cost grows with the memory mapped; on Cowl it runs twice, with
 *          /proc/cowl/fork_mode classic and odf (which shares whole leaf
 *          tables instead of copying them: docs/fork.md), and the mode
 *          the system had is put back at the end;
 *   vfork  shares the address space and suspends the parent, copying no
 *          page table;
 *   clone  with CLONE_VM|CLONE_VFORK|CLONE_FS|CLONE_SIGHAND|CLONE_FILES
 *          shares even more, and copies no page table either.
 * Each cell is the median of ROUNDS runs, in microseconds.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ROUNDS 5
#define MIB (1024 * 1024)

static char stack[16 * 1024] __attribute__((aligned(16)));

static long now_us(void)
{
	struct timespec ts;

	syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void do_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
}

static void do_vfork(void)
{
	pid_t pid = vfork();

	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
}

static int child_exits(void *arg)
{
	(void)arg;
	return 0;
}

static void do_clone(void)
{
	int flags = CLONE_VM | CLONE_VFORK | CLONE_FS | CLONE_SIGHAND | CLONE_FILES | SIGCHLD;

	waitpid(clone(child_exits, stack + sizeof(stack), flags, NULL), NULL, 0);
}

#define FORK_MODE "/proc/cowl/fork_mode"

/* Set Cowl's fork mode; 0 if done (never on Linux, which has no such file). */
static int set_fork_mode(const char *mode)
{
	int fd = open(FORK_MODE, O_WRONLY);
	int ok = fd >= 0 && write(fd, mode, strlen(mode)) == (ssize_t)strlen(mode);

	if (fd >= 0)
		close(fd);
	return ok ? 0 : -1;
}

static int by_value(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The median time of ROUNDS calls of create (each makes a child, which exits, and waits). */
static long median_us(void (*create)(void))
{
	long t[ROUNDS];

	for (int i = 0; i < ROUNDS; i++) {
		long start = now_us();
		create();
		t[i] = now_us() - start;
	}
	qsort(t, ROUNDS, sizeof(t[0]), by_value);
	return t[ROUNDS / 2];
}

/* Maps and writes `mib` MiB, so every page is present and must be described to a fork child. */
static char *grow(long mib)
{
	char *p = mmap(NULL, (size_t)(mib * MIB), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	for (long off = 0; off < mib * MIB; off += PAGE_SIZE)
		p[off] = 1;
	return p;
}

int main(int argc, char **argv)
{
	static char *defaults[] = { "0", "16", "64", "128" };
	char **sizes = argc > 1 ? argv + 1 : defaults;
	int nsizes = argc > 1 ? argc - 1 : 4;

	char old_mode[16] = "";
	int fd = open(FORK_MODE, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, old_mode, sizeof(old_mode) - 1) : -1;
	int odf = n > 0 && set_fork_mode("odf") == 0;

	if (fd >= 0)
		close(fd);
	old_mode[n > 0 ? strcspn(old_mode, "\n") : 0] = '\0';
	printf("forktime: create a child that exits at once, then wait; median of %d runs, in us.\n\n", ROUNDS);
	printf("  touched    fork+exit+wait%s   vfork+exit+wait   clone(VM|VFORK|..)+exit+wait\n",
	       odf ? " (classic)   fork (odf)" : "");
	for (int i = 0; i < nsizes; i++) {
		long mib = strtol(sizes[i], NULL, 10);
		char *mem = mib ? grow(mib) : NULL;
		if (mib && !mem) {
			printf("  %4ld MiB   cannot map that much here\n", mib);
			continue;
		}
		if (odf)
			set_fork_mode("classic");
		long f = median_us(do_fork), v = median_us(do_vfork), c = median_us(do_clone);
		printf("  %4ld MiB   %*ld", mib, odf ? 24 : 14, f);
		if (odf && set_fork_mode("odf") == 0)
			printf("   %10ld", median_us(do_fork));
		printf("   %15ld   %28ld\n", v, c);
		fflush(stdout);
		if (mem)
			munmap(mem, (size_t)(mib * MIB));
	}
	printf("\nfork must copy the page tables that map every touched page (and mark each\n"
	       "page copy-on-write), so its time grows with the process.  vfork and clone\n"
	       "with CLONE_VM share the parent's page tables and stay flat.\n");
	if (odf) {
		printf("Under odf fork shares each leaf table that maps 2 MiB of one private\n"
		       "anonymous mapping, and copies it at the first write through it.\n");
		set_fork_mode(old_mode);
	}
	return 0;
}
