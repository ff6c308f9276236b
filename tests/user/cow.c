/*
 * Copy-on-write after fork: private memory of every kind is isolated in
 * both directions, reading shared pages copies nothing, writing copies each
 * page once, the last owner reuses its frame, MAP_SHARED stays shared, and
 * a write to program text is SIGSEGV.  The frame counts come from Cowl's
 * /proc/vmstat (cow_fault_copy, cow_fault_reuse); on Linux only the data
 * and the PFNs of /proc/self/pagemap are checked.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

#define PAGE 4096UL
#define BIG (8UL << 20) /* 8 MiB */
#define BIG_PAGES (BIG / PAGE)

static int cowl;

static char data_var[2 * PAGE] = { 'd' }; /* .data */
static char bss_var[2 * PAGE];            /* .bss */

/*
 * a and b are two private bytes holding 'a' and 'b'.  After the fork the
 * parent writes a and the child writes b; each must still see the other's
 * byte unchanged.  The pipes order it: parent writes a, then the child
 * looks and writes b, then the parent looks.
 */
static void isolation(const char *what, volatile char *a, volatile char *b)
{
	int to_child[2], to_parent[2], status;
	char c, name[64];

	*a = 'a';
	*b = 'b';
	pipe(to_child);
	pipe(to_parent);
	pid_t pid = fork();
	if (pid == 0) {
		int bad = 0;
		read(to_child[0], &c, 1);
		if (*a != 'a')
			bad |= 1; /* saw the parent's write */
		*b = 'B';
		if (*b != 'B')
			bad |= 2;
		write(to_parent[1], "x", 1);
		_exit(bad);
	}
	*a = 'A';
	write(to_child[1], "x", 1);
	read(to_parent[0], &c, 1);
	snprintf(name, sizeof(name), "%s_child_write_invisible", what);
	CHECK(name, *b == 'b');
	snprintf(name, sizeof(name), "%s_parent_write_invisible", what);
	CHECK(name, waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	snprintf(name, sizeof(name), "%s_parent_keeps_own_write", what);
	CHECK(name, *a == 'A');
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

static void isolation_everywhere(void)
{
	volatile char stack_var[2 * PAGE];
	char *heap = malloc(2 * PAGE);
	char *anon = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	isolation("heap", heap, heap + PAGE);
	isolation("stack", stack_var, stack_var + PAGE);
	isolation("data", data_var, data_var + PAGE);
	isolation("bss", bss_var, bss_var + PAGE);
	isolation("anon_mmap", anon, anon + PAGE);
	/* Both bytes on one page: the page is copied once, by whichever writes first. */
	isolation("same_page", anon, anon + 1);
	free(heap);
	munmap(anon, 2 * PAGE);
}

/* 8 MiB touched, fork: the child's reads copy nothing, its writes copy each page once. */
static void big_fork(void)
{
	unsigned long *mem = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	const unsigned long words = PAGE / sizeof(long);
	int status;

	if (!CHECK("big_map", mem != MAP_FAILED))
		return;
	for (unsigned long i = 0; i < BIG_PAGES; i++)
		mem[i * words] = mem[i * words + words - 1] = i * 3 + 1;
	vmstat("cow_fault_copy"); /* fault in what vmstat() itself writes */
	pid_t pid = fork();
	if (pid == 0) {
		int bad = 0;
		vmstat("cow_fault_copy"); /* our own copies of vmstat's buffer and stack */
		long c0 = vmstat("cow_fault_copy");
		for (unsigned long i = 0; i < BIG_PAGES; i++)
			if (mem[i * words] != i * 3 + 1 || mem[i * words + words - 1] != i * 3 + 1)
				bad |= 1;
		long c1 = vmstat("cow_fault_copy");
		for (unsigned long i = 0; i < BIG_PAGES; i++)
			mem[i * words] = mem[i * words + words - 1] = i * 5 + 2;
		long c2 = vmstat("cow_fault_copy");
		for (unsigned long i = 0; i < BIG_PAGES; i++)
			if (mem[i * words] != i * 5 + 2 || mem[i * words + words - 1] != i * 5 + 2)
				bad |= 8;
		if (cowl && c1 != c0)
			bad |= 2; /* reads copied */
		if (cowl && (c2 - c1 < (long)BIG_PAGES || c2 - c1 > (long)BIG_PAGES + 4))
			bad |= 4; /* not exactly one copy per page */
		if (cowl && (c1 - c0 || bad & 6))
			printf("# child: copies while reading %ld, while writing %ld (want 0 and %lu)\n",
			       c1 - c0, c2 - c1, BIG_PAGES);
		fflush(stdout);
		_exit(bad);
	}
	CHECK("big_fork", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	status = WEXITSTATUS(status);
	CHECK("big_child_reads_parent_data", !(status & 1));
	CHECK("big_child_sees_own_writes", !(status & 8));
	if (cowl) {
		CHECK("big_reads_copy_nothing", !(status & 2));
		CHECK("big_writes_copy_each_page_once", !(status & 4));
	}
	int same = 1;
	for (unsigned long i = 0; i < BIG_PAGES; i++)
		if (mem[i * words] != i * 3 + 1 || mem[i * words + words - 1] != i * 3 + 1)
			same = 0;
	CHECK("big_parent_data_unchanged", same);

	/* The child is gone: every page has one owner again, so writes reuse, not copy. */
	vmstat("cow_fault_copy");
	long c0 = vmstat("cow_fault_copy"), r0 = vmstat("cow_fault_reuse");
	for (unsigned long i = 0; i < BIG_PAGES; i++)
		mem[i * words] = 7;
	long c1 = vmstat("cow_fault_copy"), r1 = vmstat("cow_fault_reuse");
	if (cowl) {
		CHECK("big_last_owner_copies_nothing", c1 == c0);
		CHECK("big_last_owner_reuses_each_page", r1 - r0 >= (long)BIG_PAGES && r1 - r0 <= (long)BIG_PAGES + 4);
	}
	munmap(mem, BIG);
}

/* The frame behind a page: kept by the last owner's write, changed by a copying write. */
static void reuse_and_copy_pfn(void)
{
	char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fds[2], ready[2], status;
	char c;

	p[0] = 1;
	p[PAGE] = 2;
	long pfn0 = page_pfn(p);
	if (pfn0 <= 0) {
		printf("# skipped: /proc/self/pagemap shows no PFNs here (not root?)\n");
	}

	/* 1. The child exits before the parent writes: the parent reuses its frame. */
	pid_t pid = fork();
	if (pid == 0)
		_exit(p[0] == 1 ? 0 : 1);
	CHECK("reuse_child_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
	vmstat("cow_fault_copy");
	long c0 = vmstat("cow_fault_copy"), r0 = vmstat("cow_fault_reuse");
	p[0] = 3;
	long c1 = vmstat("cow_fault_copy"), r1 = vmstat("cow_fault_reuse");
	if (pfn0 > 0)
		CHECK("last_owner_keeps_pfn", page_pfn(p) == pfn0);
	CHECK("last_owner_write_lands", p[0] == 3);
	if (cowl) {
		CHECK("last_owner_write_no_copy", c1 == c0);
		CHECK("last_owner_write_one_reuse", r1 - r0 == 1);
	}

	/* 2. The child is still there: the parent's write copies, to a new frame. */
	long pfn1 = page_pfn(p + PAGE);
	pipe(fds);
	pipe(ready);
	pid = fork();
	if (pid == 0) {
		close(fds[1]);
		write(ready[1], "r", 1); /* after this, the child writes nothing until released */
		read(fds[0], &c, 1);
		_exit(p[PAGE] == 2 ? 0 : 1);
	}
	close(fds[0]);
	read(ready[0], &c, 1);
	close(ready[0]);
	close(ready[1]);
	vmstat("cow_fault_copy");
	c0 = vmstat("cow_fault_copy");
	p[PAGE] = 4;
	c1 = vmstat("cow_fault_copy");
	long pfn2 = page_pfn(p + PAGE);
	close(fds[1]);
	CHECK("copy_child_keeps_old_data", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
	if (pfn1 > 0)
		CHECK("copying_write_changes_pfn", pfn2 > 0 && pfn2 != pfn1);
	if (cowl)
		CHECK("copying_write_one_copy", c1 - c0 == 1);
	munmap(p, 2 * PAGE);
}

/* MAP_SHARED: writes cross in both directions, also on pages first touched after the fork. */
static void shared_stays_shared(void)
{
	volatile char *s = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int to_child[2], to_parent[2], status;
	long pfns[2] = { 0, 0 };
	char c;

	if (!CHECK("shared_map", s != MAP_FAILED))
		return;
	s[0] = 'p'; /* touched before the fork; pages 1 and 2 are not */
	pipe(to_child);
	pipe(to_parent);
	pid_t pid = fork();
	if (pid == 0) {
		int bad = 0;
		s[0] = 'c';
		s[PAGE] = 'C';
		long mine[2] = { page_pfn((char *)s), page_pfn((char *)s + PAGE) };
		write(to_parent[1], mine, sizeof(mine));
		read(to_child[0], &c, 1);
		if (s[0] != 'P')
			bad |= 1;
		if (s[2 * PAGE] != 'Q')
			bad |= 2;
		_exit(bad);
	}
	read(to_parent[0], pfns, sizeof(pfns));
	CHECK("shared_child_write_seen", s[0] == 'c');
	CHECK("shared_child_write_new_page_seen", s[PAGE] == 'C');
	if (pfns[0] > 0) {
		CHECK("shared_same_pfn", page_pfn((char *)s) == pfns[0]);
		CHECK("shared_new_page_same_pfn", page_pfn((char *)s + PAGE) == pfns[1]);
	}
	s[0] = 'P';
	s[2 * PAGE] = 'Q';
	write(to_child[1], "x", 1);
	CHECK("shared_child_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	CHECK("shared_parent_write_seen", WEXITSTATUS(status) == 0);
	CHECK("shared_parent_write_new_page_seen", !(WEXITSTATUS(status) & 2));
	munmap((void *)s, 3 * PAGE);
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
}

static int __attribute__((noinline)) text_function(int x)
{
	return x * 7 + 1;
}

static int (*volatile text_target)(int) = text_function;

/* Program text is not writable at all: a write is SIGSEGV, never a copy. */
static void text_write(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		*(volatile unsigned char *)text_target = 0xc3;
		_exit(0);
	}
	CHECK("text_write_sigsegv", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGSEGV);
	CHECK("text_unchanged", text_target(6) == 43);
}

int main(void)
{
	cowl = on_cowl();
	isolation_everywhere();
	big_fork();
	reuse_and_copy_pfn();
	shared_stays_shared();
	text_write();
	return test_done();
}
