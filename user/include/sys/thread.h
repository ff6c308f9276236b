/* The system calls threads are built on: TLS base, clear-tid address, futexes. */
#ifndef _SYS_THREAD_H
#define _SYS_THREAD_H
#include <sys/types.h>
#include <uapi/time_types.h>
#include <uapi/futex.h>
#include <uapi/prctl.h>

int arch_prctl(int code, unsigned long addr);
pid_t set_tid_address(int *tidptr);
long futex(int *uaddr, int op, int val, const struct timespec *timeout, int *uaddr2, int val3);
#endif
