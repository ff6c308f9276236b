/*
 * The clocks clock_gettime(2), clock_nanosleep(2) and futex timeouts name,
 * and gettimeofday(2)'s struct timezone (include/uapi/linux/time.h).
 */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H
#include <uapi/time_types.h>
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7

/* clock_nanosleep(2) flags */
#define TIMER_ABSTIME 0x01

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};
#endif
