/*
 * A read or write works on either user memory (from a system call, every
 * byte checked) or kernel memory (exec reading a binary, the self-tests);
 * the file code copies through these two helpers and need not know which.
 */
#include "vfs.h"
#include <string.h>
#include <uaccess.h>

int io_copy_out(struct io_buf *b, const void *src, size_t n)
{
	if (b->user && copy_to_user(b->p, src, n))
		return -EFAULT;
	if (!b->user)
		memcpy(b->p, src, n);
	b->p += n;
	return 0;
}

int io_copy_in(void *dst, struct io_buf *b, size_t n)
{
	if (b->user && copy_from_user(dst, b->p, n))
		return -EFAULT;
	if (!b->user)
		memcpy(dst, b->p, n);
	b->p += n;
	return 0;
}
