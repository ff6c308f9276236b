/* Sleeping and clocks; struct timespec and the clock ids are the kernel's. */
#ifndef _TIME_H
#define _TIME_H
#include <uapi/time.h>

typedef long time_t;
typedef int clockid_t;

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *tp);
int clock_getres(clockid_t clock, struct timespec *res);
/* As POSIX says: returns the error number itself, errno is left alone. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem);
time_t time(time_t *tloc);
#endif
