/*
 * File descriptor tables.  A table maps small integers to open files, plus
 * one close-on-exec bit per fd.  Threads made with CLONE_FILES share one
 * table (counted); fork(2) copies it, and the copy refers to the same open
 * files, so parent and child share offsets (fork(2), dup(2)).
 */
#include "vfs.h"
#include <slab.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>

struct files_struct {
	atomic_t count;
	struct file *fd[NR_OPEN];
	u64 cloexec[NR_OPEN / BITS_PER_LONG];
};

bool close_on_exec(unsigned int fd, const struct files_struct *t)
{
	return t->cloexec[fd / BITS_PER_LONG] & (1ull << (fd % BITS_PER_LONG));
}

static void set_cloexec(struct files_struct *t, unsigned fd, bool on)
{
	if (on)
		t->cloexec[fd / BITS_PER_LONG] |= 1ull << (fd % BITS_PER_LONG);
	else
		t->cloexec[fd / BITS_PER_LONG] &= ~(1ull << (fd % BITS_PER_LONG));
}

/* The first fd RLIMIT_NOFILE forbids (the table never holds more than NR_OPEN). */
static unsigned fd_limit(void)
{
	return (unsigned)MIN(rlimit(RLIMIT_NOFILE), (u64)NR_OPEN);
}

struct files_struct *files_alloc(void)
{
	struct files_struct *t = kzalloc(sizeof(*t));

	if (t)
		atomic_set(&t->count, 1);
	return t;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *t = files_alloc();

	if (!t)
		return NULL;
	for (unsigned fd = 0; fd < NR_OPEN; fd++) {
		t->fd[fd] = old->fd[fd];
		if (t->fd[fd])
			get_file(t->fd[fd]);
	}
	memcpy(t->cloexec, old->cloexec, sizeof(t->cloexec));
	return t;
}

void get_files_struct(struct files_struct *files)
{
	atomic_inc(&files->count);
}

void put_files_struct(struct files_struct *files)
{
	if (!atomic_dec_and_test(&files->count))
		return;
	for (unsigned fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	kfree(files);
}

/* Take the file out of the table; the caller drops the reference. */
static struct file *fd_remove(struct files_struct *t, unsigned fd)
{
	struct file *f = t->fd[fd];

	t->fd[fd] = NULL;
	set_cloexec(t, fd, false);
	return f;
}

void do_close_on_exec(struct files_struct *files)
{
	for (unsigned fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd] && close_on_exec(fd, files))
			fput(fd_remove(files, fd));
}

struct file *fget_task(struct task_struct *task, unsigned int fd)
{
	struct files_struct *t = task->files;

	if (!t || fd >= NR_OPEN || !t->fd[fd])
		return NULL;
	get_file(t->fd[fd]);
	return t->fd[fd];
}

struct file *fget(unsigned int fd)
{
	return fget_task(current, fd);
}

int next_fd(struct task_struct *task, unsigned int from)
{
	struct files_struct *t = task->files;

	for (unsigned fd = from; t && fd < NR_OPEN; fd++)
		if (t->fd[fd])
			return fd;
	return -1;
}

/* Install f (the caller's reference moves to the table) at the lowest free fd >= from. */
static int fd_install_from(struct file *f, unsigned from, bool cloexec)
{
	struct files_struct *t = current->files;

	for (unsigned fd = from; t && fd < fd_limit(); fd++) {
		if (!t->fd[fd]) {
			t->fd[fd] = f;
			set_cloexec(t, fd, cloexec);
			return fd;
		}
	}
	return -EMFILE;
}

int fd_install(struct file *f, bool cloexec)
{
	return fd_install_from(f, 0, cloexec);
}

long sys_close(unsigned int fd)
{
	struct files_struct *t = current->files;

	if (!t || fd >= NR_OPEN || !t->fd[fd])
		return -EBADF;
	fput(fd_remove(t, fd));
	return 0;
}

static long dup_from(unsigned oldfd, unsigned from, bool cloexec)
{
	struct file *f = fget(oldfd);

	if (!f)
		return -EBADF;
	int fd = fd_install_from(f, from, cloexec);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_dup(unsigned int fd)
{
	return dup_from(fd, 0, false);
}

/* dup2(2): newfd is closed silently first; the same fd is returned as is. */
long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	struct files_struct *t = current->files;
	struct file *f = fget(oldfd);

	if (!f)
		return -EBADF;
	if (newfd >= fd_limit()) {
		fput(f);
		return -EBADF;
	}
	if (oldfd == newfd) {
		fput(f);
		return newfd;
	}
	struct file *old = fd_remove(t, newfd);
	t->fd[newfd] = f;
	if (old)
		fput(old);
	return newfd;
}

static long fcntl_dupfd(unsigned fd, unsigned long from, bool cloexec)
{
	/* fcntl(2): EINVAL when arg is beyond the fd limit. */
	if (from >= fd_limit())
		return -EINVAL;
	return dup_from(fd, from, cloexec);
}

/* F_SETFL may change only O_APPEND and O_NONBLOCK (fcntl(2)); the other bits are ignored. */
static long fcntl_setfl(struct file *f, unsigned long arg)
{
	f->flags = (f->flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
	return 0;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		ret = fcntl_dupfd(fd, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		ret = close_on_exec(fd, current->files) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_cloexec(current->files, fd, arg & FD_CLOEXEC);
		ret = 0;
		break;
	case F_GETFL:
		ret = f->flags;
		break;
	case F_SETFL:
		ret = fcntl_setfl(f, arg);
		break;
	case F_SETPIPE_SZ:
	case F_GETPIPE_SZ:
		ret = pipe_fcntl(f, cmd, arg);
		break;
	default:
		ret = -EINVAL;
	}
	fput(f);
	return ret;
}
