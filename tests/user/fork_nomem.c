/*
 * fork running out of frames half-way (Cowl only): with fault injection
 * (/proc/cowl/fail_page_alloc: the next N page allocations succeed, then
 * all fail until -1 is written), fork a process with a few MiB touched
 * under budgets 0, 1, 2, ... until it succeeds.  Every failing fork must
 * return ENOMEM and give back every frame it took (nr_free_pages as
 * before), whichever step it failed in.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "procutil.h"
#include "test.h"

#define TOUCHED (3UL << 20)
#define MAX_BUDGET 400

static const char reset[] = "-1";

/*
 * fork, then at once (before touching any memory, which could need a
 * frame) write "-1" to fd in the parent.  The child exits at once, too.
 */
static long fork_then_reset(int fd)
{
	register long rdi __asm__("rdi") = fd;
	register long rsi __asm__("rsi") = (long)reset;
	register long rdx __asm__("rdx") = 2;
	long ret;

	__asm__ volatile("mov $57, %%eax\n\t" /* fork */
			 "syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov $60, %%eax\n\t" /* child: exit(0) */
			 "xor %%edi, %%edi\n\t"
			 "syscall\n\t"
			 "1:\n\t"
			 "mov %%rax, %%r8\n\t"
			 "mov $1, %%eax\n\t" /* parent: write(fd, "-1", 2) */
			 "syscall\n\t"
			 "mov %%r8, %%rax"
			 : "=a"(ret), "+r"(rdi), "+r"(rsi), "+r"(rdx)
			 :
			 : "rcx", "r8", "r11", "memory");
	return ret;
}

static int set_budget(int fd, long budget)
{
	char text[24];
	int len = snprintf(text, sizeof(text), "%ld", budget);

	return write(fd, text, (size_t)len) == len ? 0 : -1;
}

/* Raise the page budget one frame at a time until fork succeeds; count what the failures did. */
struct sweep {
	long pid, budget, leaked_at, leaked_pages;
	int failures, wrong_errno, leaks;
};

static struct sweep sweep_budgets(int fd)
{
	struct sweep s = { .leaked_at = -1 };

	for (s.budget = 0; s.budget <= MAX_BUDGET; s.budget++) {
		long before = vmstat("nr_free_pages");
		set_budget(fd, s.budget);
		s.pid = fork_then_reset(fd);
		if (s.pid > 0)
			break;
		s.failures++;
		if (s.pid != -ENOMEM)
			s.wrong_errno++;
		long after = vmstat("nr_free_pages");
		if (after != before) {
			s.leaks++;
			if (s.leaked_at < 0) {
				s.leaked_at = s.budget;
				s.leaked_pages = before - after;
			}
		}
	}
	set_budget(fd, -1);
	return s;
}

int main(void)
{
	int status;

	if (!on_cowl()) {
		SKIP_ALL("Cowl only: Linux has no /proc/cowl/fail_page_alloc", "proc_cowl_fail_page_alloc_exists",
			 "fork_eventually_succeeds", "fork_fails_with_small_budgets", "every_failure_enomem",
			 "no_frames_leaked_by_failed_forks", "child_after_injection", "child_exit_returns_frames");
		return test_done();
	}
	int fd = open("/proc/cowl/fail_page_alloc", O_WRONLY);
	if (!CHECK("proc_cowl_fail_page_alloc_exists", fd >= 0)) {
		printf("# /proc/cowl/fail_page_alloc is missing: the kernel needs it for this test\n");
		return test_done();
	}
	char *mem = mmap(NULL, TOUCHED, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (unsigned long off = 0; off < TOUCHED; off += 4096)
		mem[off] = 1;
	volatile char warm = reset[0] + reset[1]; /* fault in the text fork_then_reset writes */
	(void)warm;

	/* A warm-up round without injection: our own pages become writable again after it. */
	long pid = fork_then_reset(fd);
	waitpid((pid_t)pid, &status, 0);
	for (unsigned long off = 0; off < TOUCHED; off += 4096)
		mem[off] = 2;
	vmstat("nr_free_pages");

	struct sweep s = sweep_budgets(fd);
	pid = s.pid;
	printf("# fork failed %d times, succeeded with a budget of %ld pages\n", s.failures, s.budget);
	if (s.leaked_at >= 0)
		printf("# first leak: budget %ld, %ld pages\n", s.leaked_at, s.leaked_pages);
	CHECK("fork_eventually_succeeds", pid > 0);
	CHECK("fork_fails_with_small_budgets", s.failures > 0);
	CHECK_EQ("every_failure_enomem", s.wrong_errno, 0);
	CHECK_EQ("no_frames_leaked_by_failed_forks", s.leaks, 0);
	if (pid > 0) {
		long before = vmstat("nr_free_pages");
		CHECK("child_after_injection", waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0);
		for (unsigned long off = 0; off < TOUCHED; off += 4096)
			mem[off] = 3; /* reuse: the child is gone */
		CHECK("child_exit_returns_frames", vmstat("nr_free_pages") > before);
	}
	close(fd);
	munmap(mem, TOUCHED);
	return test_done();
}
