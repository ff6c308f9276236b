/*
 * Inode lifetime: a count of references (the dentries naming it, open
 * files through them, lookups in progress); the file system that made the
 * inode frees it through i_op->evict when the last one goes.
 */
#include "vfs.h"
#include <sched.h>
#include <slab.h>
#include <time.h>

/* A zeroed inode of `size` bytes (a file system's own struct around it), one reference. */
struct inode *new_inode(struct super_block *sb, mode_t mode, size_t size)
{
	struct inode *inode = kzalloc(size);

	if (!inode)
		return NULL;
	inode->count = 1;
	inode->ino = sb->next_ino++;
	inode->mode = mode;
	inode->uid = current ? current->cred.fsuid : GLOBAL_ROOT_UID;
	inode->gid = current ? current->cred.fsgid : GLOBAL_ROOT_UID;
	inode->nlink = 1;
	inode->sb = sb;
	sb->nr_inodes++;
	inode_touch(inode, true);
	inode->atime = inode->mtime;
	return inode;
}

struct inode *iget(struct inode *inode)
{
	inode->count++;
	return inode;
}

void iput(struct inode *inode)
{
	if (!inode || --inode->count)
		return;
	inode->sb->nr_inodes--;
	inode->i_op->evict(inode);
}

/* stat(2): ctime changes with the inode, mtime with the contents. */
void inode_touch(struct inode *inode, bool modified)
{
	u64 ns = ktime_get_real_ns();

	inode->ctime = (struct timespec){ (long)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
	if (modified)
		inode->mtime = inode->ctime;
}
