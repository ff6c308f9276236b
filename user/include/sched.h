/* Process and thread creation with clone, clone3; sched_yield. */
#ifndef _SCHED_H
#define _SCHED_H
#include <sys/types.h>
#include <uapi/sched.h>

int sched_yield(void);

/*
 * glibc-style clone: the child runs fn(arg) on `stack` (the highest address
 * of its stack) and exits with fn's result.  The optional arguments are
 * pid_t *ptid, void *tls, pid_t *ctid, used as the flags request.
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);
/* clone3(2) without a wrapper function: the child returns 0 like fork. */
long clone3(struct clone_args *args, size_t size);
#endif
