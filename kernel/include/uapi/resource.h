/*
 * Resource usage and limits: wait4(2)'s struct rusage and prlimit64(2)'s
 * limits (include/uapi/linux/resource.h, asm-generic/resource.h).
 */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H
#include <uapi/types.h>
#include <uapi/time_types.h>

struct rusage {
	struct timeval ru_utime;   /* user time used */
	struct timeval ru_stime;   /* system time used */
	long ru_opaque[14];        /* maxrss .. nivcsw: Cowl reports zeroes */
};

struct rlimit64 {
	__u64 rlim_cur;
	__u64 rlim_max;
};
#define RLIM64_INFINITY (~0ULL)

#define RLIMIT_STACK 3
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIM_NLIMITS 16

#define _STK_LIM (8 * 1024 * 1024) /* the default stack limit, in bytes */
#endif
