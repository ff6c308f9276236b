/*
 * Path lookup (path_resolution(7)): absolute paths start at the root,
 * others at the cwd or an *at() directory fd; "." stays, ".." goes up (and
 * stays at the root); a file system mounted on a directory replaces it.
 * Errors as Linux reports them: ENOENT for an empty path or a missing
 * component, ENOTDIR when a non-final component (or one followed by '/')
 * is not a directory, ENAMETOOLONG for a component over NAME_MAX bytes.
 */
#include "vfs.h"
#include <slab.h>
#include <string.h>
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

/* Step from dir (whose reference we hold) to its entry name[0..len). */
static struct inode *step(struct inode *root, struct inode *dir, const char *name, size_t len)
{
	struct inode *next;

	if (!S_ISDIR(dir->mode))
		next = ERR_PTR(-ENOTDIR);
	else if (len > NAME_MAX)
		next = ERR_PTR(-ENAMETOOLONG);
	else if (len == 1 && name[0] == '.')
		return dir;
	else if (len == 2 && name[0] == '.' && name[1] == '.')
		next = iget(dir == root ? dir : dir->parent);
	else
		next = dir->i_op->lookup(dir, name, len);
	iput(dir);
	while (!IS_ERR(next) && next->mounted) {
		struct inode *covered = next;
		next = iget(covered->mounted);
		iput(covered);
	}
	return next;
}

static const char *skip_slashes(const char *p)
{
	while (*p == '/')
		p++;
	return p;
}

static size_t component_len(const char *p)
{
	size_t n = 0;

	while (p[n] && p[n] != '/')
		n++;
	return n;
}

/*
 * Walk `path` from start (or root if it is absolute).  With LOOKUP_PARENT,
 * stop before the last component, return its directory and point *last at
 * it (*last is NULL when the path has no last component, like "/").
 */
struct inode *path_walk(struct inode *root, struct inode *start, const char *path, unsigned flags,
			const char **last)
{
	if (!*path)
		return ERR_PTR(-ENOENT);
	struct inode *cur = iget(*path == '/' ? root : start);
	const char *p = skip_slashes(path);

	if (last)
		*last = NULL;
	while (*p && !IS_ERR(cur)) {
		size_t len = component_len(p);
		const char *next = skip_slashes(p + len);
		if ((flags & LOOKUP_PARENT) && !*next) {
			if (!S_ISDIR(cur->mode)) {
				iput(cur);
				return ERR_PTR(-ENOTDIR);
			}
			*last = p;
			return cur;
		}
		cur = step(root, cur, p, len);
		p = next;
	}
	bool want_dir = (flags & LOOKUP_DIRECTORY) || path[strlen(path) - 1] == '/';
	if (!IS_ERR(cur) && want_dir && !S_ISDIR(cur->mode)) {
		iput(cur);
		return ERR_PTR(-ENOTDIR);
	}
	return cur;
}

struct inode *lookup_at(int dfd, const char *path, unsigned flags, const char **last)
{
	if (!*path)
		return ERR_PTR(-ENOENT);
	if (*path == '/' || dfd == AT_FDCWD)
		return path_walk(vfs_root, current_cwd(), path, flags, last);
	struct file *f = fget(dfd);
	if (!f)
		return ERR_PTR(-EBADF);
	struct inode *res = S_ISDIR(f->inode->mode) ? path_walk(vfs_root, f->inode, path, flags, last)
						    : ERR_PTR(-ENOTDIR);
	fput(f);
	return res;
}
