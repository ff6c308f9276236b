/*
 * ramfs: the in-memory file system the root is (filled from the initrd at
 * boot) and tmpfs is (on /tmp, with a limit on its pages).  A directory's
 * entries are its dentry's children, in the order they were added, each
 * holding one reference; an entry removed while open lives on, unlinked,
 * until its last user goes.  File data is in ramfs_file.c.
 */
#include "ramfs_internal.h"
#include <list.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

static struct dentry *ramfs_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d = d_find_child(dir, name, len);

	return d ? d : ERR_PTR(-ENOENT);
}

static void ramfs_evict(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	ramfs_file_free(inode);
	kfree(ri->target);
	kfree(ri);
}

static int ramfs_readlink(struct dentry *link, char *buf, size_t size)
{
	struct inode *inode = link->inode;
	size_t n = MIN(size, (size_t)inode->size);

	memcpy(buf, RAMFS_I(inode)->target, n);
	return n;
}

/* Entries are at their dentry's d_off; "." and ".." at 0 and 1. */
static int ramfs_iterate(struct file *f, struct dir_context *ctx)
{
	struct dentry *dir = f->dentry, *child;

	if (ctx->pos == 0 && !ctx->emit(ctx, ".", 1, dir->inode->ino, DT_DIR))
		return 0;
	if (ctx->pos <= 1 && !ctx->emit(ctx, "..", 2, dir->parent->inode->ino, DT_DIR))
		return 0;
	list_for_each_entry(child, &dir->children, sibling) {
		if (child->d_off < ctx->pos)
			continue;
		ctx->pos = child->d_off;
		struct inode *c = child->inode;
		if (!ctx->emit(ctx, child->name, strlen(child->name), c->ino, inode_dtype(c)))
			return 0;
	}
	return 0;
}

static const struct file_operations ramfs_dir_fops = {
	.iterate = ramfs_iterate,
};

/* Put d last in dir's list, which takes over the caller's reference. */
static void add_entry(struct dentry *dir, struct dentry *d)
{
	struct inode *di = dir->inode;

	d->d_off = RAMFS_I(di)->next_off++;
	list_add_tail(&d->sibling, &dir->children);
	if (S_ISDIR(d->inode->mode))
		di->nlink++;
	inode_touch(di, true);
}

static void remove_entry(struct dentry *dir, struct dentry *d)
{
	list_del(&d->sibling);
	if (S_ISDIR(d->inode->mode))
		dir->inode->nlink--;
	inode_touch(dir->inode, true);
}

static const struct inode_operations ramfs_iops;

/* What an inode of the given type is (rdev for devices, target for links); 0 or -ENOMEM. */
static int ramfs_set(struct inode *inode, mode_t mode, unsigned rdev, const char *target, size_t len)
{
	inode->mode = mode;
	inode->rdev = rdev;
	inode->i_op = &ramfs_iops;
	inode->nlink = S_ISDIR(mode) ? 2 : 1;
	if (S_ISDIR(mode)) {
		inode->i_fop = &ramfs_dir_fops;
		RAMFS_I(inode)->next_off = 2;
	} else if (S_ISREG(mode)) {
		inode->i_fop = &ramfs_file_fops;
	} else if (S_ISLNK(mode)) {
		char *copy = kmalloc(len + 1);
		if (!copy)
			return -ENOMEM;
		memcpy(copy, target, len);
		copy[len] = '\0';
		RAMFS_I(inode)->target = copy;
		inode->size = len;
	} else if (S_ISFIFO(mode)) {
		inode->i_fop = &pipe_fops;
	} else if (S_ISCHR(mode)) {
		inode->i_fop = chrdev_fops(rdev);
	} /* block devices and sockets: no driver, open(2) gives ENXIO */
	return 0;
}

/* A new entry name in dir: a file, directory, symlink (target) or device (rdev), referenced. */
static struct dentry *make_entry(struct dentry *dir, const char *name, size_t len, mode_t mode,
				 unsigned rdev, const char *target, size_t tlen)
{
	struct inode *inode = new_inode(dir->inode->sb, mode, sizeof(struct ramfs_inode));

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_op = &ramfs_iops; /* for iput, should ramfs_set fail */
	struct dentry *d = ramfs_set(inode, mode, rdev, target, tlen) ? NULL
									: d_alloc(dir, name, len, inode);
	if (!d) {
		iput(inode);
		return ERR_PTR(-ENOMEM);
	}
	add_entry(dir, dget(d));
	return d;
}

static struct dentry *ramfs_create(struct dentry *dir, const char *name, size_t len, mode_t mode,
				   unsigned rdev, const char *target)
{
	return make_entry(dir, name, len, mode, rdev, target, target ? strlen(target) : 0);
}

static int ramfs_link(struct dentry *old, struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d = d_alloc(dir, name, len, iget(old->inode));

	if (!d) {
		iput(old->inode);
		return -ENOMEM;
	}
	old->inode->nlink++;
	inode_touch(old->inode, false);
	add_entry(dir, d);
	return 0;
}

static int ramfs_unlink(struct dentry *dir, struct dentry *victim)
{
	struct inode *inode = victim->inode;

	remove_entry(dir, victim);
	inode->nlink = S_ISDIR(inode->mode) ? 0 : inode->nlink - 1;
	inode_touch(inode, false);
	victim->flags |= DENTRY_UNLINKED;
	dput(victim); /* the directory's reference */
	return 0;
}

/* Move old to dir under name, replacing victim (an entry there, or NULL). */
static int ramfs_rename(struct dentry *old, struct dentry *dir, const char *name, size_t len,
			struct dentry *victim)
{
	struct dentry *from = old->parent;

	if (d_set_name(old, name, len))
		return -ENOMEM;
	if (victim)
		ramfs_unlink(dir, victim);
	remove_entry(from, old);
	old->parent = dget(dir);
	add_entry(dir, old); /* the list's reference moves with it */
	inode_touch(old->inode, false);
	dput(from);
	return 0;
}

static const struct inode_operations ramfs_iops = {
	.lookup = ramfs_lookup,
	.evict = ramfs_evict,
	.readlink = ramfs_readlink,
	.create = ramfs_create,
	.link = ramfs_link,
	.unlink = ramfs_unlink,
	.rename = ramfs_rename,
	.setsize = ramfs_setsize,
};

struct dentry *ramfs_new_root(unsigned int dev, unsigned long magic, long max_pages)
{
	struct super_block *sb = kzalloc(sizeof(*sb));

	if (!sb)
		panic("ramfs: out of memory");
	*sb = (struct super_block){ .dev = dev, .magic = magic, .next_ino = 1, .max_pages = max_pages };
	struct inode *inode = new_inode(sb, S_IFDIR | 0755, sizeof(struct ramfs_inode));
	struct dentry *root = inode ? d_alloc(NULL, "", 0, inode) : NULL;
	if (!root)
		panic("ramfs: out of memory");
	ramfs_set(inode, S_IFDIR | 0755, 0, NULL, 0);
	return root;
}

/* Remove an entry of dir, and everything under it. */
static void remove_tree(struct dentry *dir, struct dentry *d)
{
	struct dentry *child, *tmp;

	list_for_each_entry_safe(child, tmp, &d->children, sibling)
		remove_tree(d, child);
	ramfs_unlink(dir, d);
}

void ramfs_free_root(struct dentry *root)
{
	struct super_block *sb = root->inode->sb;
	struct dentry *child, *tmp;

	list_for_each_entry_safe(child, tmp, &root->children, sibling)
		remove_tree(root, child);
	dput(root);
	kfree(sb);
}

/* A new entry with an archive member's contents (a symlink's data is its target). */
static struct dentry *install_new(struct dentry *dir, const char *name, size_t len, mode_t mode,
				  unsigned rdev, const void *data, size_t size)
{
	struct dentry *d = make_entry(dir, name, len, mode, rdev, data, S_ISLNK(mode) ? size : 0);
	struct io_buf b = { (char *)data, false };

	if (IS_ERR(d) || !S_ISREG(mode) || ramfs_file_write(d->inode, &b, size, 0) == (ssize_t)size)
		return d;
	ramfs_unlink(dir, d);
	dput(d);
	return ERR_PTR(-ENOSPC);
}

/* The entry name of dir made as the member says: a directory keeps its contents, anything else is replaced. */
static struct dentry *install_entry(struct dentry *dir, const char *name, size_t len, mode_t mode,
				    unsigned rdev, const void *data, size_t size)
{
	struct dentry *old = d_find_child(dir, name, len);

	if (old && S_ISDIR(old->inode->mode) && S_ISDIR(mode)) {
		old->inode->mode = mode;
		return old;
	}
	if (old) {
		remove_tree(dir, old);
		dput(old);
	}
	return install_new(dir, name, len, mode, rdev, data, size);
}

/* The directory name in dir, made if missing; referenced, or ERR_PTR. */
static struct dentry *install_subdir(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *d = d_find_child(dir, name, len);

	if (!d)
		return make_entry(dir, name, len, S_IFDIR | 0755, 0, NULL, 0);
	if (S_ISDIR(d->inode->mode))
		return d;
	dput(d);
	return ERR_PTR(-ENOTDIR);
}

int ramfs_install(struct dentry *dir, const char *path, mode_t mode, unsigned int rdev,
		  const void *data, size_t size)
{
	struct dentry *d = dget(dir);

	while (*path && !IS_ERR(d)) {
		size_t len = component_len(path);
		const char *rest = path + len + (path[len] == '/');
		struct dentry *next = NULL;
		if (len > NAME_MAX)
			next = ERR_PTR(-ENAMETOOLONG);
		else if (len == 2 && !strncmp(path, "..", 2))
			next = ERR_PTR(-EINVAL); /* an archive must not climb out of the root */
		else if (len && !(len == 1 && *path == '.'))
			next = *rest ? install_subdir(d, path, len) : install_entry(d, path, len, mode, rdev, data, size);
		else if (!*rest && S_ISDIR(mode))
			d->inode->mode = mode; /* "." itself */
		if (next) {
			dput(d);
			d = next;
		}
		path = rest;
	}
	if (IS_ERR(d))
		return PTR_ERR(d);
	dput(d);
	return 0;
}
