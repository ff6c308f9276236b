/* Terminal modes: tcgetattr(3) and friends, each one ioctl (ioctl_tty(2)). */
#include <errno.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>
#include <uapi/ioctls.h>

int tcgetattr(int fd, struct termios *t)
{
	return __syscall_ret(__syscall3(__NR_ioctl, fd, TCGETS, (long)t));
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	static const int request[] = { [TCSANOW] = TCSETS, [TCSADRAIN] = TCSETSW, [TCSAFLUSH] = TCSETSF };

	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return __syscall_ret(__syscall3(__NR_ioctl, fd, request[when], (long)t));
}

int tcflush(int fd, int queue)
{
	return __syscall_ret(__syscall3(__NR_ioctl, fd, TCFLSH, queue));
}

/* A terminal is what answers TCGETS. */
int isatty(int fd)
{
	struct termios t;

	return __syscall3(__NR_ioctl, fd, TCGETS, (long)&t) == 0;
}
