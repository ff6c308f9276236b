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

/* lr-x------, l-wx------ or lrwx------, as the file was opened (Linux shows the same). */
static mode_t fd_link_mode(const struct file *f)
{
	return S_IFLNK | 0100 | (file_readable(f) ? 0400 : 0) | (file_writable(f) ? 0200 : 0);
}

/* fd/ and fdinfo/ share this code: they differ in what entry N is and in its inode number. */
static bool is_fdinfo(struct inode *dir)
{
	return PROC_I(dir)->dir == &proc_fdinfo_dir;
}

static unsigned long fd_ino(struct inode *dir, const struct task_struct *task, int fd)
{
	return is_fdinfo(dir) ? PROC_FDINFO_INO(task->pid, fd) : PROC_FD_INO(task->pid, fd);
}

static int fd_next(struct inode *dir, struct task_struct *task, int from, unsigned long *ino)
{
	int fd = next_fd(task, from);

	*ino = fd_ino(dir, task, fd);
	return fd;
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

/* fd N in fd/ (a link) or fdinfo/ (a file anyone may read), if that fd is open. */
static struct dentry *fd_lookup(struct dentry *dir, struct task_struct *task, int fd, const char *name,
				size_t len)
{
	struct file *f = fget_task(task, fd);

	if (!f)
		return ERR_PTR(-ENOENT);
	unsigned long ino = fd_ino(dir->inode, task, fd);
	struct dentry *d = is_fdinfo(dir->inode)
		? proc_new_inode(dir, name, len, S_IFREG | 0444, ino, &proc_file_iops, &fdinfo_fops)
		: proc_new_inode(dir, name, len, fd_link_mode(f), ino, &proc_fd_link_iops, NULL);
	fput(f);
	if (!IS_ERR(d))
		PROC_I(d->inode)->fd = fd;
	return d;
}

/* dr-x------ and dr-xr-xr-x, as Linux has them. */
const struct proc_dir proc_fd_dir = {
	.owner_only = true,
	.next = fd_next,
	.lookup_nr = fd_lookup,
	.nr_pos = 2,
	.nr_type = DT_LNK,
};

const struct proc_dir proc_fdinfo_dir = {
	.next = fd_next,
	.lookup_nr = fd_lookup,
	.nr_pos = 2,
	.nr_type = DT_REG,
};
