/*
 * Pipes (pipe(7)): a 64 KiB ring of bytes (Linux's default capacity) with
 * a read end and a write end, each an open file; fcntl(F_SETPIPE_SZ) resizes
 * it to a power-of-two number of pages up to 1 MiB.  Reading an empty pipe
 * waits while a writer exists and returns 0 (end of file) once none does;
 * writing waits for room while a reader exists.  Writes of at most PIPE_BUF
 * bytes go in whole; larger ones may be split.  Writing with no reader
 * raises SIGPIPE and fails with EPIPE.
 *
 * The ring hangs off an inode (i_pipe).  pipe(2) makes an inode of its own,
 * named by an anonymous dentry "pipe:[ino]" (what /proc/PID/fd shows),
 * which goes when both ends are closed; opening that name again through
 * /proc/PID/fd/N gives another read or write end (open(2)'s access mode).
 * A FIFO (mkfifo(3), a ramfs inode) gets its ring at its first open and
 * loses it, with any unread bytes, at its last close; opening one end
 * waits for the other (fifo(7)), or with O_NONBLOCK a reader goes on at
 * once and a writer without a reader fails with ENXIO.
 */
#include "vfs.h"
#include <slab.h>
#include <string.h>
#include <uapi/magic.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <uaccess.h>
#include <wait.h>
#include <poll.h>

#define PIPE_DEF_SIZE (16 * PAGE_SIZE)
#define PIPE_MAX_SIZE (1024 * 1024) /* Linux's default /proc/sys/fs/pipe-max-size */

struct pipe {
	char *buf;
	size_t size; /* capacity: a power of two, so the ring's indices can wrap */
	size_t head, tail; /* bytes ever written and read; head - tail are in the ring */
	int readers, writers;
	unsigned int r_opens, w_opens; /* ends ever opened: a FIFO's opener waits for the other to change */
	struct wait_queue_head wait; /* both sides: readers for data, writers for room */
};

static struct super_block pipefs_sb = { .dev = DEV_PIPEFS, .magic = PIPEFS_MAGIC, .next_ino = 1 };

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

struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->size = PIPE_DEF_SIZE;
	p->buf = kmalloc(p->size);
	if (!p->buf) {
		kfree(p);
		return NULL;
	}
	init_waitqueue_head(&p->wait);
	return p;
}

void pipe_free(struct pipe *p)
{
	if (p)
		kfree(p->buf);
	kfree(p);
}

static void pipefs_evict(struct inode *inode)
{
	pipe_free(inode->i_pipe);
	kfree(inode);
}

static const struct inode_operations pipefs_iops = {
	.evict = pipefs_evict,
};

/* A new pipe's inode and the anonymous dentry "pipe:[ino]" naming it (referenced), or NULL. */
static struct dentry *pipe_dentry_alloc(void)
{
	struct inode *inode = new_inode(&pipefs_sb, S_IFIFO | 0600, sizeof(*inode));
	char name[32];

	if (!inode)
		return NULL;
	inode->i_op = &pipefs_iops;
	inode->i_fop = &pipe_fops;
	inode->i_pipe = pipe_alloc();
	int len = snprintf(name, sizeof(name), "pipe:[%lu]", inode->ino);
	struct dentry *d = inode->i_pipe ? d_alloc(NULL, name, len, inode) : NULL;
	if (!d)
		iput(inode);
	return d;
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

/* One end fewer; a FIFO's last close drops the ring. */
static void pipe_put_end(struct inode *inode, bool reader)
{
	struct pipe *p = inode->i_pipe;

	if (reader)
		p->readers--;
	else
		p->writers--;
	wake_up(&p->wait);
	if (inode->sb != &pipefs_sb && !p->readers && !p->writers) {
		pipe_free(p);
		inode->i_pipe = NULL;
	}
}

static void pipe_release(struct file *f)
{
	pipe_put_end(f->inode, file_readable(f));
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

/* Make f a read or a write end of the inode's pipe, as its access mode says. */
static int pipe_open(struct inode *inode, struct file *f)
{
	bool fifo = inode->sb != &pipefs_sb, reader = file_readable(f);

	if ((f->flags & O_ACCMODE) == O_RDWR)
		return -EINVAL; /* Linux would give one file both ends; Cowl's ends are separate files */
	if (!inode->i_pipe && !(inode->i_pipe = pipe_alloc()))
		return -ENOMEM; /* a FIFO's first open */
	struct pipe *p = inode->i_pipe;
	/* The other end's count, and how often it was opened: it may open and close again before we wake. */
	int *others = reader ? &p->writers : &p->readers;
	unsigned int *other_opens = reader ? &p->w_opens : &p->r_opens, seen = *other_opens;
	f->private_data = p;
	f->f_op = reader ? &pipe_read_fops : &pipe_write_fops;
	++*(reader ? &p->readers : &p->writers);
	++*(reader ? &p->r_opens : &p->w_opens);
	wake_up(&p->wait); /* an opener of the other end may be waiting for us */
	int err = 0;
	if (fifo && !reader && (f->flags & O_NONBLOCK) && !p->readers)
		err = -ENXIO;
	else if (fifo && !(f->flags & O_NONBLOCK))
		err = wait_event_interruptible(p->wait, *others || *other_opens != seen);
	if (err)
		pipe_put_end(inode, reader); /* the failed open is not released */
	return err;
}

const struct file_operations pipe_fops = {
	.open = pipe_open,
	.stream = true,
};

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
	struct dentry *d = pipe_dentry_alloc();
	if (!d)
		return -ENFILE;
	struct file *rf = open_dentry(d, O_RDONLY | (flags & O_NONBLOCK));
	struct file *wf = IS_ERR(rf) ? rf : open_dentry(d, O_WRONLY | (flags & O_NONBLOCK));
	dput(d);
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
