/* brk: the heap grows and shrinks, and new heap memory is zeroed and writable. */
#include <sys/syscall.h>
#include <unistd.h>
#include "test.h"

#define PAGE 4096UL

static char *heap;

static void write_heap(void)
{
	memset(heap, 0x5a, 4 * PAGE);
}

int main(void)
{
	/* The raw call: brk(0) and any failed move return the current break. */
	unsigned long start = (unsigned long)__syscall1(__NR_brk, 0);
	CHECK("brk_query", start != 0 && (unsigned long)__syscall1(__NR_brk, 0) == start);

	unsigned long grown = (unsigned long)__syscall1(__NR_brk, start + 4 * PAGE);
	CHECK("brk_grow", grown == start + 4 * PAGE);

	char *p = (char *)start;
	int zero = 1;
	for (unsigned long i = 0; i < 4 * PAGE; i++)
		zero &= p[i] == 0;
	CHECK("new_memory_zeroed", zero);
	/* In a child first: a heap that is not writable kills it with SIGSEGV, not the test. */
	heap = p;
	int status = run_in_child(write_heap);
	CHECK("new_memory_writable", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	write_heap();

	CHECK("brk_shrink", (unsigned long)__syscall1(__NR_brk, start + PAGE) == start + PAGE);
	CHECK_EQ("kept_memory_intact", p[PAGE - 1], 0x5a);
	CHECK("brk_regrow", (unsigned long)__syscall1(__NR_brk, start + 2 * PAGE) == start + 2 * PAGE);
	CHECK("regrown_memory_zeroed", p[PAGE] == 0 && p[2 * PAGE - 1] == 0);
	CHECK("brk_below_start_refused", (unsigned long)__syscall1(__NR_brk, 4096) == start + 2 * PAGE);
	CHECK("brk_huge_refused", (unsigned long)__syscall1(__NR_brk, 0x7ffffffff000UL) == start + 2 * PAGE);
	CHECK_EQ("brk_back_to_start", (unsigned long)__syscall1(__NR_brk, start), start);

	/* The C functions on top. */
	void *old = sbrk(0);
	CHECK("sbrk_grow", sbrk(100) == old && sbrk(0) == (char *)old + 100);
	CHECK("sbrk_shrink", sbrk(-100) == (char *)old + 100 && sbrk(0) == old);
	CHECK_ERRNO("brk_fail_enomem", brk((void *)0x7ffffffff000UL), ENOMEM);
	return test_done();
}
