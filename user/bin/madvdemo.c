/*
 * madvdemo: the three ways a forked child can inherit memory, side by side.
 * One private mapping of three pages, all written by the parent; madvise
 * then gives page 1 MADV_DONTFORK and page 2 MADV_WIPEONFORK (splitting the
 * mapping in three), and a child reads each page:
 *   page 0  shared copy-on-write, as every private page after fork;
 *   page 1  not in the child at all: reading it is SIGSEGV;
 *   page 2  in the child, but empty: it reads zeroes.
 * With `trace clone` the kernel says what fork did with pages 1 and 2.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL

static const char *const advice[] = { "(no advice)", "MADV_DONTFORK", "MADV_WIPEONFORK" };

/* Fork a child that reads *at and exits with what it read; describe its fate. */
static void child_reads(int page, volatile char *at)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(*at);
	waitpid(pid, &status, 0);
	printf("  page %d  %-16s ", page, advice[page]);
	if (WIFSIGNALED(status))
		printf("child killed by SIG%s: the range is not in its address space\n",
		       sigabbrev_np(WTERMSIG(status)));
	else if (WEXITSTATUS(status) == 0)
		printf("child reads 0: the range is there, but starts empty\n");
	else
		printf("child reads '%c': the parent's page, shared copy-on-write\n", WEXITSTATUS(status));
}

int main(void)
{
	char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	memset(p, 'P', 3 * PAGE);
	if (madvise(p + PAGE, PAGE, MADV_DONTFORK) || madvise(p + 2 * PAGE, PAGE, MADV_WIPEONFORK)) {
		perror("madvise");
		return 1;
	}
	printf("madvdemo (pid %d): three private pages at %p, each filled with 'P' by me.\n", getpid(), (void *)p);
	printf("Page 1 has MADV_DONTFORK, page 2 MADV_WIPEONFORK.  A child reads each page:\n\n");
	for (int page = 0; page < 3; page++)
		child_reads(page, p + page * PAGE);
	printf("\nThe parent still reads '%c' '%c' '%c': advice changes only what a child gets.\n", p[0],
	       p[PAGE], p[2 * PAGE]);
	return 0;
}
