/* stat(2), lstat(2), fstat(2), newfstatat(2), readlink(2): what an inode says about itself. */
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
	st.st_dev = inode->sb->dev;
	st.st_ino = inode->ino;
	st.st_nlink = inode->nlink;
	st.st_mode = inode->mode;
	st.st_uid = inode->uid;
	st.st_gid = inode->gid;
	st.st_rdev = inode->rdev;
	st.st_size = inode->size;
	st.st_blksize = STAT_BLKSIZE;
	st.st_blocks = S_ISREG(inode->mode) ? ALIGN_UP(inode->size, STAT_BLKSIZE) / 512 : 0; /* 512-byte units */
	st.st_atime = inode->atime.tv_sec;
	st.st_atime_nsec = inode->atime.tv_nsec;
	st.st_mtime = inode->mtime.tv_sec;
	st.st_mtime_nsec = inode->mtime.tv_nsec;
	st.st_ctime = inode->ctime.tv_sec;
	st.st_ctime_nsec = inode->ctime.tv_nsec;
	return put_user_obj(ust, &st);
}

struct dentry *fd_dentry(int dfd)
{
	if (dfd == AT_FDCWD)
		return dget(current_cwd());
	struct file *f = fget(dfd);
	if (!f)
		return ERR_PTR(-EBADF);
	struct dentry *d = dget(f->dentry);
	fput(f);
	return d;
}

struct dentry *user_path_at(int dfd, const char __user *upath, int flags)
{
	char *path = getname(upath);

	if (IS_ERR(path))
		return (struct dentry *)path;
	struct dentry *d = !*path && (flags & AT_EMPTY_PATH) ? fd_dentry(dfd)
		: lookup_at(dfd, path, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW, NULL);
	kfree(path);
	return d;
}

long sys_newfstatat(int dfd, const char __user *upath, struct stat __user *st, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	struct dentry *d = user_path_at(dfd, upath, flags);
	if (IS_ERR(d))
		return PTR_ERR(d);
	long ret = put_stat(d->inode, st);
	dput(d);
	return ret;
}

long sys_stat(const char __user *path, struct stat __user *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, 0);
}

long sys_lstat(const char __user *path, struct stat __user *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
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

/* The link's text, at most size bytes, no NUL added (readlink(2)). */
static long readlink_dentry(struct dentry *d, char __user *ubuf, int size)
{
	if (!S_ISLNK(d->inode->mode) || !d->inode->i_op->readlink)
		return -EINVAL;
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	long n = d->inode->i_op->readlink(d, buf, MIN((size_t)size, PATH_MAX));
	if (n > 0 && copy_to_user(ubuf, buf, n))
		n = -EFAULT;
	kfree(buf);
	return n;
}

long sys_readlinkat(int dfd, const char __user *upath, char __user *buf, int size)
{
	if (size <= 0)
		return -EINVAL;
	char *path = getname(upath);
	if (IS_ERR(path))
		return PTR_ERR(path);
	struct dentry *d = lookup_at(dfd, path, 0, NULL);
	kfree(path);
	if (IS_ERR(d))
		return PTR_ERR(d);
	long ret = readlink_dentry(d, buf, size);
	dput(d);
	return ret;
}

long sys_readlink(const char __user *path, char __user *buf, int size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}
