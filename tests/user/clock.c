/*
 * Clocks and sleeps: CLOCK_REALTIME is the real date (from the RTC on
 * Cowl), gettimeofday and time agree with it, a sleep is never shorter by
 * the clock the program reads, and bad arguments give Linux's errors.
 */
#include <signal.h>
#include <sys/syscall.h>
#include <uapi/futex.h>
#include <sys/time.h>
#include <time.h>
#include "procutil.h"
#include "test.h"

#define MS 1000000L
#define JAN_1_2020 1577836800L

static long long ns_of(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Sleeps `ms` ten times by nanosleep and by clock_nanosleep; each must last at least that on the clock. */
static void check_sleeps_long_enough(long ms, const char *name)
{
	struct timespec req = { 0, ms * MS };
	long long shortest = -1, start;

	for (int i = 0; i < 10; i++) {
		start = ns_of(CLOCK_MONOTONIC);
		if (i % 2 ? nanosleep(&req, NULL) : clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL))
			break;
		long long took = ns_of(CLOCK_MONOTONIC) - start;
		if (shortest < 0 || took < shortest)
			shortest = took;
	}
	CHECK(name, shortest >= ms * MS);
}

/* A futex wait that times out (relative, or absolute on either clock) must not end early either. */
static void check_futex_timeouts(void)
{
	int word = 0, all_long_enough = 1;
	struct timespec rel = { 0, 30 * MS }, abs;

	for (int i = 0; i < 6; i++) {
		int op = i % 3 == 0 ? FUTEX_WAIT : FUTEX_WAIT_BITSET | (i % 3 == 2 ? FUTEX_CLOCK_REALTIME : 0);
		clockid_t clock = i % 3 == 2 ? CLOCK_REALTIME : CLOCK_MONOTONIC;
		long long deadline = ns_of(clock) + 30 * MS;
		abs = (struct timespec){ deadline / 1000000000LL, deadline % 1000000000LL };
		long long start = ns_of(CLOCK_MONOTONIC);
		long ret = syscall(__NR_futex, &word, op | FUTEX_PRIVATE_FLAG, 0, op == FUTEX_WAIT ? &rel : &abs, NULL,
				   FUTEX_BITSET_MATCH_ANY);
		if (ret != -1 || errno != ETIMEDOUT || ns_of(CLOCK_MONOTONIC) - start < 30 * MS)
			all_long_enough = 0;
	}
	CHECK("futex_timeout_never_short", all_long_enough);
}

static void check_absolute_sleep(clockid_t clock, const char *name)
{
	struct timespec until;

	clock_gettime(clock, &until);
	until.tv_nsec += 100 * MS;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	long long deadline = until.tv_sec * 1000000000LL + until.tv_nsec;
	int err = clock_nanosleep(clock, TIMER_ABSTIME, &until, NULL);
	CHECK(name, err == 0 && ns_of(clock) >= deadline);
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* A sleep cut short by a handler: EINTR, and `rem` is what was left when the signal came. */
static void check_interrupted_sleep(void)
{
	struct timespec req = { 1, 0 }, rem = { 9, 0 }, wait = { 0, 200 * MS };
	struct sigaction sa = { .sa_handler = on_usr1 };

	sigaction(SIGUSR1, &sa, NULL);
	pid_t pid = fork();
	if (pid == 0) {
		nanosleep(&wait, NULL);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	CHECK_ERRNO("interrupted_sleep_eintr", nanosleep(&req, &rem), EINTR);
	CHECK("rem_is_what_was_left", rem.tv_sec == 0 && rem.tv_nsec >= 500 * MS && rem.tv_nsec <= 950 * MS);
	waitpid(pid, NULL, 0);
	signal(SIGUSR1, SIG_DFL);
}

static void check_wall_clock(void)
{
	struct timespec rt;
	struct timeval tv;
	struct timezone tz = { 1, 1 };

	CHECK_EQ("realtime_ok", clock_gettime(CLOCK_REALTIME, &rt), 0);
	CHECK("realtime_after_2020", rt.tv_sec > JAN_1_2020);
	CHECK_EQ("gettimeofday_ok", gettimeofday(&tv, &tz), 0);
	CHECK("gettimeofday_matches_realtime", tv.tv_sec >= rt.tv_sec && tv.tv_sec <= rt.tv_sec + 2 &&
							 tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	CHECK("gettimeofday_tz_zero", tz.tz_minuteswest == 0 && tz.tz_dsttime == 0);
	time_t t1, t0 = time(&t1);
	CHECK("time_matches_realtime", t0 == t1 && t0 >= rt.tv_sec && t0 <= rt.tv_sec + 2);
	CHECK_EQ("time_null_ok", time(NULL) >= t0, 1);
	CHECK("boottime_runs", ns_of(CLOCK_BOOTTIME) > 0);
}

/* Setting the clock: the refusals everywhere; really setting it only on Cowl (not the host's clock). */
static void child_cannot_set(void)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	syscall(__NR_setuid, 4242);
	CHECK_ERRNO("user_settime_eperm", syscall(__NR_clock_settime, CLOCK_REALTIME, &now), EPERM);
	CHECK_ERRNO("user_settimeofday_eperm", syscall(__NR_settimeofday, NULL, NULL), EPERM);
}

static void check_setting(void)
{
	struct timespec ts = { 0, 2000000000L }, now;
	struct timeval bad_tv = { 0, 1000000 };

	CHECK_ERRNO("settime_monotonic_einval", syscall(__NR_clock_settime, CLOCK_MONOTONIC, &ts), EINVAL);
	CHECK_ERRNO("settime_bad_nsec_einval", syscall(__NR_clock_settime, CLOCK_REALTIME, &ts), EINVAL);
	CHECK_ERRNO("settime_efault", syscall(__NR_clock_settime, CLOCK_REALTIME, (void *)8), EFAULT);
	CHECK_ERRNO("settimeofday_bad_usec_einval", syscall(__NR_settimeofday, &bad_tv, NULL), EINVAL);
	int status = run_in_child(child_cannot_set);
	CHECK("setting_child_exits", WIFEXITED(status) && WEXITSTATUS(status) == 0);
	if (!on_cowl()) {
		SKIP("root_sets_realtime", "would change the host's clock");
		return;
	}
	clock_gettime(CLOCK_REALTIME, &now);
	now.tv_sec += 3600;
	CHECK_EQ("root_settime", syscall(__NR_clock_settime, CLOCK_REALTIME, &now), 0);
	CHECK("realtime_moved", time(NULL) >= now.tv_sec && time(NULL) <= now.tv_sec + 2);
	now.tv_sec -= 3600;
	syscall(__NR_clock_settime, CLOCK_REALTIME, &now);
}

static void check_errors(void)
{
	struct timespec ts = { 0, MS }, bad = { 0, 1000000000L };

	CHECK_ERRNO("gettime_bad_clock_einval", clock_gettime(99, &ts), EINVAL);
	CHECK_ERRNO("getres_bad_clock_einval", clock_getres(-5, &ts), EINVAL);
	CHECK_EQ("nanosleep_bad_clock_einval", clock_nanosleep(99, 0, &ts, NULL), EINVAL);
	CHECK_EQ("nanosleep_thread_cpu_eopnotsupp", clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL),
		 EOPNOTSUPP);
	CHECK_EQ("nanosleep_raw_eopnotsupp", clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &ts, NULL), EOPNOTSUPP);
	CHECK_EQ("nanosleep_nsec_einval", clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, NULL), EINVAL);
	CHECK_EQ("nanosleep_req_efault", clock_nanosleep(CLOCK_REALTIME, 0, (void *)8, NULL), EFAULT);
	CHECK_ERRNO("gettime_efault", clock_gettime(CLOCK_REALTIME, (void *)8), EFAULT);
	CHECK_ERRNO("gettimeofday_efault", gettimeofday((void *)8, NULL), EFAULT);
	CHECK_ERRNO("gettimeofday_tz_efault", gettimeofday(NULL, (void *)8), EFAULT);
	CHECK_ERRNO("time_efault", time((void *)8), EFAULT);
	CHECK_EQ("getres_null_ok", clock_getres(CLOCK_MONOTONIC, NULL), 0);
	CHECK_EQ("getres_ok", clock_getres(CLOCK_MONOTONIC, &ts), 0);
	CHECK("getres_fine", ts.tv_sec == 0 && ts.tv_nsec > 0 && ts.tv_nsec <= 10 * MS);
}

int main(void)
{
	check_wall_clock();
	check_sleeps_long_enough(100, "sleep_100ms_never_short");
	check_sleeps_long_enough(15, "sleep_15ms_never_short");
	check_absolute_sleep(CLOCK_MONOTONIC, "abstime_monotonic");
	check_absolute_sleep(CLOCK_REALTIME, "abstime_realtime");
	check_futex_timeouts();
	check_interrupted_sleep();
	check_setting();
	check_errors();
	return test_done();
}
