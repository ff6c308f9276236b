/*
 * Dentries: the names of inodes.  Each holds its inode and its parent, so
 * a name that is open or someone's cwd keeps its whole path alive, even
 * after it is unlinked or its directory removed.  There is no cache of
 * names looked up: ramfs directories list their dentries, /proc makes a
 * new one for each lookup, freed with its last reference.
 */
#include "vfs.h"
#include <list.h>
#include <printk.h>
#include <slab.h>
#include <string.h>

struct dentry *d_alloc(struct dentry *parent, const char *name, size_t len, struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d));

	if (!d)
		return NULL;
	if (d_set_name(d, name, len)) {
		kfree(d);
		return NULL;
	}
	d->count = 1;
	d->parent = parent ? dget(parent) : d;
	d->inode = inode;
	INIT_LIST_HEAD(&d->children);
	INIT_LIST_HEAD(&d->sibling);
	return d;
}

int d_set_name(struct dentry *d, const char *name, size_t len)
{
	char *copy = kmalloc(len + 1);

	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = '\0';
	kfree(d->name);
	d->name = copy;
	return 0;
}

struct dentry *dget(struct dentry *d)
{
	d->count++;
	return d;
}

/* The last reference frees the dentry, drops its inode, and goes on up to its parent. */
void dput(struct dentry *d)
{
	while (d && --d->count == 0) {
		struct dentry *parent = d->parent != d ? d->parent : NULL;

		iput(d->inode);
		kfree(d->name);
		kfree(d);
		d = parent;
	}
}

struct dentry *d_find_child(struct dentry *dir, const char *name, size_t len)
{
	struct dentry *child;

	list_for_each_entry(child, &dir->children, sibling)
		if (!strncmp(child->name, name, len) && !child->name[len])
			return dget(child);
	return NULL;
}

/* Whether a is d or one of its ancestors (rename(2): a directory into itself is EINVAL). */
bool d_is_ancestor(const struct dentry *a, const struct dentry *d)
{
	for (;; d = d->parent) {
		if (d == a)
			return true;
		if (d->parent == d)
			return false;
	}
}

static bool prepend(char **p, char *buf, const char *s, size_t len)
{
	if ((size_t)(*p - buf) < len)
		return false;
	*p -= len;
	memcpy(*p, s, len);
	return true;
}

char *d_path(struct dentry *d, char *buf, size_t size)
{
	static const char deleted[] = " (deleted)";
	char *p = buf + size;

	if (!size || !prepend(&p, buf, "", 1))
		return NULL;
	if ((d->flags & DENTRY_UNLINKED) && !prepend(&p, buf, deleted, sizeof(deleted) - 1))
		return NULL;
	if (d->parent == d && d != vfs_root) /* anonymous: "pipe:[5]" */
		return prepend(&p, buf, d->name, strlen(d->name)) ? p : NULL;
	for (; d->parent != d; d = d->parent)
		if (!prepend(&p, buf, d->name, strlen(d->name)) || !prepend(&p, buf, "/", 1))
			return NULL;
	if (!*p || *p == ' ')
		return prepend(&p, buf, "/", 1) ? p : NULL;
	return p;
}

struct dentry *vfs_root;

void d_mount(struct dentry *mountpoint, struct dentry *root)
{
	if (d_set_name(root, mountpoint->name, strlen(mountpoint->name)))
		panic("vfs: out of memory mounting on /%s", mountpoint->name);
	root->parent = dget(mountpoint->parent);
	mountpoint->mounted = root;
}
