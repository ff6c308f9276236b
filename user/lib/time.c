/* Sleeping and clocks. */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(__NR_nanosleep, req, rem));
}

int clock_gettime(clockid_t clock, struct timespec *tp)
{
	return __syscall_ret(__syscall2(__NR_clock_gettime, clock, tp));
}

int clock_getres(clockid_t clock, struct timespec *res)
{
	return __syscall_ret(__syscall2(__NR_clock_getres, clock, res));
}

int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem)
{
	return (int)-__syscall4(__NR_clock_nanosleep, clock, flags, req, rem);
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return __syscall_ret(__syscall2(__NR_gettimeofday, tv, tz));
}

time_t time(time_t *tloc)
{
	return __syscall_ret(__syscall1(__NR_time, tloc));
}

/* Returns the seconds left if a signal cut the sleep short, as POSIX says. */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds, .tv_nsec = 0 };
	struct timespec rem;

	if (nanosleep(&req, &rem) < 0)
		return (unsigned int)rem.tv_sec;
	return 0;
}
