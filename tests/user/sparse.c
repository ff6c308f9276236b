/*
 * A huge, sparse mapping: 64 TiB of private anonymous memory
 * (MAP_NORESERVE, so Linux does not charge it against overcommit) with a
 * handful of pages touched far apart, in different page tables at every
 * level.  fork, exit, mprotect and munmap must keep these pages' contents
 * and rights exactly as for a small mapping.  Their cost must follow the
 * page tables that exist, not the size of the range; this test checks the
 * behaviour only, `make bench` and a run-elf time-out show the cost.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096ul
#define SPAN (64ul << 40) /* 64 TiB: half the user address space */

/* Offsets of the touched pages: the first and last page of one 2 MiB table, other 1 GiB and 512 GiB tables, the end. */
static const unsigned long touched[] = {
	0, (2ul << 20) - PAGE, (1ul << 30) + 5 * PAGE, (512ul << 30) + 7 * PAGE, (33ul << 40) + 123 * PAGE, SPAN - PAGE,
};
#define NR_TOUCHED (sizeof(touched) / sizeof(touched[0]))
/* A page never written: it reads as zero wherever the others are. */
#define UNTOUCHED ((40ul << 40) + 9 * PAGE)

static char *map;

static unsigned long marker(unsigned i, unsigned long salt)
{
	return 0x5ca1ab1e0000ul + salt * 0x100 + i;
}

static void write_markers(unsigned long salt)
{
	for (unsigned i = 0; i < NR_TOUCHED; i++) {
		*(volatile unsigned long *)(map + touched[i]) = marker(i, salt);
		*(volatile unsigned long *)(map + touched[i] + PAGE - sizeof(long)) = ~marker(i, salt);
	}
}

/* Whether every touched page holds the markers written with this salt (both ends of the page). */
static int markers_hold(unsigned long salt)
{
	for (unsigned i = 0; i < NR_TOUCHED; i++)
		if (*(volatile unsigned long *)(map + touched[i]) != marker(i, salt) ||
		    *(volatile unsigned long *)(map + touched[i] + PAGE - sizeof(long)) != ~marker(i, salt))
			return 0;
	return *(volatile unsigned long *)(map + UNTOUCHED) == 0;
}

/* The child checks the parent's data, writes its own over it (copy-on-write) and checks that. */
static void child_sees_then_writes(void)
{
	if (!markers_hold(1))
		_exit(3);
	write_markers(2);
	_exit(markers_hold(2) ? 0 : 4);
}

static unsigned probe; /* the touched page a child accesses */

static void read_probe(void)
{
	(void)*(volatile char *)(map + touched[probe]);
}

static void write_probe(void)
{
	*(volatile char *)(map + touched[probe]) = 'w';
}

/*
 * For how many of the touched pages a child accessing it (one child per
 * page) is killed by SIGSEGV, or with want_sigsegv false, exits 0.
 */
static unsigned children_ending(void (*access)(void), int want_sigsegv)
{
	unsigned matched = 0;

	for (probe = 0; probe < NR_TOUCHED; probe++) {
		int status = run_in_child(access);
		if (status == -1)
			continue;
		matched += want_sigsegv ? WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV
					: WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	return matched;
}

/* How many of the touched pages, mapped anew one at a time, read as zero: none keeps a stale old page. */
static unsigned remapped_zero_count(void)
{
	unsigned zero = 0;

	for (unsigned i = 0; i < NR_TOUCHED; i++) {
		char *at = map + touched[i];
		char *page = mmap(at, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		zero += page == at && *(volatile unsigned long *)page == 0;
		munmap(page, PAGE);
	}
	return zero;
}

static void fork_and_exit(void)
{
	int status = run_in_child(child_sees_then_writes);

	CHECK("fork_child_sees_parent_data_then_own", status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("fork_parent_keeps_its_data", markers_hold(1));
}

static void change_rights(void)
{
	CHECK("mprotect_read_only_ok", mprotect(map, SPAN, PROT_READ) == 0);
	CHECK("mprotect_read_only_keeps_data", markers_hold(1));
	CHECK("mprotect_read_only_write_sigsegv", children_ending(write_probe, 1) == NR_TOUCHED);
	CHECK("mprotect_none_ok", mprotect(map, SPAN, PROT_NONE) == 0);
	/* The children inherit the parent's PTEs: one left readable by mprotect would be read. */
	CHECK("mprotect_none_read_sigsegv", children_ending(read_probe, 1) == NR_TOUCHED);
	CHECK("mprotect_back_to_write_ok", mprotect(map, SPAN, PROT_READ | PROT_WRITE) == 0);
	CHECK("mprotect_back_keeps_data", markers_hold(1));
	CHECK("mprotect_back_write_allowed", children_ending(write_probe, 0) == NR_TOUCHED);
}

static void unmap(void)
{
	CHECK("munmap_ok", munmap(map, SPAN) == 0);
	CHECK("munmap_read_sigsegv", children_ending(read_probe, 1) == NR_TOUCHED);
	/* A new mapping over a page that held data starts from zero: the old page is gone. */
	CHECK("munmap_then_remap_reads_zero", remapped_zero_count() == NR_TOUCHED);
}

int main(void)
{
	map = mmap(NULL, SPAN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (!CHECK("mmap_64_tib", map != MAP_FAILED))
		return test_done();
	write_markers(1);
	fork_and_exit();
	change_rights();
	unmap();
	return test_done();
}
