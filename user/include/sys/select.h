/* select(2): fd sets of FD_SETSIZE bits, the kernel's layout (one bit per fd in 64-bit words). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/time.h>

#define FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / 64];
} fd_set;

#define FD_ZERO(s) memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s) ((s)->fds_bits[(fd) / 64] |= 1ul << ((fd) % 64))
#define FD_CLR(fd, s) ((s)->fds_bits[(fd) / 64] &= ~(1ul << ((fd) % 64)))
#define FD_ISSET(fd, s) (((s)->fds_bits[(fd) / 64] >> ((fd) % 64)) & 1)

int select(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);
int pselect(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timespec *timeout,
	    const sigset_t *mask);
#endif
