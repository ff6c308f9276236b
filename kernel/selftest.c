/* Runs the kernel self-tests that the linker gathered into "kernel_tests". */
#include <selftest.h>
#include <cmdline.h>
#include <printk.h>
#include <gfp.h>
#include <smp.h>
#include <atomic.h>
#include <asm/cpu.h>

extern struct kernel_test __start_kernel_tests[], __stop_kernel_tests[];

struct together {
	void (*func)(void *);
	void *info;
	atomic_t arrived; /* CPUs in start_together: func starts once all are */
};

static void start_together(void *arg)
{
	struct together *t = arg;

	atomic_inc(&t->arrived);
	while (atomic_read(&t->arrived) < (int)num_online_cpus())
		cpu_relax();
	t->func(t->info);
}

void on_every_cpu_together(void (*func)(void *), void *info)
{
	struct together t = { .func = func, .info = info };

	on_each_cpu(start_together, &t, 1);
}

static bool selected(const char *selection, const char *name)
{
	return !*selection || list_contains(selection, name);
}

int run_kernel_selftests(const char *selection)
{
	int failed = 0;

	for (struct kernel_test *t = __start_kernel_tests; t < __stop_kernel_tests; t++) {
		if (!selected(selection, t->name))
			continue;
		unsigned long free_before = nr_free_pages();
		t->fn(t);
		if (!t->failure && nr_free_pages() != free_before) {
			t->failure = "free page count changed (leak)";
			t->line = 0;
		}
		if (t->failure) {
			failed++;
			printk("TEST: FAIL kernel/%s: %s (line %d)\n", t->name, t->failure, t->line);
		} else {
			printk("TEST: PASS kernel/%s\n", t->name);
		}
	}
	return failed;
}
