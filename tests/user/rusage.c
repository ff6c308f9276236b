/*
 * Accounting: getrusage and times count real user time (the test spins
 * and watches it grow), a reaped child's time moves to RUSAGE_CHILDREN,
 * sysinfo reports uptime, memory and tasks; bad arguments give Linux's
 * errors.
 */
#include <sys/syscall.h>
#include <time.h>
#include <uapi/resource.h>
#include <uapi/sysinfo.h>
#include <uapi/times.h>
#include "test.h"

static long usage_ms(int who, int user)
{
	struct rusage ru;

	if (syscall(__NR_getrusage, who, &ru))
		return -1;
	struct timeval tv = user ? ru.ru_utime : ru.ru_stime;
	return tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* Burns user CPU until getrusage says `ms` more were used, or 10 s pass on the wall clock. */
static int spin_ms(long ms)
{
	long start = usage_ms(RUSAGE_SELF, 1);
	time_t give_up = time(NULL) + 10;
	volatile unsigned long n = 0;

	while (usage_ms(RUSAGE_SELF, 1) - start < ms && time(NULL) < give_up)
		for (int i = 0; i < 100000; i++)
			n++;
	return usage_ms(RUSAGE_SELF, 1) - start >= ms;
}

static void child_spins(void)
{
	spin_ms(200);
}

static void check_usage(void)
{
	struct tms t0, t1;

	long ticks0 = syscall(__NR_times, &t0);
	CHECK("user_time_grows", spin_ms(200));
	long ticks1 = syscall(__NR_times, &t1);
	CHECK("times_user_grows", t1.tms_utime - t0.tms_utime >= 15); /* 100 ticks a second */
	CHECK("times_clock_runs", ticks1 - ticks0 >= 15);
	CHECK("thread_usage", usage_ms(RUSAGE_THREAD, 1) >= 200);
	long before = usage_ms(RUSAGE_CHILDREN, 1);
	int status = run_in_child(child_spins);
	CHECK("child_ok", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK("children_usage_grows", usage_ms(RUSAGE_CHILDREN, 1) - before >= 150);
	syscall(__NR_times, &t1);
	CHECK("times_children", t1.tms_cutime >= 15);
	CHECK("system_time_sane", usage_ms(RUSAGE_SELF, 0) >= 0);
}

static void check_sysinfo(void)
{
	struct sysinfo si;
	struct timespec boot;

	CHECK_EQ("sysinfo_ok", syscall(__NR_sysinfo, &si), 0);
	clock_gettime(CLOCK_BOOTTIME, &boot);
	CHECK("uptime_is_boottime", si.uptime >= boot.tv_sec && si.uptime <= boot.tv_sec + 2);
	unsigned long long total = (unsigned long long)si.totalram * si.mem_unit;
	CHECK("totalram_sane", total >= 16ull << 20);
	CHECK("freeram_below_total", si.freeram > 0 && si.freeram <= si.totalram);
	CHECK("procs_counted", si.procs >= 2);
	CHECK_ERRNO("sysinfo_efault", syscall(__NR_sysinfo, (void *)8), EFAULT);
}

int main(void)
{
	check_usage();
	check_sysinfo();
	CHECK_ERRNO("getrusage_bad_who", syscall(__NR_getrusage, 5, NULL), EINVAL);
	CHECK_ERRNO("getrusage_efault", syscall(__NR_getrusage, RUSAGE_SELF, (void *)8), EFAULT);
	CHECK_ERRNO("times_efault", syscall(__NR_times, (void *)8), EFAULT);
	CHECK("times_null_ok", syscall(__NR_times, NULL) > 0);
	return test_done();
}
