/*
 * sync(2), fsync(2), fdatasync(2).  Every file system here is in memory,
 * so there is nothing to write back: as on Linux's tmpfs, syncing a file
 * or directory succeeds at once.  A pipe, terminal or device cannot be
 * synced (EINVAL), an fd that is not open is EBADF.
 */
#include "vfs.h"
#include <syscalls.h>

long sys_sync(void)
{
	return 0;
}

long sys_fsync(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	mode_t type = f->inode->mode & S_IFMT;
	long ret = type == S_IFREG || type == S_IFDIR ? 0 : -EINVAL;
	fput(f);
	return ret;
}

long sys_fdatasync(unsigned int fd)
{
	return sys_fsync(fd);
}
