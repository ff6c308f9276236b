/* File-system names: file status, directories, the working directory, umask. */
#include <sys/getdents.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int stat(const char *path, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_stat, path, st));
}

int fstat(int fd, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_fstat, fd, st));
}

ssize_t getdents64(int fd, void *buf, size_t size)
{
	return __syscall_ret(__syscall3(__NR_getdents64, fd, buf, size));
}

/* The raw syscall returns the length; the C function returns buf. */
char *getcwd(char *buf, size_t size)
{
	return __syscall_ret(__syscall2(__NR_getcwd, buf, size)) < 0 ? NULL : buf;
}

int chdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_chdir, path));
}

int unlink(const char *path)
{
	return __syscall_ret(__syscall1(__NR_unlink, path));
}

mode_t umask(mode_t mask)
{
	return (mode_t)__syscall1(__NR_umask, mask); /* cannot fail */
}
