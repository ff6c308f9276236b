/*
 * Copy-on-write after fork: the child maps the parent's frames; private
 * memory of every kind is isolated in both directions, reading shared
 * pages copies nothing, writing copies each page once, the last owner
 * reuses its frame, MAP_SHARED stays shared, and a write to program text
 * is SIGSEGV.  The frame counts come from Cowl's /proc/vmstat
 * (cow_fault_copy, cow_fault_reuse); on Linux only the data and the PFNs
 * of /proc/self/pagemap are checked.
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

/* The COW counters are Cowl's own /proc/vmstat lines; the PFNs need root on Linux. */
#define COWL_CHECK(name, cond) (cowl ? CHECK(name, cond) : SKIP(name, "Cowl only: Linux has no cow_fault_* counters"))
#define PFN_CHECK(name, have_pfns, cond)                                                                \
	((have_pfns) ? CHECK(name, cond) : SKIP(name, "/proc/self/pagemap shows no PFNs (needs CAP_SYS_ADMIN)"))

static char data_var[2 * PAGE] = { 'd' }; /* .data */
static char bss_var[2 * PAGE];            /* .bss */

/* One byte through a pipe: the two processes take turns. */
static void pass_turn(int fd)
{
	write(fd, "x", 1);
}

static void wait_turn(int fd)
{
	char c;

	read(fd, &c, 1);
}

/*
 * a and b are two private bytes holding 'a' and 'b'.  After the fork the
 * parent writes a and the child writes b; each must still see the other's
 * byte unchanged.  Then the parent writes b too, and the child must still
 * find its own 'B' there.  The pipes order it: parent writes a; the child
 * looks and writes b; the parent looks and writes b; the child looks.
 */
static void isolation(const char *what, volatile char *a, volatile char *b)
{
	int to_child[2], to_parent[2], status;
	char name[64];

	*a = 'a';
	*b = 'b';
	pipe(to_child);
	pipe(to_parent);
	pid_t pid = fork();
	if (pid == 0) {
		int bad = 0;
		wait_turn(to_child[0]);
		if (*a != 'a')
			bad |= 1; /* saw the parent's write */
		*b = 'B';
		pass_turn(to_parent[1]);
		wait_turn(to_child[0]);
		if (*b != 'B')
			bad |= 2; /* the parent's later write reached our copy */
		_exit(bad);
	}
	*a = 'A';
	pass_turn(to_child[1]);
	wait_turn(to_parent[0]);
	snprintf(name, sizeof(name), "%s_child_write_invisible", what);
	CHECK_EQ(name, *b, 'b');
	*b = 'P';
	pass_turn(to_child[1]);
	snprintf(name, sizeof(name), "%s_child_status", what);
	CHECK(name, waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	snprintf(name, sizeof(name), "%s_parent_write_invisible", what);
	CHECK(name, !(WEXITSTATUS(status) & 1));
	snprintf(name, sizeof(name), "%s_parent_late_write_invisible", what);
	CHECK(name, !(WEXITSTATUS(status) & 2));
	snprintf(name, sizeof(name), "%s_parent_keeps_own_write", what);
	CHECK_EQ(name, *a, 'A');
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

static int holds(const unsigned long *mem, unsigned long mul, unsigned long add)
{
	const unsigned long words = PAGE / sizeof(long);

	for (unsigned long i = 0; i < BIG_PAGES; i++)
		if (mem[i * words] != i * mul + add || mem[i * words + words - 1] != i * mul + add)
			return 0;
	return 1;
}

static void fill(unsigned long *mem, unsigned long mul, unsigned long add)
{
	const unsigned long words = PAGE / sizeof(long);

	for (unsigned long i = 0; i < BIG_PAGES; i++)
		mem[i * words] = mem[i * words + words - 1] = i * mul + add;
}

/*
 * The child of big_fork: reads every page (copying nothing), writes every
 * page (one copy each), lets the parent write its pages, and checks that
 * its own data survived that.  Reports through its exit status.
 */
static void big_child(unsigned long *mem, int turn_in, int turn_out)
{
	int bad = 0;

	vmstat("cow_fault_copy"); /* our own copies of vmstat's buffer and stack */
	long c0 = vmstat("cow_fault_copy");
	if (!holds(mem, 3, 1))
		bad |= 1;
	long c1 = vmstat("cow_fault_copy");
	fill(mem, 5, 2);
	long c2 = vmstat("cow_fault_copy");
	pass_turn(turn_out);
	wait_turn(turn_in);
	if (!holds(mem, 5, 2))
		bad |= 8; /* the parent's writes reached our copies */
	if (cowl && c1 != c0)
		bad |= 2; /* reads copied */
	if (cowl && (c2 - c1 < (long)BIG_PAGES || c2 - c1 > (long)BIG_PAGES + 4))
		bad |= 4; /* not exactly one copy per page */
	if (cowl && (c1 - c0 || bad & 6))
		printf("# child: copies while reading %ld, while writing %ld (want 0 and %lu)\n", c1 - c0, c2 - c1,
		       BIG_PAGES);
	fflush(stdout);
	_exit(bad);
}

/*
 * 8 MiB touched, fork: the child's reads copy nothing, its writes copy each
 * page once; then each original frame has one owner left, the parent, whose
 * writes reuse it instead of copying.
 */
static void big_fork(void)
{
	unsigned long *mem = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int to_child[2], to_parent[2], status;

	if (!CHECK("big_map", mem != MAP_FAILED))
		return;
	fill(mem, 3, 1);
	pipe(to_child);
	pipe(to_parent);
	vmstat("cow_fault_copy"); /* fault in what vmstat() itself writes */
	pid_t pid = fork();
	if (pid == 0)
		big_child(mem, to_child[0], to_parent[1]);
	wait_turn(to_parent[0]);
	CHECK("big_parent_data_unchanged", holds(mem, 3, 1));
	vmstat("cow_fault_copy");
	long c0 = vmstat("cow_fault_copy"), r0 = vmstat("cow_fault_reuse");
	fill(mem, 7, 3);
	long c1 = vmstat("cow_fault_copy"), r1 = vmstat("cow_fault_reuse");
	pass_turn(to_child[1]);
	CHECK("big_fork", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	status = WEXITSTATUS(status);
	CHECK("big_child_reads_parent_data", !(status & 1));
	CHECK("big_child_sees_own_writes", !(status & 8));
	COWL_CHECK("big_reads_copy_nothing", !(status & 2));
	COWL_CHECK("big_writes_copy_each_page_once", !(status & 4));
	COWL_CHECK("big_last_owner_copies_nothing", c1 == c0);
	COWL_CHECK("big_last_owner_reuses_each_page", r1 - r0 >= (long)BIG_PAGES && r1 - r0 <= (long)BIG_PAGES + 4);
	CHECK("big_parent_keeps_own_writes", holds(mem, 7, 3));
	munmap(mem, BIG);
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
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
	/*
	 * Cowl only: Linux reuses the frame only when nothing else holds a
	 * reference, and a page still waiting in a per-CPU LRU batch has one, so
	 * on a busy host it may copy for the last owner too (seen in make test).
	 */
	if (cowl)
		PFN_CHECK("last_owner_keeps_pfn", pfn0 > 0, page_pfn(p) == pfn0);
	else
		SKIP("last_owner_keeps_pfn", "Cowl only: Linux may copy while an LRU batch holds the page");
	/* Seen by a new child, the write is in the page tables, not only in this CPU's view. */
	pid = fork();
	if (pid == 0)
		_exit(p[0]);
	CHECK("last_owner_write_lands", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 3);
	COWL_CHECK("last_owner_write_no_copy", c1 == c0);
	COWL_CHECK("last_owner_write_one_reuse", r1 - r0 == 1);

	/* 2. The child is still there: the parent's write copies, to a new frame. */
	long pfn1 = page_pfn(p + PAGE);
	pipe(fds);
	pipe(ready);
	pid = fork();
	if (pid == 0) {
		long mine = page_pfn(p + PAGE);

		close(fds[1]);
		write(ready[1], &mine, sizeof(mine)); /* after this, the child writes nothing until released */
		read(fds[0], &c, 1);
		_exit(p[PAGE] == 2 ? 0 : 1);
	}
	close(fds[0]);
	long child_pfn = -1;
	read(ready[0], &child_pfn, sizeof(child_pfn));
	close(ready[0]);
	close(ready[1]);
	/* Before anyone writes, fork has copied nothing: the child maps the parent's frame. */
	PFN_CHECK("fork_shares_frame", pfn1 > 0, child_pfn == pfn1);
	vmstat("cow_fault_copy");
	c0 = vmstat("cow_fault_copy");
	p[PAGE] = 4;
	c1 = vmstat("cow_fault_copy");
	long pfn2 = page_pfn(p + PAGE);
	close(fds[1]);
	CHECK("copy_child_keeps_old_data", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 0);
	PFN_CHECK("copying_write_changes_pfn", pfn1 > 0, pfn2 > 0 && pfn2 != pfn1);
	COWL_CHECK("copying_write_one_copy", c1 - c0 == 1);
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
	CHECK_EQ("shared_child_write_seen", s[0], 'c');
	CHECK_EQ("shared_child_write_new_page_seen", s[PAGE], 'C');
	PFN_CHECK("shared_same_pfn", pfns[0] > 0, page_pfn((char *)s) == pfns[0]);
	PFN_CHECK("shared_new_page_same_pfn", pfns[0] > 0, page_pfn((char *)s + PAGE) == pfns[1]);
	s[0] = 'P';
	s[2 * PAGE] = 'Q';
	write(to_child[1], "x", 1);
	CHECK("shared_child_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status));
	CHECK_EQ("shared_parent_write_seen", WEXITSTATUS(status), 0);
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
	CHECK_EQ("text_unchanged", text_target(6), 43);
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
