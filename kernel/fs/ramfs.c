/*
 * ramfs: the in-memory tree the initrd archives are unpacked into.  It is
 * read-only once built (like a read-only mount): regular files point
 * straight at their bytes inside the archive, which stays reserved.
 * A directory keeps its entries in a list, in the order they were added;
 * the list holds one reference to each entry.
 */
#include "vfs.h"
#include <list.h>
#include <slab.h>
#include <string.h>

struct ramfs_inode {
	struct inode vfs;
	struct list_head children; /* directories: the entries */
	struct list_head sibling;  /* in the parent's children */
	const char *data;          /* regular files: the contents */
};

static unsigned long next_ino = 1;

static struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs);
}

static struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	struct ramfs_inode *child;

	list_for_each_entry(child, &RAMFS_I(dir)->children, sibling)
		if (!strncmp(child->vfs.name, name, len) && !child->vfs.name[len])
			return iget(&child->vfs);
	return ERR_PTR(-ENOENT);
}

static void ramfs_evict(struct inode *inode)
{
	inode_free_name(inode);
	kfree(RAMFS_I(inode));
}

static const struct inode_operations ramfs_iops = {
	.lookup = ramfs_lookup,
	.evict = ramfs_evict,
};

/* Entries at positions 0 and 1 are "." and ".."; entry i of the list is at i + 2. */
static int ramfs_iterate(struct file *f, struct dir_context *ctx)
{
	struct inode *dir = f->inode;
	struct ramfs_inode *child;
	off_t i = 2;

	if (ctx->pos == 0 && !ctx->emit(ctx, ".", 1, dir->ino, DT_DIR))
		return 0;
	if (ctx->pos == 1 && !ctx->emit(ctx, "..", 2, dir->parent->ino, DT_DIR))
		return 0;
	list_for_each_entry(child, &RAMFS_I(dir)->children, sibling) {
		if (i++ < ctx->pos)
			continue;
		struct inode *c = &child->vfs;
		if (!ctx->emit(ctx, c->name, strlen(c->name), c->ino, inode_dtype(c)))
			return 0;
	}
	return 0;
}

static const struct file_operations ramfs_dir_fops = {
	.iterate = ramfs_iterate,
};

static ssize_t ramfs_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	struct inode *inode = f->inode;

	if (*pos >= inode->size)
		return 0;
	n = MIN(n, (size_t)(inode->size - *pos));
	if (io_copy_out(buf, RAMFS_I(inode)->data + *pos, n))
		return -EFAULT;
	*pos += n;
	return n;
}

static const struct file_operations ramfs_file_fops = {
	.read = ramfs_read,
};

/* (Re)set what an entry is: its type, permissions and contents. */
static void ramfs_set(struct ramfs_inode *ri, mode_t mode, unsigned rdev, const void *data, size_t size)
{
	struct inode *inode = &ri->vfs;

	inode->mode = mode;
	inode->rdev = rdev;
	inode->size = S_ISREG(mode) ? (off_t)size : 0;
	ri->data = data;
	if (S_ISDIR(mode))
		inode->i_fop = &ramfs_dir_fops;
	else if (S_ISREG(mode))
		inode->i_fop = &ramfs_file_fops;
	else
		inode->i_fop = chrdev_fops(rdev);
}

static struct ramfs_inode *ramfs_alloc(struct inode *parent, const char *name, size_t len)
{
	struct ramfs_inode *ri = kzalloc(sizeof(*ri));

	if (!ri)
		return NULL;
	if (inode_init(&ri->vfs, parent, name, len)) {
		kfree(ri);
		return NULL;
	}
	INIT_LIST_HEAD(&ri->children);
	INIT_LIST_HEAD(&ri->sibling); /* the root is in no list */
	ri->vfs.ino = next_ino++;
	ri->vfs.dev = DEV_RAMFS;
	ri->vfs.i_op = &ramfs_iops;
	return ri;
}

struct inode *ramfs_new_root(void)
{
	struct ramfs_inode *root = ramfs_alloc(NULL, "", 0);

	if (!root)
		return NULL;
	ramfs_set(root, S_IFDIR | 0755, 0, NULL, 0);
	root->vfs.nlink = 2;
	return &root->vfs;
}

static struct ramfs_inode *ramfs_create(struct inode *dir, const char *name, size_t len, mode_t mode)
{
	struct ramfs_inode *ri = ramfs_alloc(dir, name, len);

	if (!ri)
		return NULL;
	ramfs_set(ri, mode, 0, NULL, 0);
	ri->vfs.nlink = S_ISDIR(mode) ? 2 : 1;
	if (S_ISDIR(mode))
		dir->nlink++;
	list_add_tail(&ri->sibling, &RAMFS_I(dir)->children);
	return ri;
}

void ramfs_remove(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode), *child, *tmp;

	list_for_each_entry_safe(child, tmp, &ri->children, sibling)
		ramfs_remove(&child->vfs);
	if (S_ISDIR(inode->mode))
		inode->parent->nlink--;
	list_del(&ri->sibling);
	iput(inode);
}

/* The entry `name` of dir with the type of `mode`: found, replaced or created. */
static struct ramfs_inode *ramfs_entry(struct inode *dir, const char *name, size_t len, mode_t mode)
{
	struct inode *old = ramfs_lookup(dir, name, len);

	if (!IS_ERR(old)) {
		iput(old);
		if ((old->mode & S_IFMT) == (mode & S_IFMT))
			return RAMFS_I(old);
		ramfs_remove(old);
	}
	return ramfs_create(dir, name, len, mode);
}

/* The directory `name` in dir, made if missing; NULL if it is something else or memory ran out. */
static struct ramfs_inode *ramfs_subdir(struct inode *dir, const char *name, size_t len, int *err)
{
	struct inode *old = ramfs_lookup(dir, name, len);

	if (IS_ERR(old)) {
		struct ramfs_inode *ri = ramfs_create(dir, name, len, S_IFDIR | 0755);
		*err = ri ? 0 : -ENOMEM;
		return ri;
	}
	iput(old); /* the tree keeps it */
	*err = S_ISDIR(old->mode) ? 0 : -ENOTDIR;
	return *err ? NULL : RAMFS_I(old);
}

int ramfs_install(struct inode *dir, const char *path, mode_t mode, unsigned int rdev,
		  const void *data, size_t size)
{
	struct ramfs_inode *ri = RAMFS_I(dir);
	int err = 0;

	while (*path) {
		size_t len = strchr(path, '/') ? (size_t)(strchr(path, '/') - path) : strlen(path);
		const char *rest = path + len + (path[len] == '/');
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		if (len == 2 && !strncmp(path, "..", 2))
			return -EINVAL; /* an archive must not climb out of the root */
		if (len && !(len == 1 && *path == '.')) {
			ri = *rest ? ramfs_subdir(&ri->vfs, path, len, &err)
				   : ramfs_entry(&ri->vfs, path, len, mode);
			if (!ri)
				return err ? err : -ENOMEM;
		}
		path = rest;
	}
	if (ri->vfs.parent != &ri->vfs || S_ISDIR(mode))
		ramfs_set(ri, mode, rdev, data, size);
	return 0;
}
