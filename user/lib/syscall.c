/* The C library's error convention on top of raw system calls. */
#include <errno.h>
#include <stdarg.h>
#include <sys/syscall.h>

int errno;

/* The kernel returns -4095..-1 for errors; any other value is a result (even a "negative" address). */
long __syscall_ret(long ret)
{
	if (ret < 0 && ret >= -4095) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

long syscall(long nr, ...)
{
	va_list ap;
	long a[6];

	va_start(ap, nr);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long); /* reads garbage past the real arguments, which the kernel ignores */
	va_end(ap);
	return __syscall_ret(__syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}
