/*
 * The data of ramfs and tmpfs files: one page frame per 4 KiB of the
 * file, allocated when first written, so a never-written stretch is a hole
 * that reads as zeroes.  Every frame is counted in its file system (tmpfs
 * has a limit: ENOSPC beyond it, as when the allocator has no frame left)
 * and in nr_file_pages, and freed by truncate(2) or when the inode goes
 * (its last name and its last open file gone).  Bytes past the end of the
 * file in its last page are always zero, so growing a file shows zeroes.
 */
#include "ramfs_internal.h"
#include <gfp.h>
#include <mm.h>
#include <slab.h>
#include <string.h>

long nr_file_pages;

/* pages[] long enough for index idx: doubled until it is. */
static int grow_slots(struct ramfs_inode *ri, unsigned long idx)
{
	unsigned long n = ri->nr_slots ? ri->nr_slots : 8;

	while (n <= idx)
		n *= 2;
	struct page **pages = kzalloc(n * sizeof(*pages));
	if (!pages)
		return -ENOMEM;
	if (ri->nr_slots)
		memcpy(pages, ri->pages, ri->nr_slots * sizeof(*pages));
	kfree(ri->pages);
	ri->pages = pages;
	ri->nr_slots = n;
	return 0;
}

/* The page for index idx, allocated (zeroed) if it is a hole; NULL with *err set if there is none. */
static struct page *page_for_write(struct ramfs_inode *ri, unsigned long idx, int *err)
{
	struct super_block *sb = ri->vfs.sb;

	*err = idx < ri->nr_slots ? 0 : grow_slots(ri, idx);
	if (*err)
		return NULL;
	if (ri->pages[idx])
		return ri->pages[idx];
	struct page *page = sb->max_pages && sb->nr_pages >= sb->max_pages ? NULL : alloc_zeroed_page();
	if (!page) {
		*err = -ENOSPC;
		return NULL;
	}
	ri->pages[idx] = page;
	sb->nr_pages++;
	nr_file_pages++;
	return page;
}

ssize_t ramfs_file_write(struct inode *inode, struct io_buf *buf, size_t n, off_t pos)
{
	struct ramfs_inode *ri = RAMFS_I(inode);
	size_t done = 0;
	int err = 0;

	if (pos >= RAMFS_MAX_FILE_SIZE)
		return n ? -EFBIG : 0;
	n = MIN(n, (size_t)(RAMFS_MAX_FILE_SIZE - pos));
	while (done < n) {
		off_t at = pos + done;
		size_t off = at % PAGE_SIZE, chunk = MIN(n - done, PAGE_SIZE - off);
		struct page *page = page_for_write(ri, at / PAGE_SIZE, &err);
		if (!page)
			break;
		char *p = (char *)page_address(page) + off;
		if (io_copy_in(p, buf, chunk)) {
			/* keep what lies past the end zero: only the bytes before it may be half-written */
			if (at + (off_t)chunk > inode->size)
				memset(p + MAX(inode->size - at, 0), 0, at + chunk - MAX(inode->size, at));
			err = -EFAULT;
			break;
		}
		done += chunk;
	}
	if (pos + (off_t)done > inode->size)
		inode->size = pos + done;
	if (done)
		inode_touch(inode, true);
	return done ? (ssize_t)done : err;
}

static ssize_t ramfs_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	if (f->flags & O_APPEND)
		*pos = f->inode->size;
	ssize_t ret = ramfs_file_write(f->inode, buf, n, *pos);
	if (ret > 0)
		*pos += ret;
	return ret;
}

static ssize_t ramfs_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	struct ramfs_inode *ri = RAMFS_I(f->inode);
	static const char zeros[PAGE_SIZE];
	size_t done = 0;

	if (*pos >= ri->vfs.size)
		return 0;
	n = MIN(n, (size_t)(ri->vfs.size - *pos));
	while (done < n) {
		off_t at = *pos + done;
		unsigned long idx = at / PAGE_SIZE;
		size_t off = at % PAGE_SIZE, chunk = MIN(n - done, PAGE_SIZE - off);
		struct page *page = idx < ri->nr_slots ? ri->pages[idx] : NULL;
		if (io_copy_out(buf, page ? (char *)page_address(page) + off : zeros + off, chunk))
			break;
		done += chunk;
	}
	*pos += done;
	return done ? (ssize_t)done : -EFAULT;
}

const struct file_operations ramfs_file_fops = {
	.read = ramfs_read,
	.write = ramfs_write,
};

/* Free the pages from index first on. */
static void free_pages_from(struct ramfs_inode *ri, unsigned long first)
{
	for (unsigned long i = first; i < ri->nr_slots; i++) {
		if (!ri->pages[i])
			continue;
		__free_pages(ri->pages[i], 0);
		ri->pages[i] = NULL;
		ri->vfs.sb->nr_pages--;
		nr_file_pages--;
	}
}

int ramfs_setsize(struct inode *inode, off_t size)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	if (size > RAMFS_MAX_FILE_SIZE)
		return -EFBIG;
	if (size < inode->size) {
		unsigned long idx = size / PAGE_SIZE;
		free_pages_from(ri, ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE);
		if (size % PAGE_SIZE && idx < ri->nr_slots && ri->pages[idx])
			memset((char *)page_address(ri->pages[idx]) + size % PAGE_SIZE, 0,
			       PAGE_SIZE - size % PAGE_SIZE);
	}
	inode->size = size;
	inode_touch(inode, true);
	return 0;
}

void ramfs_file_free(struct inode *inode)
{
	struct ramfs_inode *ri = RAMFS_I(inode);

	free_pages_from(ri, 0);
	kfree(ri->pages);
}
