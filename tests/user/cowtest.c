/*
 * The three checks of xv6's cowtest, in this suite's form (issue 12.7 runs
 * them on 4 CPUs in the smp4 phase):
 *
 *   big_fork      a parent that has touched more than half of the free
 *                 memory forks (twice), and the child writes a page at
 *                 each end: only copy-on-write makes room
 *   three_way     parent, child and grandchild write their own pattern to
 *                 one inherited region at the same time; each reads its own
 *   forkfork      several processes fork at once, again and again; every
 *                 child writes its copy of a page and exits 0
 *
 * On the host the big region is capped (a 24 GiB machine is not filled).
 */
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <uapi/sysinfo.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096UL
#define BIG_CAP (768UL << 20)
#define REGION (4UL << 20)
#define FORKERS 4
#define FORKS 40

static char *map_anon(size_t len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void fill(char *p, size_t len, char c)
{
	for (size_t i = 0; i < len; i += PAGE)
		p[i] = c;
}

static int holds(const char *p, size_t len, char c)
{
	for (size_t i = 0; i < len; i += PAGE)
		if (p[i] != c)
			return 0;
	return 1;
}

/* Status of a child that ran fn(arg) and exited with its result. */
static int in_child(int (*fn)(char *, size_t), char *p, size_t len)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(fn(p, len));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int write_and_check(char *p, size_t len)
{
	fill(p, len, 'c');
	return holds(p, len, 'c') ? 0 : 1;
}

/* A child of big_fork: a whole copy would not fit, one page at each end does. */
static int write_ends(char *p, size_t len)
{
	p[0] = p[len - PAGE] = 'c';
	return p[0] == 'c' && p[len - PAGE] == 'c' && p[PAGE] == 'p' ? 0 : 1;
}

static void big_fork(void)
{
	struct sysinfo si;
	size_t len;
	char *p;

	if (!CHECK_EQ("sysinfo", syscall(__NR_sysinfo, &si), 0))
		return;
	len = (size_t)si.freeram * si.mem_unit / 5 * 3 / PAGE * PAGE;
	if (len > BIG_CAP)
		len = BIG_CAP;
	if (!CHECK("big_mapped", (p = map_anon(len)) != NULL))
		return;
	fill(p, len, 'p');
	CHECK_EQ("big_fork_child_writes", in_child(write_ends, p, len), 0);
	CHECK_EQ("big_fork_again", in_child(write_ends, p, len), 0);
	CHECK("big_parent_intact", holds(p, len, 'p'));
	munmap(p, len);
}

static int grandchild_too(char *p, size_t len)
{
	pid_t pid = fork();
	int status, ok;

	if (pid < 0)
		return 2;
	fill(p, len, pid == 0 ? 'g' : 'k');
	ok = holds(p, len, pid == 0 ? 'g' : 'k');
	if (pid == 0)
		_exit(ok ? 0 : 1);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		return 3;
	return ok ? 0 : 1;
}

static void three_way(void)
{
	char *p = map_anon(REGION);

	if (!CHECK("three_mapped", p != NULL))
		return;
	fill(p, REGION, 'p');
	CHECK_EQ("three_children_see_their_own", in_child(grandchild_too, p, REGION), 0);
	CHECK("three_parent_intact", holds(p, REGION, 'p'));
	munmap(p, REGION);
}

/* One forker: FORKS children in turn, each writing its copy of the page. */
static int fork_many(char *p, size_t len)
{
	for (int i = 0; i < FORKS; i++)
		if (in_child(write_and_check, p, len) != 0)
			return 1;
	return holds(p, len, 'p') ? 0 : 1;
}

static void forkfork(void)
{
	char *p = map_anon(PAGE);
	pid_t pids[FORKERS];
	int status, bad = 0;

	if (!CHECK("forkfork_mapped", p != NULL))
		return;
	fill(p, PAGE, 'p');
	for (int i = 0; i < FORKERS; i++)
		if ((pids[i] = fork()) == 0)
			_exit(fork_many(p, PAGE));
	for (int i = 0; i < FORKERS; i++)
		if (pids[i] < 0 || waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			bad++;
	CHECK_EQ("forkfork_all_exit_0", bad, 0);
	munmap(p, PAGE);
}

int main(void)
{
	big_fork();
	three_way();
	forkfork();
	return test_done();
}
