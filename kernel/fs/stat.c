/* stat(2), fstat(2), newfstatat(2): what an inode says about itself. */
#include "vfs.h"
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

#define STAT_BLKSIZE 4096

static long put_stat(const struct inode *inode, struct stat __user *ust)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = inode->dev;
	st.st_ino = inode->ino;
	st.st_nlink = inode->nlink;
	st.st_mode = inode->mode;
	st.st_rdev = inode->rdev;
	st.st_size = inode->size;
	st.st_blksize = STAT_BLKSIZE;
	st.st_blocks = ALIGN_UP(inode->size, STAT_BLKSIZE) / 512; /* in 512-byte units */
	return put_user_obj(ust, &st);
}

/* The inode dfd refers to (AT_EMPTY_PATH with an empty path). */
static struct inode *fd_inode(int dfd)
{
	if (dfd == AT_FDCWD)
		return iget(current_cwd());
	struct file *f = fget(dfd);
	if (!f)
		return ERR_PTR(-EBADF);
	struct inode *inode = iget(f->inode);
	fput(f);
	return inode;
}

long sys_newfstatat(int dfd, const char __user *upath, struct stat __user *st, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	char *path = getname(upath);
	if (IS_ERR(path))
		return PTR_ERR(path);
	struct inode *inode = (!*path && (flags & AT_EMPTY_PATH)) ? fd_inode(dfd)
								   : lookup_at(dfd, path, 0, NULL);
	kfree(path);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	long ret = put_stat(inode, st);
	iput(inode);
	return ret;
}

long sys_stat(const char __user *path, struct stat __user *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, 0);
}

long sys_fstat(unsigned int fd, struct stat __user *st)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long ret = put_stat(f->inode, st);
	fput(f);
	return ret;
}
