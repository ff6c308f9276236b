/*
 * madvise: the errors, MADV_DONTNEED on each kind of mapping, and the three
 * ways a child can inherit a range (copied, left out with MADV_DONTFORK,
 * emptied with MADV_WIPEONFORK), as the seed articles describe them.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096UL
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_ANONYMOUS | MAP_PRIVATE)

static volatile char *probe;  /* what the child functions read */
static volatile char seen;

static char *map(size_t len, int flags)
{
	char *p = mmap(NULL, len, RW, flags, -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

/* The number of lines of /proc/self/maps: one per VMA. */
static int vma_count(void)
{
	char buf[16384];
	int fd = open("/proc/self/maps", O_RDONLY), n = 0;

	if (fd < 0)
		return -1;
	size_t len = read_all(fd, buf, sizeof(buf));
	close(fd);
	for (size_t i = 0; i < len; i++)
		n += buf[i] == '\n';
	return n;
}

static void errors(void)
{
	char *p = map(2 * PAGE, ANON);

	if (!CHECK("errors_map", p != NULL))
		return;
	CHECK_ERRNO("unknown_advice_einval", madvise(p, PAGE, 999), EINVAL);
	CHECK_ERRNO("unaligned_start_einval", madvise(p + 1, PAGE, MADV_NORMAL), EINVAL);
	CHECK_ERRNO("wrapping_range_einval", madvise(p, -PAGE, MADV_NORMAL), EINVAL);
	CHECK_EQ("zero_length_ok", madvise(p, 0, MADV_NORMAL), 0);
	CHECK_EQ("hints_ok", madvise(p, PAGE, MADV_SEQUENTIAL) | madvise(p, PAGE, MADV_RANDOM) |
				     madvise(p, PAGE, MADV_WILLNEED) | madvise(p, PAGE, MADV_NORMAL), 0);
	munmap(p + PAGE, PAGE);
	CHECK_ERRNO("hole_at_end_enomem", madvise(p, 2 * PAGE, MADV_NORMAL), ENOMEM);
	munmap(p, PAGE);
	CHECK_ERRNO("unmapped_enomem", madvise(p, PAGE, MADV_DONTNEED), ENOMEM);

	char *shared = map(PAGE, MAP_ANONYMOUS | MAP_SHARED);
	CHECK_ERRNO("wipeonfork_shared_einval", madvise(shared, PAGE, MADV_WIPEONFORK), EINVAL);
	CHECK_ERRNO("free_shared_einval", madvise(shared, PAGE, MADV_FREE), EINVAL);
	munmap(shared, PAGE);
}

/* MADV_DONTNEED drops the pages: what comes back depends on the mapping. */
static void dontneed(void)
{
	char *anon = map(2 * PAGE, ANON), *shared = map(PAGE, MAP_ANONYMOUS | MAP_SHARED);
	int fd = open("tests/data/hello.txt", O_RDONLY);
	char *file = fd < 0 ? NULL : mmap(NULL, PAGE, RW, MAP_PRIVATE, fd, 0);

	if (!CHECK("dontneed_maps", anon && shared && file && file != MAP_FAILED))
		return;
	anon[0] = anon[PAGE] = 'a';
	shared[0] = 's';
	file[0] = 'f';
	CHECK_EQ("dontneed_anon", madvise(anon, PAGE, MADV_DONTNEED), 0);
	CHECK_EQ("dontneed_anon_reads_zero", anon[0], 0);
	CHECK_EQ("dontneed_anon_rest_kept", anon[PAGE], 'a');
	CHECK_EQ("dontneed_shared", madvise(shared, PAGE, MADV_DONTNEED), 0);
	CHECK_EQ("dontneed_shared_data_kept", shared[0], 's');
	CHECK_EQ("dontneed_file", madvise(file, PAGE, MADV_DONTNEED), 0);
	CHECK_EQ("dontneed_file_reads_file_again", file[0], 'H');
	/* MADV_FREE lets the kernel drop the page whenever it likes: its content is not checked. */
	CHECK_EQ("free_anon", madvise(anon + PAGE, PAGE, MADV_FREE), 0);
	munmap(anon, 2 * PAGE);
	munmap(shared, PAGE);
	munmap(file, PAGE);
	close(fd);
}

static void child_reads(void)
{
	seen = probe[0];
	_exit(seen == 'p' ? 1 : seen == 0 ? 2 : 3);
}

/* The child's exit: 1 saw the parent's data, 2 saw zeroes; or the signal that killed it. */
static int child_sees(volatile char *at)
{
	probe = at;
	return run_in_child(child_reads);
}

static void inheritance(void)
{
	char *p = map(3 * PAGE, ANON);

	if (!CHECK("inherit_map", p != NULL))
		return;
	memset(p, 'p', 3 * PAGE);
	int status = child_sees(p + PAGE);
	CHECK("normal_child_gets_copy", WIFEXITED(status) && WEXITSTATUS(status) == 1);

	int before = vma_count();
	CHECK_EQ("dontfork_middle", madvise(p + PAGE, PAGE, MADV_DONTFORK), 0);
	CHECK_EQ("dontfork_splits_vma_in_three", vma_count(), before + 2);
	status = child_sees(p + PAGE);
	CHECK("dontfork_child_segv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	status = child_sees(p + 2 * PAGE);
	CHECK("dontfork_neighbour_copied", WIFEXITED(status) && WEXITSTATUS(status) == 1);
	CHECK_EQ("dontfork_parent_keeps", p[PAGE], 'p');
	CHECK_EQ("dofork", madvise(p + PAGE, PAGE, MADV_DOFORK), 0);
	CHECK_EQ("dofork_merges_again", vma_count(), before);
	status = child_sees(p + PAGE);
	CHECK("dofork_child_gets_copy", WIFEXITED(status) && WEXITSTATUS(status) == 1);

	CHECK_EQ("wipeonfork", madvise(p, 3 * PAGE, MADV_WIPEONFORK), 0);
	status = child_sees(p + PAGE);
	CHECK("wipeonfork_child_reads_zero", WIFEXITED(status) && WEXITSTATUS(status) == 2);
	CHECK_EQ("wipeonfork_parent_keeps", p[PAGE], 'p');
	CHECK_EQ("keeponfork", madvise(p, 3 * PAGE, MADV_KEEPONFORK), 0);
	status = child_sees(p + PAGE);
	CHECK("keeponfork_child_gets_copy", WIFEXITED(status) && WEXITSTATUS(status) == 1);
	munmap(p, 3 * PAGE);
}

int main(void)
{
	errors();
	dontneed();
	inheritance();
	return test_done();
}
