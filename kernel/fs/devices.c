/*
 * The memory character devices (null(4), zero(4), /dev/kmsg) and the table
 * that gives each device number its driver.
 */
#include "vfs.h"
#include <slab.h>
#include <printk.h>

#define KMSG_LINE_MAX 992 /* Linux's limit on one /dev/kmsg record (EINVAL beyond) */

static ssize_t null_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return 0;
}

/* Writes to null and zero are accepted and discarded. */
static ssize_t discard_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	(void)f, (void)buf, (void)pos;
	return n;
}

static ssize_t zero_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	static const char zeros[512];
	size_t done = 0;

	(void)f, (void)pos;
	while (done < n) {
		size_t k = MIN(n - done, sizeof(zeros));
		if (io_copy_out(buf, zeros, k))
			return done ? (ssize_t)done : -EFAULT;
		done += k;
	}
	return done;
}

/* Each write is one log message at KERN_INFO, its text as written. */
static ssize_t kmsg_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	(void)f, (void)pos;
	if (n > KMSG_LINE_MAX)
		return -EINVAL;
	char *text = kmalloc(n + 2);
	if (!text)
		return -ENOMEM;
	ssize_t ret = io_copy_in(text, buf, n) ? -EFAULT : (ssize_t)n;
	if (ret > 0) {
		size_t len = n;
		if (text[len - 1] != '\n')
			text[len++] = '\n';
		text[len] = '\0';
		printk(KERN_INFO "%s", text);
	}
	kfree(text);
	return ret;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = discard_write,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = discard_write,
};

/* Reading the log back is not supported: read(2) gives EINVAL. */
static const struct file_operations kmsg_fops = {
	.write = kmsg_write,
	.stream = true,
};

static const struct {
	unsigned int rdev;
	const struct file_operations *fops;
} chrdevs[] = {
	{ MKDEV(1, 3), &null_fops },
	{ MKDEV(1, 5), &zero_fops },
	{ MKDEV(1, 11), &kmsg_fops },
	{ MKDEV(4, 1), &tty_fops },
	{ MKDEV(5, 0), &tty_fops },
	{ MKDEV(5, 1), &tty_fops },
};

const struct file_operations *chrdev_fops(unsigned int rdev)
{
	for (size_t i = 0; i < ARRAY_SIZE(chrdevs); i++)
		if (chrdevs[i].rdev == rdev)
			return chrdevs[i].fops;
	return NULL;
}
