/*
 * Kernel self-tests (the files in tests/kernel/), run at boot when the command line
 * says `selftest` (all) or `selftest=name,name`.  Each prints one line:
 *   TEST: PASS kernel/<name>      or      TEST: FAIL kernel/<name>: <why>
 */
#ifndef SELFTEST_H
#define SELFTEST_H
#include <types.h>

struct kernel_test {
	const char *name;
	void (*fn)(struct kernel_test *t);
	const char *failure; /* set by KT_ASSERT */
	int line;
};

#define KERNEL_TEST(tname)                                                         \
	static void kt_##tname(struct kernel_test *t);                             \
	static struct kernel_test kt_desc_##tname __used __section("kernel_tests") \
		__aligned(8) = { #tname, kt_##tname, NULL, 0 };                    \
	static void kt_##tname(struct kernel_test *t)

/* Record the first failed condition and leave the test. */
#define KT_ASSERT(cond)                               \
	do {                                          \
		if (!(cond)) {                        \
			t->failure = #cond;           \
			t->line = __LINE__;           \
			return;                       \
		}                                     \
	} while (0)

/*
 * func(info) on every online CPU at once: an on_each_cpu() call (interrupts
 * off, without the big kernel lock) whose CPUs wait for each other first,
 * for the tests of what several CPUs may do at the same time.
 */
void on_every_cpu_together(void (*func)(void *), void *info);

/* Runs the selected tests; returns the number that failed. */
int run_kernel_selftests(const char *selection);
#endif
