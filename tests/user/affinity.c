/*
 * sched_setaffinity(2) and sched_getaffinity(2) with Linux's rules: the
 * get buffer must be whole longs and big enough (EINVAL), a set mask may be
 * short (the rest is zero) or long; a mask with no online CPU is EINVAL, a
 * bad pointer EFAULT, an unknown pid ESRCH.  The mask is honoured at once:
 * after pinning itself to a CPU a task runs there (getcpu), a sleeping
 * child pinned by its parent wakes there, and a child spinning in user mode
 * on one CPU is moved while it runs.  fork's child inherits the mask.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include "test.h"

#define MASK_LONGS 16 /* 1024 CPUs, as glibc's cpu_set_t */
#define NO_SUCH_PID 0x3ffffff0

static long getaffinity(int pid, unsigned len, unsigned long *mask)
{
	return syscall(__NR_sched_getaffinity, pid, len, mask);
}

static long setaffinity(int pid, unsigned len, const unsigned long *mask)
{
	return syscall(__NR_sched_setaffinity, pid, len, mask);
}

static long cpu_now(void)
{
	unsigned cpu;

	return syscall(__NR_getcpu, &cpu, NULL, NULL) ? -1 : (long)cpu;
}

static int count_bits(const unsigned long *mask)
{
	int n = 0;

	for (int i = 0; i < MASK_LONGS * 64; i++)
		n += (mask[i / 64] >> (i % 64)) & 1;
	return n;
}

/* Pin the caller to one CPU; it must be running there when the call returns. */
static int pin(int pid, int cpu)
{
	unsigned long one[MASK_LONGS] = { 0 };

	one[cpu / 64] = 1UL << (cpu % 64);
	return setaffinity(pid, sizeof(one), one);
}

/* A child pinned to `to` by its parent while it sleeps in read(2) wakes there. */
static int child_moved_while_asleep(int to)
{
	int go[2], status;
	char c = 0;

	if (pipe(go))
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		if (read(go[0], &c, 1) != 1)
			_exit(2);
		_exit(cpu_now() == to ? 0 : 1);
	}
	struct timespec nap = { 0, 20000000 };
	nanosleep(&nap, NULL); /* let it reach read(2) */
	int ok = pin(pid, to) == 0;
	(void)!write(go[1], &c, 1);
	waitpid(pid, &status, 0);
	close(go[0]);
	close(go[1]);
	return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* A child spinning in user mode on `from` is moved to `to` by its parent. */
static int child_moved_while_running(int from, int to)
{
	int ready[2], status;
	char c = 0;

	if (pipe(ready))
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		if (pin(0, from) || write(ready[1], &c, 1) != 1)
			_exit(2);
		for (long i = 0; i < 2000000000L; i++)
			if (cpu_now() == to)
				_exit(0);
		_exit(1);
	}
	int ok = read(ready[0], &c, 1) == 1 && pin(pid, to) == 0;
	waitpid(pid, &status, 0);
	close(ready[0]);
	close(ready[1]);
	return ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void check_errors(const unsigned long *all)
{
	unsigned long buf[MASK_LONGS], none[MASK_LONGS] = { 0 }, high[MASK_LONGS] = { 0 };

	CHECK_ERRNO("get_len_0_einval", getaffinity(0, 0, buf), EINVAL);
	CHECK_ERRNO("get_len_not_longs_einval", getaffinity(0, 12, buf), EINVAL);
	CHECK_ERRNO("get_bad_pointer_efault", getaffinity(0, sizeof(buf), (unsigned long *)8), EFAULT);
	CHECK_ERRNO("get_no_such_pid_esrch", getaffinity(NO_SUCH_PID, sizeof(buf), buf), ESRCH);
	CHECK_ERRNO("set_empty_einval", setaffinity(0, sizeof(none), none), EINVAL);
	CHECK_ERRNO("set_len_0_einval", setaffinity(0, 0, all), EINVAL);
	high[MASK_LONGS - 1] = 1UL << 63; /* CPU 1023: offline or absent on any machine this runs on */
	CHECK_ERRNO("set_offline_only_einval", setaffinity(0, sizeof(high), high), EINVAL);
	CHECK_ERRNO("set_bad_pointer_efault", setaffinity(0, sizeof(buf), (unsigned long *)8), EFAULT);
	CHECK_ERRNO("set_no_such_pid_esrch", setaffinity(NO_SUCH_PID, sizeof(buf), all), ESRCH);
}

int main(void)
{
	unsigned long all[MASK_LONGS] = { 0 }, got[MASK_LONGS];
	int cpus[MASK_LONGS * 64], n = 0, status;

	long len = getaffinity(0, sizeof(all), all);
	CHECK("get_returns_whole_longs", len > 0 && len % 8 == 0 && len <= (long)sizeof(all));
	for (int i = 0; i < MASK_LONGS * 64; i++)
		if ((all[i / 64] >> (i % 64)) & 1)
			cpus[n++] = i;
	CHECK("mask_not_empty", n > 0);
	if (n == 0)
		return test_done();
	CHECK_EQ("get_len_8_enough", getaffinity(0, 8, got), 8);
	check_errors(all);

	int moved = 1;
	for (int i = 0; i < n; i++)
		moved &= pin(0, cpus[i]) == 0 && cpu_now() == cpus[i];
	CHECK("runs_where_pinned_at_once", moved);
	int last = cpus[n - 1];
	memset(got, 0, sizeof(got));
	CHECK_EQ("get_after_set_len", getaffinity(0, sizeof(got), got), len);
	CHECK("get_after_set_one_cpu", count_bits(got) == 1 && ((got[last / 64] >> (last % 64)) & 1));

	pid_t pid = fork();
	if (pid == 0) {
		unsigned long mine[MASK_LONGS] = { 0 };
		getaffinity(0, sizeof(mine), mine);
		_exit(memcmp(mine, got, sizeof(mine)) == 0 && cpu_now() == last ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	CHECK("fork_inherits_mask", WIFEXITED(status) && WEXITSTATUS(status) == 0);

	unsigned long first_word = all[0];
	CHECK_EQ("set_short_len_ok", setaffinity(0, 4, &first_word), 0);
	CHECK_EQ("set_long_mask_ok", setaffinity(0, sizeof(all), all), 0);
	memset(got, 0, sizeof(got));
	getaffinity(0, sizeof(got), got);
	CHECK("get_gives_back_all", memcmp(got, all, sizeof(got)) == 0);

	CHECK("sleeping_child_moved", child_moved_while_asleep(cpus[0]));
	if (n > 1)
		CHECK("running_child_moved", child_moved_while_running(cpus[0], cpus[1]));
	else
		SKIP("running_child_moved", "one CPU only");
	return test_done();
}
