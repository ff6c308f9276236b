/*
 * Path lookup (path_resolution(7)): absolute paths start at the root,
 * others at the cwd or an *at() directory fd; "." stays, ".." goes up (and
 * stays at the root); a file system mounted on a directory replaces it.
 * A symbolic link met on the way is followed (its target read from the
 * directory it is in), and so is one at the end when the caller asks
 * (LOOKUP_FOLLOW) or a '/' follows it; more than MAXSYMLINKS in one lookup
 * is ELOOP.  Errors as Linux reports them: ENOENT for an empty path or a
 * missing component, ENOTDIR when a non-final component (or one followed
 * by '/') is not a directory, ENAMETOOLONG for a component over NAME_MAX.
 * Below the lookup, as in Linux's namei.c: the calls that change names.
 */
#include "vfs.h"
#include <slab.h>
#include <string.h>
#include <syscalls.h>
#include <uaccess.h>

char *getname(const char __user *upath)
{
	char *path = kmalloc(PATH_MAX);

	if (!path)
		return ERR_PTR(-ENOMEM);
	long n = strncpy_from_user(path, upath, PATH_MAX);
	if (n < 0) {
		kfree(path);
		return ERR_PTR(n);
	}
	return path;
}

struct nameidata {
	struct dentry *root;
	int links; /* symbolic links followed so far */
};

static struct dentry *follow_mounts(struct dentry *d)
{
	while (!IS_ERR(d) && d->mounted) {
		struct dentry *root = dget(d->mounted);
		dput(d);
		d = root;
	}
	return d;
}

/* dir's entry name[0..len), referenced (dir stays the caller's). */
static struct dentry *step(struct nameidata *nd, struct dentry *dir, const char *name, size_t len)
{
	if (!S_ISDIR(dir->inode->mode))
		return ERR_PTR(-ENOTDIR);
	if (len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (len == 1 && name[0] == '.')
		return dget(dir);
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dget(dir == nd->root ? dir : dir->parent);
	return follow_mounts(dir->inode->i_op->lookup(dir, name, len));
}

struct dentry *lookup_one(struct dentry *dir, const char *name, size_t len)
{
	struct nameidata nd = { vfs_root, 0 };

	return step(&nd, dir, name, len);
}

static const char *skip_slashes(const char *p)
{
	while (*p == '/')
		p++;
	return p;
}

size_t component_len(const char *p)
{
	size_t n = 0;

	while (p[n] && p[n] != '/')
		n++;
	return n;
}

static struct dentry *walk(struct nameidata *nd, struct dentry *start, const char *path,
			   unsigned flags, const char **last);

/* Where the symbolic link `link` (in dir) leads; consumes link. */
static struct dentry *follow_link(struct nameidata *nd, struct dentry *dir, struct dentry *link)
{
	const struct inode_operations *op = link->inode->i_op;
	struct dentry *res;

	if (++nd->links > MAXSYMLINKS)
		res = ERR_PTR(-ELOOP);
	else if (op->follow)
		res = op->follow(link);
	else {
		char *body = kmalloc(PATH_MAX);
		int n = body ? op->readlink(link, body, PATH_MAX - 1) : -ENOMEM;
		if (n >= 0)
			body[n] = '\0';
		res = n < 0 ? ERR_PTR(n) : walk(nd, dir, body, LOOKUP_FOLLOW, NULL);
		kfree(body);
	}
	dput(link);
	return res;
}

/*
 * Walk `path` from start (or the root if it is absolute).  With
 * LOOKUP_PARENT, stop before the last component, return its directory and
 * point *last at it (NULL when the path has no last component, like "/").
 */
static struct dentry *walk(struct nameidata *nd, struct dentry *start, const char *path,
			   unsigned flags, const char **last)
{
	if (!*path)
		return ERR_PTR(-ENOENT);
	struct dentry *cur = dget(*path == '/' ? nd->root : start);
	const char *p = skip_slashes(path);

	if (last)
		*last = NULL;
	while (*p) {
		size_t len = component_len(p);
		const char *next = skip_slashes(p + len);
		if ((flags & LOOKUP_PARENT) && !*next) {
			if (S_ISDIR(cur->inode->mode)) {
				*last = p;
				return cur;
			}
			dput(cur);
			return ERR_PTR(-ENOTDIR);
		}
		struct dentry *d = step(nd, cur, p, len);
		if (!IS_ERR(d) && S_ISLNK(d->inode->mode) && (*next || p[len] == '/' || (flags & LOOKUP_FOLLOW)))
			d = follow_link(nd, cur, d);
		dput(cur);
		if (IS_ERR(d))
			return d;
		cur = d;
		p = next;
	}
	bool want_dir = (flags & LOOKUP_DIRECTORY) || path[strlen(path) - 1] == '/';
	if (want_dir && !S_ISDIR(cur->inode->mode)) {
		dput(cur);
		return ERR_PTR(-ENOTDIR);
	}
	return cur;
}

struct dentry *path_walk(struct dentry *start, const char *path, unsigned flags, const char **last)
{
	struct nameidata nd = { vfs_root, 0 };

	return walk(&nd, start, path, flags, last);
}

struct dentry *lookup_at(int dfd, const char *path, unsigned flags, const char **last)
{
	if (!*path)
		return ERR_PTR(-ENOENT);
	if (*path == '/' || dfd == AT_FDCWD)
		return path_walk(current_cwd(), path, flags, last);
	struct file *f = fget(dfd);
	if (!f)
		return ERR_PTR(-EBADF);
	struct dentry *res = S_ISDIR(f->inode->mode) ? path_walk(f->dentry, path, flags, last)
						     : ERR_PTR(-ENOTDIR);
	fput(f);
	return res;
}

/*
 * The calls that add, remove and move names: mkdir(2), mknod(2),
 * unlink(2), rmdir(2), link(2), symlink(2), rename(2), each with its *at()
 * form.  The
 * checks are the VFS's, in Linux's order; the file system does the work,
 * and one without the operation gives Linux's error for it (/proc: EPERM
 * to remove, ENOENT to make a name).
 */

int lookup_last(int dfd, const char *path, struct last_name *n)
{
	const char *last;
	struct dentry *dir = lookup_at(dfd, path, LOOKUP_PARENT, &last);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	n->dir = dir;
	n->name = last;
	n->len = last ? component_len(last) : 0;
	n->slash = last && last[n->len] == '/';
	return 0;
}

bool last_is_dots(const struct last_name *n)
{
	return !n->name || (n->len == 1 && n->name[0] == '.') ||
	       (n->len == 2 && n->name[0] == '.' && n->name[1] == '.');
}

int may_create(const struct last_name *n, bool dir)
{
	struct dentry *old = lookup_one(n->dir, n->name, n->len);

	if (!IS_ERR(old)) {
		dput(old);
		return -EEXIST;
	}
	if (PTR_ERR(old) != -ENOENT)
		return PTR_ERR(old);
	if (n->slash && !dir)
		return -ENOENT; /* "name/" can only be a directory */
	/* A removed directory, or one (/proc's) where Linux's lookup makes no entry to create in. */
	return (n->dir->flags & DENTRY_UNLINKED) || !n->dir->inode->i_op->create ? -ENOENT : 0;
}

/* Make n (checked by may_create) with the file system's create; 0 or -errno. */
static int create_last(const struct last_name *n, mode_t mode, unsigned rdev, const char *target)
{
	struct dentry *d = n->dir->inode->i_op->create(n->dir, n->name, n->len, mode, rdev, target);

	if (IS_ERR(d))
		return PTR_ERR(d);
	dput(d);
	return 0;
}

/* Copy the user path, find its last name, and call fn on it (the shape of every call below). */
static long with_last_name(int dfd, const char __user *upath,
			   long (*fn)(const struct last_name *n, const void *arg), const void *arg)
{
	char *path = getname(upath);
	struct last_name n;

	if (IS_ERR(path))
		return PTR_ERR(path);
	long err = lookup_last(dfd, path, &n);
	if (!err) {
		err = fn(&n, arg);
		dput(n.dir);
	}
	kfree(path);
	return err;
}

static long do_mkdir(const struct last_name *n, const void *mode)
{
	long err = last_is_dots(n) ? -EEXIST : may_create(n, true);

	return err ? err : create_last(n, S_IFDIR | (*(const mode_t *)mode & 01777 & ~current_umask()), 0, NULL);
}

long sys_mkdirat(int dfd, const char __user *upath, mode_t mode)
{
	return with_last_name(dfd, upath, do_mkdir, &mode);
}

long sys_mkdir(const char __user *path, mode_t mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

struct mknod_args {
	mode_t mode;
	unsigned int dev;
};

/* mknod(2): only root makes devices (CAP_MKNOD), after the name is checked, as Linux orders it. */
static long do_mknod(const struct last_name *n, const void *arg)
{
	const struct mknod_args *a = arg;
	long err = last_is_dots(n) ? -EEXIST : may_create(n, false);
	mode_t type = a->mode & S_IFMT;

	if (!err && (type == S_IFCHR || type == S_IFBLK) && !capable())
		err = -EPERM;
	return err ? err : create_last(n, type | (a->mode & 07777 & ~current_umask()), a->dev, NULL);
}

long sys_mknodat(int dfd, const char __user *upath, mode_t mode, unsigned int dev)
{
	struct mknod_args a = { mode, dev };

	switch (mode & S_IFMT) {
	case 0:
		a.mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	return with_last_name(dfd, upath, do_mknod, &a);
}

long sys_mknod(const char __user *path, mode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}

static long do_unlink(const struct last_name *n, const void *unused)
{
	(void)unused;
	if (last_is_dots(n))
		return -EISDIR;
	struct dentry *d = lookup_one(n->dir, n->name, n->len);
	if (IS_ERR(d))
		return PTR_ERR(d);
	const struct inode_operations *op = n->dir->inode->i_op;
	long err = S_ISDIR(d->inode->mode) ? -EISDIR : n->slash ? -ENOTDIR : !op->unlink ? -EPERM
		 : op->unlink(n->dir, d);
	dput(d);
	return err;
}

/* A directory that is the root of a mounted file system (rmdir(2), rename(2): EBUSY). */
static bool is_mount_root(const struct dentry *dir, const struct dentry *d)
{
	return d->inode->sb != dir->inode->sb;
}

static long do_rmdir(const struct last_name *n, const void *unused)
{
	(void)unused;
	if (!n->name)
		return -EBUSY;
	if (last_is_dots(n))
		return n->len == 1 ? -EINVAL : -ENOTEMPTY;
	struct dentry *d = lookup_one(n->dir, n->name, n->len);
	if (IS_ERR(d))
		return PTR_ERR(d);
	const struct inode_operations *op = n->dir->inode->i_op;
	long err = !S_ISDIR(d->inode->mode) ? -ENOTDIR : is_mount_root(n->dir, d) ? -EBUSY
		 : !list_empty(&d->children) ? -ENOTEMPTY : !op->unlink ? -EPERM : op->unlink(n->dir, d);
	dput(d);
	return err;
}

long sys_unlinkat(int dfd, const char __user *upath, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return with_last_name(dfd, upath, flags & AT_REMOVEDIR ? do_rmdir : do_unlink, NULL);
}

long sys_unlink(const char __user *path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

long sys_rmdir(const char __user *path)
{
	return sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

static long do_symlink(const struct last_name *n, const void *target)
{
	long err = last_is_dots(n) ? -EEXIST : may_create(n, false);

	return err ? err : create_last(n, S_IFLNK | 0777, 0, target);
}

long sys_symlinkat(const char __user *utarget, int dfd, const char __user *upath)
{
	char *target = getname(utarget);

	if (IS_ERR(target))
		return PTR_ERR(target);
	long err = *target ? with_last_name(dfd, upath, do_symlink, target) : -ENOENT;
	kfree(target);
	return err;
}

long sys_symlink(const char __user *target, const char __user *path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

/* Give old (a file, not a directory) the new name n. */
static long do_link(const struct last_name *n, const void *arg)
{
	struct dentry *old = (struct dentry *)arg;
	long err = last_is_dots(n) ? -EEXIST : may_create(n, false);

	if (!err && old->inode->sb != n->dir->inode->sb)
		err = -EXDEV;
	if (!err && (S_ISDIR(old->inode->mode) || !n->dir->inode->i_op->link))
		err = -EPERM;
	if (!err && (old->flags & DENTRY_UNLINKED) && old->inode->nlink == 0)
		err = -ENOENT; /* linkat(2): an open file whose last name is gone */
	return err ? err : n->dir->inode->i_op->link(old, n->dir, n->name, n->len);
}

long sys_linkat(int olddfd, const char __user *uold, int newdfd, const char __user *unew, int flags)
{
	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	char *old = getname(uold);
	if (IS_ERR(old))
		return PTR_ERR(old);
	struct dentry *d = !*old && (flags & AT_EMPTY_PATH) ? fd_dentry(olddfd)
		: lookup_at(olddfd, old, flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0, NULL);
	kfree(old);
	if (IS_ERR(d))
		return PTR_ERR(d);
	long err = with_last_name(newdfd, unew, do_link, d);
	dput(d);
	return err;
}

long sys_link(const char __user *old, const char __user *new)
{
	return sys_linkat(AT_FDCWD, old, AT_FDCWD, new, 0);
}

/* Whether new (an existing entry, or NULL) may be replaced by old; 0 or rename(2)'s error. */
static long may_replace(struct dentry *old, const struct last_name *to, struct dentry *new)
{
	if (!new)
		return (to->dir->flags & DENTRY_UNLINKED) ? -ENOENT : 0;
	bool old_dir = S_ISDIR(old->inode->mode);
	if (S_ISDIR(new->inode->mode)) {
		if (!old_dir)
			return -EISDIR;
		if (is_mount_root(to->dir, new))
			return -EBUSY;
		return list_empty(&new->children) ? 0 : -ENOTEMPTY;
	}
	return old_dir ? -ENOTDIR : 0;
}

/* Move from's entry to to; both directories are in the same file system. */
static long do_rename(const struct last_name *from, const struct last_name *to, unsigned flags)
{
	struct dentry *old = lookup_one(from->dir, from->name, from->len);
	if (IS_ERR(old))
		return PTR_ERR(old);
	struct dentry *new = lookup_one(to->dir, to->name, to->len);
	long err = IS_ERR(new) && PTR_ERR(new) != -ENOENT ? PTR_ERR(new) : 0;
	if (IS_ERR(new))
		new = NULL;
	if (!err && is_mount_root(from->dir, old))
		err = -EBUSY;
	else if (!err && !S_ISDIR(old->inode->mode) && (from->slash || to->slash))
		err = -ENOTDIR;
	else if (!err && new && (flags & RENAME_NOREPLACE))
		err = -EEXIST;
	else if (!err && d_is_ancestor(old, to->dir))
		err = -EINVAL; /* a directory into itself */
	else if (!err && new && d_is_ancestor(new, from->dir))
		err = -ENOTEMPTY;
	if (!err)
		err = may_replace(old, to, new);
	if (!err && !to->dir->inode->i_op->rename)
		err = new ? -EPERM : -ENOENT; /* as may_create says for a new name there */
	/* rename(2): the same file under both names (even two hard links) does nothing */
	if (!err && !(new && new->inode == old->inode))
		err = to->dir->inode->i_op->rename(old, to->dir, to->name, to->len, new);
	if (new)
		dput(new);
	dput(old);
	return err;
}

static long rename_names(int olddfd, const char *oldpath, int newdfd, const char *newpath,
			 unsigned flags)
{
	struct last_name from, to;
	long err = lookup_last(olddfd, oldpath, &from);

	if (err)
		return err;
	err = lookup_last(newdfd, newpath, &to);
	if (err)
		goto put_from;
	if (from.dir->inode->sb != to.dir->inode->sb)
		err = -EXDEV;
	else if (last_is_dots(&from))
		err = -EBUSY;
	else if (last_is_dots(&to))
		err = flags & RENAME_NOREPLACE ? -EEXIST : -EBUSY;
	else
		err = do_rename(&from, &to, flags);
	dput(to.dir);
put_from:
	dput(from.dir);
	return err;
}

/* RENAME_EXCHANGE and RENAME_WHITEOUT are not supported: EINVAL, as from a file system without them. */
long sys_renameat2(int olddfd, const char __user *uold, int newdfd, const char __user *unew,
		   unsigned int flags)
{
	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;
	char *old = getname(uold);
	if (IS_ERR(old))
		return PTR_ERR(old);
	char *new = getname(unew);
	long err = IS_ERR(new) ? PTR_ERR(new) : rename_names(olddfd, old, newdfd, new, flags);
	if (!IS_ERR(new))
		kfree(new);
	kfree(old);
	return err;
}

long sys_renameat(int olddfd, const char __user *old, int newdfd, const char __user *new)
{
	return sys_renameat2(olddfd, old, newdfd, new, 0);
}

long sys_rename(const char __user *old, const char __user *new)
{
	return sys_renameat2(AT_FDCWD, old, AT_FDCWD, new, 0);
}
