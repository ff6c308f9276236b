/*
 * read(2), write(2), pread(2), pwrite(2), writev(2), lseek(2), sendfile(2): the checks every file
 * shares, in Linux's order, before the file's own read or write.
 */
#include "vfs.h"
#include <sched.h>
#include <slab.h>
#include <syscalls.h>
#include <uaccess.h>

#define UIO_MAXIOV 1024

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

static ssize_t do_read(struct file *f, char __user *ubuf, size_t n, off_t *pos)
{
	if (!file_readable(f))
		return -EBADF;
	if (S_ISDIR(f->inode->mode))
		return -EISDIR;
	if (!f->f_op->read)
		return -EINVAL;
	n = MIN(n, MAX_RW_COUNT);
	if (!access_ok(ubuf, n))
		return -EFAULT;
	struct io_buf b = { ubuf, true };
	return f->f_op->read(f, &b, n, pos);
}

static ssize_t do_write(struct file *f, const char __user *ubuf, size_t n, off_t *pos)
{
	if (!file_writable(f))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	n = MIN(n, MAX_RW_COUNT);
	if (!access_ok(ubuf, n))
		return -EFAULT;
	struct io_buf b = { (char *)ubuf, true };
	return f->f_op->write(f, &b, n, pos);
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long ret = do_read(f, buf, count, &f->pos);
	fput(f);
	return ret;
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long ret = do_write(f, buf, count, &f->pos);
	fput(f);
	return ret;
}

/* pread(2): at `pos`, leaving the file offset alone. */
long sys_pread64(unsigned int fd, char __user *buf, size_t count, off_t pos)
{
	if (pos < 0)
		return -EINVAL;
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long ret = f->f_op->stream ? -ESPIPE : do_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

/* pwrite(2): at `pos`, leaving the file offset alone (O_APPEND still appends, as on Linux). */
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, off_t pos)
{
	if (pos < 0)
		return -EINVAL;
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long ret = f->f_op->stream ? -ESPIPE : do_write(f, buf, count, &pos);
	fput(f);
	return ret;
}

/* Write the segments in order; stop at the first short write (writev(2)). */
static long write_segments(struct file *f, const struct iovec *iov, int iovcnt)
{
	long done = 0;

	for (int i = 0; i < iovcnt; i++) {
		long n = do_write(f, iov[i].iov_base, iov[i].iov_len, &f->pos);
		if (n < 0)
			return done ? done : n;
		done += n;
		if ((size_t)n < iov[i].iov_len)
			break;
	}
	return done;
}

static long check_iovec(const struct iovec *iov, int iovcnt)
{
	size_t total = 0;

	for (int i = 0; i < iovcnt; i++) {
		/* writev(2): EINVAL if the lengths overflow an ssize_t */
		if ((ssize_t)iov[i].iov_len < 0 || iov[i].iov_len > (size_t)0x7fffffffffffffff - total)
			return -EINVAL;
		total += iov[i].iov_len;
	}
	return 0;
}

/* The iovec array in kernel memory (kfree it), or ERR_PTR. */
static struct iovec *copy_iovec(const void __user *uiov, int iovcnt)
{
	if (iovcnt < 0 || iovcnt > UIO_MAXIOV)
		return ERR_PTR(-EINVAL);
	struct iovec *iov = kmalloc(iovcnt * sizeof(*iov) + 1); /* never a 0-byte request */
	if (!iov)
		return ERR_PTR(-ENOMEM);
	long err = copy_from_user(iov, uiov, iovcnt * sizeof(*iov)) ? -EFAULT : check_iovec(iov, iovcnt);
	if (err) {
		kfree(iov);
		return ERR_PTR(err);
	}
	return iov;
}

long sys_writev(unsigned int fd, const void __user *uiov, int iovcnt)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	struct iovec *iov = file_writable(f) ? copy_iovec(uiov, iovcnt) : ERR_PTR(-EBADF);
	long ret = IS_ERR(iov) ? PTR_ERR(iov) : write_segments(f, iov, iovcnt);
	if (!IS_ERR(iov))
		kfree(iov);
	fput(f);
	return ret;
}

long sys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *f = fget(fd);
	off_t base;
	long ret;

	if (!f)
		return -EBADF;
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->pos; break;
	case SEEK_END: base = f->inode->size; break;
	default: base = -1;
	}
	if (f->f_op->stream)
		ret = -ESPIPE;
	else if (base < 0 || __builtin_add_overflow(base, offset, &ret) || ret < 0)
		ret = -EINVAL;
	else
		f->pos = ret;
	fput(f);
	return ret;
}

/* Up to count bytes from in at *pos to out, a page at a time through a kernel buffer; *pos moves on. */
static long copy_through_page(struct file *in, off_t *pos, struct file *out, size_t count)
{
	char *page = kmalloc(PAGE_SIZE);
	long done = 0;

	if (!page)
		return -ENOMEM;
	while ((size_t)done < count) {
		off_t at = *pos;
		struct io_buf rb = { page, false }, wb = { page, false };
		ssize_t got = in->f_op->read(in, &rb, MIN(count - done, PAGE_SIZE), &at);
		ssize_t put = got > 0 ? out->f_op->write(out, &wb, got, &out->pos) : got;
		if (put <= 0) {
			done = done ? done : put;
			break;
		}
		*pos += put;
		done += put;
		if (put < got)
			break;
		cond_resched(); /* a large file goes out in many pages */
	}
	kfree(page);
	return done;
}

/* sendfile(2) with Linux's checks in Linux's order (do_sendfile); ppos NULL: in's own offset. */
static long do_sendfile(int out_fd, int in_fd, off_t *ppos, size_t count)
{
	struct file *in = fget(in_fd), *out = NULL;
	long ret = -EBADF;

	if (!in)
		return -EBADF;
	if (!file_readable(in))
		goto put_in;
	ret = -ESPIPE;
	if (ppos && in->f_op->stream)
		goto put_in;
	off_t pos = ppos ? *ppos : in->pos;
	ret = -EINVAL;
	if (pos < 0)
		goto put_in;
	out = fget(out_fd);
	ret = -EBADF;
	if (!out || !file_writable(out))
		goto put_out;
	ret = -EINVAL; /* in must be a file it can read at an offset; an appending out is refused */
	if (!in->f_op->read || in->f_op->stream || !out->f_op->write ||
	    ((out->flags & O_APPEND) && !S_ISFIFO(out->inode->mode)))
		goto put_out;
	ret = copy_through_page(in, &pos, out, MIN(count, MAX_RW_COUNT));
	if (ppos)
		*ppos = pos;
	else
		in->pos = pos;
put_out:
	if (out)
		fput(out);
put_in:
	fput(in);
	return ret;
}

long sys_sendfile(int out_fd, int in_fd, off_t __user *offset, size_t count)
{
	off_t pos;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (copy_from_user(&pos, offset, sizeof(pos)))
		return -EFAULT;
	long ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (put_user_obj(offset, &pos))
		return -EFAULT;
	return ret;
}
