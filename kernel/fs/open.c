/*
 * open(2), openat(2), close is in fdtable.c, access(2).  Every file system
 * here is read-only: creating a file or opening one for writing fails with
 * EROFS on the ramfs root (as on a read-only mount) and EACCES in /proc,
 * except for its control files; devices can be written.
 */
#include "vfs.h"
#include <slab.h>
#include <string.h>
#include <syscalls.h>

#define R_OK 4
#define W_OK 2
#define X_OK 1

/* O_TRUNC asks for write access too (open(2)); access mode 3 means both. */
static bool wants_write(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
}

static int write_denied(const struct inode *inode)
{
	if (S_ISCHR(inode->mode))
		return 0;
	if (inode->dev == DEV_RAMFS)
		return -EROFS;
	return inode->mode & 0200 ? 0 : -EACCES; /* /proc control files are writable */
}

static int may_open(struct inode *inode, int flags)
{
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	if (S_ISDIR(inode->mode) && ((flags & O_CREAT) || wants_write(flags)))
		return -EISDIR;
	return wants_write(flags) ? write_denied(inode) : 0;
}

/* O_CREAT of a missing file: the error its (read-only) directory gives. */
static int create_error(int dfd, const char *path)
{
	const char *last;
	struct inode *dir = lookup_at(dfd, path, LOOKUP_PARENT, &last);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	int err = path[strlen(path) - 1] == '/' ? -EISDIR : write_denied(dir);
	iput(dir);
	return err;
}

/* What the open file keeps of the flags (and what F_GETFL shows); O_NOCTTY goes once the driver has seen it. */
static unsigned file_flags(int flags)
{
	return (flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC)) | O_LARGEFILE;
}

static struct file *do_open(int dfd, const char *path, int flags)
{
	struct inode *inode = lookup_at(dfd, path, (flags & O_DIRECTORY) ? LOOKUP_DIRECTORY : 0, NULL);

	if (IS_ERR(inode) && PTR_ERR(inode) == -ENOENT && (flags & O_CREAT))
		return ERR_PTR(create_error(dfd, path));
	if (IS_ERR(inode))
		return (struct file *)inode;
	int err = may_open(inode, flags);
	struct file *f = err ? ERR_PTR(err) : open_inode(inode, file_flags(flags));
	iput(inode);
	return f;
}

struct file *filp_open(const char *path, int flags)
{
	return do_open(AT_FDCWD, path, flags);
}

long sys_openat(int dfd, const char __user *upath, int flags, mode_t mode)
{
	(void)mode; /* only used when a file is created, which never happens */
	char *path = getname(upath);

	if (IS_ERR(path))
		return PTR_ERR(path);
	struct file *f = do_open(dfd, path, flags);
	kfree(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	int fd = fd_install(f, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_open(const char __user *path, int flags, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

/* access(2) for root: reading is always allowed, executing needs an x bit. */
long sys_access(const char __user *upath, int mode)
{
	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	char *path = getname(upath);
	if (IS_ERR(path))
		return PTR_ERR(path);
	struct inode *inode = lookup_at(AT_FDCWD, path, 0, NULL);
	kfree(path);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	int err = 0;
	/* root may write anything, except on the read-only ramfs (access(2): EROFS) */
	if ((mode & W_OK) && inode->dev == DEV_RAMFS)
		err = write_denied(inode);
	if (!err && (mode & X_OK) && !S_ISDIR(inode->mode) && !(inode->mode & 0111))
		err = -EACCES;
	iput(inode);
	return err;
}
