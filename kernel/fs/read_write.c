/*
 * read(2), write(2), pread(2), pwrite(2), writev(2), lseek(2): the checks every file
 * shares, in Linux's order, before the file's own read or write.
 */
#include "vfs.h"
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
