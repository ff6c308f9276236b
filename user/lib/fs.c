/* File-system names: file status, directories, links, renames, modes, sizes, times, the working directory, umask. */
#include <sys/getdents.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/statfs.h>
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

int lstat(const char *path, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_lstat, path, st));
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return __syscall_ret(__syscall4(__NR_newfstatat, dirfd, path, st, flags));
}

int mkdir(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_mkdir, path, mode));
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	return __syscall_ret(__syscall3(__NR_mkdirat, dirfd, path, mode));
}

int mknod(const char *path, mode_t mode, unsigned int dev)
{
	return __syscall_ret(__syscall3(__NR_mknod, path, mode, dev));
}

int mknodat(int dirfd, const char *path, mode_t mode, unsigned int dev)
{
	return __syscall_ret(__syscall4(__NR_mknodat, dirfd, path, mode, dev));
}

int mkfifo(const char *path, mode_t mode)
{
	return mknod(path, S_IFIFO | (mode & 07777), 0);
}

int rmdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_rmdir, path));
}

int unlinkat(int dirfd, const char *path, int flags)
{
	return __syscall_ret(__syscall3(__NR_unlinkat, dirfd, path, flags));
}

int link(const char *old, const char *new)
{
	return __syscall_ret(__syscall2(__NR_link, old, new));
}

int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags)
{
	return __syscall_ret(__syscall5(__NR_linkat, olddirfd, old, newdirfd, new, flags));
}

int symlink(const char *target, const char *path)
{
	return __syscall_ret(__syscall2(__NR_symlink, target, path));
}

int symlinkat(const char *target, int dirfd, const char *path)
{
	return __syscall_ret(__syscall3(__NR_symlinkat, target, dirfd, path));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall3(__NR_readlink, path, buf, size));
}

ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall4(__NR_readlinkat, dirfd, path, buf, size));
}

int rename(const char *old, const char *new)
{
	return __syscall_ret(__syscall2(__NR_rename, old, new));
}

int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
	return __syscall_ret(__syscall4(__NR_renameat, olddirfd, old, newdirfd, new));
}

int renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned int flags)
{
	return __syscall_ret(__syscall5(__NR_renameat2, olddirfd, old, newdirfd, new, flags));
}

int chmod(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_chmod, path, mode));
}

int fchmod(int fd, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_fchmod, fd, mode));
}

/* The system call has no flags; glibc's AT_SYMLINK_NOFOLLOW emulation is left out. */
int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags)
		return __syscall_ret(-EINVAL);
	return __syscall_ret(__syscall3(__NR_fchmodat, dirfd, path, mode));
}

int truncate(const char *path, off_t length)
{
	return __syscall_ret(__syscall2(__NR_truncate, path, length));
}

int ftruncate(int fd, off_t length)
{
	return __syscall_ret(__syscall2(__NR_ftruncate, fd, length));
}

int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags)
{
	return __syscall_ret(__syscall4(__NR_utimensat, dirfd, path, times, flags));
}

int futimens(int fd, const struct timespec times[2])
{
	return __syscall_ret(__syscall4(__NR_utimensat, fd, 0, times, 0));
}

int statfs(const char *path, struct statfs *buf)
{
	return __syscall_ret(__syscall2(__NR_statfs, path, buf));
}

int fstatfs(int fd, struct statfs *buf)
{
	return __syscall_ret(__syscall2(__NR_fstatfs, fd, buf));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return __syscall_ret(__syscall3(__NR_chown, path, uid, gid));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return __syscall_ret(__syscall3(__NR_lchown, path, uid, gid));
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return __syscall_ret(__syscall3(__NR_fchown, fd, uid, gid));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	return __syscall_ret(__syscall5(__NR_fchownat, dirfd, path, uid, gid, flags));
}

/* As glibc's: the flags need faccessat2, the plain call has none. */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (flags)
		return __syscall_ret(__syscall4(__NR_faccessat2, dirfd, path, mode, flags));
	return __syscall_ret(__syscall3(__NR_faccessat, dirfd, path, mode));
}

int fsync(int fd)
{
	return __syscall_ret(__syscall1(__NR_fsync, fd));
}

int fdatasync(int fd)
{
	return __syscall_ret(__syscall1(__NR_fdatasync, fd));
}

void sync(void)
{
	__syscall0(__NR_sync);
}
