/* What ramfs.c (names, directories, links) and ramfs_file.c (file data) share. */
#ifndef FS_RAMFS_INTERNAL_H
#define FS_RAMFS_INTERNAL_H
#include "vfs.h"

struct page;

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

/* ramfs_file.c */
extern const struct file_operations ramfs_file_fops;
/* The file's data from buf at pos, growing it; the count or -errno (ENOSPC: no page). */
ssize_t ramfs_file_write(struct inode *inode, struct io_buf *buf, size_t n, off_t pos);
int ramfs_setsize(struct inode *inode, off_t size);
void ramfs_file_free(struct inode *inode); /* its pages and page array */
#endif
