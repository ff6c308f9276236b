/* Sleeping. */
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(__NR_nanosleep, req, rem));
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
