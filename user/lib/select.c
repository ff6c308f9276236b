/*
 * poll(2) and select(2) and their signal-mask forms.  ppoll and pselect
 * take a const timeout, as POSIX has them: the kernel's update of the time
 * left goes to a copy (glibc does the same).
 */
#include <poll.h>
#include <sys/select.h>
#include <sys/syscall.h>

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
	return __syscall_ret(__syscall3(__NR_poll, fds, nfds, timeout_ms));
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *mask)
{
	struct timespec copy = timeout ? *timeout : (struct timespec){ 0, 0 };

	return __syscall_ret(__syscall5(__NR_ppoll, fds, nfds, timeout ? &copy : NULL, mask, sizeof(sigset_t)));
}

int select(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout)
{
	return __syscall_ret(__syscall5(__NR_select, n, readfds, writefds, exceptfds, timeout));
}

int pselect(int n, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, const struct timespec *timeout,
	    const sigset_t *mask)
{
	struct timespec copy = timeout ? *timeout : (struct timespec){ 0, 0 };
	struct {
		const sigset_t *mask;
		unsigned long size;
	} pack = { mask, sizeof(sigset_t) };

	return __syscall_ret(__syscall6(__NR_pselect6, n, (long)readfds, (long)writefds, (long)exceptfds,
					(long)(timeout ? &copy : NULL), (long)&pack));
}
