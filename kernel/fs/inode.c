/*
 * Inode lifetime: a count of references (open files, cwds, children,
 * lookups in progress); the file system that made the inode frees it
 * through i_op->evict when the last one goes.
 */
#include "vfs.h"
#include <slab.h>
#include <string.h>

struct inode *vfs_root;

/* Name the inode and link it under parent (taking a reference to it). */
int inode_init(struct inode *inode, struct inode *parent, const char *name, size_t len)
{
	inode->name = kmalloc(len + 1);
	if (!inode->name)
		return -ENOMEM;
	memcpy(inode->name, name, len);
	inode->name[len] = '\0';
	inode->count = 1;
	inode->parent = parent ? iget(parent) : inode;
	return 0;
}

void inode_free_name(struct inode *inode)
{
	kfree(inode->name);
}

struct inode *iget(struct inode *inode)
{
	inode->count++;
	return inode;
}

void iput(struct inode *inode)
{
	while (inode && --inode->count == 0) {
		struct inode *parent = inode->parent != inode ? inode->parent : NULL;

		inode->i_op->evict(inode);
		inode = parent; /* the child's reference to it goes too */
	}
}

/* Write the absolute path of inode at the end of buf; where it starts, or NULL if it does not fit. */
char *inode_path(struct inode *inode, char *buf, size_t size)
{
	char *p = buf + size - 1;

	if (!size)
		return NULL;
	*p = '\0';
	for (; inode->parent != inode; inode = inode->parent) {
		size_t len = strlen(inode->name);
		if ((size_t)(p - buf) < len + 1)
			return NULL;
		p -= len;
		memcpy(p, inode->name, len);
		*--p = '/';
	}
	if (!*p && p > buf)
		*--p = '/';
	return *p ? p : NULL;
}
