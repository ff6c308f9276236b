/* utimensat(2): set a file's access and modification times (and so its ctime). */
#include "vfs.h"
#include <slab.h>
#include <syscalls.h>
#include <time.h>
#include <uaccess.h>

static bool utime_valid(const struct timespec *t)
{
	return t->tv_nsec == UTIME_NOW || t->tv_nsec == UTIME_OMIT ||
	       (t->tv_nsec >= 0 && t->tv_nsec < NSEC_PER_SEC);
}

/* times[0] is the access time, times[1] the modification time. */
static void set_times(struct inode *inode, const struct timespec times[2])
{
	if (times[0].tv_nsec == UTIME_OMIT && times[1].tv_nsec == UTIME_OMIT)
		return;
	inode_touch(inode, false);
	struct timespec *dst[2] = { &inode->atime, &inode->mtime };
	for (int i = 0; i < 2; i++)
		if (times[i].tv_nsec == UTIME_NOW)
			*dst[i] = inode->ctime;
		else if (times[i].tv_nsec != UTIME_OMIT)
			*dst[i] = times[i];
}

/* The file: dfd itself when path is NULL (futimens(3)), else path from dfd. */
static struct dentry *utimes_target(int dfd, const char __user *upath, int flags)
{
	if (!upath)
		return dfd == AT_FDCWD ? ERR_PTR(-EFAULT) : fd_dentry(dfd);
	return user_path_at(dfd, upath, flags);
}

long sys_utimensat(int dfd, const char __user *upath, const struct timespec __user *utimes, int flags)
{
	struct timespec times[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };

	if (utimes && copy_from_user(times, utimes, sizeof(times)))
		return -EFAULT;
	if (!utime_valid(&times[0]) || !utime_valid(&times[1]))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct dentry *d = utimes_target(dfd, upath, flags);
	if (IS_ERR(d))
		return PTR_ERR(d);
	set_times(d->inode, times);
	dput(d);
	return 0;
}
