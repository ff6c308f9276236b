/* Times as system calls pass them (include/uapi/linux/time_types.h): 64-bit fields on x86-64. */
#ifndef UAPI_TIME_TYPES_H
#define UAPI_TIME_TYPES_H
struct timespec {
	long tv_sec;
	long tv_nsec;
};
struct timeval {
	long tv_sec;
	long tv_usec;
};
#endif
