/*
 * A task's open files in /proc (proc(5)): /proc/PID/fd holds one magic
 * link per open fd (proc_link.c follows it), /proc/PID/fdinfo one file per
 * open fd saying where it is and how it was opened, as Linux's
 * fs/proc/fd.c writes it:
 *
 *   pos:	<file offset>
 *   flags:	0<open flags, octal, with O_CLOEXEC if the fd has FD_CLOEXEC>
 *   mnt_id:	<the mount the file is on>
 *   ino:	<its inode number>
 *
 * Both directories list fd N at readdir position 2 + N.
 */
#include "proc_internal.h"
#include <sched.h>
#include <slab.h>
#include <fs.h>
#include <string.h>

#define PROC_FD_INO(pid, fd) (0x80000000ul + (unsigned long)(pid) * NR_OPEN + (fd))
#define PROC_FDINFO_INO(pid, fd) (0xc0000000ul + (unsigned long)(pid) * NR_OPEN + (fd))

/* A decimal fd number as /proc names it, or -1. */
static int parse_fd(const char *name, size_t len)
{
	int fd = 0;

	if (!len || len > 3 || (name[0] == '0' && len > 1))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		fd = fd * 10 + (name[i] - '0');
	}
	return fd < NR_OPEN ? fd : -1;
}

/* lr-x------, l-wx------ or lrwx------, as the file was opened (Linux shows the same). */
static mode_t fd_link_mode(const struct file *f)
{
	return S_IFLNK | 0100 | (file_readable(f) ? 0400 : 0) | (file_writable(f) ? 0200 : 0);
}

static const struct file_operations fdinfo_fops;

/* The entry for name in fd/ (info false: a link) or fdinfo/ (info true: a file anyone may read), if that fd is open. */
static struct dentry *fd_entry_lookup(struct dentry *dir, const char *name, size_t len, bool info)
{
	struct task_struct *task = proc_task(dir->inode);
	int fd = parse_fd(name, len);
	struct file *f = task && fd >= 0 ? fget_task(task, fd) : NULL;

	if (!f)
		return ERR_PTR(-ENOENT);
	struct dentry *d = info ? proc_new_inode(dir, name, len, S_IFREG | 0444, PROC_FDINFO_INO(task->pid, fd),
						 &proc_file_iops, &fdinfo_fops)
				: proc_new_inode(dir, name, len, fd_link_mode(f), PROC_FD_INO(task->pid, fd),
						 &proc_fd_link_iops, NULL);
	fput(f);
	if (!IS_ERR(d))
		PROC_I(d->inode)->fd = fd;
	return d;
}

static int fd_entries_iterate(struct file *file, struct dir_context *ctx, bool info)
{
	struct task_struct *task = proc_task(file->inode);
	char name[12];

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(ctx, file->dentry))
		return 0;
	for (int fd = next_fd(task, ctx->pos - 2); fd >= 0; fd = next_fd(task, fd + 1)) {
		int len = snprintf(name, sizeof(name), "%d", fd);
		unsigned long ino = info ? PROC_FDINFO_INO(task->pid, fd) : PROC_FD_INO(task->pid, fd);
		ctx->pos = 2 + fd;
		if (!ctx->emit(ctx, name, len, ino, info ? DT_REG : DT_LNK))
			return 0;
	}
	return 0;
}

/*
 * Cowl has one mount per file system and no mount ids of their own, so a
 * file's mount is named by its file system's device number (st_dev).
 */
static int fdinfo_show(struct task_struct *task, int fd, struct seq_buf *m)
{
	struct file *f = fget_task(task, fd);

	if (!f)
		return -ENOENT;
	unsigned int flags = f->flags | (close_on_exec(fd, task->files) ? O_CLOEXEC : 0);
	seq_printf(m, "pos:\t%lld\nflags:\t0%o\nmnt_id:\t%u\nino:\t%lu\n", (long long)f->pos, flags,
		   f->inode->sb->dev, f->inode->ino);
	fput(f);
	return 0;
}

/* The text is made at open, as Linux's single_open() makes it: reads page through that snapshot. */
static int fdinfo_open(struct inode *inode, struct file *f)
{
	struct task_struct *task = proc_task(inode);

	if (!task)
		return -ESRCH;
	struct seq_buf *m = kzalloc(sizeof(*m));
	if (!m)
		return -ENOMEM;
	return proc_seq_install(f, m, fdinfo_show(task, PROC_I(inode)->fd, m));
}

static const struct file_operations fdinfo_fops = {
	.open = fdinfo_open,
	.read = proc_file_read,
	.release = proc_file_release,
};

static struct dentry *fd_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	return fd_entry_lookup(dir, name, len, false);
}

static int fd_dir_iterate(struct file *file, struct dir_context *ctx)
{
	return fd_entries_iterate(file, ctx, false);
}

static struct dentry *fdinfo_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	return fd_entry_lookup(dir, name, len, true);
}

static int fdinfo_dir_iterate(struct file *file, struct dir_context *ctx)
{
	return fd_entries_iterate(file, ctx, true);
}

static const struct inode_operations fd_dir_iops = {
	.lookup = fd_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations fd_dir_fops = {
	.iterate = fd_dir_iterate,
};

static const struct inode_operations fdinfo_dir_iops = {
	.lookup = fdinfo_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations fdinfo_dir_fops = {
	.iterate = fdinfo_dir_iterate,
};

/* dr-x------ and dr-xr-xr-x, as Linux has them. */
struct dentry *proc_fd_dir(struct dentry *pid_dir, unsigned long ino)
{
	return proc_new_inode(pid_dir, "fd", 2, S_IFDIR | 0500, ino, &fd_dir_iops, &fd_dir_fops);
}

struct dentry *proc_fdinfo_dir(struct dentry *pid_dir, unsigned long ino)
{
	return proc_new_inode(pid_dir, "fdinfo", 6, S_IFDIR | 0555, ino, &fdinfo_dir_iops, &fdinfo_dir_fops);
}
