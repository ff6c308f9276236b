/*
 * Resource usage and limits: getrusage(2) and wait4(2)'s struct rusage,
 * getrlimit(2)/setrlimit(2)/prlimit64(2)'s limits
 * (include/uapi/linux/resource.h, asm-generic/resource.h).
 */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H
#include <uapi/types.h>
#include <uapi/time_types.h>

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

struct rusage {
	struct timeval ru_utime; /* user time used */
	struct timeval ru_stime; /* system time used */
	long ru_maxrss;          /* the rest: Cowl reports zeroes */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

/* getrlimit(2) and setrlimit(2): the same layout as rlimit64 on x86-64. */
struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};
#define RLIM_INFINITY (~0UL)

struct rlimit64 {
	__u64 rlim_cur;
	__u64 rlim_max;
};
#define RLIM64_INFINITY (~0ULL)

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIM_NLIMITS 16

#define _STK_LIM (8 * 1024 * 1024) /* the default stack limit, in bytes */
#endif
