/* File descriptors: opening, reading, writing, duplicating, pipes. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The mode argument exists only with O_CREAT; reading it otherwise would be undefined. */
static mode_t creation_mode(int flags, va_list ap)
{
	return (flags & O_CREAT) ? va_arg(ap, mode_t) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = creation_mode(flags, ap);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_open, path, flags, mode));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = creation_mode(flags, ap);
	va_end(ap);
	return __syscall_ret(__syscall4(__NR_openat, dirfd, path, flags, mode));
}

int creat(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_creat, path, mode));
}

ssize_t pread(int fd, void *buf, size_t n, off_t pos)
{
	return __syscall_ret(__syscall4(__NR_pread64, fd, buf, n, pos));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t pos)
{
	return __syscall_ret(__syscall4(__NR_pwrite64, fd, buf, n, pos));
}

/* The third argument is an int or a pointer; passing it as a long serves both. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_fcntl, fd, cmd, arg));
}

ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count)
{
	return __syscall_ret(__syscall4(__NR_sendfile, out_fd, in_fd, offset, count));
}

int close(int fd)
{
	return __syscall_ret(__syscall1(__NR_close, fd));
}

ssize_t read(int fd, void *buf, size_t n)
{
	return __syscall_ret(__syscall3(__NR_read, fd, buf, n));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return __syscall_ret(__syscall3(__NR_write, fd, buf, n));
}

off_t lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(__NR_lseek, fd, offset, whence));
}

int dup(int fd)
{
	return __syscall_ret(__syscall1(__NR_dup, fd));
}

int dup2(int oldfd, int newfd)
{
	return __syscall_ret(__syscall2(__NR_dup2, oldfd, newfd));
}

int pipe(int fds[2])
{
	return __syscall_ret(__syscall1(__NR_pipe, fds));
}

int pipe2(int fds[2], int flags)
{
	return __syscall_ret(__syscall2(__NR_pipe2, fds, flags));
}
