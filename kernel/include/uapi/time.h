/* The clocks clock_gettime(2) and futex timeouts name (include/uapi/linux/time.h). */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H
#include <uapi/time_types.h>
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#endif
