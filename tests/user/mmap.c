/* Anonymous mmap, munmap and mprotect, including what a forked child shares. */
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096UL
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_ANONYMOUS | MAP_PRIVATE)

static volatile char *target; /* what the child functions touch */

static void *map(size_t len, int prot, int flags)
{
	return mmap(NULL, len, prot, flags, -1, 0);
}

static void child_writes(void)
{
	target[0] = 'c';
}

static void basics(void)
{
	char *p = map(3 * PAGE, RW, ANON);

	if (!CHECK("map", p != MAP_FAILED))
		return;
	CHECK_EQ("page_aligned", (unsigned long)p % PAGE, 0);
	CHECK("zero_filled", p[0] == 0 && p[PAGE] == 0 && p[3 * PAGE - 1] == 0);
	p[0] = 1;
	p[3 * PAGE - 1] = 2;
	/* Each page was read first: a write must not land in a frame the pages share (the zero page). */
	CHECK_EQ("write_stays_in_its_page", p[PAGE], 0);
	CHECK_EQ("munmap_middle", munmap(p + PAGE, PAGE), 0);
	CHECK("outer_pages_kept", p[0] == 1 && p[3 * PAGE - 1] == 2);
	CHECK_EQ("munmap_rest", munmap(p, 3 * PAGE), 0);

	char *fixed = mmap(p, PAGE, RW, ANON | MAP_FIXED, -1, 0);
	CHECK("map_fixed", fixed == p && fixed[0] == 0);
	munmap(fixed, PAGE);
}

static void child_visibility(void)
{
	int status;
	char *shared = map(PAGE, RW, MAP_ANONYMOUS | MAP_SHARED);
	char *private = map(PAGE, RW, ANON);

	shared[0] = private[0] = 'p';
	target = shared;
	status = run_in_child(child_writes);
	CHECK("shared_child_ran", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ("shared_write_seen", shared[0], 'c');
	target = private;
	status = run_in_child(child_writes);
	CHECK("private_child_ran", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ("private_write_not_seen", private[0], 'p');
	munmap(shared, PAGE);
	munmap(private, PAGE);
}

static void protection(void)
{
	int status;
	char *p = map(2 * PAGE, RW, ANON);

	p[0] = 'r';
	CHECK_EQ("mprotect_read_only", mprotect(p, PAGE, PROT_READ), 0);
	CHECK_EQ("still_readable", p[0], 'r');
	target = p;
	status = run_in_child(child_writes);
	CHECK("write_read_only_sigsegv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	target = p + PAGE;
	status = run_in_child(child_writes);
	CHECK("other_page_still_writable", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_EQ("mprotect_back", mprotect(p, PAGE, RW), 0);
	target = p;
	status = run_in_child(child_writes);
	CHECK("writable_again", WIFEXITED(status) && WEXITSTATUS(status) == 0);

	munmap(p, 2 * PAGE);
	target = p;
	status = run_in_child(child_writes);
	CHECK("write_unmapped_sigsegv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);

	char *none = map(PAGE, PROT_NONE, ANON);
	target = none;
	status = run_in_child(child_writes);
	CHECK("write_prot_none_sigsegv", WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
	munmap(none, PAGE);
}

static void bad_arguments(void)
{
	char *p = map(PAGE, RW, ANON);

	CHECK("zero_length_einval", map(0, RW, ANON) == MAP_FAILED && errno == EINVAL);
	CHECK("no_share_type_einval", map(PAGE, RW, MAP_ANONYMOUS) == MAP_FAILED && errno == EINVAL);
	CHECK("fixed_unaligned_einval", mmap(p + 1, PAGE, RW, ANON | MAP_FIXED, -1, 0) == MAP_FAILED &&
	      errno == EINVAL);
	CHECK("bad_fd_ebadf", mmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0) == MAP_FAILED && errno == EBADF);
	CHECK_ERRNO("munmap_unaligned_einval", munmap(p + 1, PAGE), EINVAL);
	CHECK_ERRNO("munmap_zero_einval", munmap(p, 0), EINVAL);
	CHECK_ERRNO("mprotect_unaligned_einval", mprotect(p + 1, PAGE, PROT_READ), EINVAL);
	CHECK_ERRNO("mprotect_bad_prot_einval", mprotect(p, PAGE, 0x100), EINVAL);
	CHECK("munmap_unmapped_ok", munmap(p, PAGE) == 0 && munmap(p, PAGE) == 0);
	CHECK_ERRNO("mprotect_unmapped_enomem", mprotect(p, PAGE, PROT_READ), ENOMEM);
}

int main(void)
{
	basics();
	child_visibility();
	protection();
	bad_arguments();
	return test_done();
}
