/* What ramfs.c (names, directories, links) and ramfs_file.c (file data) share. */
#ifndef FS_RAMFS_INTERNAL_H
#define FS_RAMFS_INTERNAL_H
#include "vfs.h"

/* Files may grow to 4 GiB (write(2) and truncate(2): EFBIG beyond). */
#define RAMFS_MAX_FILE_SIZE (4ll << 30)

struct ramfs_inode {
	struct inode vfs;
	struct page **pages;    /* regular files: page i holds bytes [i * PAGE_SIZE, ...); NULL is a hole */
	unsigned long nr_slots; /* the length of pages[] */
	char *target;           /* symbolic links: the target (size bytes and a NUL) */
	off_t next_off;         /* directories: the readdir position the next entry gets */
};

static inline struct ramfs_inode *RAMFS_I(struct inode *inode)
{
	return container_of(inode, struct ramfs_inode, vfs);
}
#endif
