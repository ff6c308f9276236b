/*
 * /proc's symbolic links.  /proc/self is an ordinary one: its text is the
 * caller's pid, looked up again in /proc.  /proc/PID/exe, /proc/PID/cwd and
 * /proc/PID/fd/N are "magic" (proc(5)): following one leads straight to
 * the object (the program's file, the cwd, the open file's name, even a
 * pipe or a file since unlinked), and reading one gives that object's path
 * as d_path writes it ("/bin/sh", "pipe:[7]", "/tmp/x (deleted)").  So
 * opening /proc/self/fd/N (or /dev/fd/N, a link to it) opens the same file
 * again: a ramfs file with its own offset, a pipe's read or write end.
 */
#include "proc_internal.h"
#include <sched.h>
#include <pid.h>
#include <slab.h>
#include <string.h>
#include <mm.h>

#define PROC_FD_INO(pid, fd) (0x80000000ul + (unsigned long)(pid) * NR_OPEN + (fd))

static int self_readlink(struct dentry *link, char *buf, size_t size)
{
	char text[12];
	pid_t tgid = task_tgid_vnr(current);

	(void)link;
	if (tgid <= 0)
		return -ENOENT; /* not in this /proc's pid namespace */
	int len = snprintf(text, sizeof(text), "%d", tgid);
	memcpy(buf, text, MIN((size_t)len, size));
	return MIN((size_t)len, size);
}

static const struct inode_operations self_iops = {
	.readlink = self_readlink,
	.evict = proc_evict,
};

struct dentry *proc_self_link(struct dentry *root, unsigned long ino)
{
	return proc_new_inode(root, "self", 4, S_IFLNK | 0777, ino, &self_iops, NULL);
}

/* A magic link's text: the path of where it leads. */
static int magic_readlink(struct dentry *link, char *buf, size_t size)
{
	struct dentry *d = link->inode->i_op->follow(link);
	char *page = IS_ERR(d) ? NULL : kmalloc(PATH_MAX);
	int ret = IS_ERR(d) ? PTR_ERR(d) : -ENOMEM;

	if (page) {
		char *path = d_path(d, page, PATH_MAX);
		ret = path ? (int)MIN(strlen(path), size) : -ENAMETOOLONG;
		if (path)
			memcpy(buf, path, ret);
		kfree(page);
	}
	if (!IS_ERR(d))
		dput(d);
	return ret;
}

/* exe and cwd: the entry's link() gives the dentry of the link's task. */
static struct dentry *entry_follow(struct dentry *link)
{
	struct task_struct *task = proc_task(link->inode);

	return task ? PROC_I(link->inode)->entry->link(task) : ERR_PTR(-ENOENT);
}

const struct inode_operations proc_link_iops = {
	.readlink = magic_readlink,
	.follow = entry_follow,
	.evict = proc_evict,
};

struct dentry *proc_exe_link(struct task_struct *task)
{
	struct mm_struct *mm = task->mm;

	return mm && mm->exe_file ? dget(mm->exe_file->dentry) : ERR_PTR(-ENOENT);
}

struct dentry *proc_cwd_link(struct task_struct *task)
{
	struct dentry *d = task_cwd(task);

	return d ? d : ERR_PTR(-ENOENT);
}

/* /proc/PID/fd/N: the name of the task's open file N. */
static struct dentry *fd_follow(struct dentry *link)
{
	struct task_struct *task = proc_task(link->inode);
	struct file *f = task ? fget_task(task, PROC_I(link->inode)->fd) : NULL;

	if (!f)
		return ERR_PTR(-ENOENT);
	struct dentry *d = dget(f->dentry);
	fput(f);
	return d;
}

static const struct inode_operations fd_link_iops = {
	.readlink = magic_readlink,
	.follow = fd_follow,
	.evict = proc_evict,
};

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

static struct dentry *fd_dir_lookup(struct dentry *dir, const char *name, size_t len)
{
	struct task_struct *task = proc_task(dir->inode);
	int fd = parse_fd(name, len);
	struct file *f = task && fd >= 0 ? fget_task(task, fd) : NULL;

	if (!f)
		return ERR_PTR(-ENOENT);
	struct dentry *d = proc_new_inode(dir, name, len, fd_link_mode(f), PROC_FD_INO(task->pid, fd),
					  &fd_link_iops, NULL);
	fput(f);
	if (!IS_ERR(d))
		PROC_I(d->inode)->fd = fd;
	return d;
}

/* Open fd N is at position 2 + N. */
static int fd_dir_iterate(struct file *file, struct dir_context *ctx)
{
	struct task_struct *task = proc_task(file->inode);
	char name[12];

	if (!task)
		return -ENOENT;
	if (!proc_emit_dots(ctx, file->dentry))
		return 0;
	for (int fd = next_fd(task, ctx->pos - 2); fd >= 0; fd = next_fd(task, fd + 1)) {
		int len = snprintf(name, sizeof(name), "%d", fd);
		ctx->pos = 2 + fd;
		if (!ctx->emit(ctx, name, len, PROC_FD_INO(task->pid, fd), DT_LNK))
			return 0;
	}
	return 0;
}

static const struct inode_operations fd_dir_iops = {
	.lookup = fd_dir_lookup,
	.evict = proc_evict,
};

static const struct file_operations fd_dir_fops = {
	.iterate = fd_dir_iterate,
};

struct dentry *proc_fd_dir(struct dentry *pid_dir, unsigned long ino)
{
	return proc_new_inode(pid_dir, "fd", 2, S_IFDIR | 0500, ino, &fd_dir_iops, &fd_dir_fops);
}
