/*
 * Open files.  A struct file is what open(2) creates and dup(2) and fork(2)
 * share: its offset and status flags belong to every fd that refers to it
 * (open(2), "open file description").  It lives until the last reference goes.
 */
#include "vfs.h"
#include <slab.h>

struct file *alloc_file(struct dentry *d, const struct file_operations *fops, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->count = 1;
	f->flags = flags;
	f->dentry = dget(d);
	f->inode = d->inode;
	f->f_op = fops;
	return f;
}

struct file *open_dentry(struct dentry *d, unsigned int flags)
{
	struct inode *inode = d->inode;

	/* A device node whose driver does not exist (open(2): ENXIO). */
	if (!inode->i_fop)
		return ERR_PTR(-ENXIO);
	struct file *f = alloc_file(d, inode->i_fop, flags);
	if (IS_ERR(f))
		return f;
	int err = f->f_op->open ? f->f_op->open(inode, f) : 0;
	if (err) {
		dput(f->dentry);
		kfree(f);
		return ERR_PTR(err);
	}
	f->flags &= ~O_NOCTTY; /* only open's business (a terminal's, tty.c) */
	return f;
}

void get_file(struct file *f)
{
	f->count++;
}

void fput(struct file *f)
{
	if (--f->count)
		return;
	if (f->f_op->release)
		f->f_op->release(f);
	dput(f->dentry);
	kfree(f);
}

ssize_t kernel_read(struct file *f, void *buf, size_t n, off_t pos)
{
	struct io_buf b = { buf, false };

	if (!f->f_op->read)
		return -EINVAL;
	return f->f_op->read(f, &b, n, &pos);
}

long file_regular_size(struct file *f)
{
	/* execve(2): EACCES when the file is not a regular file. */
	if (!S_ISREG(f->inode->mode))
		return -EACCES;
	return f->inode->size;
}

/* execve(2): a regular file with at least one execute bit (everyone is root here). */
bool file_executable(struct file *f)
{
	return S_ISREG(f->inode->mode) && (f->inode->mode & 0111);
}
