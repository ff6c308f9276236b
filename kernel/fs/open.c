/*
 * open(2), openat(2), creat(2) (close is in fdtable.c), access(2), and the
 * calls that change an inode: chmod(2), chown(2), truncate(2).  Files are
 * not checked against ids: permission bits never refuse, except that
 * executing needs an x bit; a /proc file that takes no writes refuses
 * them with EACCES.
 */
#include "vfs.h"
#include <sched.h>
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
	if (inode->sb->dev == DEV_PROC && !(inode->mode & 0200))
		return -EACCES; /* /proc control files are writable, nothing else there */
	return 0;
}

static int do_truncate(struct inode *inode, off_t length)
{
	if (S_ISDIR(inode->mode))
		return -EISDIR;
	if (!S_ISREG(inode->mode) || !inode->i_op->setsize)
		return -EINVAL;
	return inode->i_op->setsize(inode, length);
}

/* What open(2) refuses of an existing file; O_TRUNC done here. */
static int may_open(struct dentry *d, int flags)
{
	struct inode *inode = d->inode;

	if (S_ISLNK(inode->mode))
		return -ELOOP; /* O_NOFOLLOW */
	if (S_ISDIR(inode->mode) && ((flags & O_CREAT) || wants_write(flags)))
		return -EISDIR;
	int err = wants_write(flags) ? write_denied(inode) : 0;
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->mode) && inode->size)
		err = do_truncate(inode, 0);
	return err;
}

/* O_CREAT: the file at path, made if missing (O_EXCL: it must be). */
static struct dentry *open_create(int dfd, const char *path, int flags, mode_t mode)
{
	struct last_name n;
	int err = lookup_last(dfd, path, &n);

	if (err)
		return ERR_PTR(err);
	/* open(2): EISDIR for "/", ".", ".." or a trailing '/', even when the directory exists */
	struct dentry *d = last_is_dots(&n) || n.slash ? ERR_PTR(-EISDIR) : lookup_one(n.dir, n.name, n.len);
	if (!IS_ERR(d) && (flags & O_EXCL)) {
		dput(d);
		d = ERR_PTR(-EEXIST);
	} else if (!IS_ERR(d) && S_ISLNK(d->inode->mode) && !(flags & O_NOFOLLOW)) {
		dput(d);
		d = lookup_at(dfd, path, LOOKUP_FOLLOW, NULL);
	} else if (IS_ERR(d) && PTR_ERR(d) == -ENOENT) {
		err = may_create(&n, false);
		d = err ? ERR_PTR(err)
			: n.dir->inode->i_op->create(n.dir, n.name, n.len, S_IFREG | (mode & 07777 & ~current_umask()), 0, NULL);
	}
	dput(n.dir);
	return d;
}

/*
 * What the open file keeps of the flags (what F_GETFL and /proc/PID/fdinfo
 * show): as Linux's do_dentry_open, all but O_CREAT, O_EXCL, O_TRUNC (and
 * O_CLOEXEC, the fd's); O_NOCTTY goes once the driver has seen it.
 */
static unsigned file_flags(int flags)
{
	return (flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC)) | O_LARGEFILE;
}

static struct file *do_open(int dfd, const char *path, int flags, mode_t mode)
{
	unsigned lookup = (flags & O_DIRECTORY ? LOOKUP_DIRECTORY : 0) | (flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW);
	struct dentry *d = flags & O_CREAT ? open_create(dfd, path, flags, mode)
					   : lookup_at(dfd, path, lookup, NULL);

	if (IS_ERR(d))
		return (struct file *)d;
	int err = may_open(d, flags);
	struct file *f = err ? ERR_PTR(err) : open_dentry(d, file_flags(flags));
	dput(d);
	return f;
}

struct file *filp_open(const char *path, int flags)
{
	return do_open(AT_FDCWD, path, flags, 0);
}

long sys_openat(int dfd, const char __user *upath, int flags, mode_t mode)
{
	char *path = getname(upath);

	if (IS_ERR(path))
		return PTR_ERR(path);
	struct file *f = do_open(dfd, path, flags, mode);
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

long sys_creat(const char __user *path, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* The inode a path names (symlinks followed), referenced through its dentry. */
static struct dentry *lookup_user(int dfd, const char __user *upath, unsigned flags)
{
	char *path = getname(upath);

	if (IS_ERR(path))
		return (struct dentry *)path;
	struct dentry *d = lookup_at(dfd, path, flags, NULL);
	kfree(path);
	return d;
}

#define AT_EACCESS 0x200 /* faccessat(2): check with the effective ids (all ids are root's here) */

/*
 * access(2), faccessat(2), faccessat2(2): files are not checked against
 * ids (docs/fs.md), so reading and writing are allowed except where /proc
 * refuses writes, and executing needs an x bit.
 */
long sys_faccessat2(int dfd, const char __user *upath, int mode, int flags)
{
	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct dentry *d = user_path_at(dfd, upath, flags);
	if (IS_ERR(d))
		return PTR_ERR(d);
	struct inode *inode = d->inode;
	int err = mode & W_OK ? write_denied(inode) : 0;
	if (!err && (mode & X_OK) && !S_ISDIR(inode->mode) && !(inode->mode & 0111))
		err = -EACCES;
	dput(d);
	return err;
}

long sys_faccessat(int dfd, const char __user *path, int mode)
{
	return sys_faccessat2(dfd, path, mode, 0);
}

long sys_access(const char __user *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

static long chmod_inode(struct inode *inode, mode_t mode)
{
	if (inode->sb->dev == DEV_PROC)
		return -EPERM;
	inode->mode = (inode->mode & S_IFMT) | (mode & 07777);
	inode_touch(inode, false);
	return 0;
}

long sys_fchmodat(int dfd, const char __user *upath, mode_t mode)
{
	struct dentry *d = lookup_user(dfd, upath, LOOKUP_FOLLOW);

	if (IS_ERR(d))
		return PTR_ERR(d);
	long err = chmod_inode(d->inode, mode);
	dput(d);
	return err;
}

long sys_chmod(const char __user *path, mode_t mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_fchmod(unsigned int fd, mode_t mode)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long err = chmod_inode(f->inode, mode);
	fput(f);
	return err;
}

/*
 * chown(2) as Linux's chown_ok()/chgrp_ok(): root may give a file to
 * anyone; its owner may only change its group, to one of its own groups.
 * Any chown of a non-directory clears set-user-ID, and set-group-ID if
 * the group may execute it.
 */
static long chown_inode(struct inode *inode, uid_t uid, gid_t gid)
{
	const struct cred *c = &current->cred;
	bool owner = c->fsuid == inode->uid;

	if (inode->sb->dev == DEV_PROC)
		return -EPERM;
	if (uid != INVALID_UID && !capable() && !(owner && uid == inode->uid))
		return -EPERM;
	if (gid != INVALID_GID && !capable() && !(owner && (gid == inode->gid || in_group_p(gid))))
		return -EPERM;
	if (!S_ISDIR(inode->mode)) /* even chown(f, -1, -1), as Linux's ATTR_KILL_SUID */
		inode->mode &= ~(S_ISUID | ((inode->mode & S_IXGRP) ? S_ISGID : 0));
	if (uid != INVALID_UID)
		inode->uid = uid;
	if (gid != INVALID_GID)
		inode->gid = gid;
	inode_touch(inode, false);
	return 0;
}

long sys_fchownat(int dfd, const char __user *upath, uid_t uid, gid_t gid, int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct dentry *d = user_path_at(dfd, upath, flags);
	if (IS_ERR(d))
		return PTR_ERR(d);
	long err = chown_inode(d->inode, uid, gid);
	dput(d);
	return err;
}

long sys_chown(const char __user *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}

long sys_lchown(const char __user *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(unsigned int fd, uid_t uid, gid_t gid)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long err = chown_inode(f->inode, uid, gid);
	fput(f);
	return err;
}

long sys_truncate(const char __user *upath, long length)
{
	if (length < 0)
		return -EINVAL;
	struct dentry *d = lookup_user(AT_FDCWD, upath, LOOKUP_FOLLOW);
	if (IS_ERR(d))
		return PTR_ERR(d);
	long err = write_denied(d->inode);
	if (!err)
		err = do_truncate(d->inode, length);
	dput(d);
	return err;
}

/* ftruncate(2): EINVAL for a negative length or a file not open for writing, EBADF for none. */
long sys_ftruncate(unsigned int fd, long length)
{
	if (length < 0)
		return -EINVAL;
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long err = !file_writable(f) ? -EINVAL : S_ISDIR(f->inode->mode) ? -EINVAL
		 : do_truncate(f->inode, length);
	fput(f);
	return err;
}
