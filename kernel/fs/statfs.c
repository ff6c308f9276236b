/*
 * statfs(2), fstatfs(2): what a file system says about itself.  ramfs has
 * no size (zero blocks, as on Linux); tmpfs counts its pages against its
 * limit; /proc and pipes report only their type.
 */
#include "vfs.h"
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>
#include <uapi/magic.h>
#include <uapi/statfs.h>

static long put_statfs(const struct super_block *sb, struct statfs __user *ubuf)
{
	struct statfs st;

	memset(&st, 0, sizeof(st));
	st.f_type = sb->magic;
	st.f_bsize = st.f_frsize = PAGE_SIZE;
	st.f_namelen = NAME_MAX;
	st.f_flags = ST_VALID;
	if (sb->max_pages) {
		st.f_blocks = sb->max_pages;
		st.f_bfree = st.f_bavail = sb->max_pages - sb->nr_pages;
		st.f_files = sb->max_pages; /* the inodes are not limited apart from memory */
		st.f_ffree = st.f_files > (unsigned long)sb->nr_inodes ? st.f_files - sb->nr_inodes : 0;
		st.f_flags |= ST_NOSUID | ST_NODEV;
	}
	return put_user_obj(ubuf, &st);
}

long sys_statfs(const char __user *upath, struct statfs __user *buf)
{
	char *path = getname(upath);

	if (IS_ERR(path))
		return PTR_ERR(path);
	struct dentry *d = lookup_at(AT_FDCWD, path, LOOKUP_FOLLOW, NULL);
	kfree(path);
	if (IS_ERR(d))
		return PTR_ERR(d);
	long ret = put_statfs(d->inode->sb, buf);
	dput(d);
	return ret;
}

long sys_fstatfs(unsigned int fd, struct statfs __user *buf)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long ret = put_statfs(f->inode->sb, buf);
	fput(f);
	return ret;
}
