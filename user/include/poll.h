/* Waiting on several fds (poll(2)); struct pollfd and the events are the kernel's. */
#ifndef _POLL_H
#define _POLL_H
#include <signal.h>
#include <time.h>
#include <uapi/poll.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *mask);
#endif
