/*
 * Pipes (pipe(7)): a 64 KiB ring of bytes (Linux's default capacity) with
 * a read end and a write end, each an open file; fcntl(F_SETPIPE_SZ) resizes
 * it to a power-of-two number of pages up to 1 MiB.  Reading an empty pipe
 * waits while a writer exists and returns 0 (end of file) once none does;
 * writing waits for room while a reader exists.  Writes of at most PIPE_BUF
 * bytes go in whole; larger ones may be split.  Writing with no reader
 * raises SIGPIPE and fails with EPIPE.  The pipe lives in its inode, which
 * goes when both ends are closed.
 */
#include "vfs.h"
#include <slab.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <wait.h>
#include <poll.h>

#define PIPE_DEF_SIZE (16 * PAGE_SIZE)
#define PIPE_MAX_SIZE (1024 * 1024) /* Linux's default /proc/sys/fs/pipe-max-size */

struct pipe {
	struct inode inode;
	char *buf;
	size_t size; /* capacity: a power of two, so the ring's indices can wrap */
	size_t head, tail; /* bytes ever written and read; head - tail are in the ring */
	int readers, writers;
	struct wait_queue_head wait; /* both sides: readers for data, writers for room */
};

static unsigned long next_pipe_ino = 1;

size_t pipe_len(const struct pipe *p)
{
	return p->head - p->tail;
}

static size_t pipe_room(const struct pipe *p)
{
	return p->size - pipe_len(p);
}

/* Copy between the ring and buf, in at most two pieces; the count or -EFAULT. */
static ssize_t ring_copy(struct pipe *p, size_t *index, struct io_buf *buf, size_t n, bool out)
{
	size_t done = 0;

	while (done < n) {
		size_t at = *index % p->size;
		size_t chunk = MIN(n - done, p->size - at);
		int err = out ? io_copy_out(buf, p->buf + at, chunk) : io_copy_in(p->buf + at, buf, chunk);
		if (err)
			return done ? (ssize_t)done : err;
		*index += chunk;
		done += chunk;
	}
	return done;
}

ssize_t pipe_put(struct pipe *p, struct io_buf *buf, size_t n)
{
	return ring_copy(p, &p->head, buf, MIN(n, pipe_room(p)), false);
}

ssize_t pipe_get(struct pipe *p, struct io_buf *buf, size_t n)
{
	return ring_copy(p, &p->tail, buf, MIN(n, pipe_len(p)), true);
}

static void pipe_evict(struct inode *inode)
{
	struct pipe *p = container_of(inode, struct pipe, inode);

	inode_free_name(inode);
	kfree(p->buf);
	kfree(p);
}

static const struct inode_operations pipe_iops = {
	.evict = pipe_evict,
};

struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->size = PIPE_DEF_SIZE;
	p->buf = kmalloc(p->size);
	if (!p->buf || inode_init(&p->inode, NULL, "", 0)) {
		kfree(p->buf);
		kfree(p);
		return NULL;
	}
	init_waitqueue_head(&p->wait);
	p->inode.ino = next_pipe_ino++;
	p->inode.mode = S_IFIFO | 0600;
	p->inode.nlink = 1;
	p->inode.dev = DEV_PIPEFS;
	p->inode.i_op = &pipe_iops;
	return p;
}

void pipe_unref(struct pipe *p)
{
	iput(&p->inode);
}

static ssize_t pipe_read(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	struct pipe *p = f->private_data;

	(void)pos;
	if (!n)
		return 0;
	if (!pipe_len(p) && p->writers && (f->flags & O_NONBLOCK))
		return -EAGAIN;
	int err = wait_event_interruptible(p->wait, pipe_len(p) || !p->writers);
	if (err)
		return err;
	ssize_t got = pipe_get(p, buf, n);
	if (got > 0)
		wake_up(&p->wait);
	return got;
}

/* Wait until `need` bytes fit; 0, or -EPIPE (with SIGPIPE), -EAGAIN, -EINTR. */
static int wait_for_room(struct file *f, struct pipe *p, size_t need)
{
	int err = 0;

	if (p->readers && pipe_room(p) < need)
		err = (f->flags & O_NONBLOCK) ? -EAGAIN
			: wait_event_interruptible(p->wait, pipe_room(p) >= need || !p->readers);
	if (!err && !p->readers) {
		send_sig(SIGPIPE, current);
		err = -EPIPE;
	}
	return err;
}

static ssize_t pipe_write(struct file *f, struct io_buf *buf, size_t n, off_t *pos)
{
	struct pipe *p = f->private_data;
	size_t need = n <= PIPE_BUF ? n : 1; /* small writes are atomic */
	size_t done = 0;

	(void)pos;
	while (done < n) {
		int err = wait_for_room(f, p, need);
		ssize_t put = err ? err : pipe_put(p, buf, n - done);
		if (put < 0)
			return done ? (ssize_t)done : put;
		done += put;
		wake_up(&p->wait);
	}
	return done;
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->private_data;

	if (file_readable(f))
		p->readers--;
	else
		p->writers--;
	wake_up(&p->wait);
}

/* Linux's pipe_poll: data or no writer left for the reader; room for PIPE_BUF bytes, or no reader, for the writer. */
static unsigned int pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->private_data;
	unsigned int mask = 0;

	poll_wait(f, &p->wait, pt);
	if (file_readable(f)) {
		mask |= pipe_len(p) ? POLLIN | POLLRDNORM : 0;
		mask |= p->writers ? 0 : POLLHUP;
	} else {
		mask |= pipe_room(p) >= PIPE_BUF ? POLLOUT | POLLWRNORM : 0;
		mask |= p->readers ? 0 : POLLERR;
	}
	return mask;
}

static const struct file_operations pipe_read_fops = {
	.read = pipe_read,
	.release = pipe_release,
	.stream = true,
	.poll = pipe_poll,
};

static const struct file_operations pipe_write_fops = {
	.write = pipe_write,
	.release = pipe_release,
	.stream = true,
	.poll = pipe_poll,
};

/*
 * Linux's pipe_set_size(): the size rounds up to a power-of-two number of
 * pages; beyond pipe-max-size is EPERM (Cowl refuses it to root too), less
 * room than the bytes waiting EBUSY.  As on Linux the size is an unsigned int.
 * The bytes move to the new ring in order.
 */
static long pipe_set_size(struct pipe *p, unsigned int arg)
{
	size_t size = PAGE_SIZE, len = pipe_len(p);

	if (arg > (1u << 31))
		return -EINVAL;
	while (size < arg)
		size <<= 1;
	if (size > PIPE_MAX_SIZE)
		return -EPERM;
	if (size < len)
		return -EBUSY;
	char *buf = kmalloc(size);
	if (!buf)
		return -ENOMEM;
	struct io_buf out = { buf, false };
	pipe_get(p, &out, len);
	kfree(p->buf);
	p->buf = buf;
	p->size = size;
	p->tail = 0;
	p->head = len;
	wake_up(&p->wait); /* writers may fit now */
	return size;
}

long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = f->private_data;

	if (f->f_op != &pipe_read_fops && f->f_op != &pipe_write_fops)
		return -EBADF;
	return cmd == F_SETPIPE_SZ ? pipe_set_size(p, (unsigned int)arg) : (long)p->size;
}

static struct file *pipe_end(struct pipe *p, const struct file_operations *fops, unsigned flags)
{
	struct file *f = alloc_file(&p->inode, fops, flags);

	if (IS_ERR(f))
		return f;
	f->private_data = p;
	if (fops == &pipe_read_fops)
		p->readers++;
	else
		p->writers++;
	return f;
}

/* Both ends installed as fds[0] (read) and fds[1] (write), or -errno and nothing installed. */
static long install_ends(struct file *rf, struct file *wf, int flags, int fds[2])
{
	fds[0] = fd_install(rf, flags & O_CLOEXEC);
	if (fds[0] < 0)
		return fds[0];
	fds[1] = fd_install(wf, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		get_file(rf); /* sys_close drops the table's reference; the caller drops ours */
		sys_close(fds[0]);
		return fds[1];
	}
	return 0;
}

long sys_pipe2(int __user *ufds, int flags)
{
	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	struct pipe *p = pipe_alloc();
	if (!p)
		return -ENFILE;
	struct file *rf = pipe_end(p, &pipe_read_fops, O_RDONLY | (flags & O_NONBLOCK));
	struct file *wf = IS_ERR(rf) ? rf : pipe_end(p, &pipe_write_fops, O_WRONLY | (flags & O_NONBLOCK));
	pipe_unref(p);
	int fds[2];
	long err = IS_ERR(wf) ? PTR_ERR(wf) : install_ends(rf, wf, flags, fds);
	if (!err && copy_to_user(ufds, fds, sizeof(fds))) {
		sys_close(fds[0]);
		sys_close(fds[1]);
		return -EFAULT;
	}
	if (err && !IS_ERR(rf))
		fput(rf);
	if (err && !IS_ERR(wf))
		fput(wf);
	return err;
}

long sys_pipe(int __user *fds)
{
	return sys_pipe2(fds, 0);
}
