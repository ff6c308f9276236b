/* gettimeofday(2); struct timeval and struct timezone are the kernel's. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <uapi/time.h>

int gettimeofday(struct timeval *tv, struct timezone *tz);
#endif
