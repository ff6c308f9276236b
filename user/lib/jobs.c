/* Process groups, sessions and the terminal's foreground group (credentials(7), tcsetpgrp(3)). */
#include <sys/syscall.h>
#include <unistd.h>
#include <uapi/ioctls.h>

int setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(__syscall2(__NR_setpgid, pid, pgid));
}

pid_t getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(__NR_getpgid, pid));
}

pid_t getpgrp(void)
{
	return __syscall0(__NR_getpgrp);
}

pid_t setsid(void)
{
	return __syscall_ret(__syscall0(__NR_setsid));
}

pid_t getsid(pid_t pid)
{
	return __syscall_ret(__syscall1(__NR_getsid, pid));
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;
	long r = __syscall_ret(__syscall3(__NR_ioctl, fd, TIOCGPGRP, (long)&pgrp));

	return r < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return __syscall_ret(__syscall3(__NR_ioctl, fd, TIOCSPGRP, (long)&pgrp));
}
